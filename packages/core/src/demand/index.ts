/** Workforce demand against supply (DESIGN.md capability 7): supply projection, gaps and skill gaps. */
export * from './supply.ts';
export * from './gaps.ts';
export * from './regions.ts';
export * from './placements.ts';
