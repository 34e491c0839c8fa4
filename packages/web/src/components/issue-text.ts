import type { ErrorIssue } from '@kadr/contracts/errors';
import { PATTERNS, type PatternName, ruleOf, type ValidationRule } from '@kadr/contracts/rules';
import { PASSWORD_PROBLEMS, type PasswordProblem } from '@kadr/contracts/password-limits';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { passwordProblemText } from './error-text';
import type { z } from 'zod';

/** The locale key of each rule the contracts name (`params.rule` of a refinement). */
export const RULE_KEYS: Record<ValidationRule, string> = {
  oneAsset: 'validation.required',
  pppNeedsPartner: 'validation.required',
  pppNeedsAgreement: 'validation.required',
  agreesWithRate: 'validation.rateMismatch',
  allocationsSum: 'investments.allocationsMustSum',
  datesInOrder: 'agreements.datesOrder',
  instalmentNeedsAmount: 'validation.amount',
  placesNeedCount: 'validation.required',
  metNeedsEvidence: 'obligations.evidenceRequired',
  endsAfterStart: 'bookings.endAfterStart',
  disciplineNeeded: 'validation.required',
  studentNeeded: 'validation.required',
  practiceNeeds: 'bookings.practiceNeeds',
  attendeesCoverIds: 'bookings.attendeesAtLeastKnown',
  notTenge: 'validation.notTenge',
  positive: 'validation.positive',
  yearRange: 'validation.yearRange',
  codeMatchesLevel: 'programmes.codeMatchesLevel',
  minimumCredits: 'programmes.minimumCredits',
  degreeNeedsCodeveloper: 'programmes.degreeNeedsCodeveloper',
  noRepeats: 'validation.noRepeats',
  iinChecksum: 'students.iinChecksum',
  projectNeedsPartner: 'validation.required',
  nameNeeded: 'validation.required',
  oneOutcomeSource: 'validation.required',
  dualTermsOnly: 'offers.dualTermsOnly',
  mixNeedsWeight: 'offers.mixNeedsWeight',
  oneUnitGroup: 'demand.oneUnitGroup',
  knownCountry: 'validation.knownCountry',
  exists: 'validation.exists',
  partyToAgreement: 'validation.partyToAgreement',
  partnerUniversity: 'validation.partnerUniversity',
  otherParty: 'validation.otherParty',
  assetInService: 'validation.assetInService',
  allocatedOnce: 'validation.allocatedOnce',
  periodInOrder: 'validation.periodInOrder',
  periodLength: 'validation.periodLength',
  oneFile: 'validation.oneFile',
  currentPassword: 'profile.currentPasswordWrong',
  unique: 'validation.unique',
  partnerOrganisation: 'validation.partnerOrganisation',
  notBackdated: 'validation.notBackdated',
  choiceLimit: 'rounds.choiceLimit',
  eligibleChoice: 'rounds.eligibleChoice',
  noCycle: 'validation.noCycle',
  inVersion: 'validation.inVersion',
  enrolledInVersion: 'validation.enrolledInVersion',
  versionActive: 'validation.versionActive',
  endOnlyWhenEnded: 'validation.endOnlyWhenEnded',
  gradeMatchesPoints: 'validation.gradeMatchesPoints',
  withinDuration: 'validation.withinDuration',
  notHomeUniversity: 'validation.notHomeUniversity',
  currentPeriod: 'validation.currentPeriod',
  escoFramework: 'validation.escoFramework',
  escoFiles: 'validation.escoFiles',
  escoConcept: 'validation.escoConcept',
  requiredColumn: 'validation.requiredColumn',
  knownColumn: 'validation.knownColumn',
  hasRows: 'validation.hasRows',
  rowLimit: 'validation.rowLimit',
  columnLimit: 'validation.columnLimit',
  knownValue: 'validation.knownValue',
  wholeNumber: 'validation.wholeNumber',
  listItem: 'validation.listItem',
  studentNumber: 'rounds.studentNumberFormat',
  enrolledStudent: 'rounds.notEligibleStudent',
};

/** The locale key of each pattern the contracts name. */
export const PATTERN_KEYS: Record<PatternName, string> = {
  assetCode: 'material.codeRule',
  country: 'validation.country',
  phone: 'contacts.phoneRule',
  currency: 'validation.currency',
  decimalAmount: 'validation.amount',
  exchangeRate: 'validation.rate',
  programmeCode: 'programmes.codeRule',
  programmeGroup: 'programmes.groupRule',
  disciplineCode: 'programmes.disciplineCodeRule',
  iin: 'students.iinRule',
  escoOccupation: 'demand.occupationUriRule',
  nationalOccupationCode: 'demand.nationalCodeRule',
};

/** The locale keys of the issues no contract names, by zod issue code and format. */
export const GENERIC_KEYS = [
  'validation.required',
  'validation.invalid',
  'validation.format',
  'validation.email',
  'validation.url',
  'validation.date',
  'validation.tooShort',
  'validation.tooLong',
  'validation.atLeast',
  'validation.atMost',
  'validation.tooMany',
] as const;

const patternNames = new Map(Object.entries(PATTERNS).map(([name, re]) => [String(re), name as PatternName]));

