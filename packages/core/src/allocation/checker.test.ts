import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import type { AllocationInput } from './model.ts';
import type { AllocationReport, ApplicantReport, PoolReport } from './report.ts';
import { solveReport } from './test-support.ts';

// T: 2 seats (1 general + 1 rural, returning), U: 1 seat. Valid result: a,r -> T, b -> U, c none.
const input: AllocationInput = {
  applicants: [
    { id: 'a', choices: ['T', 'U'], score: 90 },
    { id: 'b', choices: ['T', 'U'], score: 80 },
    { id: 'c', choices: ['T', 'U'], score: 70 },
    { id: 'r', choices: ['T', 'U'], score: 60, categories: ['rural'] },
  ],
  targets: [
    { id: 'T', capacity: 2, pools: [{ id: 'rural', category: 'rural', seats: 1 }] },
    { id: 'U', capacity: 1 },
  ],
};
const valid = solveReport(input);

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const copy = (): Mutable<AllocationReport> => structuredClone(valid) as Mutable<AllocationReport>;
const applicant = (report: Mutable<AllocationReport>, id: string) =>
  report.applicants.find((a) => a.id === id)! as Mutable<ApplicantReport>;
const pool = (report: Mutable<AllocationReport>, target: string, id: string) =>
  report.targets.find((t) => t.id === target)!.pools.find((p) => p.id === id)! as Mutable<PoolReport>;
const kinds = (report: Mutable<AllocationReport>) => [
  ...new Set(checkAllocation(input, report as AllocationReport).violations.map((v) => v.kind)),
];

describe('checkAllocation', () => {
  it('accepts the engine result', () => {
    expect(valid.applicants.map((a) => `${a.id}:${a.target}/${a.pool}`)).toEqual([
      'a:T/general',
      'b:U/general',
      'c:null/null',
      'r:T/rural',
    ]);
    expect(checkAllocation(input, valid)).toEqual({ ok: true, violations: [] });
  });

  it('finds a blocking pair when a weaker applicant holds the seat a stronger one wanted', () => {
    const report = copy();
    Object.assign(applicant(report, 'b'), { target: null, pool: null, choice: null, rank: null });
    Object.assign(applicant(report, 'c'), { target: 'U', pool: 'general', choice: 2, rank: 1 });
    expect(kinds(report)).toContain('blocking-pair');
  });

  it('finds an over-full pool', () => {
    const report = copy();
    Object.assign(applicant(report, 'c'), { target: 'U', pool: 'general', choice: 2, rank: 2 });
    pool(report, 'U', 'general').filled = 2;
    expect(kinds(report)).toContain('capacity');
  });

  it('finds an applicant placed in a quota pool it does not belong to', () => {
    const report = copy();
    Object.assign(applicant(report, 'c'), { target: 'T', pool: 'rural', choice: 1, rank: 2 });
    expect(kinds(report)).toContain('assignment');
  });

  it('finds quota seats that moved although the pool keeps its seats, and vacant seats that did not move', () => {
    const vacant = (unfilledQuota: 'stay-empty' | 'return-to-general'): AllocationInput => ({
      applicants: [
        { id: 'g1', choices: ['T'], score: 90 },
        { id: 'g2', choices: ['T'], score: 80 },
      ],
      targets: [{ id: 'T', capacity: 2, pools: [{ id: 'disability', category: 'disability', seats: 1 }] }],
      policy: { unfilledQuota },
    });
    const kept = structuredClone(solveReport(vacant('stay-empty'))) as Mutable<AllocationReport>;
    pool(kept, 'T', 'disability').capacity = 0;
    pool(kept, 'T', 'general').capacity = 2;
    expect(checkAllocation(vacant('stay-empty'), kept as AllocationReport).violations).toContainEqual({
      kind: 'quota',
      message: 'T/disability: seats left a pool whose unfilled seats stay empty',
    });
    const returned = structuredClone(solveReport(vacant('return-to-general'))) as Mutable<AllocationReport>;
    pool(returned, 'T', 'disability').capacity = 1;
    pool(returned, 'T', 'general').capacity = 1;
    pool(returned, 'T', 'general').filled = 1;
    Object.assign(applicant(returned, 'g2'), { target: null, pool: null, choice: null, rank: null });
    expect(
      checkAllocation(vacant('return-to-general'), returned as AllocationReport).violations,
    ).toContainEqual({
      kind: 'quota',
      message: 'T/disability: vacant seats were not returned to the general pool',
    });
  });

  it('finds a wrong cutoff', () => {
    const report = copy();
    pool(report, 'T', 'general').cutoff = { applicant: 'b', score: 80, rank: 2 };
    expect(kinds(report)).toContain('cutoff');
  });

  it('finds an explanation whose margin disagrees with the cutoff', () => {
    const report = copy();
    const reason = applicant(report, 'c').reasons![0] as { shortBy: number };
    reason.shortBy = 5;
    expect(kinds(report)).toEqual(['explanation']);
  });

  it('finds a missing explanation', () => {
    const report = copy();
    applicant(report, 'c').reasons = applicant(report, 'c').reasons!.slice(1);
    expect(kinds(report)).toEqual(['explanation']);
  });

  it('finds a lottery ticket that does not follow from the seed', () => {
    const report = copy();
    applicant(report, 'a').ticket += 1;
    expect(kinds(report)).toEqual(['lottery']);
  });
});
