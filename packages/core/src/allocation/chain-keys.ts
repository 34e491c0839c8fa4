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

/** Bit positions of the names used by yes/no criteria, per list (privileges, categories). */
function indexFlagNames(chain: readonly TieBreakCriterion[]) {
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

function maskOf(list: readonly string[] | undefined, names: ReadonlyMap<string, number>): number {
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
  const flags = indexFlagNames(chain);
  const held = alloc.int32(flags.privileges.size + flags.categories.size > 0 ? n : 0);
  for (let l = 0; l < held.length; l++) {
    const a = applicants[group[l]!]!;
    held[l] = maskOf(a.privileges, flags.privileges) | maskOf(a.categories, flags.categories);
  }
  let flagIndex = 0;
  for (let c = 0; c < chain.length; ) {
    if (chain[c]!.by === 'privilege' || chain[c]!.by === 'category') {
      let end = c;
      while (end < chain.length && end - c < 30 && isFlag(chain[end]!)) end++;
      keys.push(packFlags(held, flags.masks.slice(flagIndex, flagIndex + end - c), alloc));
      flagIndex += end - c;
      c = end;
      continue;
    }
    const value = compileCriterion(chain[c]!, target);
    for (let l = 0; l < n; l++) values[l] = value(applicants[group[l]!]!);
    keys.push(rankDescending(values, alloc));
    c++;
  }
  return keys.filter((key) => key.levels > 1);
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
