/**
 * Stable names of the validation rules that a plain type or length does not express, so that every
 * client can say them in its own language: a refinement carries its rule in `params.rule`, a pattern
 * is one of the exported `*_PATTERN` constants (the issue names it in `pattern`).
 *
 * The server answers with the English `message`; the web maps the rule or the pattern to a locale key.
 */

/** The cross-field rules of the contracts, as they appear in an issue's `params.rule`. */
export const VALIDATION_RULES = [
  'oneAsset',
  'pppNeedsPartner',
  'pppNeedsAgreement',
  'agreesWithRate',
  'allocationsSum',
  'datesInOrder',
  'instalmentNeedsAmount',
  'placesNeedCount',
  'metNeedsEvidence',
  'endsAfterStart',
  'disciplineNeeded',
  'studentNeeded',
  'practiceNeeds',
  'attendeesCoverIds',
  'notTenge',
  'positive',
  'yearRange',
  'codeMatchesLevel',
  'minimumCredits',
  'degreeNeedsCodeveloper',
  'noRepeats',
  'iinChecksum',
  'projectNeedsPartner',
  'nameNeeded',
  'oneOutcomeSource',
] as const;
/** One of {@link VALIDATION_RULES}. */
export type ValidationRule = (typeof VALIDATION_RULES)[number];

/**
 * The params of a refinement that names its rule: the English message, the field at fault, the rule.
 * @example z.object({ … }).refine(datesInOrder, ruleParams('datesInOrder', 'validUntil is before signedOn', ['validUntil']))
 */
export function ruleParams(rule: ValidationRule, message: string, path?: string[]) {
  return { message, ...(path ? { path } : {}), params: { rule } };
}

/** A broken cross-field rule: which rule, the field at fault (relative to the body), the English message. */
export interface RuleIssue {
  rule: ValidationRule;
  path: string[];
  message: string;
}

/**
 * Adds rule issues to a refinement's context, each with its rule in `params.rule`.
 * @example z.object({ … }).superRefine((v, ctx) => addRuleIssues(ctx, obligationIssues(v)))
 */
export function addRuleIssues(
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string; params: object }) => void },
  issues: RuleIssue[],
): void {
  for (const { rule, path, message } of issues)
    ctx.addIssue({ code: 'custom', path, message, params: { rule } });
}

/** The rule of a zod issue (`params.rule`), when a contract named one. */
export function ruleOf(issue: {
  code: string;
  params?: Record<string, unknown>;
}): ValidationRule | undefined {
  const rule = issue.code === 'custom' ? issue.params?.rule : undefined;
  return (VALIDATION_RULES as readonly unknown[]).includes(rule) ? (rule as ValidationRule) : undefined;
}

/** A short code of a lab (`PCH-101`) or an inventory number (`KDTU-EQ-0001`): 1-40 letters, digits, `.`, `_`, `-`, `/`. */
export const ASSET_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
/** An individual identification number (IIN): 12 digits. */
export const IIN_PATTERN = /^\d{12}$/;
/** ISO 3166-1 alpha-2 country code, upper case. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
/** A phone number as people write it: digits, spaces, `+`, `-`, `(`, `)`, at most 30. */
export const PHONE_PATTERN = /^[+0-9 ()-]{0,30}$/;
/** ISO 4217 currency code. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** A decimal amount with at most 2 decimals, as a string. */
export const DECIMAL_AMOUNT_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
/** An exchange rate with at most 6 decimals, as a string. */
export const EXCHANGE_RATE_PATTERN = /^\d{1,12}(\.\d{1,6})?$/;

/** A programme's national code: NQF level digit, level letter, 3-digit ISCED-F field, 2-digit serial (6B07101). */
export const PROGRAMME_CODE_PATTERN = /^[678][BMD]\d{5}$/;
/** A group of educational programmes (GOP) of the national classifier: B062, M101, D095. */
export const PROGRAMME_GROUP_PATTERN = /^[BMD]\d{3}$/;
/** A discipline code as the curriculum writes it (MAT 1101, ЖМ-2201): letters, digits, space, `.`, `_`, `/`, `-`. */
export const DISCIPLINE_CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._/-]{0,29}$/u;

/** The named patterns, for clients that translate a failed `pattern` (compare with `String(pattern)`). */
export const PATTERNS = {
  assetCode: ASSET_CODE_PATTERN,
  country: COUNTRY_PATTERN,
  phone: PHONE_PATTERN,
  currency: CURRENCY_PATTERN,
  decimalAmount: DECIMAL_AMOUNT_PATTERN,
  exchangeRate: EXCHANGE_RATE_PATTERN,
  programmeCode: PROGRAMME_CODE_PATTERN,
  programmeGroup: PROGRAMME_GROUP_PATTERN,
  disciplineCode: DISCIPLINE_CODE_PATTERN,
  iin: IIN_PATTERN,
} as const;
/** A key of {@link PATTERNS}. */
export type PatternName = keyof typeof PATTERNS;
