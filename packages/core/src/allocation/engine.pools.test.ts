import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import { allocate } from './engine.ts';
import type { AllocationInput, QuotaOrder, UnfilledFate } from './model.ts';
import { assignmentOf, solveReport } from './test-support.ts';

const poolsOf = (report: ReturnType<typeof solveReport>, target: string) =>
  report.targets
    .find((t) => t.id === target)!
    .pools.map((p) => ({
      id: p.id,
      nominal: p.nominal,
      capacity: p.capacity,
      filled: p.filled,
      moved: p.moved,
    }));

describe('R6 dual participation and processing order', () => {
  // T has 3 seats, 1 of them reserved for rural applicants; U takes everyone else.
  const input = (quotaOrder: QuotaOrder): AllocationInput => ({
    applicants: [
      { id: 'r1', choices: ['T', 'U'], score: 95, categories: ['rural'] },
      { id: 'g1', choices: ['T', 'U'], score: 90 },
      { id: 'g2', choices: ['T', 'U'], score: 88 },
      { id: 'r2', choices: ['T', 'U'], score: 70, categories: ['rural'] },
    ],
    targets: [
      { id: 'T', capacity: 3, pools: [{ id: 'rural', category: 'rural', seats: 1 }] },
      { id: 'U', capacity: 10 },
    ],
    policy: { quotaOrder },
  });

  it('general first (default): the strong rural applicant takes a general seat and the quota seat goes to r2', () => {
    const report = solveReport(input('general-first'));
    expect(assignmentOf(report)).toEqual({
      r1: 'T/general',
      g1: 'T/general',
      g2: 'U/general',
      r2: 'T/rural',
    });
    expect(report.applicants.find((a) => a.id === 'r2')!.reasons).toEqual([
      expect.objectContaining({
        choice: 1,
        pool: 'general',
        reason: 'below-cutoff',
        cutoffScore: 90,
        shortBy: 20,
        cutoffApplicant: 'g1',
      }),
    ]);
    expect(checkAllocation(input('general-first'), report).violations).toEqual([]);
  });

  it('quota first: r1 uses the quota seat, g2 takes the general seat and r2 falls to U', () => {
    const report = solveReport(input('quota-first'));
    expect(assignmentOf(report)).toEqual({
      r1: 'T/rural',
      g1: 'T/general',
      g2: 'T/general',
      r2: 'U/general',
    });
    expect(
      report.applicants
        .find((a) => a.id === 'r2')!
        .reasons?.map((r) => r.reason === 'below-cutoff' && [r.pool, r.shortBy]),
    ).toEqual([
      ['rural', 25],
      ['general', 18],
    ]);
    expect(checkAllocation(input('quota-first'), report).violations).toEqual([]);
  });
});

describe('R6 fate of unfilled quota seats', () => {
  const input = (unfilledQuota: UnfilledFate): AllocationInput => ({
    applicants: [90, 80, 70, 60].map((score) => ({ id: `g${score}`, choices: ['T'], score })),
    targets: [{ id: 'T', capacity: 3, pools: [{ id: 'disability', category: 'disability', seats: 1 }] }],
    policy: { unfilledQuota },
  });

  it('returns a disability seat nobody can use to the general pool before the first run', () => {
    const report = solveReport(input('return-to-general'));
    expect(assignmentOf(report)).toEqual({ g90: 'T/general', g80: 'T/general', g70: 'T/general', g60: '-' });
    expect(poolsOf(report, 'T')).toEqual([
      { id: 'general', nominal: 2, capacity: 3, filled: 3, moved: 1 },
      { id: 'disability', nominal: 1, capacity: 0, filled: 0, moved: -1 },
    ]);
    expect(report.summary).toMatchObject({ iterations: 1, returnedSeats: 1, seats: 3, filled: 3 });
    expect(checkAllocation(input('return-to-general'), report).violations).toEqual([]);
  });

  it('keeps the seat empty when the policy says so', () => {
    const report = solveReport(input('stay-empty'));
    expect(assignmentOf(report)).toEqual({ g90: 'T/general', g80: 'T/general', g70: '-', g60: '-' });
    expect(report.summary).toMatchObject({ iterations: 1, returnedSeats: 0, filled: 2, fillRate: 2 / 3 });
    expect(checkAllocation(input('stay-empty'), report).violations).toEqual([]);
  });

  it('reaches the fixed point through a chain: a returned seat at T1 frees a rural seat at T2 (3 runs)', () => {
    // d could take T1's disability seat but gets T3, so the seat is left over only after a run.
    const chain: AllocationInput = {
      applicants: [
        { id: 'x', choices: ['T1', 'T2'], score: 80, categories: ['rural'] },
        { id: 'y', choices: ['T1'], score: 90 },
        { id: 'z', choices: ['T2'], score: 70 },
        { id: 'w', choices: ['T2'], score: 85 },
        { id: 'd', choices: ['T3', 'T1'], score: 50, categories: ['disability'] },
      ],
      targets: [
        { id: 'T1', capacity: 2, pools: [{ id: 'disability', category: 'disability', seats: 1 }] },
        { id: 'T2', capacity: 2, pools: [{ id: 'rural', category: 'rural', seats: 1 }] },
        { id: 'T3', capacity: 1 },
      ],
    };
    const report = solveReport(chain);
    expect(assignmentOf(report)).toEqual({
      x: 'T1/general',
      y: 'T1/general',
      z: 'T2/general',
      w: 'T2/general',
      d: 'T3/general',
    });
    expect(report.summary.iterations).toBe(3);
    expect(poolsOf(report, 'T2')).toEqual([
      { id: 'general', nominal: 1, capacity: 2, filled: 2, moved: 1 },
      { id: 'rural', nominal: 1, capacity: 0, filled: 0, moved: -1 },
    ]);
    expect(checkAllocation(chain, report).violations).toEqual([]);
  });

  it('lets one pool override the policy fate', () => {
    const mixed = input('return-to-general');
    const report = solveReport({
      ...mixed,
      targets: [
        {
          id: 'T',
          capacity: 3,
          pools: [{ id: 'disability', category: 'disability', seats: 1, unfilled: 'stay-empty' }],
        },
      ],
    });
    expect(report.summary.filled).toBe(2);
  });
});

