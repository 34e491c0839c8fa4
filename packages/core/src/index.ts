/** @kadr/core: pure domain logic. No I/O, no clock: time, seeds and policies come in as arguments. */
export * from './allocation/kernel.ts';
export * from './allocation/build-index.ts';
export * from './allocation/hr1.ts';
export * from './allocation/model.ts';
export * from './allocation/policy.ts';
export * from './allocation/eligibility.ts';
export * from './allocation/quotas.ts';
export * from './allocation/lottery.ts';
export * from './allocation/tie-break.ts';
export * from './allocation/engine.ts';
export * from './allocation/explain.ts';
export * from './allocation/report.ts';
export * from './allocation/present.ts';
export * from './allocation/rounds.ts';
export * from './allocation/checker.ts';
export * from './calendar.ts';
export * from './agreements/status.ts';
