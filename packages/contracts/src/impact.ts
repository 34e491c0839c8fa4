import { z } from 'zod';
import { assetTypeSchema } from './bookings.ts';
import { competencyTypeSchema } from './competencies.ts';
import { localeSchema, trilingualSchema } from './common.ts';
import { investmentAggregatesSchema, investmentSchema } from './investments.ts';
import { isoDateSchema, tiynSchema } from './money.ts';
import { priorityAreaSchema } from './organisations.ts';

/** Period (inclusive calendar dates; default from 2015-01-01 to today) and report language. */
export const impactQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  lang: localeSchema.default('ru'),
});

/**
 * Training on one asset the partner co-funded. Counts are gross (every session on the asset);
 * `attributedStudentHours` is the partner's part: student-hours × `partnerShare` of the asset's funding.
 */
export const impactAssetSchema = z.object({
  assetType: assetTypeSchema,
  assetId: z.number().int(),
  code: z.string(),
  name: z.string(),
  priorityArea: priorityAreaSchema,
  fundedByPartnerTiyn: tiynSchema,
  partnerShare: z.number().min(0).max(1),
  sessions: z.number().int(),
  hoursUsed: z.number(),
  studentHours: z.number(),
  attributedStudentHours: z.number(),
  distinctStudents: z.number().int(),
});
export type ImpactAsset = z.infer<typeof impactAssetSchema>;

/** What the partner's assets trained of one competency. */
export const impactCompetencySchema = z.object({
  competencyId: z.number().int(),
  code: z.string(),
  frameworkCode: z.string(),
  /** In the languages present (an ESCO competency may have only English). */
  name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  type: competencyTypeSchema,
  disciplines: z.number().int(),
  targetLevel: z.number().int(),
  sessions: z.number().int(),
  studentHours: z.number(),
  attributedStudentHours: z.number(),
  share: z.number().min(0).max(1),
});
export type ImpactCompetency = z.infer<typeof impactCompetencySchema>;

/**
 * "Your money trained N students for H hours": what a partner's investments bought and the recorded use
 * of those assets. A session counts when its actual use is recorded; student-hours = attendees × hours.
 */
export const impactReportSchema = z.object({
  partner: z.object({ id: z.number().int(), shortName: z.string(), name: trilingualSchema }),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  summary: z.object({
    investedTiyn: tiynSchema,
    investments: z.number().int(),
    labs: z.number().int(),
    equipment: z.number().int(),
    sessions: z.number().int(),
    hoursUsed: z.number(),
    studentHours: z.number(),
    attributedStudentHours: z.number(),
    distinctStudents: z.number().int(),
    disciplines: z.number().int(),
  }),
  investments: z.array(investmentSchema),
  assets: z.array(impactAssetSchema),
  disciplines: z.array(
    z.object({
      disciplineName: z.string(),
      sessions: z.number().int(),
      studentHours: z.number(),
      distinctStudents: z.number().int(),
    }),
  ),
  byYear: z.array(z.object({ year: z.number().int(), sessions: z.number().int(), studentHours: z.number() })),
  /**
   * Competencies trained on the partner's assets: sessions naming a catalogue discipline train the competencies
   * of its learning outcomes (core `competenciesTrained`, docs/passport.md). `share` is the competency's
   * student-hours over all the student-hours on the partner's assets in the period.
   */
  competencies: z.object({
    /** Student-hours of sessions that name a catalogue discipline with learning outcomes. */
    mappedStudentHours: z.number(),
    items: z.array(impactCompetencySchema),
  }),
});
export type ImpactReport = z.infer<typeof impactReportSchema>;

/** Totals for observers: money by source, year and area, and training by year and area. No per-partner or per-student data. */
export const impactAggregatesSchema = z.object({
  investments: investmentAggregatesSchema.omit({ byPartner: true }),
  training: z.object({
    sessions: z.number().int(),
    studentHours: z.number(),
    distinctStudents: z.number().int(),
    byYear: z.array(
      z.object({ year: z.number().int(), sessions: z.number().int(), studentHours: z.number() }),
    ),
    byArea: z.array(
      z.object({ area: priorityAreaSchema, sessions: z.number().int(), studentHours: z.number() }),
    ),
  }),
});
export type ImpactAggregates = z.infer<typeof impactAggregatesSchema>;
