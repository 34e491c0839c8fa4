/**
 * Ranking by score with a tie-break chain ending in the lottery (DOMAIN R7).
 *
 * Key, most significant first: score (higher first), each chain criterion (higher first),
 * lottery ticket (lower first), applicant id (code-unit order, only if two tickets collide).
 *
 * Algorithm: least-significant-digit radix sort. Applicants start in ticket order; each key is
 * turned into a dense rank (one native sort of its distinct values) and applied with a stable
 * counting sort, least significant first. Adjacent keys are packed into one counting pass while
 * their product of levels stays small, so a chain of boolean privileges costs one pass.
 * Complexity: O(N log D) for dense ranks (D distinct values) plus O(N + L) per counting pass.
 */
import { HEAP, type TypedAllocator } from './arena.ts';
import type { ApplicantInput, TargetInput, TieBreakCriterion } from './model.ts';

/** A criterion compiled for one target: applicant -> value, higher is better. */
export type CriterionValue = (applicant: ApplicantInput) => number;

function hasAny(list: readonly string[] | undefined, names: readonly string[]): number {
  if (list === undefined || list.length === 0) return 0;
  for (let k = 0; k < names.length; k++) if (list.includes(names[k]!)) return 1;
  return 0;
}

/**
 * Compiles a criterion for one target into a value function (higher is better).
 * @example compileCriterion({ by: 'certificateAverage' }, undefined)({ id: 'a', choices: [], certificateAverage: 4.5 }) // 4.5
 */
export function compileCriterion(
  criterion: TieBreakCriterion,
  target: TargetInput | undefined,
): CriterionValue {
  switch (criterion.by) {
    case 'privilege':
      return (a) => hasAny(a.privileges, criterion.names);
    case 'category':
      return (a) => hasAny(a.categories, criterion.names);
    case 'certificateAverage':
      return (a) => a.certificateAverage ?? Number.NEGATIVE_INFINITY;
    case 'subject':
      return (a) => a.subjects?.[criterion.name] ?? Number.NEGATIVE_INFINITY;
    case 'profileScore': {
      const subjects = target?.profileSubjects ?? [];
      return (a) => {
        let sum = 0;
        for (let k = 0; k < subjects.length; k++) sum += a.subjects?.[subjects[k]!] ?? 0;
        return sum;
      };
    }
    case 'value': {
      const sign = criterion.order === 'asc' ? -1 : 1;
      return (a) => {
        const value = a.values?.[criterion.name];
        return value === undefined ? Number.NEGATIVE_INFINITY : sign * value;
      };
    }
  }
}

/**
 * Numeric value of one criterion for one applicant in one target; higher is better.
 * @example evaluateCriterion({ by: 'privilege', names: ['altynBelgi'] }, applicant, target) // 1 or 0
 */
export function evaluateCriterion(
  criterion: TieBreakCriterion,
  applicant: ApplicantInput,
  target: TargetInput | undefined,
): number {
  return compileCriterion(criterion, target)(applicant);
}

/** Tells whether a criterion's value depends on the target (so rankings differ per target). */
export function isTargetDependent(criterion: TieBreakCriterion): boolean {
  return criterion.by === 'profileScore';
}

/** Names a criterion for explanations, e.g. `privilege:altynBelgi` or `certificateAverage`. */
export function nameCriterion(criterion: TieBreakCriterion): string {
  switch (criterion.by) {
    case 'privilege':
    case 'category':
      return `${criterion.by}:${criterion.names.join('|')}`;
    case 'subject':
    case 'value':
      return `${criterion.by}:${criterion.name}`;
    default:
      return criterion.by;
  }
}

/** A key column: dense rank per element (0 = best) and the number of distinct levels. */
export interface DenseKey {
  readonly rank: Int32Array;
  readonly levels: number;
}

/**
 * Turns values (higher better) into dense ranks, 0 for the highest value.
 * Small integer ranges (scores, flags) take a counting path; other values one native sort.
 * @example rankDescending(Float64Array.of(3, 7, 3)).rank // [1, 0, 1]
 */
export function rankDescending(values: Float64Array, alloc: TypedAllocator = HEAP): DenseKey {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integral = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integral && !Number.isInteger(v)) integral = false;
  }
  if (values.length === 0 || min === max) return { rank: alloc.int32(values.length), levels: 1 };
  if (integral && max - min <= 1 << 16) return rankSmallIntegers(values, min, max, alloc);
  const decimal = scaleDecimals(values, min, max, alloc);
  if (decimal) return decimal;
  return rankBySorting(values, alloc);
}

/**
 * Marks and averages with one or two decimals (4.8, 87.25): when every value times 10 (or 100) is
 * an integer w with w / 10 === value exactly, ordering the w orders the values, so the counting
 * path applies instead of a sort. Null when some value does not scale exactly.
 */
function scaleDecimals(
  values: Float64Array,
  min: number,
  max: number,
  alloc: TypedAllocator,
): DenseKey | null {
  for (const scale of [10, 100]) {
    if (!Number.isFinite(min) || !Number.isFinite(max) || (max - min) * scale > 1 << 16) return null;
    let exact = true;
    for (let i = 0; i < values.length && exact; i++) {
      const v = values[i]!;
      exact = Math.round(v * scale) / scale === v;
    }
    if (!exact) continue;
    const scaled = alloc.float64(values.length);
    for (let i = 0; i < values.length; i++) scaled[i] = Math.round(values[i]! * scale);
    return rankSmallIntegers(scaled, Math.round(min * scale), Math.round(max * scale), alloc);
  }
  return null;
}

