/**
 * O(E) construction of `rankAt` (the position of each application in its target's ranking) from
 * target-side rankings, the index the deferred-acceptance kernel reads instead of searching.
 *
 * The naive build scans the applicant's list for every ranking entry: O(E * k), which is most of
 * the run time at k = 20 (shared/BENCHMARKS.md, "Where the time goes"). Here it is a counting sort
 * by applicant, then a match through a target-indexed scratch; no list is ever scanned.
 *  1. Sort: every ranking entry (target, position) goes to the next free slot of its applicant; the
 *     slots are the applicant's own preference range [prefOffset[a], prefOffset[a+1]), so no counting
 *     pass is needed. Up to DIRECT_LIMIT edges the entries go straight to their slots. Beyond, a
 *     straight scatter costs a cache and TLB miss per entry (measured 10x slower at 10M edges), so the
 *     entries are first appended to the region of their block of 2^bits applicants (about a thousand
 *     append heads, which stay in cache), then each block is sorted in a small local buffer.
 *  2. Resolve, per applicant: its entries stamp the scratch with (applicant, position) per target,
 *     then its edges read the positions back in preference order.
 * Time O(E + n + m). Memory: one Int32Array of 2E (the pairs), whose first E entries become `rankAt`
 * in place (applicant a writes [prefOffset[a], prefOffset[a+1]) after reading its pairs, and later
 * pairs lie beyond 2 prefOffset[a+1]); the other half is returned as `spare`.
 * Invalid input (an entry without exactly one matching application) makes the fast path stop; a
 * slower pass then names the bad entry.
 */

/** The inputs of the index build: both sides of an instance in CSR form (see FlatInstance). */
export interface RankingLists {
  readonly n: number;
  readonly m: number;
  readonly prefOffset: Int32Array;
  readonly prefTarget: Int32Array;
  readonly rankOffset: Int32Array;
  readonly rankList: Int32Array;
}

/** Why a ranking entry has no matching application. */
export type RankIndexProblem =
  /** The target ranks an applicant that did not list it. */
  | 'not-listed'
  /** The target ranks the same applicant twice. */
  | 'duplicate'
  /** Both sides do not hold the same number of applications. */
  | 'count-mismatch';

/** The outcome of {@link buildRankAt}: the index, or the first inconsistent ranking entry found. */
export type RankIndexResult = RankIndexSuccess | RankIndexFailure;

/** The index, and the other half of the buffer it was built in (E ints, free for the caller to reuse). */
export interface RankIndexSuccess {
  readonly ok: true;
  readonly rankAt: Int32Array;
  /** Scratch of length E the build no longer needs, e.g. the kernel's workspace (saves 4 bytes per edge). */
  readonly spare: Int32Array;
}

/** A ranking entry (or count) that does not correspond to exactly one application. */
export interface RankIndexFailure {
  readonly ok: false;
  readonly problem: RankIndexProblem;
  /** The target whose ranking holds the bad entry, or -1 for count-mismatch. */
  readonly target: number;
  /** The applicant of the bad entry, or -1 for count-mismatch. */
  readonly applicant: number;
}

/** How entries reach their applicant's slots: straight, or through blocks (see the file comment). */
export type SortStrategy = 'direct' | 'blocked';

/** Up to this many edges (2 MB of pairs) the entries are scattered straight to their slots. */
const DIRECT_LIMIT = 1 << 18;
/** Applicants resolved per call (see the note on call granularity below). */
const RANGE = 1024;

/**
 * Builds rankAt[e] = position of the applicant of edge e in the ranking of target prefTarget[e], in O(E).
 * Every ranking entry must correspond to exactly one application and vice versa; otherwise the
 * result names one bad entry (callers report it, e.g. with the line of that target's ranking).
 * Ids must already be in range (0 <= target < m, 0 <= applicant < n).
 * @param lists both sides of the instance
 * @param strategy forces one sort strategy (tests); by default it is chosen by size
 * @returns `{ ok: true, rankAt, spare }` (views of length E) or the problem found
 * @example const built = buildRankAt({ n, m, prefOffset, prefTarget, rankOffset, rankList });
 */
export function buildRankAt(lists: RankingLists, strategy?: SortStrategy): RankIndexResult {
  const e = lists.prefTarget.length;
  if (lists.rankList.length !== e || lists.prefOffset[lists.n] !== e || lists.rankOffset[lists.m] !== e) {
    return { ok: false, problem: 'count-mismatch', target: -1, applicant: -1 };
  }
  const pairs = new Int32Array(2 * e);
  const direct = (strategy ?? (e <= DIRECT_LIMIT ? 'direct' : 'blocked')) === 'direct';
  const built = direct ? buildDirect(lists, pairs) : buildBlocked(lists, pairs);
  if (built) return { ok: true, rankAt: pairs.subarray(0, e), spare: pairs.subarray(e) };
  return diagnoseRankings(lists, pairs);
}

