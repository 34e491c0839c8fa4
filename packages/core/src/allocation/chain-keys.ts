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
import {
  type CriterionValue,
  compileCriterion,
  type DenseKey,
  isTargetDependent,
  rankDescending,
} from './tie-break.ts';

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
 * The chain's inputs read off the applicant objects in one sweep in input order (the order they
 * lie in memory): a ranking group reads them from here instead of from the objects. At a million
 * applicants a sweep per group, touching every fifth object, cost a cache miss per object read:
 * 350 ms for the five groups of the R2 profile pairs.
 */
export interface ChainColumns {
  /** Bits of each applicant's privileges and categories named in the chain (empty when none are). */
  readonly flags: Int32Array;
  /** Per chain criterion: each applicant's value, or null for yes/no criteria. */
  readonly values: readonly (Float64Array | null)[];
  /**
   * The ranking group whose target the target-dependent values were computed for (the applicant's
   * only group), or negative: such an applicant's target-dependent values are read per group.
   */
  readonly homeGroup: Int32Array;
}

/**
 * Reads the chain's inputs of every applicant (see {@link ChainColumns}).
 * @param homeGroup each applicant's only ranking group, or a negative number
 * @param groupTargets a target of each ranking group, for target-dependent criteria
 * @param alloc where the columns come from
 */
export function readChainColumns(
  chain: readonly TieBreakCriterion[],
  applicants: readonly ApplicantInput[],
  homeGroup: Int32Array,
  groupTargets: readonly TargetInput[],
  alloc: TypedAllocator = HEAP,
): ChainColumns {
  const n = applicants.length;
  const names = indexFlagNames(chain);
  const flags = alloc.int32(names.privileges.size + names.categories.size > 0 ? n : 0);
  const values = chain.map((criterion) => (isFlag(criterion) ? null : alloc.float64(n)));
  interface Reader {
    readonly column: Float64Array;
    readonly perGroup: readonly CriterionValue[] | null;
    readonly value: CriterionValue;
  }
  const readers = chain.flatMap((criterion, c): Reader[] => {
    if (isFlag(criterion)) return [];
    const column = values[c]!;
    if (!isTargetDependent(criterion))
      return [{ column, perGroup: null, value: compileCriterion(criterion, undefined) }];
    const perGroup = groupTargets.map((target) => compileCriterion(criterion, target));
    return [{ column, perGroup, value: perGroup[0]! }];
  });
  for (let i = 0; i < n; i++) {
    const a = applicants[i]!;
    if (flags.length > 0)
      flags[i] = maskOf(a.privileges, names.privileges) | maskOf(a.categories, names.categories);
    const g = homeGroup[i]!;
    for (let x = 0; x < readers.length; x++) {
      const reader = readers[x]!;
      if (reader.perGroup === null) reader.column[i] = reader.value(a);
      else if (g >= 0) reader.column[i] = reader.perGroup[g]!(a);
    }
  }
  return { flags, values, homeGroup };
}

/**
 * Builds the dense key columns (most significant first) of score and chain for a group.
 * @param applicants all applicants of the input
 * @param group the applicants to rank (indices into `applicants`)
 * @param g the group's number (for {@link ChainColumns.homeGroup})
 * @param target a target of the group, for target-dependent criteria
 * @param columns the chain's inputs ({@link readChainColumns}); null when the chain is empty
 * @param alloc where the key columns come from
 * @returns keys with more than one level, ready for `sortByKeys`
 */
export function buildChainKeys(
  chain: readonly TieBreakCriterion[],
  applicants: readonly ApplicantInput[],
  scores: Float64Array,
  group: Int32Array,
  g: number,
  target: TargetInput,
  columns: ChainColumns | null,
  alloc: TypedAllocator = HEAP,
): DenseKey[] {
  const n = group.length;
  const values = alloc.float64(n);
  for (let l = 0; l < n; l++) values[l] = scores[group[l]!]!;
  const keys: DenseKey[] = [rankDescending(values, alloc)];
  if (chain.length === 0 || columns === null) return keys.filter((key) => key.levels > 1);
  const flagMasks = indexFlagNames(chain).masks;
  const held = alloc.int32(columns.flags.length > 0 ? n : 0);
  for (let l = 0; l < held.length; l++) held[l] = columns.flags[group[l]!]!;
  let flagIndex = 0;
  for (let c = 0; c < chain.length; ) {
    if (!isFlag(chain[c]!)) {
      const column = gatherColumn(chain[c]!, columns, c, { applicants, group, g, target }, alloc);
      keys.push(rankDescending(column, alloc));
      c++;
      continue;
    }
    let end = c;
    while (end < chain.length && end - c < 30 && isFlag(chain[end]!)) end++;
    keys.push(packFlags(held, flagMasks.slice(flagIndex, flagIndex + end - c), alloc));
    flagIndex += end - c;
    c = end;
  }
  return keys.filter((key) => key.levels > 1);
}

/** A numeric criterion's values for a group: from the columns, or per object where they do not apply. */
function gatherColumn(
  criterion: TieBreakCriterion,
  columns: ChainColumns,
  c: number,
  at: { applicants: readonly ApplicantInput[]; group: Int32Array; g: number; target: TargetInput },
  alloc: TypedAllocator,
): Float64Array {
  const { applicants, group, g } = at;
  const source = columns.values[c]!;
  const out = alloc.float64(group.length);
  const own = isTargetDependent(criterion) ? compileCriterion(criterion, at.target) : null;
  for (let l = 0; l < group.length; l++) {
    const i = group[l]!;
    out[l] = own === null || columns.homeGroup[i] === g ? source[i]! : own(applicants[i]!);
  }
  return out;
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
