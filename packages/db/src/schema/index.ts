/**
 * The one Drizzle schema of Kadr (PostgreSQL dialect), shared by PGlite and PostgreSQL, one file per
 * capability. Migrations are generated from it by drizzle-kit (`npm run db:generate`) and committed.
 * A new capability adds its file here.
 */
export * from './organisations.ts';
export * from './users.ts';
export * from './audit.ts';
export * from './partners.ts';
export * from './agreements.ts';
export * from './material-base.ts';
export * from './investments.ts';
export * from './bookings.ts';
export * from './programmes.ts';
export * from './competencies.ts';
export * from './students.ts';
export * from './strategy.ts';
export * from './placements.ts';
export * from './placement-outcomes.ts';
export * from './demand.ts';
