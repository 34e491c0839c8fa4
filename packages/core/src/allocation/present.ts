/**
 * Turns a columnar AllocationResult into the JSON report (report.ts). Applicants can be
 * presented one at a time so a writer can stream a million of them without one huge object.
 * Complexity: O(1 + reasons) per applicant, O(pools) for targets.
 */
import { findIneligibility } from './eligibility.ts';
import type { AllocationResult } from './engine.ts';
import { ReasonCode } from './explain.ts';
import type { ResolvedPolicy } from './policy.ts';
import type {
  AllocationReport,
  ApplicantReport,
  CutoffReport,
  PoolReport,
  ReasonReport,
  SummaryReport,
  TargetReport,
} from './report.ts';
import { poolsOf } from './targets.ts';
import { nameCriterion } from './tie-break.ts';

/** Identifies the engine and report format. */
export const ENGINE_NAME = 'kadr-da/1';

/** Names the lottery algorithm (lottery.ts `drawTicket`). */
export const LOTTERY_ALGORITHM = 'kadr-ticket/1 (53-bit keyed hash of seed and applicant id, lower wins)';

/**
 * Presents the whole result.
 * @example const report = presentAllocation(result); report.summary.fillRate
 */
export function presentAllocation(result: AllocationResult): AllocationReport {
  const applicants: ApplicantReport[] = [];
  for (let i = 0; i < result.input.applicants.length; i++) applicants.push(presentApplicant(result, i));
  return { ...presentHeader(result), targets: presentTargets(result), applicants };
}

/** Presents everything except targets and applicants. */
export function presentHeader(result: AllocationResult): Omit<AllocationReport, 'targets' | 'applicants'> {
  return {
    engine: ENGINE_NAME,
    seed: result.policy.seed,
    policy: presentPolicy(result.policy),
    summary: summarize(result),
    lottery: {
      seed: result.policy.seed,
      algorithm: LOTTERY_ALGORITHM,
      decisive: countLotteryDecisions(result),
    },
  };
}

/** Replaces the infinities that mean "no limit" by null, so the policy survives JSON. */
export function presentPolicy(policy: ResolvedPolicy): unknown {
  return JSON.parse(
    JSON.stringify(policy, (_key, value) => (value === Infinity || value === -Infinity ? null : value)),
  );
}

/**
 * Counts applicants, seats and fill.
 * @example summarize(result).fillRate // 0.93
 */
export function summarize(result: AllocationResult): SummaryReport {
  const { solution, applicants, targets, capacity } = result;
  let assigned = 0;
  let competing = 0;
  for (let i = 0; i < solution.match.length; i++) {
    if (applicants.active[i]) competing++;
    if (solution.match[i]! >= 0) assigned++;
  }
  let seats = 0;
  let filled = 0;
  let returnedSeats = 0;
  targets.pools.forEach((pool, p) => {
    seats += pool.seats;
    filled += solution.count[p]! + targets.kept[p]!;
    if (!pool.isGeneral) returnedSeats += result.instance.capacity[p]! - capacity[p]!;
  });
  const kept = result.input.kept?.length ?? 0;
  return {
    applicants: solution.match.length,
    competing,
    assigned,
    unassigned: competing - assigned,
    kept,
    seats,
    filled,
    fillRate: seats === 0 ? 0 : filled / seats,
    returnedSeats,
    iterations: result.iterations,
  };
}

function countLotteryDecisions(result: AllocationResult): number | null {
  const table = result.explanations;
  if (!table) return null;
  const lotteryStep = result.policy.tieBreak.length + 1;
  let count = 0;
  for (let r = 0; r < table.code.length; r++) if (table.step[r] === lotteryStep) count++;
  return count;
}

/** Presents every target with its pools, fill and cutoffs. */
export function presentTargets(result: AllocationResult): TargetReport[] {
  const { input, targets } = result;
  return input.targets.map((target, j) => {
    const pools = poolsOf(targets, j).map((p) => presentPool(result, p));
    const filled = pools.reduce((sum, pool) => sum + pool.filled, 0);
    return { id: target.id, capacity: target.capacity, filled, pools };
  });
}

function presentPool(result: AllocationResult, p: number): PoolReport {
  const { targets, solution, capacity, instance } = result;
  const pool = targets.pools[p]!;
  const kept = targets.kept[p]!;
  const out: { -readonly [K in keyof PoolReport]: PoolReport[K] } = { id: pool.id } as PoolReport;
  if (pool.category !== undefined) out.category = pool.category;
  if (pool.region !== undefined) out.region = pool.region;
  if (!pool.isGeneral) out.unfilled = pool.unfilled;
  out.nominal = pool.seats;
  out.capacity = capacity[p]! + kept;
  out.filled = solution.count[p]! + kept;
  out.kept = kept;
  out.moved = capacity[p]! - instance.capacity[p]!;
  out.cutoff = presentCutoff(result, p);
  return out;
}