describe('R11 regional targeted pools', () => {
  const input: AllocationInput = {
    applicants: [
      { id: 'p', choices: ['T', 'V'], score: 90, region: 'Almaty' },
      { id: 'q', choices: ['T'], score: 85, region: 'Atyrau' },
      { id: 's', choices: ['T', 'V'], score: 80, region: 'Almaty' },
      { id: 't', choices: ['T'], score: 75, region: 'Atyrau' },
    ],
    targets: [
      { id: 'T', capacity: 3, pools: [{ id: 'atyrau', region: 'Atyrau', seats: 1 }] },
      { id: 'V', capacity: 5, region: 'Atyrau' },
    ],
  };
  const report = solveReport(input);

  it('keeps the regional seat for an applicant from the region even when a stronger outsider applies', () => {
    expect(assignmentOf(report)).toEqual({ p: 'T/general', q: 'T/general', s: '-', t: 'T/atyrau' });
  });

  it('explains the outsider: below the general cutoff, and not eligible for a whole regional target', () => {
    expect(report.applicants.find((a) => a.id === 's')!.reasons).toEqual([
      expect.objectContaining({ target: 'T', pool: 'general', reason: 'below-cutoff', shortBy: 5 }),
      { choice: 2, target: 'V', reason: 'ineligible', rule: 'region', value: 'Almaty', required: 'Atyrau' },
    ]);
    expect(checkAllocation(input, report).violations).toEqual([]);
  });
});

describe('an applicant in several categories', () => {
  // A numbers the categories x, y; B declares its pools the other way round. Neither target has a
  // general seat and seats stay empty, so each applicant takes the first reserved pool it enters.
  const input: AllocationInput = {
    applicants: [
      { id: 'a', choices: ['A'], score: 80, categories: ['y', 'x'] },
      { id: 'b', choices: ['B'], score: 80, categories: ['x', 'y'] },
    ],
    targets: [
      {
        id: 'A',
        capacity: 2,
        pools: [
          { id: 'px', category: 'x', seats: 1 },
          { id: 'py', category: 'y', seats: 1 },
        ],
      },
      {
        id: 'B',
        capacity: 2,
        pools: [
          { id: 'qy', category: 'y', seats: 1 },
          { id: 'qx', category: 'x', seats: 1 },
        ],
      },
    ],
  };

  it("enters the reserved pools in each target's own pool order", () => {
    for (const quotaOrder of ['general-first', 'quota-first'] as const) {
      const run: AllocationInput = { ...input, policy: { quotaOrder, unfilledQuota: 'stay-empty' } };
      const report = solveReport(run);
      expect(assignmentOf(report)).toEqual({ a: 'A/px', b: 'B/qy' });
      expect(checkAllocation(run, report).violations).toEqual([]);
    }
  });
});

describe('pool definitions that cannot work', () => {
  it('reports a policy quota without category or region, and a duplicate quota id, at the first target', () => {
    const outcome = allocate({
      applicants: [{ id: 'a1', choices: ['t1'] }],
      targets: [
        { id: 't1', capacity: 10 },
        { id: 't2', capacity: 10 },
      ],
      policy: {
        quotas: [
          { id: 'x', share: 0.1 },
          { id: 'rural', category: 'rural', share: 0.1 },
          { id: 'rural', category: 'rural', share: 0.1 },
        ],
      },
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      { path: 'targets[0].pools', message: 'pool "x" needs a category or a region' },
      { path: 'targets[0].pools', message: 'duplicate pool id "rural"' },
    ]);
  });
});
