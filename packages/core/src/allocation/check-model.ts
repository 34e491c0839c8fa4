/**
 * The checker's own view of an input and its report: targets with their pool layout and
 * holders, applicants with recomputed tickets, a plain comparator for rankings and a fresh
 * expansion of preference lists. Deliberately simple code, independent of compile/rankings/kernel.
 * Complexity: O(N + E) to build, O(H log H)-free: the worst holder is found by a linear scan.
 */
import { compileTargetRules, findIneligibility, type TargetRules } from './eligibility.ts';
import { drawTicket } from './lottery.ts';
import type { ApplicantInput, AllocationInput, TargetInput } from './model.ts';
import { type ResolvedPolicy, resolvePolicy } from './policy.ts';
import { layOutPools, type PoolLayout } from './quotas.ts';
import type { AllocationReport, PoolReport } from './report.ts';
import { compareIds, evaluateCriterion, nameCriterion } from './tie-break.ts';

/** A pool as the checker sees it. */
export interface PoolView {
  readonly layout: PoolLayout;
  readonly report: PoolReport;
  /** Applicants placed in this pool this round (kept seats excluded). */
  readonly holders: ApplicantInput[];
  /** The worst holder by the target's ranking. */
  worst: ApplicantInput | undefined;
}

/** A target as the checker sees it. */
export interface CheckTarget {
  readonly input: TargetInput;
  readonly rules: TargetRules;
  /** Explicit ranking positions, or null when the target ranks by score. */
  readonly positions: Map<string, number> | null;
  readonly pools: PoolView[];
}

/** An applicant as the checker sees it. */
export interface ApplicantView {
  readonly input: ApplicantInput;
  readonly ticket: number;
  readonly kept: boolean;
}

/** One entry of an expanded preference list. */
export interface ExpandedEntry {
  readonly choice: number;
  readonly target: CheckTarget;
  readonly pool: PoolView;
}

/** Everything the checks read. */
export interface CheckModel {
  readonly policy: ResolvedPolicy;
  readonly targets: Map<string, CheckTarget>;
  readonly applicants: Map<string, ApplicantView>;
  expand(applicant: ApplicantInput): ExpandedEntry[];
}

type Add = (kind: 'assignment' | 'capacity', message: string) => void;

/**
 * Builds the checker's model; returns undefined (after reporting) when the report does not
 * describe the same targets, pools and applicants as the input.
 */
export function buildCheckModel(
  input: AllocationInput,
  report: AllocationReport,
  add: Add,
): CheckModel | undefined {
  const policy = resolvePolicy(input.policy, report.seed);
  const kept = new Map((input.kept ?? []).map((seat) => [seat.applicant, seat]));
  const applicants = new Map<string, ApplicantView>();
  for (const a of input.applicants) {
    applicants.set(a.id, { input: a, ticket: drawTicket(policy.seed, a.id), kept: kept.has(a.id) });
  }
  const targets = buildTargets(input, report, policy, add);
  if (!targets) return undefined;
  if (report.applicants.length !== input.applicants.length)
    add('assignment', 'report and input differ in applicants');
  for (const outcome of report.applicants) {
    const view = applicants.get(outcome.id);
    if (!view) add('assignment', `unknown applicant "${outcome.id}" in the report`);
    const seat = kept.get(outcome.id);
    if (seat && (outcome.target !== seat.target || outcome.pool !== seat.pool))
      add('assignment', `${outcome.id}: kept seat changed`);
    if (!view || seat || outcome.target === null) continue;
    const pool = targets.get(outcome.target)?.pools.find((p) => p.layout.id === outcome.pool);
    if (pool) pool.holders.push(view.input);
    else add('assignment', `${outcome.id}: unknown pool ${outcome.target}/${outcome.pool}`);
  }
  const model: CheckModel = { policy, targets, applicants, expand: (a) => expandList(model, a) };
  for (const target of targets.values()) {
    for (const pool of target.pools) {
      for (const h of pool.holders)
        if (!pool.worst || compareApplicants(model, target, h, pool.worst) > 0) pool.worst = h;
    }
  }
  return model;
}

