/**
 * Deferred-acceptance kernel on flat typed arrays: the hot loop shared by every allocation
 * (practice placements, grant pools, HR1 benchmark instances).
 *
 * References: Gale & Shapley (1962), "College admissions and the stability of marriage";
 * Gusfield & Irving (1989), "The Stable Marriage Problem", ch. 1.6 (hospitals/residents);
 * McVitie & Wilson (1971) for the displacement chain.
 *
 * Invariants: a target never holds more than `capacity` applicants; once full it stays full and
 * its worst held position only moves towards better positions, so all scans are O(E) in total.
 * Output: the applicant-optimal stable matching (unique, so byte-identical to shared/bench/alloc/da.c).
 * Complexity: O(E) time after the O(E) index build, E = number of acceptable applications.
 *
 * Layout (docs/allocation-performance.md): the loop is bound by dependent cache misses, so it keeps
 * the chain short. A held ranking position stores the holder's edge + 1 rather than a flag, and an
 * applicant proposes its edges in order, so a displaced applicant's next proposal is that stored
 * value: no per-applicant cursor, no ranking lookup, no match array inside the loop. A bitset marks
 * where each applicant's list starts (its predecessor's list is then exhausted), and the per-target
 * counters share one cache line. match, matchEdge, count and worst are read off `held` at the end.
 */

import { HEAP, type TypedAllocator } from './arena.ts';

/** A many-to-one instance in CSR form. Positions are 0-based; a lower ranking position is better. */
export interface FlatInstance {
  /** Number of applicants. */
  readonly n: number;
  /** Number of targets (programmes, offers, pools). */
  readonly m: number;
  /** capacity[j]: seats of target j. */
  readonly capacity: Int32Array;
  /** Applicant i's choices are prefTarget[prefOffset[i] .. prefOffset[i+1]), best first. */
  readonly prefOffset: Int32Array;
  readonly prefTarget: Int32Array;
  /** rankAt[e]: position of the applicant of edge e in the ranking of target prefTarget[e]. */
  readonly rankAt: Int32Array;
  /** Target j's ranking is rankList[rankOffset[j] .. rankOffset[j+1]), best first (applicant ids). */
  readonly rankOffset: Int32Array;
  readonly rankList: Int32Array;
}

/** The result of one deferred-acceptance run. */
export interface KernelResult {
  /** match[i]: target of applicant i, or -1. */
  readonly match: Int32Array;
  /** matchEdge[i]: index of the edge (into prefTarget) on which i is held, or -1. */
  readonly matchEdge: Int32Array;
  /** count[j]: applicants held by target j. */
  readonly count: Int32Array;
  /** worst[j]: the worst ranking position held by j, or -1 when empty. */
  readonly worst: Int32Array;
}

/** Per-target counters, 4 ints per target: free seats, ranking base, worst held position, unused. */
const FREE = 0;
const BASE = 1;
const WORST = 2;

/** Optional knobs of {@link solveDeferredAcceptance}. */
export interface KernelOptions {
  /**
   * Scratch of at least E ints the kernel may overwrite (it is zeroed first), to avoid allocating its
   * own: e.g. the spare half of the rank-index build buffer (build-index.ts), 4 bytes per edge less.
   */
  readonly workspace?: Int32Array;
  /**
   * start[i]: the edge applicant i proposes first (default prefOffset[i]); prefOffset[i+1] when i
   * is to propose nothing. Skipping edges is only exact when every skipped edge would have been
   * rejected anyway (fixed-point.ts uses it with an upper bound on each applicant's outcome).
   */
  readonly start?: Int32Array;
  /**
   * The result of the previous run on the same `workspace` (any capacities, any start), to resume from:
   * applicants it held at their start edge keep their seats (up to each target's capacity, best
   * ranked first), the others propose again from their start edge. Exact because deferred
   * acceptance does not depend on the order of proposals: the kept seats are the state after those
   * applicants proposed first. Requires `workspace` and `start`.
   */
  readonly resume?: KernelResult;
  /**
   * With `resume`: the applicants that may be held off their start edge in it. Every other
   * applicant must be held at its start edge or have nothing to propose; they are not looked at,
   * which saves a pass over all applicants. Exact only when that holds: fixed-point.ts passes an
   * empty list when resuming from the run that defined the start edges, where everybody is at
   * its start edge.
   */
  readonly candidates?: Int32Array;
  /**
   * Arrays for repeated runs on one instance ({@link createKernelScratch}): with it a run allocates
   * nothing and writes its result into whichever of `scratch.results` is not `resume`.
   */
  readonly scratch?: KernelScratch;
}

