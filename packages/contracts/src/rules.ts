/**
 * Stable names of the validation rules that a plain type or length does not express, so that every
 * client can say them in its own language: a refinement carries its rule in `params.rule`, a pattern
 * is one of the exported `*_PATTERN` constants (the issue names it in `pattern`).
 *
 * The server answers with the English `message` and, in each issue's `reason` ({@link issueReasonOf}), the
 * zod issue code with the rule or pattern name and the limits; the web maps the reason to a locale key.
 */
import { PASSWORD_PROBLEMS, type PasswordProblem } from './password-limits.ts';

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
  'dualTermsOnly',
  'mixNeedsWeight',
  /** One occupation's national classifier codes share an ISCO-08 unit group (their first four digits). */
  'oneUnitGroup',
  /** A country code that ISO 3166-1 assigns (KZ, GB), not merely two letters (QQ). */
  'knownCountry',
  // Checked by the server against stored records, not by a schema:
  /** A referenced record (organisation, agreement, lab, item, student) exists. */
  'exists',
  /** The organisation is a party to the referenced agreement. */
  'partyToAgreement',
  /** Only a foreign partner university may (joint programmes, branch status). */
  'partnerUniversity',
  /** An agreement names a party besides the home university. */
  'otherParty',
  /** The booked lab is active and the booked item not written off. */
  'assetInService',
  /** An investment allocates each asset once. */
  'allocatedOnce',
  /** A period's start is not after its end. */
  'periodInOrder',
  /** A period is at most `maximum` days long. */
  'periodLength',
  /** An upload sends one file in the form field `file`. */
  'oneFile',
  /** The current password, entered again, is right. */
  'currentPassword',
  /** A number or code is not used by another record yet (409 CONFLICT). */
  'unique',
  /** A student consents only to a partner organisation (a partner university or a company). */
  'partnerOrganisation',
  /** A student gives a consent from today on, never backdated. */
  'notBackdated',
  /** A ranking lists at most the round's maximum number of choices. */
  'choiceLimit',
  /** A ranked offer (or student) is one the ranker may rank: eligible, in the round, an applicant. */
  'eligibleChoice',
  /** A competency's broader competency is not one of its own narrower ones (no cycle). */
  'noCycle',
  /** The discipline is one of the programme version's. */
  'inVersion',
  /** The student is or was enrolled in the discipline's programme version. */
  'enrolledInVersion',
  /** A programme version takes students once it is active (a draft takes none). */
  'versionActive',
  /** Only a graduation or a withdrawal ends an enrolment on a day. */
  'endOnlyWhenEnded',
  /** A result's letter agrees with its points on the national scale (DOMAIN §1). */
  'gradeMatchesPoints',
  /** A discipline's semester is within the programme's duration. */
  'withinDuration',
  /** The home university is not its own programme's co-developer. */
  'notHomeUniversity',
  /** A KPI value is measured for the current month only. */
  'currentPeriod',
  /** ESCO files are imported into an ESCO framework only. */
  'escoFramework',
  /** The ESCO upload sends its files in the fields `skills` and `broaderRelations`. */
  'escoFiles',
  /** An ESCO skills file holds KnowledgeSkillCompetence concepts of type knowledge or skill/competence. */
  'escoConcept',
  // Import files (an issue names the row and column):
  /** The header has every required column. */
  'requiredColumn',
  /** The header names only documented columns. */
  'knownColumn',
  /** The file has at least one data row. */
  'hasRows',
  /** A file or sheet holds at most `maximum` data rows. */
  'rowLimit',
  /** A sheet holds at most `maximum` columns (or cells). */
  'columnLimit',
  /** A cell holds one of the documented codes. */
  'knownValue',
  /** A cell holds a whole number. */
  'wholeNumber',
  /** An item of a list cell is written as the column's format says (lab:CODE=amount, ID=level). */
  'listItem',
  /** A student number (the IIN) is 12 digits. */
  'studentNumber',
  /** A student taken into a round has a current active enrolment. */
  'enrolledStudent',
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
/**
 * The 249 codes ISO 3166-1 assigns to countries and territories (officially assigned, as of 2024): not the
 * reserved ones (EU, UK, SU) nor the user-assigned (XK). Written out, not read from the runtime's Unicode data,
 * so that every machine and browser accepts the same codes. The web's country names follow this list
 * (scripts/country-names.mjs).
 */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT ' +
  'BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ' +
  'ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT ' +
  'HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS ' +
  'LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI ' +
  'NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG ' +
  'SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');
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

