/**
 * The quota fixed point (DOMAIN R6): run the kernel, move the vacant seats of returning reserved
 * pools to their target's general pool, and repeat until no returning pool has a vacancy. Each
 * step is an exact deferred-acceptance run under that step's capacities; what makes the steps
 * cheap is one run beforehand under an upper bound on every step's capacities ({@link boundCapacities}),
 * tightened by a second, resumed run ({@link tightenBound}): each applicant then starts proposing
 * at its outcome under the tightened bound, and each step resumes from those seats (kernel.ts,
 * `resume`). docs/allocation.md, "Returned quota seats", has the argument and the alternatives
 * tried.
 *
 * Invariants: each step's result is the applicant-optimal stable matching under its capacities
 * (property-tested against full runs in engine.fixed-point.test.ts). Complexity: one full run,
 * then per resumed run O(n + m) plus the proposals of the applicants it moves off their start edge.
 */
import { Arena } from './arena.ts';
import {
  createKernelScratch,
  restoreStartSeats,
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
 * @param arena where the runs' arrays come from; the workspace (E ints) and the start edges are
 *   handed back at the end, so what the run allocates next (the explanations) reuses that memory,
 *   already paged in, instead of touching fresh pages
 * @returns the final run, the final capacities and the number of steps
 */
export function solveToFixedPoint(
  instance: FlatInstance,
  targets: CompiledTargets,
  arena: Arena = new Arena(0),
): { solution: KernelResult; capacity: Int32Array; iterations: number } {
  const capacity = Int32Array.from(instance.capacity);
  returnUnfillableSeats(instance, targets, capacity);
  const bound = boundCapacities(capacity, targets);
  // The results live below the mark; one workspace and one scratch serve every run (each run's
  // fresh arrays, about 20 MB at a million applicants, would add up to a full collection).
  const scratch = bound ? createKernelScratch(instance, arena) : null;
  const mark = arena.mark();
  const workspace = arena.int32(instance.rankList.length);
  const solved =
    bound && scratch
      ? solveFromBound(instance, targets, capacity, { bound, scratch, workspace, arena })
      : solveOnce(instance, targets, capacity, workspace);
  arena.release(mark);
  return solved;
}

function solveOnce(
  instance: FlatInstance,
  targets: CompiledTargets,
  capacity: Int32Array,
  workspace: Int32Array,
) {
  const solution = solveDeferredAcceptance({ ...instance, capacity }, { workspace });
  returnVacantSeats(targets, capacity, solution.count);
  return { solution, capacity, iterations: 1 };
}

/**
 * The run under the bound, the run under the tightened bound, then the steps. Every step resumes
 * from the tightened bound run's seats, which hold every applicant at its start edge: each pool
 * keeps its best ranked holders up to the step's capacity and the others propose again from
 * their start edge (kernel.ts, `resume`). From the second step on, the steps' capacities are
 * within a few thousand seats of the tightened bound at 1M, while the first step left 182k
 * applicants off their start edge, so resuming from the bound's seats moves far fewer applicants
 * than resuming from the step before; between steps the workspace is put back to those seats
 * ({@link restoreStartSeats}).
 */
function solveFromBound(
  instance: FlatInstance,
  targets: CompiledTargets,
  capacity: Int32Array,
  run: { bound: Int32Array; scratch: KernelScratch; workspace: Int32Array; arena: Arena },
) {
  const { scratch, workspace } = run;
  const loose = solveDeferredAcceptance({ ...instance, capacity: run.bound }, { workspace, scratch });
  const start = startEdges(instance, loose, run.arena.int32(instance.n));
  const tight = tightenBound(instance, targets, capacity, { ...run, loose, start });
  // Nobody is off its start edge in the run that defined the start edges.
  const candidates = new Int32Array(0);
  for (let iterations = 1; ; iterations++) {
    const solution = solveDeferredAcceptance(
      { ...instance, capacity },
      { workspace, start, resume: tight, scratch, candidates },
    );
    if (!returnVacantSeats(targets, capacity, solution.count)) return { solution, capacity, iterations };
    restoreStartSeats(instance, workspace, start, solution);
  }
}

/**
 * An upper bound on the capacities of every step from `capacity` on; null when no seat can return
 * (one run, nothing to save).
 *
 * Every step's capacities are at most the bound: `capacity` with all returnable reserved
 * seats added to the general pool as well (reserved pools only lose seats, general pools only gain
 * them). Adding seats never makes an applicant worse off in the applicant-optimal stable matching
 * (Gale & Sotomayor 1985; Roth & Sotomayor 1990, ch. 5), so in every such step applicant i ends at
 * or below its outcome under the bound, and every edge above that outcome is a proposal the step's
 * run rejects. Those edges are rejected at first sight: their pool holds its bound capacity of
 * applicants ranked above i, who all propose to it in the step too. Pre-loading proposals that a
 * run makes anyway yields the same applicant-optimal matching (the cumulative-offer fixed point
 * of Hatfield & Milgrom 2005 is the least one above any subset of its own offers), so starting at
 * the bound's outcome ({@link startEdges}) is exact. Property-tested against full runs
 * (engine.fixed-point.test.ts). A second, tighter bound after the first step (reserved pools at
 * their reduced capacities) was tried: it cost a run and left as many applicants below it
 * (docs/allocation.md).
 */
function boundCapacities(capacity: Int32Array, targets: CompiledTargets): Int32Array | null {
  const bound = Int32Array.from(capacity);
  let returnable = 0;
  forEachReturningPool(targets, (general, p) => {
    if (bound[p]! <= 0) return;
    bound[general]! += bound[p]!;
    returnable += bound[p]!;
  });
  return returnable === 0 ? null : bound;
}

/**
 * The bound tightened with the bound run's own outcome: the general pools get only the returnable
 * seats that were vacant under the bound. Returns the run under the tightened bound (resumed from
 * the bound run) and moves `start` to its outcome; the bound run itself when nothing tightens.
 *
 * Still a bound on every step's capacities: a reserved pool p returns at most its vacancy v+(p)
 * under the bound. In the last step F, p has no vacancy, and if it returned seats it rejects
 * nobody (from the second step on applicants only gain, so p's proposers in F are among those of
 * the step in which it last had a vacancy, all held then, as many as its capacity since). Every
 * applicant that proposes to p under the bound also proposes to it in F (its outcome under the
 * bound is at least as good), so q+(p) - v+(p) = held(p) under the bound <= proposers in F <= q_F(p),
 * and p returned q(p) - q_F(p) <= v+(p). At 1M (docs/allocation.md) 189k of the 221k returnable
 * seats are vacant under the bound and 187k return: the steps after it leave 4.5k applicants below
 * their start edge instead of 98k. A second tightening moved 4k applicants and saved less than it
 * cost.
 */
function tightenBound(
  instance: FlatInstance,
  targets: CompiledTargets,
  capacity: Int32Array,
  run: { loose: KernelResult; start: Int32Array; scratch: KernelScratch; workspace: Int32Array },
): KernelResult {
  const { loose, start, scratch, workspace } = run;
  const tight = Int32Array.from(capacity);
  let tighter = false;
  forEachReturningPool(targets, (general, p) => {
    if (capacity[p]! <= 0) return;
    const vacant = capacity[p]! - loose.count[p]!;
    tight[general]! += vacant;
    if (vacant < capacity[p]!) tighter = true;
  });
  if (!tighter) return loose;
  const solution = solveDeferredAcceptance(
    { ...instance, capacity: tight },
    { workspace, start, resume: loose, scratch },
  );
  startEdges(instance, solution, start);
  return solution;
}

/** Each applicant's edge in `run` (the end of its list when it has none there), into `start`. */
function startEdges(instance: FlatInstance, run: KernelResult, start: Int32Array): Int32Array {
  const { prefOffset, n } = instance;
  for (let i = 0; i < n; i++) {
    const e = run.matchEdge[i]!;
    start[i] = e >= 0 ? e : prefOffset[i + 1]!;
  }
  return start;
}

/**
 * Moves the seats of returning reserved pools that no applicant can ever fill (more seats than
 * applicants with an entry in the pool) to their general pool before the first run. Exact: a pool
 * never holds more than its entrants, so those seats are vacant in every step and return in the
 * first; moving them earlier gives every step at least as many general seats as the step it
 * stands for, and no more than the step after, so the steps end at the same fixed point, in at
 * most as many runs (docs/allocation.md; property-tested against full runs without it). Under the
 * R4 quotas at 1M, 102k of the 221k returnable seats have no taker, most of them rural seats.
 */
function returnUnfillableSeats(instance: FlatInstance, targets: CompiledTargets, capacity: Int32Array): void {
  const { rankOffset } = instance;
  forEachReturningPool(targets, (general, p) => {
    const unfillable = capacity[p]! - (rankOffset[p + 1]! - rankOffset[p]!);
    if (unfillable <= 0) return;
    capacity[p]! -= unfillable;
    capacity[general]! += unfillable;
  });
}

/** Moves vacant seats of returning quota pools to the general pool; true when any moved. */
function returnVacantSeats(targets: CompiledTargets, capacity: Int32Array, count: Int32Array): boolean {
  let moved = false;
  forEachReturningPool(targets, (general, p) => {
    const vacant = capacity[p]! - count[p]!;
    if (vacant <= 0) return;
    capacity[p]! -= vacant;
    capacity[general]! += vacant;
    moved = true;
  });
  return moved;
}

/** Calls visit(general, p) for each reserved pool p that returns its unfilled seats to pool `general`. */
function forEachReturningPool(targets: CompiledTargets, visit: (general: number, p: number) => void): void {
  const { reservedStart, pools } = targets;
  for (let general = 0; general + 1 < reservedStart.length; general++) {
    for (let p = reservedStart[general]!; p < reservedStart[general + 1]!; p++) {
      if (pools[p]!.unfilled === 'return-to-general') visit(general, p);
    }
  }
}
