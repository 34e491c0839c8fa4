import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRankAt } from './build-index.ts';
import { allocate } from './engine.ts';
import {
  createKernelScratch,
  type FlatInstance,
  type KernelResult,
  restoreStartSeats,
  solveDeferredAcceptance,
} from './kernel.ts';
import type { AllocationInput, ApplicantInput, TargetInput } from './model.ts';
import { fixedPointByFullRuns } from './test-support.ts';

/** A random flat instance: every applicant lists distinct targets, every target ranks its applicants. */
const flatArb = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), m: fc.integer({ min: 1, max: 8 }), seed: fc.nat() })
  .chain(({ n, m, seed }) =>
    fc.record({
      seed: fc.constant(seed),
      capacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: m, maxLength: m }),
      extra: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      cut: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      cut2: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      prefs: fc.array(fc.shuffledSubarray([...Array(m).keys()]), { minLength: n, maxLength: n }),
      order: fc.array(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }), {
        minLength: m,
        maxLength: m,
      }),
    }),
  )
  .map(({ capacity, extra, cut, cut2, prefs, order }) => {
    // Target j ranks the applicants that list it in the order of its random permutation.
    const rankings = order.map((perm, j) => perm.filter((i) => prefs[i]!.includes(j)));
    const prefOffset = Int32Array.from([0, ...prefs.map((_, i) => prefs.slice(0, i + 1).flat().length)]);
    const rankOffset = Int32Array.from([
      0,
      ...rankings.map((_, j) => rankings.slice(0, j + 1).flat().length),
    ]);
    const lists = {
      n: prefs.length,
      m: capacity.length,
      prefOffset,
      prefTarget: Int32Array.from(prefs.flat()),
      rankOffset,
      rankList: Int32Array.from(rankings.flat()),
    };
    const built = buildRankAt(lists);
    if (!built.ok) throw new Error(built.problem);
    const instance: FlatInstance = { ...lists, capacity: Int32Array.from(capacity), rankAt: built.rankAt };
    const bound = Int32Array.from(capacity, (c, j) => c + extra[j]!);
    // Two more capacity vectors below the bound, in no particular order to each other.
    const lower = Int32Array.from(bound, (c, j) => Math.max(0, c - cut[j]!));
    const lower2 = Int32Array.from(bound, (c, j) => Math.max(0, c - cut2[j]!));
    return { instance, bound, lower, lower2 };
  });

const sameMatching = (a: KernelResult, b: KernelResult) => {
  expect(Array.from(a.match)).toEqual(Array.from(b.match));
  expect(Array.from(a.matchEdge)).toEqual(Array.from(b.matchEdge));
  expect(Array.from(a.count)).toEqual(Array.from(b.count));
  expect(Array.from(a.worst)).toEqual(Array.from(b.worst));
};

/** Each applicant's edge in `run`, or the end of its list: where it starts proposing below `run`'s capacities. */
const startEdgesOf = (instance: FlatInstance, run: KernelResult) =>
  Int32Array.from(run.matchEdge, (e, i) => (e >= 0 ? e : instance.prefOffset[i + 1]!));

/** A run under `bound` on a fresh workspace and scratch, and the start edges it defines. */
function runUnderBound(instance: FlatInstance, bound: Int32Array) {
  const workspace = new Int32Array(instance.rankList.length);
  const scratch = createKernelScratch(instance);
  const first = solveDeferredAcceptance({ ...instance, capacity: bound }, { workspace, scratch });
  return { workspace, scratch, first, start: startEdgesOf(instance, first) };
}

/** Grant-like instances where many reserved seats return, often over several steps. */
const grantArb = fc
  .record({ nA: fc.integer({ min: 2, max: 60 }), nT: fc.integer({ min: 1, max: 6 }), seed: fc.nat() })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      targets: fc.array(
        fc.record({
          capacity: fc.integer({ min: 1, max: 8 }),
          x: fc.integer({ min: 0, max: 4 }),
          y: fc.integer({ min: 0, max: 3 }),
          yStays: fc.boolean(),
        }),
        { minLength: shape.nT, maxLength: shape.nT },
      ),
      applicants: fc.array(
        fc.record({
          choices: fc.shuffledSubarray([...Array(shape.nT).keys()], { minLength: 1 }),
          score: fc.integer({ min: 0, max: 4 }),
          category: fc.constantFrom(undefined, 'x', 'y', 'x', undefined),
        }),
        { minLength: shape.nA, maxLength: shape.nA },
      ),
      quotaFirst: fc.boolean(),
    }),
  )
  .map(
    ({ shape, targets, applicants, quotaFirst }): AllocationInput => ({
      applicants: applicants.map(
        (a, i): ApplicantInput => ({
          id: `a${i}`,
          choices: a.choices.map((t) => `t${t}`),
          score: a.score,
          categories: a.category ? [a.category] : [],
        }),
      ),
      targets: targets.map(
        (t, j): TargetInput => ({
          id: `t${j}`,
          capacity: t.capacity + t.x + t.y,
          pools: [
            { id: 'qx', category: 'x', seats: t.x },
            { id: 'qy', category: 'y', seats: t.y, ...(t.yStays ? { unfilled: 'stay-empty' as const } : {}) },
          ],
        }),
      ),
      policy: {
        seed: shape.seed,
        quotaOrder: quotaFirst ? 'quota-first' : 'general-first',
        explain: false,
      },
    }),
  );

