/**
 * Builds every pool's ranking in the kernel's CSR form (rankOffset, rankList, rankAt).
 *
 * Score-ranked targets: applicants are ordered once per ranking group (targets whose chain
 * values agree, i.e. one group unless the chain uses `profileScore`) by tie-break.ts, then
 * emitted into each pool in that order, so every pool ranking is built in O(E) after one sort.
 * Explicit rankings: the entries of each pool are sorted by the target's position of the applicant.
 *
 * Invariant: rankList[rankOffset[p] + rankAt[e]] is the applicant of entry e, for every entry.
 * Complexity: O(G * N log D + E) for score groups, O(d log d) per explicit pool of degree d.
 */
import type { Arena } from './arena.ts';
import type { FlatInstance } from './kernel.ts';
import type { CompiledApplicants } from './compile.ts';
import type { AllocationInput, TargetInput } from './model.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { CompiledTargets } from './targets.ts';
import { buildChainKeys, type ChainColumns, readChainColumns } from './chain-keys.ts';
import { isTargetDependent, sortByKeys } from './tie-break.ts';

/** The ranking arrays of a FlatInstance. */
export type Rankings = Pick<FlatInstance, 'rankAt' | 'rankOffset' | 'rankList'>;

/** Shared arrays of one ranking build. */
interface Build {
  readonly arena: Arena;
  readonly input: AllocationInput;
  readonly targets: CompiledTargets;
  readonly applicants: CompiledApplicants;
  readonly rankAt: Int32Array;
  readonly rankOffset: Int32Array;
  readonly rankList: Int32Array;
  readonly fill: Int32Array;
}

/**
 * Builds the rankings of all pools.
 * @param ticketOrder applicants sorted by lottery ticket (tie-break.ts `sortByTicket`)
 * @param arena where the large arrays come from
 * @example const { rankAt, rankOffset, rankList } = buildRankings(input, policy, targets, applicants);
 */
export function buildRankings(
  input: AllocationInput,
  policy: ResolvedPolicy,
  targets: CompiledTargets,
  applicants: CompiledApplicants,
  ticketOrder: Int32Array,
  arena: Arena,
): Rankings {
  const { prefTarget } = applicants;
  const rankOffset = new Int32Array(targets.pools.length + 1);
  for (let e = 0; e < prefTarget.length; e++) rankOffset[prefTarget[e]! + 1]!++;
  for (let p = 0; p < targets.pools.length; p++) rankOffset[p + 1]! += rankOffset[p]!;
  const build: Build = {
    arena,
    input,
    targets,
    applicants,
    rankAt: arena.int32(prefTarget.length),
    rankOffset,
    rankList: arena.int32(prefTarget.length),
    fill: new Int32Array(targets.pools.length),
  };
  if (targets.explicit.some((ranking) => ranking !== null)) rankExplicitTargets(build);
  rankScoreTargets(build, policy, ticketOrder);
  return { rankAt: build.rankAt, rankOffset, rankList: build.rankList };
}

function rankExplicitTargets(build: Build): void {
  const { input, targets, applicants, rankAt, rankOffset, rankList, fill } = build;
  const { prefOffset, prefTarget } = applicants;
  const edgeAt = new Int32Array(prefTarget.length);
  for (let i = 0; i < input.applicants.length; i++) {
    const id = input.applicants[i]!.id;
    for (let e = prefOffset[i]!; e < prefOffset[i + 1]!; e++) {
      const p = prefTarget[e]!;
      const ranking = targets.explicit[targets.poolTarget[p]!];
      if (!ranking) continue;
      edgeAt[rankOffset[p]! + fill[p]!++] = e;
      rankList[rankOffset[p]! + fill[p]! - 1] = i;
      rankAt[e] = ranking.get(id)!;
    }
  }
  for (let p = 0; p < targets.pools.length; p++) {
    if (!targets.explicit[targets.poolTarget[p]!]) continue;
    const from = rankOffset[p]!;
    const slots = Array.from({ length: fill[p]! }, (_, k) => from + k);
    slots.sort((a, b) => rankAt[edgeAt[a]!]! - rankAt[edgeAt[b]!]!);
    const applicantsInOrder = slots.map((slot) => rankList[slot]!);
    const edgesInOrder = slots.map((slot) => edgeAt[slot]!);
    for (let r = 0; r < slots.length; r++) {
      rankList[from + r] = applicantsInOrder[r]!;
      rankAt[edgesInOrder[r]!] = r;
    }
  }
}

/** Ranking groups: targets ranked by score that share chain values; -1 for explicit targets. */
function groupTargets(input: AllocationInput, targets: CompiledTargets, policy: ResolvedPolicy) {
  const dependent = policy.tieBreak.some(isTargetDependent);
  const keys = new Map<string, number>();
  const representative: TargetInput[] = [];
  const groupOf = new Int32Array(input.targets.length).fill(-1);
  input.targets.forEach((target, j) => {
    if (targets.explicit[j]) return;
    const key = dependent ? JSON.stringify(target.profileSubjects ?? []) : '';
    if (!keys.has(key)) {
      keys.set(key, keys.size);
      representative.push(target);
    }
    groupOf[j] = keys.get(key)!;
  });
  return { groupOf, representative };
}

