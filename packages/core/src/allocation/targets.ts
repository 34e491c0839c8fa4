/**
 * Compiles the targets of an allocation input: id index, eligibility rules, pool layout,
 * explicit ranking positions, and seats kept from earlier rounds (R9).
 * Complexity: O(T * Q + total length of explicit rankings + kept seats).
 */
import { compileTargetRules, type TargetRules } from './eligibility.ts';
import { GENERAL_POOL, type AllocationInput } from './model.ts';
import type { ResolvedPolicy } from './policy.ts';
import { type PoolLayout, PoolLayoutCache } from './quotas.ts';

/** Collects input issues up to a limit, so a broken million-row file does not flood the report. */
export class IssueList {
  readonly items: { path: string; message: string }[] = [];
  readonly limit: number;
  constructor(limit = 50) {
    this.limit = limit;
  }
  /** Records one issue; returns false once the limit is reached. */
  add(path: string, message: string): boolean {
    if (this.items.length < this.limit) this.items.push({ path, message });
    return this.items.length < this.limit;
  }
  /** Whether no issue was recorded. */
  get isEmpty(): boolean {
    return this.items.length === 0;
  }
}

/** The compiled targets and their pools. */
export interface CompiledTargets {
  readonly targetIndex: Map<string, number>;
  readonly rules: readonly TargetRules[];
  /** Positions in explicit rankings (applicant id -> 0-based position), or null for score ranking. */
  readonly explicit: readonly (Map<string, number> | null)[];
  /**
   * Pools 0 .. T-1 are the general pools (pool j is target j's); the reserved pools of target j
   * follow as pools reservedStart[j] .. reservedStart[j+1], in declaration order ({@link poolsOf}).
   * Numbered so, the general pools, which take most proposals, share T x 16 bytes of the kernel's
   * per-pool state instead of lying spread among every reserved pool's: kernel runs with the R4
   * quotas measured 10-20% faster at a million applicants.
   */
  readonly reservedStart: Int32Array;
  readonly pools: readonly PoolLayout[];
  readonly poolTarget: Int32Array;
  /** Seats kept from earlier rounds per pool. */
  readonly kept: Int32Array;
  /** Bit of the pool's category in applicant category masks, or -1. */
  readonly poolCategoryBit: Int32Array;
  /** Region id of the pool, or -1. */
  readonly poolRegion: Int32Array;
  readonly categoryBits: Map<string, number>;
  readonly regionIds: Map<string, number>;
  /** Group number of each target (targets without a group form their own), for R2 limits. */
  readonly groupOf: Int32Array;
  readonly groupCount: number;
}

/**
 * Compiles targets, recording duplicate ids, bad pools and over-full kept seats as issues.
 * @param applicantIds ids of the applicants, to check explicit rankings
 */
export function compileTargets(
  input: AllocationInput,
  policy: ResolvedPolicy,
  applicantIds: ReadonlyMap<string, number>,
  issues: IssueList,
): CompiledTargets {
  const targetIndex = new Map<string, number>();
  const ruleCache = new Map<string, TargetRules>();
  const rules: TargetRules[] = [];
  const explicit: (Map<string, number> | null)[] = [];
  const layouts = new PoolLayoutCache(policy);
  const targetLayouts: (readonly PoolLayout[])[] = [];
  input.targets.forEach((target, j) => {
    if (targetIndex.has(target.id)) issues.add(`targets[${j}].id`, `duplicate target id "${target.id}"`);
    targetIndex.set(target.id, j);
    const compiled = compileTargetRules(target, policy);
    const shared = ruleCache.get(compiled.key) ?? compiled;
    ruleCache.set(compiled.key, shared);
    rules.push(shared);
    explicit.push(
      target.ranking ? indexRanking(target.ranking, `targets[${j}].ranking`, applicantIds, issues) : null,
    );
    const { layout, fresh } = layouts.layOut(target);
    // A shared layout was checked when it was built (its pools come from the policy alone).
    if (fresh) checkPools(layout, target.capacity, target.pools ?? [], `targets[${j}]`, issues);
    targetLayouts.push(layout);
  });
  const { pools, reservedStart, poolTarget } = numberPools(targetLayouts);
  const { categoryBits, regionIds, poolCategoryBit, poolRegion } = indexPoolConditions(pools, issues);
  const kept = countKept(input, targetIndex, { pools, reservedStart }, issues);
  const groups = new Map<string, number>();
  const groupOf = Int32Array.from(input.targets, (target) => {
    const key = target.group === undefined ? `target:${target.id}` : `group:${target.group}`;
    if (!groups.has(key)) groups.set(key, groups.size);
    return groups.get(key)!;
  });
  return {
    groupOf,
    groupCount: groups.size,
    targetIndex,
    rules,
    explicit,
    reservedStart,
    pools,
    poolTarget,
    kept,
    poolCategoryBit,
    poolRegion,
    categoryBits,
    regionIds,
  };
}

