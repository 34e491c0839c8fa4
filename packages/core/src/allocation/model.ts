/**
 * The allocation engine's input model: applicants with ranked choices, targets with capacities,
 * optional explicit rankings and reserved pools, and the policy that configures the DOMAIN rules
 * R1 to R12 (shared/DOMAIN.md §6). Plain data only; the JSON form is in @kadr/contracts.
 */

/** Where unfilled seats of a reserved pool go (DOMAIN R6). */
export type UnfilledFate = 'return-to-general' | 'stay-empty';

/** Which pool of a target an applicant tries first (DOMAIN R6). */
export type QuotaOrder = 'general-first' | 'quota-first';

/** How a share of a capacity becomes a whole number of seats (DOMAIN R5, uncertain, so configurable). */
export type RoundingRule = 'floor' | 'round' | 'ceil' | 'min-one';

/**
 * One step of the tie-break chain used when targets rank by score (DOMAIN R7). Every criterion
 * prefers the higher value; `value` with `order: 'asc'` prefers the lower one.
 * - `privilege`: holders of any of `names` (in `applicant.privileges`) first.
 * - `category`: members of any of `names` (in `applicant.categories`) first.
 * - `certificateAverage`: higher average certificate or diploma mark first.
 * - `subject`: higher score in subject `name` first.
 * - `profileScore`: higher sum of the scores in the target's profile subjects first.
 * - `value`: higher (or lower) `applicant.values[name]` first.
 */
export type TieBreakCriterion =
  | { readonly by: 'privilege'; readonly names: readonly string[] }
  | { readonly by: 'category'; readonly names: readonly string[] }
  | { readonly by: 'certificateAverage' }
  | { readonly by: 'subject'; readonly name: string }
  | { readonly by: 'profileScore' }
  | { readonly by: 'value'; readonly name: string; readonly order?: 'asc' | 'desc' };

/**
 * A reserved pool carved out of a target's capacity (DOMAIN R4, R5, R11). Open to applicants who
 * have `category` and/or come from `region`. Sized by `seats` or by `share` of the capacity.
 */
export interface PoolDefinition {
  /** Pool id, unique within a target; `general` is reserved for the general pool. */
  readonly id: string;
  /** Applicant category the pool is reserved for, e.g. `rural` (R4). */
  readonly category?: string;
  /** Applicant region the pool is reserved for, e.g. `Atyrau` (R11). */
  readonly region?: string;
  /** Share of the target's capacity, 0..1; rounded by the policy's rounding rule. */
  readonly share?: number;
  /** Exact number of seats; wins over `share`. */
  readonly seats?: number;
  /** Only targets whose id, group or one of whose tags is listed get this pool (R5). */
  readonly only?: readonly string[];
  /** Overrides the policy's fate of unfilled seats for this pool. */
  readonly unfilled?: UnfilledFate;
}

/** Minimum scores an applicant needs to be eligible (DOMAIN R1). */
export interface EligibilityPolicy {
  /** Minimum total score; a target's `minScore` overrides it. */
  readonly minTotal?: number;
  /** Minimum score per subject, checked for every subject listed here. */
  readonly minSubjects?: Readonly<Record<string, number>>;
  /** Minimum score in each of the target's profile subjects. */
  readonly minProfileSubject?: number;
}

/** Limits on an application (DOMAIN R2); violations are input errors. */
export interface ChoiceLimits {
  /** Maximum number of choices. */
  readonly maxChoices?: number;
  /** Maximum number of distinct target groups (GOPs) among the choices. */
  readonly maxGroups?: number;
  /** Maximum number of choices inside one target group. */
  readonly maxChoicesPerGroup?: number;
}

/** The allocation policy. Every field is optional; `resolvePolicy` fills the defaults. */
export interface AllocationPolicy {
  /** Starting point for the defaults: `none` (generic) or `kz-grants` (DOMAIN R1, R2, R4, R5, R7). */
  readonly preset?: 'none' | 'kz-grants';
  /** Seed of the lottery that ends the tie-break chain. */
  readonly seed?: number;
  /** Tie-break criteria applied, in order, to applicants with equal scores (R7). */
  readonly tieBreak?: readonly TieBreakCriterion[];
  /** Which pool of a target an applicant tries first (R6). */
  readonly quotaOrder?: QuotaOrder;
  /** How quota shares become seats (R5). */
  readonly rounding?: RoundingRule;
  /** Where unfilled quota seats go (R6). */
  readonly unfilledQuota?: UnfilledFate;
  /** Eligibility thresholds (R1). */
  readonly eligibility?: EligibilityPolicy;
  /** Reserved pools applied to every target (or to the targets in `only`) (R4, R5). */
  readonly quotas?: readonly PoolDefinition[];
  /** Application limits (R2). */
  readonly limits?: ChoiceLimits;
  /** Whether to compute the reasons for every choice above the one received (R12). */
  readonly explain?: boolean;
}

/** An applicant: a student applying for practice places or a grant applicant. */
export interface ApplicantInput {
  /** Unique id. */
  readonly id: string;
  /** Target ids in priority order, best first (R2, R8). */
  readonly choices: readonly string[];
  /** Total score (e.g. UNT, 0..140); ranks applicants in targets without an explicit ranking. */
  readonly score?: number;
  /** Score per subject (R1, R7). */
  readonly subjects?: Readonly<Record<string, number>>;
  /** Quota categories such as `rural` or `disability` (R4). */
  readonly categories?: readonly string[];
  /** Tie-break privileges such as `altynBelgi` (R7). */
  readonly privileges?: readonly string[];
  /** Average certificate or diploma mark (R7). */
  readonly certificateAverage?: number;
  /** Home region (R11). */
  readonly region?: string;
  /** Further numeric attributes for `value` tie-break criteria. */
  readonly values?: Readonly<Record<string, number>>;
}

/** A target: a practice offer, or a grant pool keyed by group, language and form (R3). */
export interface TargetInput {
  /** Unique id. */
  readonly id: string;
  /** Seats. */
  readonly capacity: number;
  /** Explicit ranking, best first; applicants left out are unacceptable to the target. */
  readonly ranking?: readonly string[];
  /** Group (GOP code) for limits, `only` lists and reporting. */
  readonly group?: string;
  /** Free tags matched by `PoolDefinition.only`, e.g. `rural-development` (R5). */
  readonly tags?: readonly string[];
  /** Subjects the applicant must have taken (R1), and the subjects of `profileScore` (R7). */
  readonly profileSubjects?: readonly string[];
  /** Minimum total score, overriding the policy's (R1). */
  readonly minScore?: number;
  /** Minimum subject scores, overriding the policy's per subject (R1). */
  readonly minSubjectScores?: Readonly<Record<string, number>>;
  /** Only applicants from this region are eligible (R11). */
  readonly region?: string;
  /** Pools of this target; an entry with the id of a policy quota replaces it. */
  readonly pools?: readonly PoolDefinition[];
}

/** A seat accepted in an earlier round and kept (R9). */
export interface KeptSeat {
  readonly applicant: string;
  readonly target: string;
  readonly pool: string;
}

/** Everything one allocation run needs. */
export interface AllocationInput {
  readonly applicants: readonly ApplicantInput[];
  readonly targets: readonly TargetInput[];
  readonly policy?: AllocationPolicy;
  /** Seats kept from earlier rounds: they reduce pool capacities (R9). */
  readonly kept?: readonly KeptSeat[];
}

/** An input problem, located by a JSON path such as `applicants[3].choices[1]`. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** The id of the general pool of every target. */
export const GENERAL_POOL = 'general';
