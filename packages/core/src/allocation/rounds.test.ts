import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import type { AllocationInput } from './model.ts';
import { prepareNextRound } from './rounds.ts';
import { assignmentOf, solveReport } from './test-support.ts';

describe('R9 later rounds', () => {
  const round1: AllocationInput = {
    applicants: [
      { id: 'a', choices: ['T'], score: 90 },
      { id: 'b', choices: ['T', 'U'], score: 80 },
      { id: 'c', choices: ['T', 'U'], score: 70 },
      { id: 'd', choices: ['U', 'T'], score: 60 },
    ],
    targets: [
      { id: 'T', capacity: 2 },
      { id: 'U', capacity: 1, ranking: ['b', 'c', 'd'] },
    ],
  };
  const first = solveReport(round1);

  it('first round: T {a, b}, U {c}, d without a seat', () => {
    expect(assignmentOf(first)).toEqual({ a: 'T/general', b: 'T/general', c: 'U/general', d: '-' });
  });

  it('gives the seat b declined to the next unsuccessful applicant and keeps accepted seats', () => {
    const round2 = prepareNextRound(round1, first, ['b']);
    expect(round2.applicants.map((a) => a.id)).toEqual(['a', 'c', 'd']);
    expect(round2.targets[1]!.ranking).toEqual(['c', 'd']);
    expect(round2.kept).toEqual([
      { applicant: 'a', target: 'T', pool: 'general' },
      { applicant: 'c', target: 'U', pool: 'general' },
    ]);
    const second = solveReport(round2);
    expect(assignmentOf(second)).toEqual({ a: 'T/general', c: 'U/general', d: 'T/general' });
    expect(second.applicants.filter((x) => x.kept).map((x) => x.id)).toEqual(['a', 'c']);
    expect(second.applicants.find((x) => x.id === 'd')!.reasons).toEqual([
      { choice: 1, target: 'U', pool: 'general', reason: 'no-seats' },
    ]);
    expect(second.targets.map((t) => t.pools[0]!.cutoff?.applicant)).toEqual(['d', undefined]);
    expect(second.summary).toMatchObject({
      applicants: 3,
      competing: 1,
      assigned: 1,
      kept: 2,
      seats: 3,
      filled: 3,
    });
    expect(checkAllocation(round2, second).violations).toEqual([]);
  });

  it('keeps quota seats that moved in round 1 moved, and lets a declined quota seat be re-awarded', () => {
    const quota: AllocationInput = {
      applicants: [
        { id: 'g1', choices: ['T'], score: 90 },
        { id: 'r1', choices: ['T'], score: 50, categories: ['rural'] },
        { id: 'r2', choices: ['T'], score: 40, categories: ['rural'] },
        { id: 'g2', choices: ['T'], score: 80 },
      ],
      targets: [
        {
          id: 'T',
          capacity: 3,
          pools: [
            { id: 'rural', category: 'rural', seats: 1 },
            { id: 'orphan', category: 'orphan', seats: 1 },
          ],
        },
      ],
    };
    const r1 = solveReport(quota);
    expect(assignmentOf(r1)).toEqual({ g1: 'T/general', r1: 'T/rural', r2: '-', g2: 'T/general' });
    const next = prepareNextRound(quota, r1, ['r1']);
    expect(next.targets[0]!.pools).toEqual([
      { id: 'rural', category: 'rural', seats: 1, unfilled: 'return-to-general' },
      { id: 'orphan', category: 'orphan', seats: 0, unfilled: 'return-to-general' },
    ]);
    const r2 = solveReport(next);
    expect(assignmentOf(r2)).toEqual({ g1: 'T/general', r2: 'T/rural', g2: 'T/general' });
    expect(checkAllocation(next, r2).violations).toEqual([]);
  });
});