function indexRanking(
  ranking: readonly string[],
  path: string,
  applicantIds: ReadonlyMap<string, number>,
  issues: IssueList,
): Map<string, number> {
  const positions = new Map<string, number>();
  ranking.forEach((id, position) => {
    if (positions.has(id)) issues.add(`${path}[${position}]`, `applicant "${id}" is ranked twice`);
    else if (!applicantIds.has(id)) issues.add(`${path}[${position}]`, `unknown applicant "${id}"`);
    else positions.set(id, position);
  });
  return positions;
}

function checkPools(
  layout: readonly PoolLayout[],
  capacity: number,
  own: readonly { id: string; seats?: number }[],
  path: string,
  issues: IssueList,
): void {
  const seen = new Set<string>();
  for (const pool of layout) {
    if (seen.has(pool.id)) issues.add(`${path}.pools`, `duplicate pool id "${pool.id}"`);
    seen.add(pool.id);
    if (!pool.isGeneral && pool.category === undefined && pool.region === undefined) {
      issues.add(`${path}.pools`, `pool "${pool.id}" needs a category or a region`);
    }
  }
  const explicitSeats = own.reduce((sum, pool) => sum + (pool.seats ?? 0), 0);
  if (explicitSeats > capacity)
    issues.add(`${path}.pools`, `pool seats ${explicitSeats} exceed capacity ${capacity}`);
  if (own.some((pool) => pool.id === GENERAL_POOL))
    issues.add(`${path}.pools`, `pool id "general" is reserved`);
}

function indexPoolConditions(pools: readonly PoolLayout[], issues: IssueList) {
  const categoryBits = new Map<string, number>();
  const regionIds = new Map<string, number>();
  const poolCategoryBit = new Int32Array(pools.length).fill(-1);
  const poolRegion = new Int32Array(pools.length).fill(-1);
  pools.forEach((pool, p) => {
    if (pool.category !== undefined) {
      if (!categoryBits.has(pool.category)) categoryBits.set(pool.category, categoryBits.size);
      poolCategoryBit[p] = categoryBits.get(pool.category)!;
    }
    if (pool.region !== undefined) {
      if (!regionIds.has(pool.region)) regionIds.set(pool.region, regionIds.size);
      poolRegion[p] = regionIds.get(pool.region)!;
    }
  });
  if (categoryBits.size > 31)
    issues.add('policy.quotas', 'at most 31 distinct quota categories are supported');
  return { categoryBits, regionIds, poolCategoryBit, poolRegion };
}

/** Numbers the pools: every target's general pool first, then the reserved pools by target. */
function numberPools(layouts: readonly (readonly PoolLayout[])[]) {
  const pools: PoolLayout[] = layouts.map((layout) => layout[0]!);
  const reservedStart = new Int32Array(layouts.length + 1);
  reservedStart[0] = layouts.length;
  layouts.forEach((layout, j) => {
    for (let k = 1; k < layout.length; k++) pools.push(layout[k]!);
    reservedStart[j + 1] = pools.length;
  });
  const poolTarget = new Int32Array(pools.length);
  for (let j = 0; j < layouts.length; j++) {
    poolTarget[j] = j;
    poolTarget.fill(j, reservedStart[j]!, reservedStart[j + 1]!);
  }
  return { pools, reservedStart, poolTarget };
}

/**
 * The pools of target j in layout order: its general pool, then its reserved pools.
 * @example poolsOf(targets, 0) // [0, 3, 4]
 */
export function poolsOf(targets: Pick<CompiledTargets, 'reservedStart'>, j: number): number[] {
  const pools = [j];
  for (let p = targets.reservedStart[j]!; p < targets.reservedStart[j + 1]!; p++) pools.push(p);
  return pools;
}

function countKept(
  input: AllocationInput,
  targetIndex: ReadonlyMap<string, number>,
  targets: Pick<CompiledTargets, 'pools' | 'reservedStart'>,
  issues: IssueList,
): Int32Array {
  const { pools } = targets;
  const kept = new Int32Array(pools.length);
  const seen = new Set<string>();
  (input.kept ?? []).forEach((seat, k) => {
    const j = targetIndex.get(seat.target);
    if (seen.has(seat.applicant))
      issues.add(`kept[${k}].applicant`, `applicant "${seat.applicant}" kept twice`);
    seen.add(seat.applicant);
    if (j === undefined) {
      issues.add(`kept[${k}].target`, `unknown target "${seat.target}"`);
      return;
    }
    const p = poolsOf(targets, j).find((q) => pools[q]!.id === seat.pool);
    if (p === undefined) issues.add(`kept[${k}].pool`, `unknown pool "${seat.pool}" of "${seat.target}"`);
    else if (++kept[p]! > pools[p]!.seats)
      issues.add(`kept[${k}]`, `more kept seats than pool "${seat.pool}" has`);
  });
  return kept;
}