const FORMAT_KEYS: Record<string, string> = {
  email: 'validation.email',
  url: 'validation.url',
  date: 'validation.date',
  datetime: 'validation.date',
};

/** The most telling issue of a failed union (`'' | url`): the first that is not "not this literal". */
function unionIssue(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue | undefined {
  return issue.errors.flat().find((i) => i.code !== 'invalid_value') ?? issue.errors.flat()[0];
}

function sizeText(t: TFunction, issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if ((issue.origin === 'string' || issue.origin === 'array') && min <= 1) return t('validation.required');
    return issue.origin === 'string' ? t('validation.tooShort', { min }) : t('validation.atLeast', { min });
  }
  const max = Number(issue.maximum);
  if (issue.origin === 'string') return t('validation.tooLong', { max });
  return issue.origin === 'array' ? t('validation.tooMany', { max }) : t('validation.atMost', { max });
}

/** The password rule an issue of passwordSchema names (`params.problem`). */
function passwordProblemOf(issue: {
  code: string;
  params?: Record<string, unknown>;
}): PasswordProblem | undefined {
  const problem = issue.code === 'custom' ? issue.params?.problem : undefined;
  return (PASSWORD_PROBLEMS as readonly unknown[]).includes(problem)
    ? (problem as PasswordProblem)
    : undefined;
}

/**
 * One zod issue of a contract's schema in the interface language: a named rule or pattern by its key,
 * anything else by the issue code. An amount field (`…Tiyn`) that is missing or not positive reads as
 * "enter a positive amount", since the person typed tenge, not tiyn.
 * @example issueText(t, { code: 'custom', path: ['allocations'], params: { rule: 'allocationsSum' }, message: '…' })
 */
export function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  const rule = ruleOf(issue as { code: string; params?: Record<string, unknown> });
  // A server-checked limit (periodLength, rowLimit, choiceLimit) comes with its maximum, which the text counts.
  const maximum = (issue as { maximum?: unknown }).maximum;
  if (rule) return t(RULE_KEYS[rule], typeof maximum === 'number' ? { count: maximum, maximum } : {});
  const problem = passwordProblemOf(issue as { code: string; params?: Record<string, unknown> });
  if (problem) return passwordProblemText(t, problem);
  const field = String(issue.path.at(-1) ?? '');
  const isAmount = field.endsWith('Tiyn') && (issue.code === 'invalid_type' || issue.code === 'too_small');
  if (isAmount) return t('validation.amount');
  switch (issue.code) {
    case 'invalid_format': {
      if (issue.format === 'regex') {
        const name = patternNames.get(String((issue as { pattern?: string }).pattern));
        return t(name ? PATTERN_KEYS[name] : 'validation.format');
      }
      return t(FORMAT_KEYS[issue.format] ?? 'validation.format');
    }
    case 'too_small':
    case 'too_big':
      return sizeText(t, issue);
    case 'invalid_type':
    case 'invalid_value':
      return t('validation.required');
    case 'invalid_union': {
      const inner = unionIssue(issue);
      return inner ? issueText(t, { ...inner, path: issue.path }) : t('validation.invalid');
    }
    default:
      return t('validation.invalid');
  }
}

/**
 * Checks a request body with the contract's schema, as the server will: the parsed body when valid,
 * else one translated message per field, keyed by the dotted path (`name.kk`, `allocations.0.amountTiyn`).
 * @example const checked = checkBody(t, createLabBodySchema, body); if (checked.errors) showUnderFields(checked.errors);
 */
export function checkBody<S extends z.ZodType>(
  t: TFunction,
  schema: S,
  body: unknown,
): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: Record<string, string> } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issueText(t, issue);
  }
  return { errors };
}

/**
 * A server issue in the interface language: its machine `reason` (the zod issue code with the rule, pattern,
 * format or limits, see the contracts' issueReasonOf) read as {@link issueText} reads the client's own issues;
 * the server's English message only when an older server sent no reason.
 * @example serverIssueText(t, { path: 'body.code', message: 'Invalid string', reason: { code: 'invalid_format', format: 'regex', pattern: 'assetCode' } })
 */
export function serverIssueText(t: TFunction, issue: ErrorIssue): string {
  const reason = issue.reason;
  if (!reason) return issue.message;
  const pattern = reason.pattern as PatternName | undefined;
  const asZod = {
    ...reason,
    path: issue.path.split('.').slice(1),
    message: issue.message,
    params: { rule: reason.rule, problem: reason.problem },
    pattern: pattern && pattern in PATTERNS ? String(PATTERNS[pattern]) : undefined,
  };
  return issueText(t, asZod as unknown as z.core.$ZodIssue);
}

/**
 * The server's validation issues in the interface language, keyed by field path and by its first segment
 * (`body.name.kk` gives `name.kk` and `name`), for showing its verdict under the right input.
 * @example fieldErrors(t, mutation.error).number // 'Already used by another record'
 */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.replace(/^(body|query|params)[./]/, '');
    for (const field of [path, path.split(/[./]/)[0] ?? ''])
      if (field) result[field] ??= serverIssueText(t, issue);
  }
  return result;
}