/**
 * The arrays a run needs besides `held`, kept by a caller that runs the kernel repeatedly on one
 * instance (fixed-point.ts, the quota fixed point): at a million applicants each run would otherwise
 * allocate about 20 MB of typed arrays, and V8 answers that much new external memory with a full
 * collection of the caller's input objects.
 */
export interface KernelScratch {
  readonly listStart: Int32Array;
  readonly state: Int32Array;
  readonly pending: Int32Array;
  readonly kept: Int32Array;
  /** Two result sets used in turn, so a resumed run never overwrites the result it resumes. */
  readonly results: readonly [KernelResult, KernelResult];
}

/**
 * Allocates the scratch of repeated runs on `inst` (its prefOffset and sizes must not change).
 * @param alloc where the arrays come from, e.g. the run's arena
 */
export function createKernelScratch(inst: FlatInstance, alloc: TypedAllocator = HEAP): KernelScratch {
  const { n, m } = inst;
  const result = (): KernelResult => ({
    match: alloc.int32(n),
    matchEdge: alloc.int32(n),
    count: alloc.int32(m),
    worst: alloc.int32(m),
  });
  const listStart = alloc.int32((inst.prefTarget.length >>> 5) + 1);
  markListStarts(inst.prefOffset, n, inst.prefTarget.length, listStart);
  return {
    listStart,
    state: alloc.int32(4 * m),
    pending: alloc.int32(n),
    kept: alloc.int32(m),
    results: [result(), result()],
  };
}

/**
 * Runs applicant-proposing deferred acceptance.
 * @param inst the instance (not modified)
 * @param options optional workspace
 * @returns the applicant-optimal stable matching and the final state of every target
 * @example const { match } = solveDeferredAcceptance(parseHr1(bytes));
 */
export function solveDeferredAcceptance(inst: FlatInstance, options: KernelOptions = {}): KernelResult {
  const edges = inst.prefTarget.length;
  const { workspace, start, resume, scratch, candidates } = options;
  const listStart = scratch?.listStart ?? markListStarts(inst.prefOffset, inst.n, edges);
  if (resume && start && workspace && workspace.length >= inst.rankList.length) {
    const held = workspace.subarray(0, inst.rankList.length);
    const state = createTargetState(inst, scratch?.state);
    // The result is kept up to date as seats change, so no pass over all of `held` is needed.
    const result = scratch ? otherResult(scratch, resume) : emptyResult(inst.n, inst.m);
    result.match.set(resume.match);
    result.matchEdge.set(resume.matchEdge);
    const pending = keepSeatsAtStart(
      inst,
      state,
      held,
      { start, previous: resume, candidates },
      result,
      scratch,
    );
    for (let k0 = 0; k0 < pending.length; k0 += RANGE) {
      const k1 = Math.min(pending.length, k0 + RANGE);
      proposeListFrom(inst, state, held, listStart, start, pending, k0, k1, result);
    }
    for (let j = 0; j < inst.m; j++) {
      result.count[j] = Math.max(0, inst.capacity[j]!) - state[4 * j + FREE]!;
      result.worst[j] = state[4 * j + WORST]!;
    }
    return result;
  }
  const held = claimWorkspace(workspace, inst.rankList.length);
  const state = createTargetState(inst, scratch?.state);
  proposeAllFrom(inst, state, held, listStart, start ?? inst.prefOffset);
  return collectResult(inst, state, held, scratch ? scratch.results[0] : emptyResult(inst.n, inst.m));
}

/**
 * Puts `workspace` back to the seats of the run that held every applicant at its `start` edge,
 * after a run resumed from that one (`run`, on the same workspace) moved some: their seats in
 * `run` are cleared and their start seats taken again. Slots that `run` filled and emptied again
 * are empty in both. O(n) plus two writes per applicant off its start edge.
 */
export function restoreStartSeats(
  inst: FlatInstance,
  workspace: Int32Array,
  start: Int32Array,
  run: KernelResult,
): void {
  const { n, prefOffset, prefTarget, rankAt, rankOffset } = inst;
  const slot = (e: number) => rankOffset[prefTarget[e]!]! + rankAt[e]!;
  for (let a = 0; a < n; a++) {
    const e = run.matchEdge[a]!;
    const s = start[a]!;
    if (e === s) continue;
    if (e >= 0) workspace[slot(e)] = 0;
    if (s < prefOffset[a + 1]!) workspace[slot(s)] = s + 1;
  }
}

