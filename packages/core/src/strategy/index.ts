/** The strategy tracker (DESIGN.md capability 8): KPI registry, formulas, disclosure rule, targets and milestones. */
export * from './registry.ts';
export * from './measurement.ts';
export * from './formulas.ts';
export * from './practice-formulas.ts';
export * from './kpis.ts';
export * from './disclosure.ts';
export * from './progress.ts';
