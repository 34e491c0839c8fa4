import { describe, expect, it } from 'vitest';
import { splitByWeights } from './material-base-demo.ts';

describe('the demo ledger', () => {
  it('splits an amount by weights exactly, the last share taking the remainder', () => {
    expect(splitByWeights(1000, [1, 1, 1])).toEqual([333, 333, 334]);
    expect(splitByWeights(299_295_000_00, [2, 2, 2, 1]).reduce((a, b) => a + b, 0)).toBe(299_295_000_00);
  });
});
