/** Students, their enrolments, consents and discipline results (capability 5). */
import { z } from 'zod';
import { emailSchema } from './auth.ts';
import { idQuerySchema, idSchema, partialTrilingualSchema, textSchema, trilingualSchema } from './common.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema } from './money.ts';
import { IIN_PATTERN, PHONE_PATTERN, ruleParams } from './rules.ts';
import { ENROLMENT_STATUSES, CONSENT_SCOPES, GRADE_LETTERS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { ENROLMENT_STATUSES, CONSENT_SCOPES, GRADE_LETTERS };

export const enrolmentStatusSchema = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof enrolmentStatusSchema>;

export const consentScopeSchema = z.enum(CONSENT_SCOPES);
export type ConsentScope = z.infer<typeof consentScopeSchema>;

export const gradeLetterSchema = z.enum(GRADE_LETTERS);
export type GradeLetter = z.infer<typeof gradeLetterSchema>;

/**
 * The individual identification number's control digit (the 12th), by the state algorithm (Government decree of
 * 11 June 2003 No. 565): the first 11 digits weighted 1…11, sum modulo 11; when that is 10, weighted 3…11, 1, 2
 * instead; when it is 10 again, no IIN is issued with these digits.
 * @returns the control digit, or undefined when these 11 digits cannot form an IIN
 */
export function iinControlDigit(first11: string): number | undefined {
  const sum = (weights: number[]) => weights.reduce((s, w, i) => s + w * Number(first11[i]), 0) % 11;
  const first = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (first !== 10) return first;
  const second = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return second === 10 ? undefined : second;
}

/** True when `iin` is 12 digits whose last is the control digit of the others. */
export function isValidIin(iin: string): boolean {
  return IIN_PATTERN.test(iin) && iinControlDigit(iin.slice(0, 11)) === Number(iin[11]);
}

/** An IIN: 12 digits with a correct control digit. */
export const iinSchema = z
  .string()
  .trim()
  .regex(IIN_PATTERN, 'An IIN is 12 digits')
  .refine(isValidIin, ruleParams('iinChecksum', 'The control digit (the 12th) does not match this IIN'));

const fullNameSchema = textSchema().min(1).max(200);
const studentEmailSchema = z.union([z.literal(''), emailSchema]);
const studentPhoneSchema = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, 'Use digits, spaces, +, -, ( and ), at most 30');
/** An academic year of admission (2024 for 2024/25). */
export const admissionYearSchema = z.coerce.number().int().min(1990).max(2200);

