/**
 * Practice offers, allocation rounds and the two sides' rankings (issue 12, items 1 and 2): the request and answer
 * schemas shared by the server, the web and the CLI. The vocabularies (statuses, scorings) are in placements.ts.
 */
import { z } from 'zod';
import { idQuerySchema, idSchema, textSchema, trilingualSchema, trilingualTextSchema } from './common.ts';
import { regionSchema } from './demand.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema, isoDateTimeSchema, tiynSchema } from './money.ts';
import { offerScoringSchema, offerStatusSchema, roundStatusSchema } from './placements.ts';
import { practiceTypeSchema } from './programmes.ts';
import { addRuleIssues, type RuleIssue } from './rules.ts';

/** Text in the three languages, any of which may be empty (a partner writes in the languages it uses). */
const anyLanguages = (max: number) =>
  z.object({
    kk: textSchema().max(max).default(''),
    ru: textSchema().max(max).default(''),
    en: textSchema().max(max).default(''),
  });

/** A share of the time at the enterprise (dual education): more than 0, at most 1, two decimals. */
const shareSchema = z.number().gt(0).max(1).multipleOf(0.01);

const offerFields = {
  title: anyLanguages(300),
  description: anyLanguages(8000),
  practiceType: practiceTypeSchema,
  /** Programmes whose students may take the offer; empty means every programme. */
  programmeIds: z.array(idSchema).max(100),
  /** Years of study admitted (1-6); empty means any. */
  eligibleYears: z.array(z.number().int().min(1).max(6)).max(6),
  /** Competencies the practice requires (and the mentor assesses), each with the level expected (1-5). */
  competencies: z.array(z.object({ competencyId: idSchema, level: z.number().int().min(1).max(5) })).max(50),
  /** What a student should know or have before the practice, in the languages the partner writes. */
  prerequisites: anyLanguages(4000),
  capacity: z.number().int().min(1).max(10_000),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  /** Where the practice takes place (an address, a site), in the languages the partner writes. */
  location: anyLanguages(300),
  /** The Kazakh region (or city of republican significance) of the practice, as demand lines name it; null abroad. */
  region: regionSchema.nullable(),
  /** Monthly stipend in tiyn; null when unpaid. */
  stipendTiyn: tiynSchema.nullable(),
  /** Dual education only: the share of the time at the enterprise (0..1]. */
  dualEnterpriseShare: shareSchema.nullable(),
  /** Dual education only: the enterprise mentor's monthly pay in tiyn. */
  mentorPayTiyn: tiynSchema.nullable(),
  /** The company intends to hire good interns after the practice. */
  hiringIntention: z.boolean(),
  /** The agreement obligation (kind practice_places) the offer counts against; by default the partner's current one. */
  obligationId: idSchema.nullable(),
};

/** The fields of an offer the cross-field rules read. */
export interface OfferRuleFields {
  title?: { kk: string; ru: string; en: string } | undefined;
  practiceType?: string | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  dualEnterpriseShare?: number | null | undefined;
  mentorPayTiyn?: number | null | undefined;
  programmeIds?: number[] | undefined;
  eligibleYears?: number[] | undefined;
  competencies?: { competencyId: number }[] | undefined;
}

function repeats(values: readonly number[] | undefined): boolean {
  return values !== undefined && new Set(values).size !== values.length;
}

/**
 * The rules that span fields of an offer: a title in at least one language, the period in order, the dual terms
 * only for dual practice (and its enterprise share for it), no repeated programme, year or competency.
 */
export function offerIssues(o: OfferRuleFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (o.title && !o.title.kk && !o.title.ru && !o.title.en)
    issues.push({ rule: 'nameNeeded', path: ['title'], message: 'Give the title in at least one language' });
  if (o.startsOn && o.endsOn && o.endsOn < o.startsOn)
    issues.push({ rule: 'periodInOrder', path: ['endsOn'], message: 'The practice ends before it starts' });
  if (o.practiceType && o.practiceType !== 'dual') {
    for (const field of ['dualEnterpriseShare', 'mentorPayTiyn'] as const)
      if (o[field] !== null && o[field] !== undefined)
        issues.push({ rule: 'dualTermsOnly', path: [field], message: 'Only dual education has this term' });
  }
  if (o.practiceType === 'dual' && o.dualEnterpriseShare === null)
    issues.push({
      rule: 'dualTermsOnly',
      path: ['dualEnterpriseShare'],
      message: 'Dual education needs the share of time at the enterprise',
    });
  if (repeats(o.programmeIds))
    issues.push({ rule: 'noRepeats', path: ['programmeIds'], message: 'A programme is listed twice' });
  if (repeats(o.eligibleYears))
    issues.push({ rule: 'noRepeats', path: ['eligibleYears'], message: 'A year is listed twice' });
  if (repeats(o.competencies?.map((c) => c.competencyId)))
    issues.push({ rule: 'noRepeats', path: ['competencies'], message: 'A competency is listed twice' });
  return issues;
}

