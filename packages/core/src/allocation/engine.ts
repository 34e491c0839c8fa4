/**
 * The allocation engine: many-to-one deferred acceptance, applicant-proposing, with reserved
 * pools, eligibility, score rankings with a tie-break chain and a seeded lottery, explicit
 * rankings, unfilled-quota return and rounds (shared/DOMAIN.md §6, R1 to R12).
 *
 * References: Gale & Shapley (1962); Roth & Sotomayor (1990), "Two-Sided Matching", ch. 5
 * (college admissions); Hafalir, Yenmez & Yildirim (2013), "Effective affirmative action in
 * school choice"; Kominers & Sönmez (2016), "Matching with slot-specific priorities"
 * (reserved pools as virtual targets with a processing order); Abdulkadiroğlu, Pathak & Roth
 * (2009) on single tie-breaking by lottery.
 *
 * Method: every (target, pool) becomes a kernel target; an applicant's choice of a target expands
 * into entries for its pools in the configured order; kernel.ts solves the flat instance. When
 * unfilled quota seats return to the general pool, capacities move and the kernel runs again
 * until no returning pool has a vacancy (a fixed point: seats only move one way, so at most
 * one run per returned seat, in practice two to four).
 *
 * Invariants: the result is the applicant-optimal stable matching of the pool-level instance
 * under the final capacities; no pool exceeds its capacity; capacities of a target sum to its
 * capacity. Complexity: O(N log D + E) to compile and rank, O(E) per kernel run, O(E) to explain.
 */
import { Arena, estimateRunBytes } from './arena.ts';
import {
  type ChoiceCount,
  type CompiledApplicants,
  compileApplicants,
  countChoices,
  findDuplicateIds,
  indexApplicants,
} from './compile.ts';
import { buildExplanations, type ExplanationTable } from './explain.ts';
import { solveToFixedPoint } from './fixed-point.ts';
import type { FlatInstance, KernelResult } from './kernel.ts';
import type { AllocationInput, InputIssue } from './model.ts';
import { type ResolvedPolicy, resolvePolicy } from './policy.ts';
import { buildRankings } from './rankings.ts';
import { type CompiledTargets, compileTargets, IssueList } from './targets.ts';
import { sortByTicket } from './tie-break.ts';

/** Options of one run that are not part of the input. */
export interface AllocateOptions {
  /** Overrides the policy's lottery seed. */
  readonly seed?: number;
  /** Overrides the policy's `explain` switch. */
  readonly explain?: boolean;
}

/** A solved allocation in columnar form; present.ts turns it into the JSON report. */
export interface AllocationResult {
  readonly input: AllocationInput;
  readonly policy: ResolvedPolicy;
  readonly targets: CompiledTargets;
  readonly applicants: CompiledApplicants;
  /** The pool-level instance at its nominal capacities (seats left after kept seats). */
  readonly instance: FlatInstance;
  /** The final kernel run: match[i] is the pool of applicant i or -1. */
  readonly solution: KernelResult;
  /** Final capacity of each pool for this round, after unfilled quota seats moved (kept excluded). */
  readonly capacity: Int32Array;
  /** Number of kernel runs until the fixed point. */
  readonly iterations: number;
  /** Reasons for every choice above the one received, or null when `explain` is off. */
  readonly explanations: ExplanationTable | null;
}

/** The outcome of `allocate`: a result, or the input issues that prevented it. */
export type AllocateOutcome =
  | { readonly ok: true; readonly result: AllocationResult }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Allocates applicants to targets.
 * @param input applicants, targets, policy and kept seats
 * @returns the result, or the input issues (unknown ids, duplicates, limits) as values
 * @example const outcome = allocate({ applicants, targets, policy: { seed: 7 } });
 */