function emptyResult(n: number, m: number): KernelResult {
  return {
    match: new Int32Array(n),
    matchEdge: new Int32Array(n),
    count: new Int32Array(m),
    worst: new Int32Array(m),
  };
}

/** The scratch result set that `resume` does not use. */
function otherResult(scratch: KernelScratch, resume: KernelResult): KernelResult {
  const [first, second] = scratch.results;
  return resume.match === first.match ? second : first;
}

/** held[g] = edge + 1 of the applicant holding ranking slot g, 0 when free. */
function claimWorkspace(workspace: Int32Array | undefined, size: number): Int32Array {
  if (!workspace || workspace.length < size) return new Int32Array(size);
  const held = workspace.subarray(0, size);
  held.fill(0);
  return held;
}

function createTargetState(inst: FlatInstance, into?: Int32Array): Int32Array {
  const { m, capacity, rankOffset } = inst;
  const state = into ?? new Int32Array(4 * m);
  for (let j = 0; j < m; j++) {
    state[4 * j + FREE] = capacity[j]!;
    state[4 * j + BASE] = rankOffset[j]!;
    state[4 * j + WORST] = -1;
  }
  return state;
}

/** Bit t is set when edge t is the first of some applicant's list (bit E is set too). */
function markListStarts(
  prefOffset: Int32Array,
  n: number,
  edges: number,
  bits: Int32Array = new Int32Array((edges >>> 5) + 1),
): Int32Array {
  for (let a = 0; a <= n; a++) {
    const t = prefOffset[a]!;
    bits[t >>> 5]! |= 1 << (t & 31);
  }
  bits[edges >>> 5]! |= 1 << (edges & 31);
  return bits;
}

// One call per range of applicants rather than one long loop: V8 then optimises the loop after a few
// calls with complete type feedback instead of on-stack-replacing it early (small instances).
const RANGE = 256;

function proposeAllFrom(
  inst: FlatInstance,
  state: Int32Array,
  held: Int32Array,
  listStart: Int32Array,
  start: Int32Array,
): void {
  for (let i0 = 0; i0 < inst.n; i0 += RANGE) {
    proposeRangeFrom(inst, state, held, listStart, start, i0, Math.min(inst.n, i0 + RANGE));
  }
}

/** Applicants i0..i1-1 propose in turn, i first at edge start[i]; each displacement chain runs to its end before the next. */
function proposeRangeFrom(
  inst: FlatInstance,
  state: Int32Array,
  held: Int32Array,
  listStart: Int32Array,
  start: Int32Array,
  i0: number,
  i1: number,
): void {
  const { prefOffset, prefTarget, rankAt } = inst;
  for (let i = i0; i < i1; i++) {
    let t = start[i]!;
    if (t >= prefOffset[i + 1]!) continue;
    while (true) {
      const q = 4 * prefTarget[t]!;
      const r = rankAt[t]!;
      const base = state[q + BASE]!;
      const free = state[q + FREE]!;
      if (free > 0) {
        held[base + r] = t + 1;
        state[q + FREE] = free - 1;
        if (r > state[q + WORST]!) state[q + WORST] = r;
        break;
      }
      let w = state[q + WORST]!;
      if (r < w) {
        const loser = held[base + w]!;
        held[base + w] = 0;
        held[base + r] = t + 1;
        do w--;
        while (held[base + w] === 0);
        state[q + WORST] = w;
        t = loser;
      } else {
        t++;
      }
      if ((listStart[t >>> 5]! >>> (t & 31)) & 1) break;
    }
  }
}

/**
 * Turns the previous run's `held` into a valid starting state: seats of applicants held at an edge
 * other than their start are cleared, each target keeps at most its capacity of the rest (best
 * ranked first), and the free seats and worst positions are set. Returns the applicants that
 * must propose, from their start edge.
 * @param from each applicant's start edge, the previous run, and the applicants that may be off
 *   their start edge in it (all when absent)
 */