/** Creates an offer (a draft). A partner's offer is for its own organisation; staff name the organisation. */
export const createOfferBodySchema = z
  .object({
    ...offerFields,
    organisationId: idSchema.optional(),
    description: offerFields.description.default({ kk: '', ru: '', en: '' }),
    programmeIds: offerFields.programmeIds.default([]),
    eligibleYears: offerFields.eligibleYears.default([]),
    competencies: offerFields.competencies.default([]),
    prerequisites: offerFields.prerequisites.default({ kk: '', ru: '', en: '' }),
    location: offerFields.location.default({ kk: '', ru: '', en: '' }),
    region: offerFields.region.default(null),
    stipendTiyn: offerFields.stipendTiyn.default(null),
    dualEnterpriseShare: offerFields.dualEnterpriseShare.default(null),
    mentorPayTiyn: offerFields.mentorPayTiyn.default(null),
    hiringIntention: offerFields.hiringIntention.default(false),
    obligationId: offerFields.obligationId.optional(),
  })
  .superRefine((body, ctx) => addRuleIssues(ctx, offerIssues(body)));
export type CreateOfferBody = z.infer<typeof createOfferBodySchema>;

/** Changes an offer that is not withdrawn; lists, when sent, replace the old ones. Rules are checked after merging. */
export const updateOfferBodySchema = z
  .object(offerFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateOfferBody = z.infer<typeof updateOfferBodySchema>;

const trilingualText = trilingualTextSchema;

/** An offer as the API answers it. */
export const offerSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationShortName: z.string(),
  obligationId: z.number().int().nullable(),
  title: trilingualText,
  description: trilingualText,
  practiceType: practiceTypeSchema,
  programmes: z.array(z.object({ id: z.number().int(), code: z.string(), name: trilingualText })),
  eligibleYears: z.array(z.number().int()),
  competencies: z.array(
    z.object({
      competencyId: z.number().int(),
      code: z.string(),
      name: trilingualText,
      level: z.number().int(),
    }),
  ),
  prerequisites: trilingualText,
  capacity: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  location: trilingualText,
  region: regionSchema.nullable(),
  stipendTiyn: z.number().int().nullable(),
  dualEnterpriseShare: z.number().nullable(),
  mentorPayTiyn: z.number().int().nullable(),
  hiringIntention: z.boolean(),
  status: offerStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;

export const offerListQuerySchema = listQuery(['createdAt', 'startsOn', 'capacity', 'title']).extend({
  status: offerStatusSchema.optional(),
  practiceType: practiceTypeSchema.optional(),
  organisationId: idQuerySchema.optional(),
  programmeId: idQuerySchema.optional(),
  obligationId: idQuerySchema.optional(),
  year: z.coerce.number().int().min(1).max(6).optional(),
  region: regionSchema.optional(),
});
export type OfferListQuery = z.infer<typeof offerListQuerySchema>;

// ---- Rounds ----

const roundDeadlines = {
  /** Students rank until then. */
  rankingClosesAt: isoDateTimeSchema,
  /** Partners rank (or set their scoring) until then. */
  partnerRankingClosesAt: isoDateTimeSchema,
  /** Students accept or decline their places until then. */
  responseClosesAt: isoDateTimeSchema,
};

/** The deadlines follow each other: students rank, then partners, then students respond. */
export function roundIssues(r: {
  rankingClosesAt?: string | undefined;
  partnerRankingClosesAt?: string | undefined;
  responseClosesAt?: string | undefined;
}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const t = (s: string | undefined) => (s ? Date.parse(s) : undefined);
  const [a, b, c] = [t(r.rankingClosesAt), t(r.partnerRankingClosesAt), t(r.responseClosesAt)];
  if (a !== undefined && b !== undefined && b < a)
    issues.push({
      rule: 'datesInOrder',
      path: ['partnerRankingClosesAt'],
      message: 'Partners rank after the students: their deadline is not before the students’',
    });
  if (b !== undefined && c !== undefined && c < b)
    issues.push({
      rule: 'datesInOrder',
      path: ['responseClosesAt'],
      message: 'Students respond after the partners ranked',
    });
  return issues;
}

const roundFields = {
  /** The round's name in kk and ru (English may be empty), shown to students, partners and staff. */
  name: trilingualSchema,
  /** The academic year the practice belongs to: 2026 for 2026/27. */
  academicYear: z.number().int().min(2000).max(2100),
  /** How many offers a student may rank (1-20). */
  maxChoices: z.number().int().min(1).max(20),
  ...roundDeadlines,
};

export const createRoundBodySchema = z
  .object({
    ...roundFields,
    maxChoices: roundFields.maxChoices.default(5),
    previousRoundId: idSchema.nullable().default(null),
  })
  .superRefine((body, ctx) => addRuleIssues(ctx, roundIssues(body)));
export type CreateRoundBody = z.infer<typeof createRoundBodySchema>;

/** Changes a round: everything while it is a draft; only the deadlines once open or closed. */
export const updateRoundBodySchema = z
  .object(roundFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateRoundBody = z.infer<typeof updateRoundBodySchema>;

export const roundSchema = z.object({
  id: z.number().int(),
  name: trilingualText,
  academicYear: z.number().int(),
  status: roundStatusSchema,
  maxChoices: z.number().int(),
  previousRoundId: z.number().int().nullable(),
  rankingClosesAt: z.string(),
  partnerRankingClosesAt: z.string(),
  responseClosesAt: z.string(),
  offerCount: z.number().int(),
  seatCount: z.number().int(),
  studentCount: z.number().int(),
  /** Students who ranked at least one offer. */
  rankedCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Round = z.infer<typeof roundSchema>;

export const roundListQuerySchema = listQuery([
  'createdAt',
  'academicYear',
  'name',
  'rankingClosesAt',
]).extend({
  status: roundStatusSchema.optional(),
  academicYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type RoundListQuery = z.infer<typeof roundListQuerySchema>;

/** A partner's scoring of an offer's applicants; `gpaWeight` only for `mix` (the competency fit takes the rest). */
export const offerScoringBodySchema = z
  .object({
    scoring: offerScoringSchema,
    gpaWeight: z.number().min(0).max(1).multipleOf(0.01).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.scoring === 'mix' && v.gpaWeight === null)
      addRuleIssues(ctx, [
        { rule: 'mixNeedsWeight', path: ['gpaWeight'], message: 'A mix needs the weight of the GPA' },
      ]);
    if (v.scoring !== 'mix' && v.gpaWeight !== null)
      addRuleIssues(ctx, [
        { rule: 'mixNeedsWeight', path: ['gpaWeight'], message: 'Only a mix has a GPA weight' },
      ]);
  });
export type OfferScoringBody = z.infer<typeof offerScoringBodySchema>;

/** Adds (or changes) an offer in a round: the seats it brings and how its applicants are ordered. */
export const roundOfferBodySchema = z
  .object({
    seats: z.number().int().min(0).max(10_000),
    scoring: offerScoringSchema.default('gpa'),
    gpaWeight: z.number().min(0).max(1).multipleOf(0.01).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.scoring === 'mix' && v.gpaWeight === null)
      addRuleIssues(ctx, [
        { rule: 'mixNeedsWeight', path: ['gpaWeight'], message: 'A mix needs the weight of the GPA' },
      ]);
  });
export type RoundOfferBody = z.infer<typeof roundOfferBodySchema>;

export const roundOfferParamsSchema = z.object({ id: idQuerySchema, offerId: idQuerySchema });
export const roundStudentParamsSchema = z.object({ id: idQuerySchema, studentId: idQuerySchema });

/** An offer in a round, with its seats, scoring and how many students ranked it. */
export const roundOfferSchema = z.object({
  roundId: z.number().int(),
  offer: offerSchema,
  seats: z.number().int(),
  scoring: offerScoringSchema,
  gpaWeight: z.number().nullable(),
  applicantCount: z.number().int(),
});
export type RoundOffer = z.infer<typeof roundOfferSchema>;

/**
 * Adds eligible students: those enrolled (active) in the programmes and years of study named, and/or the students
 * listed. At least one of them.
 */
export const addRoundStudentsBodySchema = z
  .object({
    programmeIds: z.array(idSchema).max(100).default([]),
    years: z.array(z.number().int().min(1).max(6)).max(6).default([]),
    studentIds: z.array(idSchema).max(10_000).default([]),
  })
  .refine((v) => v.programmeIds.length > 0 || v.years.length > 0 || v.studentIds.length > 0, {
    message: 'Name programmes, years or students',
    path: ['studentIds'],
  });
export type AddRoundStudentsBody = z.infer<typeof addRoundStudentsBodySchema>;

/**
 * Students added to a round by a pasted list of student numbers (the IIN, 12 digits), one per line as pasted:
 * blank lines are ignored, and an issue names its line (`body.numbers.<index>`).
 */
export const addRoundStudentsByNumberBodySchema = z.object({
  numbers: z.array(z.string().max(100)).min(1).max(10_000),
});
export type AddRoundStudentsByNumberBody = z.infer<typeof addRoundStudentsByNumberBodySchema>;

/** What a list of student numbers added: the students new to the round, and those it already held. */
export const addedRoundStudentsSchema = z.object({
  added: z.number().int(),
  studentIds: z.array(z.number().int()),
  alreadyInRound: z.number().int().optional(),
});

export const roundStudentSchema = z.object({
  studentId: z.number().int(),
  fullName: z.string(),
  programmeCode: z.string().nullable(),
  year: z.number().int().nullable(),
  choices: z.number().int(),
});
export type RoundStudent = z.infer<typeof roundStudentSchema>;

export const roundStudentListQuerySchema = listQuery(['fullName', 'choices']).extend({
  ranked: z.enum(['yes', 'no']).optional(),
});
export type RoundStudentListQuery = z.infer<typeof roundStudentListQuerySchema>;

/** A student's ranking: offer ids, first choice first. */
export const rankingBodySchema = z.object({ offerIds: z.array(idSchema).max(20) });
export type RankingBody = z.infer<typeof rankingBodySchema>;

/** What a student sees of a round: its offers they may rank, their ranking, and whether they may still change it. */
export const myRankingSchema = z.object({
  round: roundSchema,
  offers: z.array(roundOfferSchema),
  ranking: z.array(z.number().int()),
  editable: z.boolean(),
});
export type MyRanking = z.infer<typeof myRankingSchema>;

/** A partner's explicit ranking of an offer's applicants: student ids, best first (sets the scoring `explicit`). */
export const partnerRankingBodySchema = z.object({ studentIds: z.array(idSchema).max(10_000) });
export type PartnerRankingBody = z.infer<typeof partnerRankingBodySchema>;

/**
 * One applicant to an offer as its partner sees them: only what the student consented to share with the partner
 * (null otherwise). `score` is the scoring policy's value (0-1) when the partner may see what it is made of.
 */
export const applicantSchema = z.object({
  studentId: z.number().int(),
  /** The choice the offer is in the student's ranking (1 = first). */
  choice: z.number().int(),
  scopes: z.array(z.string()),
  fullName: z.string().nullable(),
  programmeCode: z.string().nullable(),
  year: z.number().int().nullable(),
  gpa: z.number().nullable(),
  /** Competency fit (0-1): the passport's levels against the offer's required levels. */
  fit: z.number().nullable(),
  score: z.number().nullable(),
  /** The partner's explicit rank, when it ranked. */
  rank: z.number().int().nullable(),
  /**
   * The student's place in the offer's ranking as the engine reads it (1 = best): the partner's rank when it ranks
   * explicitly, else the scoring policy's order (score, then the round's lottery); null when not ranked (left out
   * of an explicit ranking, or the offer does not admit the student's programme or year).
   */
  position: z.number().int().nullable(),
});
export type Applicant = z.infer<typeof applicantSchema>;

export const applicantsSchema = z.object({
  round: roundSchema,
  roundOffer: roundOfferSchema,
  editable: z.boolean(),
  applicants: z.array(applicantSchema),
});
export type Applicants = z.infer<typeof applicantsSchema>;

/** What an observer sees of a round: counts only. */
export const roundSummarySchema = z.object({
  id: z.number().int(),
  name: trilingualText,
  academicYear: z.number().int(),
  status: roundStatusSchema,
  offerCount: z.number().int(),
  seatCount: z.number().int(),
  studentCount: z.number().int(),
  rankedCount: z.number().int(),
  /** Students' first choices per practice type. */
  firstChoicesByType: z.array(z.object({ practiceType: practiceTypeSchema, count: z.number().int() })),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;
