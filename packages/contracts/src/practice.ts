/**
 * The practice part of placements (issue 12): a placement's lifecycle with its events, the supervisor and the
 * mentor, the tri-partite agreement's sign-offs, the student's journal, the mentor's reviews and competency
 * assessments (signed in or through a single-use link), the final grade and the hire.
 */
import { z } from 'zod';
import {
  idQuerySchema,
  idSchema,
  localeSchema,
  textSchema,
  trilingualSchema,
  trilingualTextSchema,
} from './common.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema } from './money.ts';
import { placementStatusSchema, signoffPartySchema, journalStatusSchema } from './placements.ts';
import { practiceTypeSchema } from './programmes.ts';
import { emailSchema } from './sign-in.ts';
import { gradeLetterSchema } from './students.ts';

/** A SHA-256 digest in lower-case hex. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 digest: 64 lower-case hex digits');

const nameSchema = textSchema().min(1).max(200);
const commentSchema = textSchema().max(2000);

/** The company's mentor of a placement: a name and an email, and the user account if the mentor has one. */
export const placementMentorSchema = z.object({
  name: z.string(),
  email: z.string(),
  userId: z.number().int().nullable(),
});

/** The final grade on the national scale. */
export const finalGradeSchema = z.object({
  points: z.number().int(),
  letter: gradeLetterSchema,
  gradePoint: z.number(),
});

/** A placement as listed. */
export const placementSchema = z.object({
  id: z.number().int(),
  roundId: z.number().int().nullable(),
  status: placementStatusSchema,
  choiceRank: z.number().int().nullable(),
  respondBy: z.string().nullable(),
  offer: z.object({
    id: z.number().int(),
    title: trilingualSchema,
    organisationId: z.number().int(),
    organisationName: trilingualSchema,
    practiceType: practiceTypeSchema,
    startsOn: z.string(),
    endsOn: z.string(),
    /** In the three languages, any of which may be empty. */
    location: trilingualTextSchema,
  }),
  student: z.object({ id: z.number().int(), fullName: z.string() }),
  supervisor: z.object({ id: z.number().int(), fullName: z.string() }).nullable(),
  mentor: placementMentorSchema,
  locale: localeSchema,
  finalGrade: finalGradeSchema.nullable(),
  hiredOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Placement = z.infer<typeof placementSchema>;

/** A transition of a placement: from, to, who and when. */
export const placementEventSchema = z.object({
  id: z.number().int(),
  fromStatus: placementStatusSchema.nullable(),
  toStatus: placementStatusSchema,
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
});
export type PlacementEvent = z.infer<typeof placementEventSchema>;

/** A party's sign-off of the agreement, and whether it signed the document as it reads now. */
export const placementSignoffSchema = z.object({
  party: signoffPartySchema,
  signedBy: z.string(),
  signedAt: z.string(),
  documentSha256: sha256Schema,
  current: z.boolean(),
});
export type PlacementSignoff = z.infer<typeof placementSignoffSchema>;

/** A competency the offer requires, with the expected level and the mentor's assessment once made. */
export const placementCompetencySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: trilingualSchema,
  expectedLevel: z.number().int(),
  assessment: z
    .object({
      level: z.number().int(),
      comment: z.string(),
      assessorName: z.string(),
      assessedOn: z.string(),
    })
    .nullable(),
});
export type PlacementCompetency = z.infer<typeof placementCompetencySchema>;

/** One placement with its timeline, sign-offs, competencies and what the reader may do next. */
export const placementDetailSchema = placementSchema.extend({
  events: z.array(placementEventSchema),
  signoffs: z.array(placementSignoffSchema),
  /** SHA-256 of the agreement PDF as it reads now, in the placement's language. */
  agreementSha256: sha256Schema,
  agreementSigned: z.boolean(),
  competencies: z.array(placementCompetencySchema),
  journal: z.object({ entries: z.number().int(), approvedHours: z.number(), pending: z.number().int() }),
  /** The statuses the reader may move the placement to now. */
  allowedTransitions: z.array(placementStatusSchema),
  /** The agreement parties the reader may sign off for. */
  canSignFor: z.array(signoffPartySchema),
  /** The reader's part on the placement. */
  parties: z.array(z.enum(['student', 'staff', 'supervisor', 'company', 'mentor'])),
});
export type PlacementDetail = z.infer<typeof placementDetailSchema>;

export const PLACEMENT_SORTS = ['status', 'startsOn', 'createdAt'] as const;

/** Filters of the placement list. */
export const placementListQuerySchema = listQuery(PLACEMENT_SORTS).extend({
  status: placementStatusSchema.optional(),
  offerId: idQuerySchema.optional(),
  roundId: idQuerySchema.optional(),
  studentId: idQuerySchema.optional(),
});
export type PlacementListQuery = z.infer<typeof placementListQuerySchema>;

/** The supervisor and the mentor of a placement, and its language (staff). */
export const placementPeopleBodySchema = z.object({
  supervisorUserId: idSchema.nullable().optional(),
  mentorName: textSchema().max(200).optional(),
  mentorEmail: emailSchema.or(z.literal('')).optional(),
  mentorUserId: idSchema.nullable().optional(),
  locale: localeSchema.optional(),
});
export type PlacementPeopleBody = z.infer<typeof placementPeopleBodySchema>;

