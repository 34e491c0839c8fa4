/**
 * The quota fixed point (DOMAIN R6): run the kernel, move the vacant seats of returning reserved
 * pools to their target's general pool, and repeat until no returning pool has a vacancy. Each
 * step is an exact deferred-acceptance run under that step's capacities; what makes the steps
 * cheap is one run beforehand under an upper bound on every step's capacities ({@link boundRun}):
 * each applicant then starts proposing at its outcome there, and each step resumes from the
 * previous one's seats (kernel.ts, `resume`). docs/allocation.md, "Returned quota seats", has
 * the argument and the alternatives tried.
 *
 * Invariants: each step's result is the applicant-optimal stable matching under its capacities
 * (property-tested against full runs in engine.fixed-point.test.ts). Complexity: one full run,
 * then per step O(n + m) plus the proposals of the applicants below their start edge.
 */
import { HEAP, type TypedAllocator } from './arena.ts';
import {
  createKernelScratch,
  type FlatInstance,
  type KernelResult,
  type KernelScratch,
  solveDeferredAcceptance,
} from './kernel.ts';
import type { CompiledTargets } from './targets.ts';

/**
 * Solves to the fixed point of returned quota seats.
 * (Re-filling only the new seats by vacancy chains was tried and rejected: it reaches a stable
 * matching that is not always the applicant-optimal one.)
 * @param workspace E ints the runs share (each fresh E-sized array can start a full collection)
 * @param alloc where the runs' scratch comes from (the run's arena)
 * @returns the final run, the final capacities and the number of steps
 */
export function solveToFixedPoint(
  instance: FlatInstance,
  targets: CompiledTargets,
  workspace: Int32Array = new Int32Array(instance.rankList.length),
  alloc: TypedAllocator = HEAP,
): { solution: KernelResult; capacity: Int32Array; iterations: number } {
  const capacity = Int32Array.from(instance.capacity);
  // One workspace and one scratch for every run: each run's fresh arrays (about 20 MB at a million
  // applicants) would add up to a full collection of the input objects.
  const bound = boundRun(instance, capacity, targets, workspace, alloc);
  if (!bound) {
    const solution = solveDeferredAcceptance({ ...instance, capacity }, { workspace });
    returnVacantSeats(targets, capacity, solution.count);
    return { solution, capacity, iterations: 1 };
  }
  // Each step resumes from the previous run's seats (the bound run's for the first): applicants held
  // at their start edge keep their seats, the others propose again (kernel.ts, `resume`).
  let previous = bound.solution;
  for (let iterations = 1; ; iterations++) {
    const solution = solveDeferredAcceptance(
      { ...instance, capacity },
      { workspace, start: bound.start, resume: previous, scratch: bound.scratch },
    );
    if (!returnVacantSeats(targets, capacity, solution.count)) return { solution, capacity, iterations };
    previous = solution;
  }
}

/**
 * The run under an upper bound on the capacities of every step from `capacity` on, and where each
 * applicant may start proposing in those steps (its edge in that run); null when no seat can
 * return (one run, nothing to save).
 *
 * Every step's capacities are at most the bound: `capacity` with all returnable reserved
 * seats added to the general pool as well (reserved pools only lose seats, general pools only gain
 * them). Adding seats never makes an applicant worse off in the applicant-optimal stable matching
 * (Gale & Sotomayor 1985; Roth & Sotomayor 1990, ch. 5), so in every such step applicant i ends at
 * or below its outcome under the bound, and every edge above that outcome is a proposal the step's
 * run rejects. Those edges are rejected at first sight: their pool holds its bound capacity of
 * applicants ranked above i, who all propose to it in the step too. Pre-loading proposals that a
 * run makes anyway yields the same applicant-optimal matching (the cumulative-offer fixed point
 * of Hatfield & Milgrom 2005 is the least one above any subset of its offers), so starting at the
 * bound's outcome is exact. Property-tested against full runs (engine.fixed-point.test.ts). A second,
 * tighter bound after the first step (reserved pools at their reduced capacities) was tried: it
 * cost a run and left as many applicants below it (docs/allocation.md).
 */
function boundRun(
  instance: FlatInstance,
  capacity: Int32Array,
  targets: CompiledTargets,
  workspace: Int32Array,
  alloc: TypedAllocator,
): { solution: KernelResult; start: Int32Array; scratch: KernelScratch } | null {
  const bound = Int32Array.from(capacity);
  let returnable = 0;
  for (let general = 0; general + 1 < targets.reservedStart.length; general++) {
    for (let p = targets.reservedStart[general]!; p < targets.reservedStart[general + 1]!; p++) {
      if (bound[p]! <= 0 || targets.pools[p]!.unfilled !== 'return-to-general') continue;
      bound[general]! += bound[p]!;
      returnable += bound[p]!;
    }
  }
  if (returnable === 0) return null;
  const scratch = createKernelScratch(instance, alloc);
  const solution = solveDeferredAcceptance({ ...instance, capacity: bound }, { workspace, scratch });
  const { prefOffset, n } = instance;
  const start = alloc.int32(n);
  for (let i = 0; i < n; i++) {
    const e = solution.matchEdge[i]!;
    start[i] = e >= 0 ? e : prefOffset[i + 1]!;
  }
  return { solution, start, scratch };
}

/** Moves vacant seats of returning quota pools to the general pool; true when any moved. */
function returnVacantSeats(targets: CompiledTargets, capacity: Int32Array, count: Int32Array): boolean {
  let moved = false;
  for (let general = 0; general + 1 < targets.reservedStart.length; general++) {
    for (let p = targets.reservedStart[general]!; p < targets.reservedStart[general + 1]!; p++) {
      const vacant = capacity[p]! - count[p]!;
      if (vacant <= 0 || targets.pools[p]!.unfilled !== 'return-to-general') continue;
      capacity[p]! -= vacant;
      capacity[general]! += vacant;
      moved = true;
    }
  }
  return moved;
}
