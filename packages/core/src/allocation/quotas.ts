/**
 * Pool layout of a target: the general pool and the reserved pools carved out of its capacity
 * (DOMAIN R4 shares, R5 where a quota applies and how it rounds, R11 regional pools).
 *
 * Invariant: the seats of all pools of a target sum to its capacity; reserved pools take their
 * seats in declaration order and never more than what is left, so the general pool is never negative.
 * Complexity: O(number of pool definitions) per target.
 */
import type { ResolvedPolicy } from './policy.ts';
import {
  GENERAL_POOL,
  type PoolDefinition,
  type RoundingRule,
  type TargetInput,
  type UnfilledFate,
} from './model.ts';

/** One pool of a target with its nominal seats. */
export interface PoolLayout {
  readonly id: string;
  readonly isGeneral: boolean;
  readonly category: string | undefined;
  readonly region: string | undefined;
  readonly seats: number;
  readonly unfilled: UnfilledFate;
}

// Shares such as 0.35 * 20 give 7.000000000000001 in binary floating point; snap to 1e-9 first.
function snapToNanos(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/**
 * Converts a share of a capacity into seats.
 * @example roundShare(0.01, 20, 'min-one') // 1
 */
export function roundShare(share: number, capacity: number, rule: RoundingRule): number {
  const exact = snapToNanos(share * capacity);
  if (exact <= 0) return 0;
  switch (rule) {
    case 'floor':
      return Math.floor(exact);
    case 'round':
      return Math.floor(exact + 0.5);
    case 'ceil':
      return Math.ceil(exact);
    case 'min-one':
      return Math.max(1, Math.floor(exact));
  }
}

/**
 * Tells whether a pool definition applies to a target (R5: the rural quota only on listed targets).
 * @example appliesToTarget({ id: 'rural', only: ['rural-development'] }, { id: 't', capacity: 5, tags: ['rural-development'] }) // true
 */
export function appliesToTarget(definition: PoolDefinition, target: TargetInput): boolean {
  const only = definition.only;
  if (only === undefined) return true;
  return only.some(
    (name) => name === target.id || name === target.group || (target.tags ?? []).includes(name),
  );
}

/** Policy quotas that apply to the target, then the target's own pools (same id replaces). */
function collectDefinitions(target: TargetInput, policy: ResolvedPolicy): PoolDefinition[] {
  const definitions = policy.quotas.filter((q) => appliesToTarget(q, target));
  for (const own of target.pools ?? []) {
    const at = definitions.findIndex((q) => q.id === own.id);
    if (at >= 0) definitions[at] = own;
    else definitions.push(own);
  }
  return definitions;
}

/**
 * Lays out the pools of a target: general first, then reserved pools in declaration order.
 * @returns the pools; `seats` of all pools sum to `target.capacity`
 * @example layOutPools({ id: 't', capacity: 20 }, resolvePolicy({ preset: 'kz-grants' }))
 */
export function layOutPools(target: TargetInput, policy: ResolvedPolicy): PoolLayout[] {
  let left = target.capacity;
  const reserved: PoolLayout[] = [];
  for (const definition of collectDefinitions(target, policy)) {
    const wanted = definition.seats ?? roundShare(definition.share ?? 0, target.capacity, policy.rounding);
    const seats = Math.max(0, Math.min(wanted, left));
    left -= seats;
    reserved.push({
      id: definition.id,
      isGeneral: false,
      category: definition.category,
      region: definition.region,
      seats,
      unfilled: definition.unfilled ?? policy.unfilledQuota,
    });
  }
  const general: PoolLayout = {
    id: GENERAL_POOL,
    isGeneral: true,
    category: undefined,
    region: undefined,
    seats: left,
    unfilled: 'stay-empty',
  };
  return [general, ...reserved];
}

/**
 * Lays out pools through a cache: targets without pools of their own, with the same capacity and
 * the same applicable policy quotas, share one (immutable) layout. With 20k targets and the nine
 * R4 quotas, building a layout per target was most of the time spent compiling targets.
 */
export class PoolLayoutCache {
  private readonly byKey = new Map<string, readonly PoolLayout[]>();
  private readonly policy: ResolvedPolicy;

  constructor(policy: ResolvedPolicy) {
    this.policy = policy;
  }

  /**
   * The target's layout, and whether it was built for this call (false when it came from the cache).
   * @example new PoolLayoutCache(policy).layOut({ id: 't', capacity: 20 }).layout[0].id // 'general'
   */
  layOut(target: TargetInput): { layout: readonly PoolLayout[]; fresh: boolean } {
    const quotas = this.policy.quotas;
    if ((target.pools?.length ?? 0) > 0 || quotas.length > 30)
      return { layout: layOutPools(target, this.policy), fresh: true };
    let applicable = 0;
    for (let k = 0; k < quotas.length; k++) if (appliesToTarget(quotas[k]!, target)) applicable |= 1 << k;
    const key = `${target.capacity}:${applicable}`;
    const cached = this.byKey.get(key);
    if (cached) return { layout: cached, fresh: false };
    const layout = layOutPools(target, this.policy);
    this.byKey.set(key, layout);
    return { layout, fresh: true };
  }
}
