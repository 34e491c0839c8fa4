/**
 * Later rounds (DOMAIN R9): seats declined or not taken up go to the next-ranked applicants who
 * are still without a seat, with no new application, while accepted seats are kept.
 *
 * The next round's input is derived from the previous input and report: every target keeps the
 * final pool capacities of the previous round (seats that moved from quota pools stay moved),
 * accepted seats become `kept` seats that reduce those capacities, declining applicants leave
 * (and leave the explicit rankings too).
 * Complexity: O(N + total pools).
 */
import {
  GENERAL_POOL,
  type AllocationInput,
  type KeptSeat,
  type PoolDefinition,
  type TargetInput,
} from './model.ts';

/** The parts of a previous report a next round needs. */
export interface PreviousRound {
  readonly targets: readonly {
    readonly id: string;
    readonly pools: readonly {
      readonly id: string;
      readonly category?: string;
      readonly region?: string;
      readonly unfilled?: 'return-to-general' | 'stay-empty';
      readonly capacity: number;
    }[];
  }[];
  readonly applicants: readonly {
    readonly id: string;
    readonly target: string | null;
    readonly pool: string | null;
  }[];
}

/**
 * Builds the input of the next round.
 * @param input the previous round's input
 * @param previous the previous round's report
 * @param declined ids of applicants who declined their seat or withdrew
 * @example const round2 = prepareNextRound(input, presentAllocation(result), ['a7']);
 */
export function prepareNextRound(
  input: AllocationInput,
  previous: PreviousRound,
  declined: readonly string[],
): AllocationInput {
  const gone = new Set(declined);
  const kept: KeptSeat[] = [];
  for (const outcome of previous.applicants) {
    if (outcome.target === null || outcome.pool === null || gone.has(outcome.id)) continue;
    kept.push({ applicant: outcome.id, target: outcome.target, pool: outcome.pool });
  }
  const poolsByTarget = new Map(previous.targets.map((target) => [target.id, target.pools]));
  return {
    ...input,
    applicants: input.applicants.filter((applicant) => !gone.has(applicant.id)),
    targets: input.targets.map((target) =>
      carryPools(withoutRanked(target, gone), poolsByTarget.get(target.id)),
    ),
    kept,
  };
}

function withoutRanked(target: TargetInput, gone: ReadonlySet<string>): TargetInput {
  if (!target.ranking?.some((id) => gone.has(id))) return target;
  return { ...target, ranking: target.ranking.filter((id) => !gone.has(id)) };
}

function carryPools(
  target: TargetInput,
  pools: PreviousRound['targets'][number]['pools'] | undefined,
): TargetInput {
  if (!pools) return target;
  const reserved: PoolDefinition[] = pools
    .filter((pool) => pool.id !== GENERAL_POOL)
    .map((pool) => ({
      id: pool.id,
      seats: pool.capacity,
      ...(pool.unfilled === undefined ? {} : { unfilled: pool.unfilled }),
      ...(pool.category === undefined ? {} : { category: pool.category }),
      ...(pool.region === undefined ? {} : { region: pool.region }),
    }));
  const capacity = pools.reduce((sum, pool) => sum + pool.capacity, 0);
  return { ...target, capacity, pools: reserved };
}
