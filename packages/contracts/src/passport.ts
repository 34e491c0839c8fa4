/**
 * The competency passport and the programme analysis (capabilities 2 and 5): the API answers, the PDF query and
 * the open JSON export whose JSON Schema Kadr publishes at /api/schemas/passport.json (docs/passport.md).
 */
import { z } from 'zod';
import { localeSchema } from './common.ts';
import { competencyTypeSchema } from './competencies.ts';
import { practiceTypeSchema, programmeVersionStatusSchema } from './programmes.ts';
import { enrolmentStatusSchema } from './students.ts';

/** Names in the three languages as stored (a competency imported from ESCO may lack Kazakh and Russian). */
export const namesSchema = z.object({ kk: z.string(), ru: z.string(), en: z.string() });
export type Names = z.infer<typeof namesSchema>;

/** The language of a passport PDF (default Russian). */
export const passportPdfQuerySchema = z.object({ lang: localeSchema.default('ru') });

/**
 * Kinds of evidence: discipline results and lab sessions from Kadr's records; practice assessments and mentor
 * sign-offs handed in by the placements capability through the evidence sources (docs/passport.md).
 */
export const EVIDENCE_KINDS = [
  'discipline-result',
  'lab-session',
  'practice-assessment',
  'mentor-sign-off',
] as const;
export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;

/** Progress on a promised competency: the level meets the target, is below it, or nothing counts yet. */
export const COMPETENCY_PROGRESS = ['reached', 'in-progress', 'not-started'] as const;
export const competencyProgressSchema = z.enum(COMPETENCY_PROGRESS);
export type CompetencyProgress = z.infer<typeof competencyProgressSchema>;

/** A competency as the passport and the analysis show it. */
export const competencyRefSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  type: competencyTypeSchema,
  name: namesSchema,
  /** The ESCO concept URI, or ''. */
  uri: z.string(),
  frameworkCode: z.string(),
});
export type CompetencyRef = z.infer<typeof competencyRefSchema>;

/** A discipline as the passport and the analysis name it. */
export const disciplineRefSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: namesSchema,
  credits: z.number().int(),
  semester: z.number().int(),
});
export type DisciplineRef = z.infer<typeof disciplineRefSchema>;

/** One piece of evidence; fields that do not apply to its kind are null (or ''). */
export const passportEvidenceSchema = z.object({
  kind: evidenceKindSchema,
  date: z.string(),
  level: z.number().int(),
  counts: z.boolean(),
  discipline: disciplineRefSchema.nullable(),
  attempt: z.number().int().nullable(),
  points: z.number().int().nullable(),
  letter: z.string().nullable(),
  bookingId: z.number().int().nullable(),
  hours: z.number().nullable(),
  ref: z.string(),
  assessor: z.string(),
  title: z.string(),
});
export type PassportEvidence = z.infer<typeof passportEvidenceSchema>;

/** A promised competency of the passport: target, level reached, progress, evidence, disciplines still to come. */
export const passportCompetencySchema = z.object({
  competency: competencyRefSchema,
  targetLevel: z.number().int(),
  level: z.number().int(),
  progress: competencyProgressSchema,
  evidence: z.array(passportEvidenceSchema),
  planned: z.array(disciplineRefSchema),
});
export type PassportCompetency = z.infer<typeof passportCompetencySchema>;

/** The programme version a passport or an analysis is about. */
export const versionRefSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  status: programmeVersionStatusSchema,
  startYear: z.number().int(),
  programme: z.object({ id: z.number().int(), code: z.string(), name: namesSchema }),
});
export type VersionRef = z.infer<typeof versionRefSchema>;

/** A student's competency passport, as the page shows it. */
export const passportSchema = z.object({
  student: z.object({ id: z.number().int(), fullName: z.string() }),
  enrolment: z.object({
    id: z.number().int(),
    admissionYear: z.number().int(),
    status: enrolmentStatusSchema,
  }),
  version: versionRefSchema,
  /** Credit-weighted grade point average of the last attempts (DOMAIN §1). */
  gpa: z.number(),
  generatedAt: z.string(),
  summary: z.object({
    promised: z.number().int(),
    reached: z.number().int(),
    inProgress: z.number().int(),
    notStarted: z.number().int(),
    evidenceCount: z.number().int(),
  }),
  competencies: z.array(passportCompetencySchema),
});
export type Passport = z.infer<typeof passportSchema>;

const creditsSchema = z.object({
  knowledge: z.number(),
  skill: z.number(),
  competence: z.number(),
  unmapped: z.number(),
});
const sharesSchema = z.object({ knowledge: z.number(), skill: z.number(), competence: z.number() });
/** Credits by competency type and the shares of the mapped credits. */
export const balanceSchema = z.object({ credits: creditsSchema, shares: sharesSchema });

/** The analysis of a programme version: matrix, balance per programme and study year, gaps. */
export const programmeAnalysisSchema = z.object({
  version: versionRefSchema,
  /** Matrix rows: disciplines by semester (`discipline` set), then practice types (`practiceType` set). */
  rows: z.array(
    z.object({ discipline: disciplineRefSchema.nullable(), practiceType: practiceTypeSchema.nullable() }),
  ),
  columns: z.array(
    z.object({
      competency: competencyRefSchema,
      promised: z.boolean(),
      targetLevel: z.number().int().nullable(),
    }),
  ),
  /** `cells[row][column]`: the level the row teaches the competency to, 0 when it does not. */
  cells: z.array(z.array(z.number().int())),
  balance: balanceSchema,
  years: z.array(balanceSchema.extend({ year: z.number().int() })),
  gaps: z.array(
    z.object({
      competency: competencyRefSchema,
      targetLevel: z.number().int(),
      bestLevel: z.number().int(),
      disciplines: z.array(disciplineRefSchema),
      practiceTypes: z.array(practiceTypeSchema),
    }),
  ),
});
export type ProgrammeAnalysis = z.infer<typeof programmeAnalysisSchema>;