describe('resuming deferred acceptance below an upper bound', () => {
  it('gives the full run when applicants start at their outcome under larger capacities', () => {
    fc.assert(
      fc.property(flatArb, ({ instance, bound }) => {
        const full = solveDeferredAcceptance(instance);
        const start = startEdgesOf(instance, solveDeferredAcceptance({ ...instance, capacity: bound }));
        sameMatching(solveDeferredAcceptance(instance, { start }), full);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the full run when resuming from the seats of an earlier run on the same workspace', () => {
    fc.assert(
      fc.property(flatArb, ({ instance, bound, lower, lower2 }) => {
        const workspace = new Int32Array(instance.rankList.length + 3);
        const first = solveDeferredAcceptance({ ...instance, capacity: bound }, { workspace });
        const start = startEdgesOf(instance, first);
        const second = solveDeferredAcceptance(
          { ...instance, capacity: lower },
          { workspace, start, resume: first },
        );
        sameMatching(second, solveDeferredAcceptance({ ...instance, capacity: lower }));
        const third = solveDeferredAcceptance(
          { ...instance, capacity: lower2 },
          { workspace, start, resume: second },
        );
        sameMatching(third, solveDeferredAcceptance({ ...instance, capacity: lower2 }));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same runs with a scratch, each resumed run writing into the result set it does not resume', () => {
    fc.assert(
      fc.property(flatArb, ({ instance, bound, lower, lower2 }) => {
        const { workspace, scratch, first, start } = runUnderBound(instance, bound);
        sameMatching(first, solveDeferredAcceptance({ ...instance, capacity: bound }));
        const second = solveDeferredAcceptance(
          { ...instance, capacity: lower },
          { workspace, start, resume: first, scratch },
        );
        expect(second.match).not.toBe(first.match);
        sameMatching(second, solveDeferredAcceptance({ ...instance, capacity: lower }));
        const third = solveDeferredAcceptance(
          { ...instance, capacity: lower2 },
          { workspace, start, resume: second, scratch },
        );
        expect(third.match).toBe(first.match);
        sameMatching(third, solveDeferredAcceptance({ ...instance, capacity: lower2 }));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the full run when a resumed run is told which applicants are off their start edge', () => {
    let looked = 0;
    fc.assert(
      fc.property(flatArb, ({ instance, bound, lower, lower2 }) => {
        const { workspace, scratch, first, start } = runUnderBound(instance, bound);
        const second = solveDeferredAcceptance(
          { ...instance, capacity: lower },
          { workspace, start, resume: first, scratch },
        );
        const middle = Int32Array.from(lower, (c, j) => Math.max(c, lower2[j]!));
        const third = solveDeferredAcceptance(
          { ...instance, capacity: middle },
          { workspace, start, resume: second, scratch },
        );
        sameMatching(third, solveDeferredAcceptance({ ...instance, capacity: middle }));
        const top = Int32Array.from(middle, (c, j) => Math.min(bound[j]!, c + 1));
        const off = [...third.matchEdge.keys()].filter((i) => third.matchEdge[i] !== start[i]);
        const candidates = Int32Array.from(off.reverse());
        looked += candidates.length;
        const fourth = solveDeferredAcceptance(
          { ...instance, capacity: top },
          { workspace, start, resume: third, scratch, candidates },
        );
        sameMatching(fourth, solveDeferredAcceptance({ ...instance, capacity: top }));
      }),
      { numRuns: 1000 },
    );
    expect(looked).toBeGreaterThan(1000);
  });

  it('puts the workspace back to the seats of the run that defined the start edges, so any run can resume from it', () => {
    fc.assert(
      fc.property(flatArb, ({ instance, bound, lower, lower2 }) => {
        const { workspace, scratch, first, start } = runUnderBound(instance, bound);
        const candidates = new Int32Array(0);
        for (const capacity of [lower, lower2, bound, lower]) {
          const run = solveDeferredAcceptance(
            { ...instance, capacity },
            { workspace, start, resume: first, scratch, candidates },
          );
          sameMatching(run, solveDeferredAcceptance({ ...instance, capacity }));
          restoreStartSeats(instance, workspace, start, run);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reaches the same fixed point and capacities as full runs, in as many steps as full runs that move unfillable seats first', () => {
    let multiStep = 0;
    let fewerSteps = 0;
    fc.assert(
      fc.property(grantArb, (input) => {
        const outcome = allocate(input);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
        const { instance, targets, solution, capacity, iterations } = outcome.result;
        const reference = fixedPointByFullRuns(instance, targets);
        sameMatching(solution, reference.solution);
        expect(Array.from(capacity)).toEqual(Array.from(reference.capacity));
        expect(iterations).toBe(fixedPointByFullRuns(instance, targets, true).iterations);
        if (iterations > 2) multiStep++;
        if (iterations < reference.iterations) fewerSteps++;
      }),
      { numRuns: 1000 },
    );
    // The generator must exercise fixed points of more than one return step, and unfillable seats.
    expect(multiStep).toBeGreaterThan(10);
    expect(fewerSteps).toBeGreaterThan(10);
  });
});