/** A student's enrolment in a programme version, with the programme it belongs to. */
export const enrolmentSchema = z.object({
  id: z.number().int(),
  studentId: z.number().int(),
  versionId: z.number().int(),
  versionNumber: z.number().int(),
  programmeId: z.number().int(),
  programmeCode: z.string(),
  programmeName: trilingualSchema,
  admissionYear: z.number().int(),
  status: enrolmentStatusSchema,
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

/**
 * A student as the reader may see them (DOMAIN §8). Staff and the student themself get every field. A partner
 * gets a student only with a current consent for its organisation, and only what it lists: `fullName` and
 * `enrolment` with `profile`, `email` and `phone` with `contacts`; never the IIN nor the user account.
 * `scopes` tells a partner what its consents allow (absent for staff and the student).
 */
export const studentSchema = z.object({
  id: z.number().int(),
  iin: z.string().optional(),
  fullName: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  userId: z.number().int().nullable().optional(),
  /** The current enrolment (active or on leave), else the latest one; null when there is none. */
  enrolment: enrolmentSchema.nullable().optional(),
  scopes: z.array(consentScopeSchema).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Student = z.infer<typeof studentSchema>;

export const createStudentBodySchema = z.object({
  iin: iinSchema,
  fullName: fullNameSchema,
  email: studentEmailSchema.default(''),
  phone: studentPhoneSchema.default(''),
  /** The student's Kadr account (a user with the student role), when they have one. */
  userId: idSchema.nullable().default(null),
});
export type CreateStudentBody = z.infer<typeof createStudentBodySchema>;

export const updateStudentBodySchema = z
  .object({
    iin: iinSchema,
    fullName: fullNameSchema,
    email: studentEmailSchema,
    phone: studentPhoneSchema,
    userId: idSchema.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateStudentBody = z.infer<typeof updateStudentBodySchema>;

/**
 * Lists students: `q` searches the name, and the IIN for readers who may see it (never for a partner);
 * the filters apply to the student's enrolments (any of them).
 */
export const studentListQuerySchema = listQuery(['fullName', 'createdAt']).extend({
  programmeId: idQuerySchema.optional(),
  versionId: idQuerySchema.optional(),
  admissionYear: admissionYearSchema.optional(),
  status: enrolmentStatusSchema.optional(),
});
export type StudentListQuery = z.infer<typeof studentListQuerySchema>;

export const createEnrolmentBodySchema = z.object({
  versionId: idSchema,
  admissionYear: admissionYearSchema,
  enrolledOn: isoDateSchema,
  status: z.enum(['active', 'on-leave']).default('active'),
});
export type CreateEnrolmentBody = z.infer<typeof createEnrolmentBodySchema>;

/**
 * Moves an enrolment: active ↔ on-leave, or to graduated or withdrawn (final; `endedOn` defaults to today).
 */
export const updateEnrolmentBodySchema = z.object({
  status: enrolmentStatusSchema,
  endedOn: isoDateSchema.optional(),
});
export type UpdateEnrolmentBody = z.infer<typeof updateEnrolmentBodySchema>;

/** An organisation a student may consent to (a partner university or a company): what the consent form lists. */
export const consentOrganisationSchema = z.object({
  id: z.number().int(),
  shortName: z.string(),
  name: trilingualSchema,
  kind: z.enum(['partner_university', 'company']),
});
export type ConsentOrganisation = z.infer<typeof consentOrganisationSchema>;

/** A consent a student gave a partner organisation; `current` when given, not expired and not revoked today. */
export const consentSchema = z.object({
  id: z.number().int(),
  studentId: z.number().int(),
  organisationId: z.number().int(),
  organisationName: trilingualSchema,
  scopes: z.array(consentScopeSchema),
  /** Why the student consents: kk, ru and en, any may be empty. */
  purpose: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  givenOn: z.string(),
  validUntil: z.string().nullable(),
  revokedAt: z.string().nullable(),
  current: z.boolean(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;

const consentDatesInOrder = (v: { givenOn?: string | undefined; validUntil?: string | null }) =>
  !v.givenOn || !v.validUntil || v.validUntil >= v.givenOn;

/** A new consent: the organisation, what it may see, why, from when (default today) and until when (open when null). */
export const createConsentBodySchema = z
  .object({
    organisationId: idSchema,
    scopes: z
      .array(consentScopeSchema)
      .min(1)
      .refine((s) => new Set(s).size === s.length, 'Name each scope once'),
    /** Why, in kk, ru and en (any may be empty); a single-language string is refused at body.purpose. */
    purpose: partialTrilingualSchema(500).default({ kk: '', ru: '', en: '' }),
    givenOn: isoDateSchema.optional(),
    validUntil: isoDateSchema.nullable().default(null),
  })
  .refine(consentDatesInOrder, ruleParams('datesInOrder', 'validUntil is before givenOn', ['validUntil']));
export type CreateConsentBody = z.infer<typeof createConsentBodySchema>;

/** A discipline result with its discipline. */
export const resultSchema = z.object({
  id: z.number().int(),
  studentId: z.number().int(),
  disciplineId: z.number().int(),
  disciplineCode: z.string(),
  disciplineName: trilingualSchema,
  credits: z.number().int(),
  semester: z.number().int(),
  attempt: z.number().int(),
  points: z.number().int(),
  letter: gradeLetterSchema,
  gradePoint: z.number(),
  gradedOn: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Result = z.infer<typeof resultSchema>;

/** A student's results, every attempt, and the GPA over the last attempt of each discipline (credit-weighted). */
export const studentResultsSchema = z.object({
  items: z.array(resultSchema),
  gpa: z.number(),
  /** Credits of the disciplines the GPA counts. */
  credits: z.number().int(),
});
export type StudentResults = z.infer<typeof studentResultsSchema>;

/** Points of the national scale: a whole number 0-100. */
export const pointsSchema = z.number().int().min(0).max(100);
/** Attempts at a discipline: 1 for the first sitting. */
export const attemptSchema = z.number().int().min(1).max(10);

/**
 * A new result. The letter and the grade point follow from the points; a letter, when sent, must agree with
 * them (the server checks it against the scale).
 */
export const createResultBodySchema = z.object({
  studentId: idSchema,
  disciplineId: idSchema,
  attempt: attemptSchema.default(1),
  points: pointsSchema,
  letter: gradeLetterSchema.optional(),
  gradedOn: isoDateSchema,
});
export type CreateResultBody = z.infer<typeof createResultBodySchema>;

export const updateResultBodySchema = z
  .object({
    attempt: attemptSchema,
    points: pointsSchema,
    letter: gradeLetterSchema,
    gradedOn: isoDateSchema,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateResultBody = z.infer<typeof updateResultBodySchema>;
