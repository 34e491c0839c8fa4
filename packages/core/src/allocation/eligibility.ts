/**
 * Eligibility of an applicant for a target (DOMAIN R1 thresholds and profile subjects, R11 region).
 * Rules are checked in a fixed order and the first that fails is reported, so an explanation
 * always names one rule and, for thresholds, by how much the applicant fell short.
 * Complexity: O(number of subject minimums) per (applicant, target).
 */
import type { ResolvedPolicy } from './policy.ts';
import type { ApplicantInput, TargetInput } from './model.ts';

/** The rule that made an applicant ineligible for a target. */
export type IneligibleRule = 'region' | 'profile-subject' | 'min-total' | 'min-subject';

/** Why an applicant is not eligible: the rule, and for thresholds the value and the minimum. */
export interface Ineligibility {
  readonly rule: IneligibleRule;
  /** The subject concerned (`profile-subject`, `min-subject`). */
  readonly subject?: string;
  /** The applicant's value: score, subject score, or region. */
  readonly value?: number | string;
  /** The minimum score or the required region. */
  readonly required?: number | string;
}

/** A target's eligibility rules with the policy merged in; shared by targets with equal rules. */
export interface TargetRules {
  readonly key: string;
  readonly region: string | undefined;
  readonly profileSubjects: readonly string[];
  readonly minTotal: number;
  readonly subjectMinimums: ReadonlyArray<readonly [string, number]>;
}

/**
 * Merges a target's thresholds with the policy's (target values win, subject by subject).
 * @example compileTargetRules({ id: 't', capacity: 1, minScore: 75 }, policy).minTotal // 75
 */
export function compileTargetRules(target: TargetInput, policy: ResolvedPolicy): TargetRules {
  const minimums = new Map<string, number>();
  for (const [subject, min] of Object.entries(policy.eligibility.minSubjects)) minimums.set(subject, min);
  for (const subject of target.profileSubjects ?? []) {
    if (Number.isFinite(policy.eligibility.minProfileSubject)) {
      minimums.set(subject, policy.eligibility.minProfileSubject);
    }
  }
  for (const [subject, min] of Object.entries(target.minSubjectScores ?? {})) minimums.set(subject, min);
  const subjectMinimums = [...minimums.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const profileSubjects = [...(target.profileSubjects ?? [])];
  const minTotal = target.minScore ?? policy.eligibility.minTotal;
  const key = JSON.stringify([target.region ?? null, profileSubjects, minTotal, subjectMinimums]);
  return { key, region: target.region, profileSubjects, minTotal, subjectMinimums };
}

/**
 * Checks one applicant against one target's rules.
 * @returns the first rule that fails, or null when the applicant is eligible
 * @example findIneligibility({ id: 'a', choices: [], score: 48 }, rules) // { rule: 'min-total', value: 48, required: 50 }
 */
export function findIneligibility(applicant: ApplicantInput, rules: TargetRules): Ineligibility | null {
  if (rules.region !== undefined && applicant.region !== rules.region) {
    return { rule: 'region', value: applicant.region ?? '', required: rules.region };
  }
  const subjects = applicant.subjects;
  for (const subject of rules.profileSubjects) {
    if (subjects?.[subject] === undefined) return { rule: 'profile-subject', subject };
  }
  const score = applicant.score ?? 0;
  if (score < rules.minTotal) return { rule: 'min-total', value: score, required: rules.minTotal };
  for (const [subject, min] of rules.subjectMinimums) {
    const value = subjects?.[subject];
    if (value === undefined || value < min)
      return { rule: 'min-subject', subject, value: value ?? 0, required: min };
  }
  return null;
}

/**
 * Checks eligibility of an applicant for a target under a policy (convenience form).
 * @example checkEligibility(applicant, target, resolvePolicy({ preset: 'kz-grants' }))
 */
export function checkEligibility(
  applicant: ApplicantInput,
  target: TargetInput,
  policy: ResolvedPolicy,
): Ineligibility | null {
  return findIneligibility(applicant, compileTargetRules(target, policy));
}