function buildTargets(input: AllocationInput, report: AllocationReport, policy: ResolvedPolicy, add: Add) {
  const reported = new Map(report.targets.map((t) => [t.id, t]));
  const targets = new Map<string, CheckTarget>();
  for (const target of input.targets) {
    const layout = layOutPools(target, policy);
    const pools = reported.get(target.id)?.pools ?? [];
    if (pools.length !== layout.length || layout.some((pool, q) => pools[q]!.id !== pool.id)) {
      add('capacity', `${target.id}: the report's pools differ from the layout`);
      return undefined;
    }
    const positions = target.ranking ? new Map(target.ranking.map((id, r) => [id, r])) : null;
    const views = layout.map((pool, q) => ({
      layout: pool,
      report: pools[q]!,
      holders: [],
      worst: undefined,
    }));
    targets.set(target.id, {
      input: target,
      rules: compileTargetRules(target, policy),
      positions,
      pools: views,
    });
  }
  return targets;
}

function isMember(applicant: ApplicantInput, pool: PoolLayout): boolean {
  if (pool.category !== undefined && !(applicant.categories ?? []).includes(pool.category)) return false;
  return pool.region === undefined || applicant.region === pool.region;
}

function expandList(model: CheckModel, applicant: ApplicantInput): ExpandedEntry[] {
  const entries: ExpandedEntry[] = [];
  applicant.choices.forEach((id, choice) => {
    const target = model.targets.get(id);
    if (!target || findIneligibility(applicant, target.rules)) return;
    if (target.positions && !target.positions.has(applicant.id)) return;
    const [general, ...reserved] = target.pools;
    const members = reserved.filter((pool) => isMember(applicant, pool.layout));
    const ordered =
      model.policy.quotaOrder === 'general-first' ? [general!, ...members] : [...members, general!];
    for (const pool of ordered) entries.push({ choice, target, pool });
  });
  return entries;
}

function compareValues(a: number, b: number, higherFirst: boolean): number {
  if (a === b) return 0;
  return a > b === higherFirst ? -1 : 1;
}

type ScoreKey = { name: string; compare: (a: ApplicantInput, b: ApplicantInput) => number };
const keyCache = new WeakMap<CheckTarget, ScoreKey[]>();

/** Each key of a score ranking as a comparison, most significant first, with its step name. */
function scoreKeys(model: CheckModel, target: CheckTarget): ScoreKey[] {
  const cached = keyCache.get(target);
  if (cached) return cached;
  const keys: ScoreKey[] = [
    { name: 'score', compare: (a, b) => compareValues(a.score ?? 0, b.score ?? 0, true) },
  ];
  for (const criterion of model.policy.tieBreak) {
    keys.push({
      name: nameCriterion(criterion),
      compare: (a, b) =>
        compareValues(
          evaluateCriterion(criterion, a, target.input),
          evaluateCriterion(criterion, b, target.input),
          true,
        ),
    });
  }
  const ticket = (a: ApplicantInput) => model.applicants.get(a.id)!.ticket;
  keys.push({ name: 'lottery', compare: (a, b) => compareValues(ticket(a), ticket(b), false) });
  keys.push({ name: 'id', compare: (a, b) => compareIds(a.id, b.id) });
  keyCache.set(target, keys);
  return keys;
}

/**
 * Compares two applicants in a target's ranking; negative when `a` ranks better.
 * @example compareApplicants(model, target, a, b) < 0 // a is ahead of b
 */
export function compareApplicants(
  model: CheckModel,
  target: CheckTarget,
  a: ApplicantInput,
  b: ApplicantInput,
): number {
  if (target.positions) return target.positions.get(a.id)! - target.positions.get(b.id)!;
  for (const key of scoreKeys(model, target)) {
    const order = key.compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Names the first key on which two applicants differ in a score-ranked target.
 * @example findDecidingKey(model, target, a, b) // 'privilege:altynBelgi'
 */
export function findDecidingKey(
  model: CheckModel,
  target: CheckTarget,
  a: ApplicantInput,
  b: ApplicantInput,
): string {
  for (const key of scoreKeys(model, target)) if (key.compare(a, b) !== 0) return key.name;
  return 'none';
}