/** A placement the officer arranges directly, outside any round. */
export const createPlacementBodySchema = placementPeopleBodySchema.extend({
  studentId: idSchema,
  offerId: idSchema,
});
export type CreatePlacementBody = z.infer<typeof createPlacementBodySchema>;

/** A transition asked for, with an optional note. */
export const placementTransitionBodySchema = z.object({
  to: placementStatusSchema,
  note: textSchema().max(1000).default(''),
});
export type PlacementTransitionBody = z.infer<typeof placementTransitionBodySchema>;

/** A party's sign-off: the SHA-256 of the agreement PDF the signer saw. */
export const signoffBodySchema = z.object({ party: signoffPartySchema, documentSha256: sha256Schema });
export type SignoffBody = z.infer<typeof signoffBodySchema>;

/** The agreement in a language (default: the placement's). */
export const agreementQuerySchema = z.object({ lang: localeSchema.optional() });

/** The final grade in points 0-100; the letter and grade point follow the national scale. */
export const finalGradeBodySchema = z.object({ points: z.number().int().min(0).max(100) });
export type FinalGradeBody = z.infer<typeof finalGradeBodySchema>;

/** The company hired the student on a day, or the mark is taken back (null). */
export const hireBodySchema = z.object({ hiredOn: isoDateSchema.nullable() });
export type HireBody = z.infer<typeof hireBodySchema>;

/** A journal entry as the API answers it. */
export const journalEntrySchema = z.object({
  id: z.number().int(),
  placementId: z.number().int(),
  entryDate: z.string(),
  hours: z.number(),
  body: z.string(),
  status: journalStatusSchema,
  reviewComment: z.string(),
  reviewedBy: z.string(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

/** A day of the journal: its date, hours (more than 0, at most 24, in tenths) and what was done. */
export const journalEntryBodySchema = z.object({
  entryDate: isoDateSchema,
  hours: z.number().gt(0).max(24).multipleOf(0.1),
  body: textSchema().min(1).max(4000),
});
export type JournalEntryBody = z.infer<typeof journalEntryBodySchema>;

/** The mentor's decision on an entry; a returned entry says why. */
export const journalReviewSchema = z
  .object({ decision: z.enum(['approve', 'return']), comment: commentSchema.default('') })
  .refine((r) => r.decision === 'approve' || r.comment.length > 0, {
    message: 'Say why the entry is returned',
    path: ['comment'],
  });
export type JournalReview = z.infer<typeof journalReviewSchema>;

/** The mentor's assessment of required competencies: level 1-5 and a comment each. */
export const competencyAssessmentSchema = z.object({
  competencyId: idSchema,
  level: z.number().int().min(1).max(5),
  comment: commentSchema.default(''),
});
export const assessmentsBodySchema = z.object({
  assessments: z.array(competencyAssessmentSchema).min(1).max(100),
});
export type AssessmentsBody = z.infer<typeof assessmentsBodySchema>;

/** A link for a mentor without an account, valid for so many days (default 14). */
export const mentorLinkBodySchema = z.object({ days: z.number().int().min(1).max(60).default(14) });
export type MentorLinkBody = z.infer<typeof mentorLinkBodySchema>;

/** A new link: the token appears here once only (the database keeps its SHA-256). */
export const mentorLinkIssuedSchema = z.object({
  id: z.number().int(),
  token: z.string(),
  path: z.string(),
  expiresAt: z.string(),
  /** True when an email to the mentor was queued. */
  emailed: z.boolean(),
});
export type MentorLinkIssued = z.infer<typeof mentorLinkIssuedSchema>;

/** The token in a link's path. */
export const mentorTokenParamSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A link token: 43 URL-safe characters'),
});

/** What the mentor sees through a link: the placement, its journal and the competencies to assess. */
export const mentorLinkViewSchema = z.object({
  expiresAt: z.string(),
  placementId: z.number().int(),
  locale: localeSchema,
  studentName: z.string(),
  mentorName: z.string(),
  offer: placementSchema.shape.offer,
  journal: z.array(journalEntrySchema),
  competencies: z.array(placementCompetencySchema),
});
export type MentorLinkView = z.infer<typeof mentorLinkViewSchema>;

/** What a mentor sends through a link, once: decisions on entries and the assessments. */
export const mentorLinkSubmitBodySchema = z.object({
  assessorName: nameSchema,
  reviews: z
    .array(journalReviewSchema.and(z.object({ entryId: idSchema })))
    .max(500)
    .default([]),
  assessments: z.array(competencyAssessmentSchema).max(100).default([]),
});
export type MentorLinkSubmitBody = z.infer<typeof mentorLinkSubmitBodySchema>;

/** What a submission through a link recorded. */
export const mentorLinkOutcomeSchema = z.object({ reviewed: z.number().int(), assessed: z.number().int() });
export type MentorLinkOutcome = z.infer<typeof mentorLinkOutcomeSchema>;

/** Staff users who may supervise a placement, for the picker. */
export const supervisorOptionSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  role: z.string(),
});