function presentCutoff(result: AllocationResult, p: number): CutoffReport | null {
  const { solution, instance, targets, input, applicants } = result;
  const worst = solution.worst[p]!;
  if (solution.count[p] === 0 || worst < 0) return null;
  const i = instance.rankList[instance.rankOffset[p]! + worst]!;
  const id = input.applicants[i]!.id;
  const explicit = targets.explicit[targets.poolTarget[p]!];
  if (explicit) return { applicant: id, rank: explicit.get(id)! + 1 };
  return { applicant: id, score: applicants.score[i]!, rank: worst + 1 };
}

/**
 * Presents one applicant: assignment, rank, ticket and reasons.
 * @example presentApplicant(result, 0).reasons
 */
export function presentApplicant(result: AllocationResult, i: number): ApplicantReport {
  const { input, solution, applicants, targets, instance } = result;
  const id = input.applicants[i]!.id;
  const score = applicants.score[i]!;
  const ticket = applicants.ticket[i]!;
  const keptSeat = applicants.keptSeat.length > 0 ? input.kept?.[applicants.keptSeat[i]!] : undefined;
  if (keptSeat) {
    const { target, pool } = keptSeat;
    return { id, target, pool, choice: null, rank: null, score, ticket, kept: true };
  }
  const p = solution.match[i]!;
  // Built field by field, without spreads: spreads of varying shapes make slow dictionary objects.
  const out: { -readonly [K in keyof ApplicantReport]: ApplicantReport[K] } = {
    id,
    target: null,
    pool: null,
    choice: null,
    rank: null,
    score,
    ticket,
  };
  if (p >= 0) {
    const e = solution.matchEdge[i]!;
    const j = targets.poolTarget[p]!;
    const explicit = targets.explicit[j];
    out.target = input.targets[j]!.id;
    out.pool = targets.pools[p]!.id;
    out.choice = applicants.edgeChoice[e]! + 1;
    out.rank = explicit ? explicit.get(id)! + 1 : instance.rankAt[e]! + 1;
  }
  if (result.explanations) out.reasons = presentReasons(result, i);
  return out;
}

function presentReasons(result: AllocationResult, i: number): ReasonReport[] {
  const table = result.explanations!;
  const reasons: ReasonReport[] = [];
  for (let r = table.offset[i]!; r < table.offset[i + 1]!; r++) reasons.push(presentReason(result, i, r));
  return reasons;
}

function presentReason(result: AllocationResult, i: number, r: number): ReasonReport {
  const { input, applicants, targets } = result;
  const table = result.explanations!;
  const choice = table.choice[r]! + 1;
  const target = input.applicants[i]!.choices[choice - 1]!;
  const j = targets.targetIndex.get(target)!;
  const code = table.code[r]!;
  if (code === ReasonCode.ineligible) return presentIneligibility(result, i, j, choice);
  if (code === ReasonCode.notRanked) return { choice, target, reason: 'not-ranked' };
  const p = table.pool[r]!;
  const pool = targets.pools[p]!.id;
  if (code === ReasonCode.noSeats) return { choice, target, pool, reason: 'no-seats' };
  const cutoff = presentCutoff(result, p)!;
  if (code === ReasonCode.outranked) {
    const rank = targets.explicit[j]!.get(input.applicants[i]!.id)! + 1;
    return { choice, target, pool, reason: 'outranked', rank, cutoffRank: cutoff.rank };
  }
  const score = applicants.score[i]!;
  const cutoffScore = cutoff.score!;
  return {
    choice,
    target,
    pool,
    reason: 'below-cutoff',
    score,
    cutoffScore,
    shortBy: cutoffScore - score,
    decidedBy: nameStep(result.policy, table.step[r]!),
    cutoffApplicant: cutoff.applicant,
  };
}

function presentIneligibility(result: AllocationResult, i: number, j: number, choice: number): ReasonReport {
  const why = findIneligibility(result.input.applicants[i]!, result.targets.rules[j]!)!;
  const reason: Record<string, unknown> = {
    choice,
    target: result.input.targets[j]!.id,
    reason: 'ineligible',
    rule: why.rule,
  };
  if (why.subject !== undefined) reason.subject = why.subject;
  if (why.value !== undefined) reason.value = why.value;
  if (why.required !== undefined) reason.required = why.required;
  if (typeof why.value === 'number' && typeof why.required === 'number')
    reason.shortBy = why.required - why.value;
  return reason as ReasonReport;
}

/**
 * Names a deciding step: `score`, a chain criterion, `lottery` or `id`.
 * @example nameStep(policy, 0) // 'score'
 */
export function nameStep(policy: ResolvedPolicy, step: number): string {
  if (step === 0) return 'score';
  if (step <= policy.tieBreak.length) return nameCriterion(policy.tieBreak[step - 1]!);
  return step === policy.tieBreak.length + 1 ? 'lottery' : 'id';
}
