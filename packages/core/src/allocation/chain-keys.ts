/**
 * Key columns for ranking one group of applicants by score and tie-break chain (DOMAIN R7).
 *
 * Consecutive yes/no criteria (privileges, categories) are packed into one integer key, because
 * a chain such as Altyn Belgi -> patriotism badge -> TVET -> olympiad -> social status -> honours
 * is lexicographic on bits. The names of all such criteria are read from each applicant once, as
 * a bit mask, so an applicant without privileges costs two length checks however long the chain.
 * Complexity: O(N * (number of numeric criteria + 1) + total privileges and categories) plus
 * the dense ranking of each key (tie-break.ts).
 */
import type { ApplicantInput, TargetInput, TieBreakCriterion } from './model.ts';
import { HEAP, type TypedAllocator } from './arena.ts';
import { compileCriterion, type DenseKey, rankDescending } from './tie-break.ts';

type FlagCriterion = Extract<TieBreakCriterion, { by: 'privilege' | 'category' }>;

/**
 * Bit positions of the names used by yes/no criteria, per list (privileges, categories), and the
 * mask of each yes/no criterion in chain order.
 */
export function indexFlagNames(chain: readonly TieBreakCriterion[]) {
  const privileges = new Map<string, number>();
  const categories = new Map<string, number>();
  const masks: number[] = [];
  for (const criterion of chain) {
    if (criterion.by !== 'privilege' && criterion.by !== 'category') continue;
    const names = criterion.by === 'privilege' ? privileges : categories;
    let mask = 0;
    for (const name of criterion.names) {
      if (!names.has(name)) names.set(name, privileges.size + categories.size);
      mask |= 1 << names.get(name)!;
    }
    masks.push(mask);
  }
  return { privileges, categories, masks };
}

/** The bits of the names in `list` (an applicant's privileges or categories). */
export function maskOf(list: readonly string[] | undefined, names: ReadonlyMap<string, number>): number {
  if (list === undefined || list.length === 0 || names.size === 0) return 0;
  let mask = 0;
  for (let k = 0; k < list.length; k++) {
    const bit = names.get(list[k]!);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}

/**
 * Builds the dense key columns (most significant first) of score and chain for a group.
 * @param applicants all applicants of the input
 * @param group the applicants to rank (indices into `applicants`)
 * @param target a target of the group, for target-dependent criteria
 * @param alloc where the key columns come from
 * @returns keys with more than one level, ready for `sortByKeys`
 */
export function buildChainKeys(
  chain: readonly TieBreakCriterion[],
  applicants: readonly ApplicantInput[],
  scores: Float64Array,
  group: Int32Array,
  target: TargetInput,
  alloc: TypedAllocator = HEAP,
): DenseKey[] {
  const n = group.length;
  const values = alloc.float64(n);
  for (let l = 0; l < n; l++) values[l] = scores[group[l]!]!;
  const keys: DenseKey[] = [rankDescending(values, alloc)];
  if (chain.length === 0) return keys.filter((key) => key.levels > 1);
  // Input objects are read in applicant order (the order they lie in memory), not in the group's
  // ticket order: at a million applicants a random walk over them is a cache miss per read.
  const visit = visitInInputOrder(group, alloc);
  const flags = indexFlagNames(chain);
  const held = alloc.int32(flags.privileges.size + flags.categories.size > 0 ? n : 0);
  // One sweep over the objects fills the flag masks and a column per other criterion.
  const compiled = chain.map((criterion) => (isFlag(criterion) ? null : compileCriterion(criterion, target)));
  const columns = compiled.map((value) => (value ? alloc.float64(n) : null));
  const numeric = compiled.flatMap((value, c) => (value ? [{ value, column: columns[c]! }] : []));
  for (let k = 0; k < n; k++) {
    const l = visit[k]!;
    const a = applicants[group[l]!]!;
    if (held.length > 0)
      held[l] = maskOf(a.privileges, flags.privileges) | maskOf(a.categories, flags.categories);
    for (let x = 0; x < numeric.length; x++) numeric[x]!.column[l] = numeric[x]!.value(a);
  }
  let flagIndex = 0;
  for (let c = 0; c < chain.length; ) {
    const column = columns[c];
    if (column) {
      keys.push(rankDescending(column, alloc));
      c++;
      continue;
    }
    let end = c;
    while (end < chain.length && end - c < 30 && isFlag(chain[end]!)) end++;
    keys.push(packFlags(held, flags.masks.slice(flagIndex, flagIndex + end - c), alloc));
    flagIndex += end - c;
    c = end;
  }
  return keys.filter((key) => key.levels > 1);
}

/**
 * The local indices of a group sorted by applicant index. `group` lists distinct applicants; a
 * counting pass over the range of their indices, O(n + range).
 */
function visitInInputOrder(group: Int32Array, alloc: TypedAllocator): Int32Array {
  const n = group.length;
  const visit = alloc.int32(n);
  if (n === 0) return visit;
  let min = group[0]!;
  let max = min;
  for (let l = 1; l < n; l++) {
    const i = group[l]!;
    if (i < min) min = i;
    else if (i > max) max = i;
  }
  // Slot i - min holds l + 1 (0 = not in the group).
  const slot = new Int32Array(max - min + 1);
  for (let l = 0; l < n; l++) slot[group[l]! - min] = l + 1;
  let k = 0;
  for (let s = 0; s < slot.length; s++) if (slot[s] !== 0) visit[k++] = slot[s]! - 1;
  return visit;
}

function isFlag(criterion: TieBreakCriterion): criterion is FlagCriterion {
  return criterion.by === 'privilege' || criterion.by === 'category';
}

/** One integer per applicant whose bits, most significant first, say which criteria it meets. */
function packFlags(held: Int32Array, masks: readonly number[], alloc: TypedAllocator): DenseKey {
  const values = alloc.float64(held.length);
  for (let l = 0; l < held.length; l++) {
    const h = held[l]!;
    if (h === 0) continue;
    let packed = 0;
    for (let k = 0; k < masks.length; k++) packed = packed * 2 + ((h & masks[k]!) !== 0 ? 1 : 0);
    values[l] = packed;
  }
  return rankDescending(values, alloc);
}