// Every pass below is one call per target, block or range of applicants rather than one long loop:
// V8 then optimises each function after a few calls with complete type feedback, instead of
// on-stack-replacing one long call early and deoptimising it at the first untried branch, which
// dominated small instances.

/** Scratch of the resolve step: per target, the stamping applicant and the position it found. */
interface Resolver {
  readonly scratch: Int32Array;
  readonly rankAt: Int32Array;
}

function createResolver(lists: RankingLists, pairs: Int32Array): Resolver {
  return {
    scratch: new Int32Array(2 * lists.m).fill(-1),
    rankAt: pairs.subarray(0, lists.prefTarget.length),
  };
}

function buildDirect(lists: RankingLists, pairs: Int32Array): boolean {
  const cursor = lists.prefOffset.slice(0, lists.n);
  for (let j = 0; j < lists.m; j++) if (scatterToApplicants(lists, pairs, cursor, j) >= 0) return false;
  const resolver = createResolver(lists, pairs);
  for (let a0 = 0; a0 < lists.n; a0 += RANGE) {
    if (!resolveRange(lists, pairs, 0, resolver, a0, Math.min(lists.n, a0 + RANGE))) return false;
  }
  return true;
}

/**
 * pairs[2s], pairs[2s+1] = (j, position) for each entry of target j's ranking, s = the applicant's
 * next free slot. @returns -1, or the applicant named more often than it has choices
 */
function scatterToApplicants(lists: RankingLists, pairs: Int32Array, cursor: Int32Array, j: number): number {
  const { prefOffset, rankOffset, rankList } = lists;
  const g0 = rankOffset[j]!;
  const g1 = rankOffset[j + 1]!;
  for (let g = g0; g < g1; g++) {
    const a = rankList[g]!;
    const s = cursor[a]!;
    if (s >= prefOffset[a + 1]!) return a;
    cursor[a] = s + 1;
    pairs[2 * s] = j;
    pairs[2 * s + 1] = g - g0;
  }
  return -1;
}

/**
 * Applicants a0..a1-1: entries[2t - shift], entries[2t - shift + 1] hold the (target, position) of
 * a ranking entry naming the owner of slot t. Stamps the scratch per entry, then reads the position
 * back per edge. A repeated entry, an edge without an entry, or a repeated edge breaks the one-to-one
 * match (both sides hold E entries) and returns false.
 */
function resolveRange(
  lists: RankingLists,
  entries: Int32Array,
  shift: number,
  resolver: Resolver,
  a0: number,
  a1: number,
) {
  const { prefOffset, prefTarget } = lists;
  const { scratch, rankAt } = resolver;
  for (let a = a0; a < a1; a++) {
    const t0 = prefOffset[a]!;
    const t1 = prefOffset[a + 1]!;
    for (let c = 2 * t0 - shift, stop = 2 * t1 - shift; c < stop; c += 2) {
      const j = entries[c]!;
      if (scratch[2 * j] === a) return false;
      scratch[2 * j] = a;
      scratch[2 * j + 1] = entries[c + 1]!;
    }
    for (let t = t0; t < t1; t++) {
      const j = prefTarget[t]!;
      if (scratch[2 * j] !== a) return false;
      // Consumed, so an edge repeating the target finds no entry left.
      scratch[2 * j] = -1;
      rankAt[t] = scratch[2 * j + 1]!;
    }
  }
  return true;
}

/** Blocks of 2^bits applicants: each block's append head and end in `pairs`, and the largest block. */
interface BlockPlan {
  readonly bits: number;
  readonly head: Int32Array;
  readonly limit: Int32Array;
  readonly widest: number;
}

function buildBlocked(lists: RankingLists, pairs: Int32Array): boolean {
  const plan = planBlocks(lists);
  for (let j = 0; j < lists.m; j++) if (!scatterToBlocks(lists, pairs, plan, j)) return false;
  const local = new Int32Array(2 * plan.widest);
  const cursor = new Int32Array((1 << plan.bits) + 1);
  const resolver = createResolver(lists, pairs);
  for (let a0 = 0; a0 < lists.n; a0 += 1 << plan.bits) {
    const a1 = Math.min(lists.n, a0 + (1 << plan.bits));
    if (!sortBlock(lists, pairs, plan.bits, local, cursor, a0)) return false;
    if (!resolveRange(lists, local, 2 * lists.prefOffset[a0]!, resolver, a0, a1)) return false;
  }
  return true;
}

function planBlocks({ n, m, prefOffset }: RankingLists): BlockPlan {
  // The target id shares an int32 with the applicant's offset in its block.
  let bits = 10;
  while (bits > 0 && (m - 1) * 2 ** bits > 0x7fffffff) bits--;
  const blocks = (n + (1 << bits) - 1) >>> bits;
  const head = new Int32Array(blocks);
  const limit = new Int32Array(blocks);
  let widest = 0;
  for (let b = 0; b < blocks; b++) {
    head[b] = 2 * prefOffset[b << bits]!;
    limit[b] = 2 * prefOffset[Math.min(n, (b + 1) << bits)]!;
    widest = Math.max(widest, (limit[b]! - head[b]!) / 2);
  }
  return { bits, head, limit, widest };
}