function rankSmallIntegers(values: Float64Array, min: number, max: number, alloc: TypedAllocator): DenseKey {
  const slot = new Int32Array(max - min + 1);
  for (let i = 0; i < values.length; i++) slot[max - values[i]!] = 1;
  let levels = 0;
  for (let s = 0; s < slot.length; s++) if (slot[s]) slot[s] = levels++;
  const rank = alloc.int32(values.length);
  for (let i = 0; i < values.length; i++) rank[i] = slot[max - values[i]!]!;
  return { rank, levels };
}

function rankBySorting(values: Float64Array, alloc: TypedAllocator): DenseKey {
  const sorted = alloc.float64(values.length);
  sorted.set(values);
  sorted.sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  }
  const rank = alloc.int32(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = distinct - 1 - lo;
  }
  return { rank, levels: distinct };
}

/** Stable counting sort of `order` (element ids) by `digit[element]` in [0, levels), into `out`. */
function sortByDigit(order: Int32Array, digit: Int32Array, levels: number, out: Int32Array): Int32Array {
  const start = new Int32Array(levels + 1);
  for (let i = 0; i < order.length; i++) start[digit[order[i]!]! + 1]!++;
  for (let d = 0; d < levels; d++) start[d + 1]! += start[d]!;
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    out[start[digit[e]!]!++] = e;
  }
  return out;
}

/**
 * Sorts elements 0..n-1 by keys, most significant first, stably over `initial` (which fixes
 * the order of full ties, e.g. ticket order).
 * @param initial a permutation of 0..n-1
 * @param keys dense key columns over the same elements, most significant first
 * @returns the permutation, best first
 */
export function sortByKeys(
  initial: Int32Array,
  keys: readonly DenseKey[],
  alloc: TypedAllocator = HEAP,
): Int32Array {
  const maxLevels = Math.max(1 << 16, initial.length);
  let order = initial;
  let spare: Int32Array = alloc.int32(initial.length);
  let k = keys.length - 1;
  while (k >= 0) {
    // Pack keys[first..k] into one digit while the product of their levels stays small.
    let first = k;
    let product = keys[k]!.levels;
    while (first > 0 && product * keys[first - 1]!.levels <= maxLevels) product *= keys[--first]!.levels;
    if (product > 1) {
      const sorted = sortByDigit(order, packDigits(keys, first, k, initial.length, alloc), product, spare);
      spare = order === initial ? alloc.int32(initial.length) : order;
      order = sorted;
    }
    k = first - 1;
  }
  return order;
}

function packDigits(
  keys: readonly DenseKey[],
  first: number,
  last: number,
  n: number,
  alloc: TypedAllocator,
): Int32Array {
  if (first === last) return keys[first]!.rank;
  const digit = alloc.int32(n);
  for (let k = first; k <= last; k++) {
    const { rank, levels } = keys[k]!;
    for (let i = 0; i < n; i++) digit[i] = digit[i]! * levels + rank[i]!;
  }
  return digit;
}

/**
 * Orders element ids by lottery ticket (lower first), then by id string for equal tickets.
 * LSD radix sort on the top 32 bits of the 53-bit tickets (two 16-bit passes, O(N)); the rare
 * runs that share those bits (about N^2 / 2^33 pairs) are then sorted by full ticket and id.
 * @param tickets ticket per element
 * @param idOf id of an element, used only for equal tickets
 * @param alloc provides zeroed scratch arrays (an arena), by default new ones
 */
export function sortByTicket(
  tickets: Float64Array,
  idOf: (element: number) => string,
  alloc: TypedAllocator = HEAP,
): Int32Array {
  const n = tickets.length;
  const top = alloc.int32(n);
  for (let i = 0; i < n; i++) top[i] = Math.floor(tickets[i]! / 2097152);
  const identity = alloc.int32(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const digit = alloc.int32(n);
  for (let i = 0; i < n; i++) digit[i] = top[i]! & 0xffff;
  const low = sortByDigit(identity, digit, 1 << 16, alloc.int32(n));
  for (let i = 0; i < n; i++) digit[i] = top[i]! >>> 16;
  const order = sortByDigit(low, digit, 1 << 16, identity);
  breakEqualTops(order, top, tickets, idOf);
  return order;
}

// Runs with equal top bits are rare and short; equal full tickets rarer still (about N^2 / 2^54).
function breakEqualTops(
  order: Int32Array,
  top: Int32Array,
  tickets: Float64Array,
  idOf: (e: number) => string,
): void {
  let runStart = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && top[order[i]!] === top[order[runStart]!]) continue;
    if (i - runStart > 1) {
      const run = Array.from(order.subarray(runStart, i)).sort(
        (a, b) => tickets[a]! - tickets[b]! || compareIds(idOf(a), idOf(b)),
      );
      order.set(run, runStart);
    }
    runStart = i;
  }
}

/** Compares two ids by UTF-16 code units, independent of locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
