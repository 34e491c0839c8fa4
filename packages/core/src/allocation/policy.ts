/**
 * Policy defaults and presets. The generic defaults assume nothing about grants (no thresholds,
 * no quotas, lottery only); the `kz-grants` preset carries the DOMAIN.md §6 values as of 2025.
 * Every value can be overridden field by field, because each one changes by ministerial order.
 */
import type {
  AllocationPolicy,
  ChoiceLimits,
  EligibilityPolicy,
  PoolDefinition,
  QuotaOrder,
  RoundingRule,
  TieBreakCriterion,
  UnfilledFate,
} from './model.ts';

/** A policy with every field decided. */
export interface ResolvedPolicy {
  readonly preset: 'none' | 'kz-grants';
  readonly seed: number;
  readonly tieBreak: readonly TieBreakCriterion[];
  readonly quotaOrder: QuotaOrder;
  readonly rounding: RoundingRule;
  readonly unfilledQuota: UnfilledFate;
  readonly eligibility: Required<EligibilityPolicy>;
  readonly quotas: readonly PoolDefinition[];
  readonly limits: Required<ChoiceLimits>;
  readonly explain: boolean;
}

/** Generic defaults: general pool first (R6), unfilled quota seats return (R6), floor rounding. */
export const DEFAULT_POLICY: ResolvedPolicy = {
  preset: 'none',
  seed: 0,
  tieBreak: [],
  quotaOrder: 'general-first',
  rounding: 'floor',
  unfilledQuota: 'return-to-general',
  eligibility: {
    minTotal: Number.NEGATIVE_INFINITY,
    minSubjects: {},
    minProfileSubject: Number.NEGATIVE_INFINITY,
  },
  quotas: [],
  limits: {
    maxChoices: Number.POSITIVE_INFINITY,
    maxGroups: Number.POSITIVE_INFINITY,
    maxChoicesPerGroup: Number.POSITIVE_INFINITY,
  },
  explain: true,
};

/** The R4 quota shares in force since 19 May 2025; rural youth only on tagged targets (R5). */
export const KZ_GRANT_QUOTAS: readonly PoolDefinition[] = [
  { id: 'disability', category: 'disability', share: 0.01 },
  { id: 'veteran', category: 'veteran', share: 0.005 },
  { id: 'rural', category: 'rural', share: 0.35, only: ['rural-development'] },
  { id: 'kandas', category: 'kandas', share: 0.04 },
  { id: 'orphan', category: 'orphan', share: 0.01 },
  { id: 'rural-relocation', category: 'rural-relocation', share: 0.03 },
  { id: 'large-family', category: 'large-family', share: 0.05 },
  { id: 'single-parent', category: 'single-parent', share: 0.03 },
  { id: 'disabled-child-family', category: 'disabled-child-family', share: 0.01 },
];

/** The R7 tie-break chain, in the order of the grant rules; the lottery follows it. */
export const KZ_GRANT_TIE_BREAK: readonly TieBreakCriterion[] = [
  { by: 'privilege', names: ['altynBelgi'] },
  { by: 'privilege', names: ['patriotismBadge'] },
  { by: 'privilege', names: ['tvetExperience'] },
  { by: 'privilege', names: ['olympiad'] },
  { by: 'category', names: ['orphan', 'disability', 'veteran'] },
  { by: 'privilege', names: ['honours'] },
  { by: 'certificateAverage' },
  { by: 'profileScore' },
];

/** The `kz-grants` preset: R1 thresholds, R2 limits, R4/R5 quotas, R7 chain. */
export const KZ_GRANT_POLICY: ResolvedPolicy = {
  ...DEFAULT_POLICY,
  preset: 'kz-grants',
  tieBreak: KZ_GRANT_TIE_BREAK,
  eligibility: {
    minTotal: 50,
    minSubjects: { mathLiteracy: 3, history: 5, readingLiteracy: 3 },
    minProfileSubject: 5,
  },
  quotas: KZ_GRANT_QUOTAS,
  limits: { maxChoices: 16, maxGroups: 4, maxChoicesPerGroup: 4 },
};

/**
 * Fills every policy field: explicit values, then the preset's, then the generic defaults.
 * @param policy the policy as given (may be undefined)
 * @param seed a seed that overrides the policy's (the CLI's `--seed`)
 * @example resolvePolicy({ preset: 'kz-grants', quotaOrder: 'quota-first' }).eligibility.minTotal // 50
 */
export function resolvePolicy(policy: AllocationPolicy | undefined, seed?: number): ResolvedPolicy {
  const p = policy ?? {};
  const base = p.preset === 'kz-grants' ? KZ_GRANT_POLICY : DEFAULT_POLICY;
  return {
    preset: base.preset,
    seed: seed ?? p.seed ?? base.seed,
    tieBreak: p.tieBreak ?? base.tieBreak,
    quotaOrder: p.quotaOrder ?? base.quotaOrder,
    rounding: p.rounding ?? base.rounding,
    unfilledQuota: p.unfilledQuota ?? base.unfilledQuota,
    eligibility: {
      minTotal: p.eligibility?.minTotal ?? base.eligibility.minTotal,
      minSubjects: p.eligibility?.minSubjects ?? base.eligibility.minSubjects,
      minProfileSubject: p.eligibility?.minProfileSubject ?? base.eligibility.minProfileSubject,
    },
    quotas: p.quotas ?? base.quotas,
    limits: {
      maxChoices: p.limits?.maxChoices ?? base.limits.maxChoices,
      maxGroups: p.limits?.maxGroups ?? base.limits.maxGroups,
      maxChoicesPerGroup: p.limits?.maxChoicesPerGroup ?? base.limits.maxChoicesPerGroup,
    },
    explain: p.explain ?? base.explain,
  };
}