/** Appends (j << bits | offset in block, position) for each entry of target j's ranking. */
function scatterToBlocks(lists: RankingLists, pairs: Int32Array, plan: BlockPlan, j: number): boolean {
  const { rankOffset, rankList } = lists;
  const { bits, head, limit } = plan;
  const mask = (1 << bits) - 1;
  const g0 = rankOffset[j]!;
  const g1 = rankOffset[j + 1]!;
  const tag = j << bits;
  for (let g = g0; g < g1; g++) {
    const a = rankList[g]!;
    const b = a >>> bits;
    const c = head[b]!;
    if (c >= limit[b]!) return false;
    pairs[c] = tag | (a & mask);
    pairs[c + 1] = g - g0;
    head[b] = c + 2;
  }
  return true;
}

/** Sorts the region of the block starting at applicant a0 by applicant into `local`. */
function sortBlock(
  lists: RankingLists,
  pairs: Int32Array,
  bits: number,
  local: Int32Array,
  cursor: Int32Array,
  a0: number,
) {
  const { n, prefOffset } = lists;
  const mask = (1 << bits) - 1;
  const a1 = Math.min(n, a0 + mask + 1);
  const s0 = prefOffset[a0]!;
  for (let a = a0; a <= a1; a++) cursor[a - a0] = 2 * (prefOffset[a]! - s0);
  for (let c = 2 * s0, stop = 2 * prefOffset[a1]!; c < stop; c += 2) {
    const x = pairs[c]!;
    const k = x & mask;
    const s = cursor[k]!;
    if (s >= 2 * (prefOffset[a0 + k + 1]! - s0)) return false;
    cursor[k] = s + 2;
    local[s] = x >>> bits;
    local[s + 1] = pairs[c + 1]!;
  }
  return true;
}

/** Error path: a direct scatter and a per-entry resolve that pinpoint a bad entry. */
function diagnoseRankings(lists: RankingLists, pairs: Int32Array): RankIndexResult {
  const cursor = lists.prefOffset.slice(0, lists.n);
  for (let j = 0; j < lists.m; j++) {
    const a = scatterToApplicants(lists, pairs, cursor, j);
    if (a >= 0) return diagnoseApplicant(lists, a, j);
  }
  const owner = new Int32Array(lists.m).fill(-1);
  let bad: RankIndexFailure | undefined;
  for (let a = 0; a < lists.n; a++) {
    const found = findBadEntry(lists, a, pairs, owner);
    if (found && (!bad || found.target < bad.target)) bad = found;
  }
  // Unreachable when the fast path failed: it fails only on an entry this pass also finds.
  return bad ?? { ok: false, problem: 'count-mismatch', target: -1, applicant: -1 };
}

/**
 * Applicant a is named by more rankings (targets 0..jLast) than it has choices, so at least one of
 * those entries is unlisted or repeated; finds the first one in target order.
 */
function diagnoseApplicant(lists: RankingLists, a: number, jLast: number): RankIndexFailure {
  const { prefOffset, prefTarget, rankOffset, rankList } = lists;
  const listed = new Set(prefTarget.subarray(prefOffset[a]!, prefOffset[a + 1]!));
  const seen = new Set<number>();
  for (let j = 0; j <= jLast; j++) {
    for (let g = rankOffset[j]!; g < rankOffset[j + 1]!; g++) {
      if (rankList[g] !== a) continue;
      if (!listed.has(j)) return { ok: false, problem: 'not-listed', target: j, applicant: a };
      if (seen.has(j)) return { ok: false, problem: 'duplicate', target: j, applicant: a };
      seen.add(j);
    }
  }
  // Unreachable: more entries than distinct listed targets forces one of the returns above.
  return { ok: false, problem: 'duplicate', target: jLast, applicant: a };
}

/** Applicant a's entry (from pairs[2t]) naming a target it did not list, or naming it twice, if any. */
function findBadEntry(lists: RankingLists, a: number, pairs: Int32Array, owner: Int32Array) {
  const { prefOffset, prefTarget } = lists;
  const t0 = prefOffset[a]!;
  const t1 = prefOffset[a + 1]!;
  for (let t = t0; t < t1; t++) owner[prefTarget[t]!] = a;
  let bad: RankIndexFailure | undefined;
  for (let c = 2 * t0; c < 2 * t1; c += 2) {
    const j = pairs[c]!;
    if (owner[j] === a) {
      owner[j] = -2 - a;
    } else if (!bad || j < bad.target) {
      bad = { ok: false, problem: owner[j] === -2 - a ? 'duplicate' : 'not-listed', target: j, applicant: a };
    }
  }
  return bad;
}
