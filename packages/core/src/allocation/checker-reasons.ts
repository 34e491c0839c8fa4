/**
 * The checker's expectations for explanations (DOMAIN R12): which reasons an applicant must
 * have, in order, and whether a reported reason agrees with the recomputed cutoffs.
 * Complexity: O(choices above the received one * chain length) per applicant.
 */
import { compareApplicants, type CheckModel, type ExpandedEntry, findDecidingKey } from './check-model.ts';
import { findIneligibility } from './eligibility.ts';
import type { ApplicantReport, ReasonReport } from './report.ts';

/** A reason the checker expects: its kind and where it applies. */
export interface ExpectedReason {
  readonly choice: number;
  readonly target: string;
  readonly reason: ReasonReport['reason'];
  readonly entry?: ExpandedEntry;
  readonly rule?: string;
}

/**
 * Lists the reasons an applicant must have: choice-level ones for ineligible or unranked
 * choices above the received choice, and one per pool entry above the received entry.
 * Reserved pools that had no seats this round are not entries the applicant competed for.
 */
export function expectReasons(
  model: CheckModel,
  outcome: ApplicantReport,
  above: readonly ExpandedEntry[],
): ExpectedReason[] {
  const applicant = model.applicants.get(outcome.id)!.input;
  const received = outcome.choice ?? Number.POSITIVE_INFINITY;
  const expected: ExpectedReason[] = [];
  applicant.choices.forEach((id, k) => {
    if (k + 1 > received) return;
    const target = model.targets.get(id)!;
    const why = findIneligibility(applicant, target.rules);
    if (why) {
      if (k + 1 < received)
        expected.push({ choice: k + 1, target: id, reason: 'ineligible', rule: why.rule });
      return;
    }
    if (target.positions && !target.positions.has(applicant.id)) {
      if (k + 1 < received) expected.push({ choice: k + 1, target: id, reason: 'not-ranked' });
      return;
    }
    for (const entry of above) {
      if (entry.choice !== k) continue;
      const { layout, report } = entry.pool;
      if (!layout.isGeneral && layout.seats - report.kept <= 0) continue;
      const reason =
        report.capacity - report.kept <= 0 ? 'no-seats' : target.positions ? 'outranked' : 'below-cutoff';
      expected.push({ choice: k + 1, target: id, reason, entry });
    }
  });
  return expected;
}

/**
 * Compares a reported reason with the expected one.
 * @returns a description of the first disagreement, or undefined
 */
export function reasonMatches(
  model: CheckModel,
  outcome: ApplicantReport,
  want: ExpectedReason,
  got: ReasonReport,
): string | undefined {
  if (got.choice !== want.choice || got.target !== want.target || got.reason !== want.reason) {
    return `expected ${want.reason} for choice ${want.choice} (${want.target}), got ${got.reason} for ${got.choice}`;
  }
  if (got.reason === 'ineligible') return got.rule === want.rule ? undefined : `expected rule ${want.rule}`;
  if (got.reason === 'not-ranked') return undefined;
  const entry = want.entry!;
  if (got.pool !== entry.pool.layout.id) return `expected pool ${entry.pool.layout.id}`;
  if (got.reason === 'no-seats') return undefined;
  const pool = entry.pool;
  const applicant = model.applicants.get(outcome.id)!.input;
  const worst = pool.worst;
  if (!worst || pool.holders.length < pool.report.capacity - pool.report.kept) return 'the pool was not full';
  if (compareApplicants(model, entry.target, applicant, worst) <= 0)
    return 'the applicant ranks above the cutoff';
  if (got.reason === 'outranked') {
    const positions = entry.target.positions!;
    const ok =
      got.rank === positions.get(applicant.id)! + 1 && got.cutoffRank === positions.get(worst.id)! + 1;
    return ok ? undefined : 'ranks do not match the explicit ranking';
  }
  if (got.cutoffApplicant !== worst.id) return `cutoff applicant should be ${worst.id}`;
  const score = applicant.score ?? 0;
  const cutoffScore = worst.score ?? 0;
  if (got.score !== score || got.cutoffScore !== cutoffScore || got.shortBy !== cutoffScore - score) {
    return 'scores or margin do not match the cutoff';
  }
  const step = findDecidingKey(model, entry.target, applicant, worst);
  return got.decidedBy === step ? undefined : `decided by ${step}, not ${got.decidedBy}`;
}
