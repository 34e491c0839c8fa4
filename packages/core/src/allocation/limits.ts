/**
 * Application limits (DOMAIN R2: up to 4 GOPs, up to 4 universities per GOP, both configurable),
 * checked while choices are compiled. Violations are input issues, reported at the choice that
 * passed the limit. Complexity: O(1) per choice with stamped counters, nothing cleared per applicant.
 */
import type { ApplicantInput } from './model.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { IssueList } from './targets.ts';

/** Reports an application with more choices than allowed. */
export function checkChoiceCount(
  policy: ResolvedPolicy,
  issues: IssueList,
  applicant: ApplicantInput,
  i: number,
): void {
  const { limits } = policy;
  if (applicant.choices.length > 65535 || applicant.choices.length > limits.maxChoices) {
    const max = Math.min(limits.maxChoices, 65535);
    issues.add(`applicants[${i}].choices`, `${applicant.choices.length} choices exceed the limit of ${max}`);
  }
}

/** Counts choices per target group (R2) with stamps, so nothing is cleared between applicants. */
export class GroupLimits {
  readonly stamp: Int32Array;
  readonly count: Int32Array;
  readonly enabled: boolean;
  private current = -1;
  private distinct = 0;
  constructor(groups: number, policy: ResolvedPolicy) {
    this.enabled =
      Number.isFinite(policy.limits.maxGroups) || Number.isFinite(policy.limits.maxChoicesPerGroup);
    this.stamp = new Int32Array(this.enabled ? groups : 0).fill(-1);
    this.count = new Int32Array(this.enabled ? groups : 0);
  }
  /** Adds applicant i's choice of a target in group g; returns the problem when a limit is just passed. */
  add(i: number, g: number, name: string, policy: ResolvedPolicy): string | undefined {
    const { maxGroups, maxChoicesPerGroup } = policy.limits;
    if (this.current !== i) {
      this.current = i;
      this.distinct = 0;
    }
    if (this.stamp[g] !== i) {
      this.stamp[g] = i;
      this.count[g] = 0;
      if (++this.distinct === maxGroups + 1)
        return `${this.distinct} groups exceed the limit of ${maxGroups}`;
    }
    const count = ++this.count[g]!;
    if (count === maxChoicesPerGroup + 1)
      return `${count} choices in group "${name}" exceed the limit of ${maxChoicesPerGroup}`;
    return undefined;
  }
}