export function allocate(input: AllocationInput, options: AllocateOptions = {}): AllocateOutcome {
  const resolved = resolvePolicy(input.policy, options.seed);
  const policy = options.explain === undefined ? resolved : { ...resolved, explain: options.explain };
  const { arena, count } = openArena(input, policy);
  const compiled = compileInput(input, policy, arena, count);
  if (!compiled.ok) return compiled;
  const { targets, applicants, instance } = compiled;
  const { solution, capacity, iterations } = solveToFixedPoint(instance, targets, arena);
  const explanations = policy.explain
    ? buildExplanations({ input, policy, targets, applicants, instance, solution, capacity }, arena)
    : null;
  const result = {
    input,
    policy,
    targets,
    applicants,
    instance,
    solution,
    capacity,
    iterations,
    explanations,
  };
  return { ok: true, result };
}

/**
 * Counts the choices and opens the run's arena, its first chunk sized for what the run will use
 * (arena.ts `estimateRunBytes`): the kernel scratch of the quota fixed point is counted only
 * when some pool can return its seats.
 */
function openArena(input: AllocationInput, policy: ResolvedPolicy): { arena: Arena; count: ChoiceCount } {
  const ownPools = input.targets.flatMap((target) => target.pools ?? []);
  const count = countChoices(input, policy.quotas.length + ownPools.length > 0);
  const returns = [...policy.quotas, ...ownPools].some(
    (pool) => (pool.unfilled ?? policy.unfilledQuota) === 'return-to-general',
  );
  const pools = input.targets.length * (1 + policy.quotas.length) + ownPools.length;
  const bytes = estimateRunBytes(input.applicants.length, count.choices, count.entries, {
    chain: policy.tieBreak.length > 0,
    fixedPointPools: returns ? pools : 0,
  });
  return { arena: new Arena(bytes), count };
}

type Compiled =
  | { ok: true; targets: CompiledTargets; applicants: CompiledApplicants; instance: FlatInstance }
  | { ok: false; issues: readonly InputIssue[] };

/** Validates and compiles the input into the pool-level flat instance. */
function compileInput(
  input: AllocationInput,
  policy: ResolvedPolicy,
  arena: Arena,
  count: ChoiceCount,
): Compiled {
  const issues = new IssueList();
  // An id index costs a hash of every id; only rankings and kept seats need one. Otherwise
  // duplicates show up as equal neighbours in lottery order, which is computed anyway.
  const needsIndex = input.targets.some((t) => t.ranking !== undefined) || (input.kept?.length ?? 0) > 0;
  const applicantIds = needsIndex ? indexApplicants(input, issues) : new Map<string, number>();
  checkChain(policy, issues);
  const targets = compileTargets(input, policy, applicantIds, issues);
  const nominal = new Int32Array(targets.pools.length);
  for (let p = 0; p < nominal.length; p++) nominal[p] = targets.pools[p]!.seats - targets.kept[p]!;
  const applicants = compileApplicants(input, policy, targets, nominal, issues, arena, count);
  const ticketOrder = sortByTicket(applicants.ticket, (i) => input.applicants[i]!.id, arena);
  if (!needsIndex) findDuplicateIds(input, applicants.ticket, ticketOrder, issues);
  if (!issues.isEmpty) return { ok: false, issues: issues.items };
  const instance: FlatInstance = {
    n: input.applicants.length,
    m: targets.pools.length,
    capacity: nominal,
    prefOffset: applicants.prefOffset,
    prefTarget: applicants.prefTarget,
    ...buildRankings(input, policy, targets, applicants, ticketOrder, arena),
  };
  return { ok: true, targets, applicants, instance };
}

/** The chain packs yes/no criteria into 31-bit masks (chain-keys.ts). */
function checkChain(policy: ResolvedPolicy, issues: IssueList): void {
  const names = new Set<string>();
  for (const criterion of policy.tieBreak) {
    if (criterion.by === 'privilege' || criterion.by === 'category')
      for (const name of criterion.names) names.add(`${criterion.by}:${name}`);
  }
  if (names.size > 31)
    issues.add('policy.tieBreak', `at most 31 distinct privilege and category names, got ${names.size}`);
}
