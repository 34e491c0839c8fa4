import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import { drawTicket } from './lottery.ts';
import type {
  AllocationInput,
  ApplicantInput,
  PoolDefinition,
  TargetInput,
  TieBreakCriterion,
} from './model.ts';
import type { AllocationReport } from './report.ts';
import { compareIds } from './tie-break.ts';
import {
  assignmentOf,
  entryChoiceOf,
  enumerateStableMatchings,
  serialDictatorship,
  solveReport,
} from './test-support.ts';

const CHAINS: TieBreakCriterion[][] = [
  [{ by: 'profileScore' }, { by: 'privilege', names: ['p'] }],
  [],
  [{ by: 'privilege', names: ['p'] }],
  [{ by: 'certificateAverage' }, { by: 'privilege', names: ['p'] }],
];

const poolArb = fc
  .record({
    id: fc.constantFrom('qx', 'qy', 'reg'),
    seats: fc.integer({ min: 0, max: 2 }),
  })
  .map(
    ({ id, seats }): PoolDefinition =>
      id === 'reg' ? { id, region: 'R1', seats } : { id, category: id === 'qx' ? 'x' : 'y', seats },
  );

/** Random small instances: ties in scores, categories, regions, explicit rankings, every policy switch. */
function instanceArb(maxApplicants: number, maxTargets: number, maxPools = 1) {
  return fc
    .record({
      nA: fc.integer({ min: 1, max: maxApplicants }),
      nT: fc.integer({ min: 1, max: maxTargets }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      chain: fc.integer({ min: 0, max: CHAINS.length - 1 }),
      quotaFirst: fc.boolean(),
      stayEmpty: fc.boolean(),
      minTotal: fc.constantFrom(undefined, 55),
    })
    .chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        targets: fc.array(
          fc.record({
            capacity: fc.integer({ min: 0, max: 3 }),
            pools: fc.uniqueArray(poolArb, { maxLength: maxPools, selector: (p) => p.id }),
            ranking: fc.option(fc.shuffledSubarray([...Array(shape.nA).keys()]), { freq: 3 }),
            profile: fc.constantFrom(['m', 'p'], ['m', 'i']),
          }),
          { minLength: shape.nT, maxLength: shape.nT },
        ),
        applicants: fc.array(
          fc.record({
            choices: fc.shuffledSubarray([...Array(shape.nT).keys()]),
            score: fc.constantFrom(50, 60, 70),
            x: fc.boolean(),
            y: fc.boolean(),
            region: fc.boolean(),
            p: fc.boolean(),
            average: fc.constantFrom(4, 5),
            subjects: fc.record({
              m: fc.integer({ min: 0, max: 2 }),
              p: fc.integer({ min: 0, max: 2 }),
              i: fc.integer({ min: 0, max: 2 }),
            }),
          }),
          { minLength: shape.nA, maxLength: shape.nA },
        ),
      }),
    )
    .map(
      ({ shape, targets, applicants }): AllocationInput => ({
        applicants: applicants.map(
          (a, i): ApplicantInput => ({
            id: `a${i}`,
            choices: a.choices.map((t) => `t${t}`),
            score: a.score,
            categories: [...(a.x ? ['x'] : []), ...(a.y ? ['y'] : [])],
            ...(a.region ? { region: 'R1' } : {}),
            privileges: a.p ? ['p'] : [],
            certificateAverage: a.average,
          }),
        ),
        targets: targets.map(
          (t, j): TargetInput => ({
            id: `t${j}`,
            capacity: Math.max(
              t.capacity,
              t.pools.reduce((sum, p) => sum + (p.seats ?? 0), 0),
            ),
            pools: t.pools,
            ...(t.ranking === null ? {} : { ranking: t.ranking.map((i) => `a${i}`) }),
          }),
        ),
        policy: {
          seed: shape.seed,
          tieBreak: CHAINS[shape.chain]!,
          quotaOrder: shape.quotaFirst ? 'quota-first' : 'general-first',
          unfilledQuota: shape.stayEmpty ? 'stay-empty' : 'return-to-general',
          eligibility: shape.minTotal === undefined ? {} : { minTotal: shape.minTotal },
        },
      }),
    );
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (seed * (i + 7) + 13 * i) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const cutoffsOf = (report: AllocationReport) =>
  Object.fromEntries(
    report.targets.flatMap((t) =>
      t.pools.map((p) => [`${t.id}/${p.id}`, [p.capacity, p.filled, p.cutoff?.applicant]]),
    ),
  );

describe('allocation engine properties', () => {
  it('produces results the independent checker accepts (stable, within capacity, quotas, explanations)', () => {
    fc.assert(
      fc.property(instanceArb(8, 4), (input) => {
        expect(checkAllocation(input, solveReport(input)).violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is applicant-optimal: every applicant weakly prefers it to every stable matching (brute force)', () => {
    fc.assert(
      fc.property(instanceArb(5, 3), (input) => {
        const report = solveReport(input);
        const stable = enumerateStableMatchings(input, report);
        const mine = entryChoiceOf(input, report);
        expect(stable.some((m) => [...m].every(([id, k]) => mine.get(id) === k))).toBe(true);
        for (const other of stable) for (const [id, k] of mine) expect(k).toBeLessThanOrEqual(other.get(id)!);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(instanceArb(8, 4), (input) => {
        expect(solveReport(input)).toEqual(solveReport(input));
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of applicants and targets in the input', () => {
    fc.assert(
      fc.property(instanceArb(8, 4), fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const report = solveReport(input);
        const moved = solveReport({
          ...input,
          applicants: shuffled(input.applicants, seed),
          targets: shuffled(input.targets, seed + 1),
        });
        expect(assignmentOf(moved)).toEqual(assignmentOf(report));
        expect(cutoffsOf(moved)).toEqual(cutoffsOf(report));
      }),
      { numRuns: 200 },
    );
  });

  it('equals serial dictatorship in score-then-lottery order when all targets rank by score (R8)', () => {
    fc.assert(
      fc.property(instanceArb(10, 4, 0), (input) => {
        const plain: AllocationInput = {
          ...input,
          targets: input.targets.map(({ ranking: _ranking, ...t }) => t),
          policy: { seed: input.policy!.seed! },
        };
        const seed = plain.policy!.seed!;
        const order = [...plain.applicants]
          .sort(
            (a, b) =>
              b.score! - a.score! ||
              drawTicket(seed, a.id) - drawTicket(seed, b.id) ||
              compareIds(a.id, b.id),
          )
          .map((a) => a.id);
        expect(assignmentOf(solveReport(plain))).toEqual(serialDictatorship(plain, order));
      }),
      { numRuns: 200 },
    );
  });

  it('assigns the same seats with explanations switched off', () => {
    fc.assert(
      fc.property(instanceArb(8, 4), (input) => {
        expect(assignmentOf(solveReport(input, { explain: false }))).toEqual(
          assignmentOf(solveReport(input)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('passes the checker on medium instances (120 applicants, 12 targets)', () => {
    fc.assert(
      fc.property(instanceArb(120, 12), (input) => {
        expect(checkAllocation(input, solveReport(input)).violations).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
