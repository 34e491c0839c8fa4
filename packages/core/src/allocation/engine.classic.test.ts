import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import type { AllocationInput } from './model.ts';
import { assignmentOf, entryChoiceOf, enumerateStableMatchings, solveReport } from './test-support.ts';

/** One-to-one marriage instance: men propose (applicants), women are targets of capacity 1. */
function marriage(men: Record<string, string[]>, women: Record<string, string[]>): AllocationInput {
  return {
    applicants: Object.entries(men).map(([id, choices]) => ({ id, choices })),
    targets: Object.entries(women).map(([id, ranking]) => ({ id, capacity: 1, ranking })),
  };
}

const pairs = (input: AllocationInput) =>
  Object.entries(assignmentOf(solveReport(input)))
    .map(([a, t]) => `${a}${t.split('/')[0]}`)
    .sort();

describe('Gale & Shapley (1962): 3x3 example with three stable matchings', () => {
  // Men's ranks / women's ranks as in the paper's matrix: alpha A 1,3  B 2,2  C 3,1 ...
  const men = { α: ['A', 'B', 'C'], β: ['B', 'C', 'A'], γ: ['C', 'A', 'B'] };
  const women = { A: ['β', 'γ', 'α'], B: ['γ', 'α', 'β'], C: ['α', 'β', 'γ'] };

  it('gives every man his first choice when men propose', () => {
    expect(pairs(marriage(men, women))).toEqual(['αA', 'βB', 'γC']);
  });

  it('gives every woman her first choice when women propose', () => {
    expect(pairs(marriage(women, men))).toEqual(['Aβ', 'Bγ', 'Cα']);
  });

  it('has exactly three stable matchings, the proposers weakly prefer the computed one to all', () => {
    const input = marriage(men, women);
    const report = solveReport(input);
    const stable = enumerateStableMatchings(input, report);
    expect(stable).toHaveLength(3);
    const mine = entryChoiceOf(input, report);
    for (const other of stable) for (const [id, k] of mine) expect(k).toBeLessThanOrEqual(other.get(id)!);
  });
});

describe('Gale & Shapley (1962): 4x4 example with a unique stable matching', () => {
  const men = {
    α: ['A', 'B', 'C', 'D'],
    β: ['A', 'D', 'C', 'B'],
    γ: ['B', 'A', 'C', 'D'],
    δ: ['D', 'B', 'C', 'A'],
  };
  const women = {
    A: ['δ', 'γ', 'α', 'β'],
    B: ['β', 'δ', 'α', 'γ'],
    C: ['δ', 'α', 'β', 'γ'],
    D: ['γ', 'β', 'α', 'δ'],
  };

  it('matches αC, βD, γA, δB whoever proposes (worked by hand both ways)', () => {
    expect(pairs(marriage(men, women))).toEqual(['αC', 'βD', 'γA', 'δB']);
    expect(pairs(marriage(women, men))).toEqual(['Aγ', 'Bδ', 'Cα', 'Dβ']);
  });

  it('has no other stable matching', () => {
    const input = marriage(men, women);
    expect(enumerateStableMatchings(input, solveReport(input))).toHaveLength(1);
  });
});

describe('Roth & Sotomayor style hospitals/residents example', () => {
  // h1 has two posts, h2 one. Residents r1..r4; r4 only wants h1, which ranks r4 last.
  const residents = { r1: ['h2', 'h1'], r2: ['h1', 'h2'], r3: ['h1', 'h2'], r4: ['h1'] };
  const input: AllocationInput = {
    applicants: Object.entries(residents).map(([id, choices]) => ({ id, choices })),
    targets: [
      { id: 'h1', capacity: 2, ranking: ['r1', 'r3', 'r2', 'r4'] },
      { id: 'h2', capacity: 1, ranking: ['r2', 'r1', 'r3'] },
    ],
  };
  const report = solveReport(input);

  it('gives the resident-optimal matching: h1 {r2, r3}, h2 {r1}, r4 unmatched', () => {
    expect(assignmentOf(report)).toEqual({ r1: 'h2/general', r2: 'h1/general', r3: 'h1/general', r4: '-' });
    expect(checkAllocation(input, report).violations).toEqual([]);
  });

  it('has exactly one other stable matching, hospital-optimal h1 {r1, r3}, h2 {r2}', () => {
    const stable = enumerateStableMatchings(input, report);
    expect(stable).toHaveLength(2);
    const other = stable.find((m) => m.get('r1') !== 0)!;
    expect(Object.fromEntries(other)).toEqual({ r1: 1, r2: 1, r3: 0, r4: 1 });
  });

  it('matches the same residents and fills the same posts in every stable matching (rural hospitals theorem)', () => {
    const stable = enumerateStableMatchings(input, report);
    for (const m of stable) {
      const matched = Object.entries(residents)
        .filter(([id, list]) => m.get(id)! < list.length)
        .map(([id]) => id);
      expect(matched).toEqual(['r1', 'r2', 'r3']);
      const atH1 = Object.entries(residents).filter(([id, list]) => list[m.get(id)!] === 'h1').length;
      expect(atH1).toBe(2);
    }
  });
});
