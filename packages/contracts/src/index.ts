/** @kadr/contracts: the zod schemas of every Kadr API payload, shared by server, web and CLI. */
export * from './audit.ts';
export * from './auth.ts';
export * from './common.ts';
export * from './errors.ts';
export * from './lists.ts';
export * from './organisations.ts';
export * from './users.ts';
export * from './agreements.ts';
export * from './bookings.ts';
export * from './impact.ts';
export * from './imports.ts';
export * from './investments.ts';
export * from './material-base.ts';
export * from './money.ts';
export * from './partners.ts';
export * from './rules.ts';
export * from './allocation.ts';