const NO_SCORE_ENTRY = -1;
const CHECK_EACH_ENTRY = -2;

/**
 * The one ranking group all of an applicant's entries belong to; NO_SCORE_ENTRY when none is
 * score-ranked; CHECK_EACH_ENTRY when entries span groups or include explicit rankings. R2 (one
 * profile pair per application) makes the single group the common case, so later passes over
 * the entries of most applicants need no per-entry group lookup.
 */
function findApplicantGroups(build: Build, groupOf: Int32Array): Int32Array {
  const { targets, applicants, arena } = build;
  const { prefOffset, prefTarget } = applicants;
  const n = prefOffset.length - 1;
  const groupOfApplicant = arena.int32(n);
  for (let i = 0; i < n; i++) {
    let group = NO_SCORE_ENTRY;
    let hasExplicit = false;
    for (let e = prefOffset[i]!; e < prefOffset[i + 1]!; e++) {
      const g = groupOf[targets.poolTarget[prefTarget[e]!]!]!;
      if (g < 0) hasExplicit = true;
      else if (group === NO_SCORE_ENTRY) group = g;
      else if (group !== g) group = CHECK_EACH_ENTRY;
    }
    groupOfApplicant[i] = hasExplicit && group >= 0 ? CHECK_EACH_ENTRY : group;
  }
  return groupOfApplicant;
}

/** Members of each group, in ticket order (two passes: count, then fill). */
function collectMembers(
  build: Build,
  order: Int32Array,
  groupOf: Int32Array,
  groups: number,
  mine: Int32Array,
) {
  const sizes = new Int32Array(groups);
  const lastSeen = new Int32Array(groups).fill(-1);
  const visit = (i: number, add: (g: number) => void) => {
    const g = mine[i]!;
    if (g >= 0) add(g);
    else if (g === CHECK_EACH_ENTRY) forEachGroupOf(build, i, groupOf, lastSeen, add);
  };
  for (let r = 0; r < order.length; r++) visit(order[r]!, (g) => sizes[g]!++);
  const members = Array.from(sizes, (size) => build.arena.int32(size));
  const fill = new Int32Array(groups);
  lastSeen.fill(-1);
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    visit(i, (g) => {
      members[g]![fill[g]!++] = i;
    });
  }
  return members;
}

/** Calls add(g) once per distinct score-ranked group among applicant i's entries. */
function forEachGroupOf(
  build: Build,
  i: number,
  groupOf: Int32Array,
  lastSeen: Int32Array,
  add: (g: number) => void,
): void {
  const { targets, applicants } = build;
  for (let e = applicants.prefOffset[i]!; e < applicants.prefOffset[i + 1]!; e++) {
    const g = groupOf[targets.poolTarget[applicants.prefTarget[e]!]!]!;
    if (g < 0 || lastSeen[g] === i) continue;
    lastSeen[g] = i;
    add(g);
  }
}

function rankScoreTargets(build: Build, policy: ResolvedPolicy, ticketOrder: Int32Array): void {
  const { groupOf, representative } = groupTargets(build.input, build.targets, policy);
  if (representative.length === 0) return;
  const mine = findApplicantGroups(build, groupOf);
  const members = collectMembers(build, ticketOrder, groupOf, representative.length, mine);
  const columns =
    policy.tieBreak.length > 0
      ? readChainColumns(policy.tieBreak, build.input.applicants, mine, representative, build.arena)
      : null;
  members.forEach((group, g) => {
    // The keys and sort buffers of one group are scratch: the next group reuses their memory.
    const mark = build.arena.mark();
    const order = orderGroup(build, policy, group, g, representative[g]!, columns);
    emitGroup(build, groupOf, g, group, order, mine);
    build.arena.release(mark);
  });
}

function orderGroup(
  build: Build,
  policy: ResolvedPolicy,
  group: Int32Array,
  g: number,
  target: TargetInput,
  columns: ChainColumns | null,
): Int32Array {
  const { arena } = build;
  const keys = buildChainKeys(
    policy.tieBreak,
    build.input.applicants,
    build.applicants.score,
    group,
    g,
    target,
    columns,
    arena,
  );
  const identity = arena.int32(group.length);
  for (let l = 0; l < group.length; l++) identity[l] = l;
  return sortByKeys(identity, keys, arena);
}

function emitGroup(
  build: Build,
  groupOf: Int32Array,
  g: number,
  group: Int32Array,
  order: Int32Array,
  mine: Int32Array,
): void {
  const { targets, applicants, rankAt, rankOffset, rankList, fill } = build;
  const { prefOffset, prefTarget } = applicants;
  for (let r = 0; r < order.length; r++) {
    const i = group[order[r]!]!;
    const checkEach = mine[i] !== g;
    for (let e = prefOffset[i]!; e < prefOffset[i + 1]!; e++) {
      const p = prefTarget[e]!;
      if (checkEach && groupOf[targets.poolTarget[p]!] !== g) continue;
      const position = fill[p]!++;
      rankAt[e] = position;
      rankList[rankOffset[p]! + position] = i;
    }
  }
}
