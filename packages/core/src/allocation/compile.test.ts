import { describe, expect, it } from 'vitest';
import { countChoices } from './compile.ts';
import type { AllocationInput } from './model.ts';

const input: AllocationInput = {
  applicants: [
    { id: 'a', choices: ['t1', 't2', 't3'] },
    { id: 'b', choices: ['t1', 't2'], categories: ['rural', 'disability'] },
    { id: 'c', choices: ['t3'], categories: ['rural'], region: 'east' },
  ],
  targets: [],
};

describe('countChoices', () => {
  it('bounds the pool entries by one extra entry per choice, category and region', () => {
    expect(countChoices(input, true)).toEqual({ choices: 6, entries: 6 + 2 * 2 + 1 * 2 });
  });

  it('counts one entry per choice when no target has reserved pools', () => {
    expect(countChoices(input, false)).toEqual({ choices: 6, entries: 6 });
  });
});