/** An ESCO occupation concept URI, such as http://data.europa.eu/esco/occupation/<uuid>. */
export const ESCO_OCCUPATION_URI_PATTERN =
  /^https?:\/\/data\.europa\.eu\/esco\/occupation\/[A-Za-z0-9-]{1,64}$/;
/** A code of the national classifier of occupations (NKZ), such as 2146-1-002: digits, dots and hyphens. */
export const NATIONAL_OCCUPATION_CODE_PATTERN = /^\d[\d.-]{0,19}$/;

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
  escoOccupation: ESCO_OCCUPATION_URI_PATTERN,
  nationalOccupationCode: NATIONAL_OCCUPATION_CODE_PATTERN,
} as const;
/** A key of {@link PATTERNS}. */
export type PatternName = keyof typeof PATTERNS;

/** The pattern names, for the reason schema. */
export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];

const patternByText = new Map(
  Object.entries(PATTERNS).map(([name, re]) => [String(re), name as PatternName]),
);

/**
 * Why a value was refused, in terms a client can translate (an issue's `reason` in the API's error answer):
 * the zod issue code, the contracts' rule, pattern or password problem it broke, the format it missed
 * (`email`, `url`, `date`, …), and the limits of a size rule (`origin` is what was measured: string, number,
 * array, date).
 */
export interface IssueReason {
  code: string;
  rule?: ValidationRule;
  pattern?: PatternName;
  problem?: PasswordProblem;
  format?: string;
  origin?: string;
  minimum?: number;
  maximum?: number;
}

/** The zod issue fields {@link issueReasonOf} reads (a zod 4 issue, or the params Fastify keeps of one). */
export interface IssueLike {
  code: string;
  params?: Record<string, unknown> | undefined;
  format?: unknown;
  pattern?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  errors?: unknown;
}

/** The most telling issue of a failed union (`'' | url`): the first that is not "not this literal". */
function unionIssue(issue: IssueLike): IssueLike | undefined {
  const inner = Array.isArray(issue.errors) ? (issue.errors.flat() as IssueLike[]) : [];
  return inner.find((i) => i.code !== 'invalid_value') ?? inner[0];
}

const limit = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;

/**
 * The machine reason of a zod issue: a named rule, pattern or password problem, a format, or a size limit. A
 * failed union answers with the reason of its most telling branch.
 * @example issueReasonOf({ code: 'too_big', origin: 'string', maximum: 200 }) // { code: 'too_big', origin: 'string', maximum: 200 }
 */
export function issueReasonOf(issue: IssueLike): IssueReason {
  if (issue.code === 'invalid_union') {
    const inner = unionIssue(issue);
    if (inner) return issueReasonOf(inner);
  }
  const reason: IssueReason = { code: issue.code };
  const rule = ruleOf(issue);
  if (rule) reason.rule = rule;
  const problem = issue.code === 'custom' ? issue.params?.problem : undefined;
  if ((PASSWORD_PROBLEMS as readonly unknown[]).includes(problem))
    reason.problem = problem as PasswordProblem;
  if (typeof issue.format === 'string') reason.format = issue.format;
  const pattern = patternByText.get(String(issue.pattern));
  if (pattern) reason.pattern = pattern;
  if (typeof issue.origin === 'string') reason.origin = issue.origin;
  const [minimum, maximum] = [limit(issue.minimum), limit(issue.maximum)];
  if (minimum !== undefined) reason.minimum = minimum;
  if (maximum !== undefined) reason.maximum = maximum;
  return reason;
}

/**
 * The reason of a rule the server checks itself (a custom issue naming the rule), with its limit if any.
 * @example ruleReason('periodLength', { maximum: 3653 })
 */
export function ruleReason(rule: ValidationRule, limits: { maximum?: number } = {}): IssueReason {
  return { code: 'custom', rule, ...limits };
}
