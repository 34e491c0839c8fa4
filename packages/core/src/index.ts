/** @kadr/core: pure domain logic. No I/O, no clock: time, seeds and policies come in as arguments. */
export * from './allocation/kernel.ts';