function keepSeatsAtStart(
  inst: FlatInstance,
  state: Int32Array,
  held: Int32Array,
  from: { start: Int32Array; previous: KernelResult; candidates: Int32Array | undefined },
  result: KernelResult,
  scratch: KernelScratch | undefined,
): Int32Array {
  const { n, m, capacity, prefOffset, prefTarget, rankAt, rankOffset, rankList } = inst;
  const { start, previous, candidates } = from;
  const { match, matchEdge } = result;
  const pending = scratch?.pending ?? new Int32Array(n);
  const kept = scratch?.kept ?? new Int32Array(m);
  kept.set(previous.count);
  let count = 0;
  const looked = candidates ? candidates.length : n;
  for (let x = 0; x < looked; x++) {
    const a = candidates ? candidates[x]! : x;
    const h = previous.matchEdge[a]!;
    if (h >= 0 && h === start[a]) continue;
    if (h >= 0) {
      const p = prefTarget[h]!;
      held[rankOffset[p]! + rankAt[h]!] = 0;
      kept[p]!--;
      match[a] = -1;
      matchEdge[a] = -1;
    }
    if (start[a]! < prefOffset[a + 1]!) pending[count++] = a;
  }
  // Only targets that keep more than their capacity are walked, from their worst holder up; the
  // others that lost a holder only move `worst` up past cleared slots.
  for (let j = 0; j < m; j++) {
    const base = rankOffset[j]!;
    let worst = previous.worst[j]!;
    let free = capacity[j]! - kept[j]!;
    if (free < 0) {
      // The -free worst ranked holders leave, found from the worst position up.
      let g = base + worst;
      for (let leaving = -free; leaving > 0; g--) {
        if (held[g] === 0) continue;
        const a = rankList[g]!;
        held[g] = 0;
        match[a] = -1;
        matchEdge[a] = -1;
        pending[count++] = a;
        leaving--;
      }
      while (g >= base && held[g] === 0) g--;
      worst = g - base;
      free = 0;
    } else if (kept[j] !== previous.count[j]) {
      // Only a target that lost a holder can have a cleared slot at its worst position.
      while (worst >= 0 && held[base + worst] === 0) worst--;
    }
    state[4 * j + FREE] = free;
    state[4 * j + WORST] = worst;
  }
  return pending.subarray(0, count);
}

/**
 * {@link proposeRangeFrom} for the applicants pending[k0..k1-1], keeping `result.match` and
 * `result.matchEdge` up to date at every seat change (resumed runs change few seats).
 */
function proposeListFrom(
  inst: FlatInstance,
  state: Int32Array,
  held: Int32Array,
  listStart: Int32Array,
  start: Int32Array,
  pending: Int32Array,
  k0: number,
  k1: number,
  result: KernelResult,
): void {
  const { prefTarget, rankAt, rankList } = inst;
  const { match, matchEdge } = result;
  for (let k = k0; k < k1; k++) {
    let t = start[pending[k]!]!;
    while (true) {
      const j = prefTarget[t]!;
      const q = 4 * j;
      const r = rankAt[t]!;
      const base = state[q + BASE]!;
      const free = state[q + FREE]!;
      if (free > 0) {
        held[base + r] = t + 1;
        const a = rankList[base + r]!;
        match[a] = j;
        matchEdge[a] = t;
        state[q + FREE] = free - 1;
        if (r > state[q + WORST]!) state[q + WORST] = r;
        break;
      }
      let w = state[q + WORST]!;
      if (r < w) {
        const loser = held[base + w]!;
        const out = rankList[base + w]!;
        match[out] = -1;
        matchEdge[out] = -1;
        held[base + w] = 0;
        held[base + r] = t + 1;
        const a = rankList[base + r]!;
        match[a] = j;
        matchEdge[a] = t;
        do w--;
        while (held[base + w] === 0);
        state[q + WORST] = w;
        t = loser;
      } else {
        t++;
      }
      if ((listStart[t >>> 5]! >>> (t & 31)) & 1) break;
    }
  }
}

function collectResult(
  inst: FlatInstance,
  state: Int32Array,
  held: Int32Array,
  result: KernelResult,
): KernelResult {
  result.match.fill(-1);
  result.matchEdge.fill(-1);
  for (let j = 0; j < inst.m; j++) collectTarget(inst, state, held, result, j);
  return result;
}

/** Reads target j's holders off `held` (positions 0..worst) into the result. */
function collectTarget(
  inst: FlatInstance,
  state: Int32Array,
  held: Int32Array,
  result: KernelResult,
  j: number,
) {
  const { rankOffset, rankList } = inst;
  const { match, matchEdge, count, worst } = result;
  const base = rankOffset[j]!;
  const w = state[4 * j + WORST]!;
  worst[j] = w;
  let holders = 0;
  for (let g = base; g <= base + w; g++) {
    const h = held[g]!;
    if (h === 0) continue;
    const a = rankList[g]!;
    match[a] = j;
    matchEdge[a] = h - 1;
    holders++;
  }
  count[j] = holders;
}
