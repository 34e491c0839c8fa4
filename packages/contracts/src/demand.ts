/**
 * Workforce demand against supply (DESIGN.md capability 7, issue 13 items 1-3): partners' declared demand plans
 * (a version per partner and year; a new version supersedes the current one and the history is kept), the supply
 * of graduates projected from enrolments, and the gaps between them, by programme group, priority area, region
 * and year, with the competencies partners ask for that no programme teaches to the level asked.
 */
import { z } from 'zod';
import { idQuerySchema, idSchema, textSchema, trilingualSchema } from './common.ts';
import { competencyLevelSchema } from './competencies.ts';
import { listQuery } from './lists.ts';
import { priorityAreaSchema } from './organisations.ts';
import {
  addRuleIssues,
  ESCO_OCCUPATION_URI_PATTERN,
  NATIONAL_OCCUPATION_CODE_PATTERN,
  PROGRAMME_GROUP_PATTERN,
  ruleParams,
} from './rules.ts';
import { KZ_REGIONS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { KZ_REGIONS };

export const regionSchema = z.enum(KZ_REGIONS);
export type Region = z.infer<typeof regionSchema>;

/** The years a plan may be declared for. */
export const DEMAND_MIN_YEAR = 2000;
export const DEMAND_MAX_YEAR = 2100;
export const demandYearSchema = z.number().int().min(DEMAND_MIN_YEAR).max(DEMAND_MAX_YEAR);
const demandYearQuerySchema = z.coerce.number().int().min(DEMAND_MIN_YEAR).max(DEMAND_MAX_YEAR);

/** Lines per plan, competencies per line, and the largest headcount of a line. */
export const MAX_DEMAND_LINES = 500;
export const MAX_DEMAND_COMPETENCIES = 50;
export const MAX_DEMAND_HEADCOUNT = 100_000;

/** A competency a partner requires of the people of a line, with the level asked (1-5). */
export const demandCompetencyBodySchema = z.object({
  competencyId: idSchema,
  level: competencyLevelSchema,
});

/** One line of a plan: how many people of an occupation, in which group, area and region. */
export const demandLineBodySchema = z.object({
  occupationUri: z
    .string()
    .trim()
    .regex(
      ESCO_OCCUPATION_URI_PATTERN,
      'Write an ESCO occupation URI, such as http://data.europa.eu/esco/occupation/…',
    ),
  /** The occupation as the partner names it, in kk and ru (English may be empty; ESCO's preferred label fits). */
  occupationLabel: trilingualSchema,
  nationalCode: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .regex(NATIONAL_OCCUPATION_CODE_PATTERN, 'Write the classifier code, such as 2146-1-002'),
    ])
    .default(''),
  programmeGroup: z.string().trim().regex(PROGRAMME_GROUP_PATTERN, 'Write the group code, such as B074'),
  priorityArea: priorityAreaSchema,
  region: regionSchema,
  headcount: z.number().int().min(1).max(MAX_DEMAND_HEADCOUNT),
  competencies: z
    .array(demandCompetencyBodySchema)
    .max(MAX_DEMAND_COMPETENCIES)
    .default([])
    .refine(
      (list) => new Set(list.map((c) => c.competencyId)).size === list.length,
      ruleParams('noRepeats', 'A competency is listed twice'),
    ),
});
export type DemandLineBody = z.infer<typeof demandLineBodySchema>;

/** The ISCO-08 unit group a national classifier code builds on: its first four digits, or null with fewer. */
export function unitGroupOf(nationalCode: string): string | null {
  return /^(\d{4})/.exec(nationalCode.trim())?.[1] ?? null;
}

/**
 * Lines that name one ESCO occupation with national codes of different ISCO-08 unit groups. ESCO puts each
 * occupation in exactly one unit group, and the national classifier of occupations builds on those groups (its
 * codes' first four digits), so two such codes for one occupation contradict each other: each line after the first
 * whose unit group differs from the first coded line's is reported (rule `oneUnitGroup`, at its nationalCode).
 * Lines without a code, or with fewer than four leading digits, are not compared.
 */
export function nationalCodeIssues(
  lines: readonly { occupationUri: string; nationalCode?: string | undefined }[],
): { index: number; message: string }[] {
  const first = new Map<string, { group: string; index: number }>();
  const issues: { index: number; message: string }[] = [];
  lines.forEach((line, index) => {
    const group = unitGroupOf(line.nationalCode ?? '');
    if (group === null) return;
    const seen = first.get(line.occupationUri);
    if (!seen) first.set(line.occupationUri, { group, index });
    else if (seen.group !== group)
      issues.push({
        index,
        message: `The occupation is in ISCO-08 unit group ${seen.group} on line ${seen.index + 1}; this code is in ${group}`,
      });
  });
  return issues;
}

/**
 * POST /api/demand-plans: a new version of a partner's plan for a year. It supersedes the current version of that
 * partner and year (kept, and listed as history). A partner user declares for its own organisation only. One
 * occupation's national codes share a unit group (nationalCodeIssues).
 */
export const createDemandPlanBodySchema = z
  .object({
    organisationId: idSchema,
    year: demandYearSchema,
    note: textSchema().max(2000).default(''),
    lines: z.array(demandLineBodySchema).min(1).max(MAX_DEMAND_LINES),
  })
  .superRefine((plan, ctx) =>
    addRuleIssues(
      ctx,
      nationalCodeIssues(plan.lines).map(({ index, message }) => ({
        rule: 'oneUnitGroup' as const,
        path: ['lines', String(index), 'nationalCode'],
        message,
      })),
    ),
  );
export type CreateDemandPlanBody = z.infer<typeof createDemandPlanBodySchema>;

/** A version of a partner's plan for a year. */
export const demandPlanSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationName: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  /** True for the version in force; false once a later version superseded it. */
  current: z.boolean(),
  note: z.string(),
  headcount: z.number().int(),
  lineCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
});
export type DemandPlan = z.infer<typeof demandPlanSchema>;

const text3 = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

/** A competency as a line names it. */
export const demandCompetencySchema = z.object({
  competencyId: z.number().int(),
  code: z.string(),
  name: text3,
  level: z.number().int(),
});

export const demandLineSchema = z.object({
  id: z.number().int(),
  occupationUri: z.string(),
  occupationLabel: text3,
  nationalCode: z.string(),
  programmeGroup: z.string(),
  priorityArea: priorityAreaSchema,
  region: regionSchema,
  headcount: z.number().int(),
  competencies: z.array(demandCompetencySchema),
});
export type DemandLine = z.infer<typeof demandLineSchema>;

/** A plan version with its lines. */
export const demandPlanDetailSchema = demandPlanSchema.extend({ lines: z.array(demandLineSchema) });
export type DemandPlanDetail = z.infer<typeof demandPlanDetailSchema>;

export const demandPlanListQuerySchema = listQuery(['year', 'createdAt', 'version']).extend({
  organisationId: idQuerySchema.optional(),
  year: demandYearQuerySchema.optional(),
  /** `true`: only the versions in force; `false`: only superseded ones. */
  current: z.enum(['true', 'false']).optional(),
});
export type DemandPlanListQuery = z.infer<typeof demandPlanListQuerySchema>;

/** The most years a gap report spans. */
export const MAX_GAP_YEARS = 15;

/**
 * GET /api/demand/gaps: the years (default: this year and the next four), the yearly attrition assumption
 * (0 to 0.9; the default is @kadr/core's DEFAULT_YEARLY_ATTRITION) and optional filters. The region filter narrows
 * demand (the lines' region), graduates (counted only when the campus is in the region) and placements and hires
 * (the practice's region).
 */
const gapBaseQuery = z.object({
  fromYear: demandYearQuerySchema.optional(),
  toYear: demandYearQuerySchema.optional(),
  attrition: z.coerce.number().min(0).max(0.9).optional(),
  priorityArea: priorityAreaSchema.optional(),
  region: regionSchema.optional(),
});

function yearRangeIssues(q: { fromYear?: number; toYear?: number }, ctx: z.RefinementCtx) {
  if (q.fromYear === undefined || q.toYear === undefined) return;
  if (q.fromYear > q.toYear)
    ctx.addIssue({ code: 'custom', message: 'fromYear must not be after toYear', path: ['toYear'] });
  else if (q.toYear - q.fromYear >= MAX_GAP_YEARS)
    ctx.addIssue({ code: 'custom', message: `At most ${MAX_GAP_YEARS} years`, path: ['toYear'] });
}

export const gapQuerySchema = gapBaseQuery.superRefine(yearRangeIssues);
export type GapQuery = z.infer<typeof gapQuerySchema>;

/** Demand against supply in one cell (a group, area or region, and a year); placements and hires null when not read. */
export const gapCellSchema = z.object({
  year: z.number().int(),
  demand: z.number().int(),
  projected: z.number(),
  actual: z.number().int(),
  supply: z.number(),
  /** supply − demand: negative is a shortfall. */
  balance: z.number(),
  shortfall: z.number(),
  surplus: z.number(),
  placements: z.number().int().nullable(),
  hires: z.number().int().nullable(),
  partners: z.number().int(),
});
export type GapCell = z.infer<typeof gapCellSchema>;

export const gapSkillSchema = z.object({
  competency: z.object({ id: z.number().int(), code: z.string(), name: text3 }),
  programmeGroup: z.string(),
  levelAsked: z.number().int(),
  /** The best level any active programme version of the group teaches it to (0: not taught). */
  bestLevelInGroup: z.number().int(),
  /** The best level any active programme version teaches it to, and the programme that does. */
  bestLevelAnywhere: z.number().int(),
  bestProgramme: z.object({ id: z.number().int(), code: z.string() }).nullable(),
  headcount: z.number().int(),
  partners: z.number().int(),
});
export type GapSkill = z.infer<typeof gapSkillSchema>;

export const gapReportSchema = z.object({
  asOf: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  years: z.array(z.number().int()),
  attritionRate: z.number(),
  /** The filters the figures are narrowed by (null: all areas, all regions). */
  priorityArea: priorityAreaSchema.nullable(),
  region: regionSchema.nullable(),
  /** False when placements cannot be read: the placement and hire figures are null then (see docs). */
  placementsAvailable: z.boolean(),
  groups: z.array(
    z.object({
      programmeGroup: z.string(),
      priorityArea: priorityAreaSchema.nullable(),
      cells: z.array(gapCellSchema),
      shortfall: z.number(),
    }),
  ),
  areas: z.array(z.object({ priorityArea: priorityAreaSchema, cells: z.array(gapCellSchema) })),
  regions: z.array(
    z.object({
      region: regionSchema,
      /** Demand of the region against the graduates of the campus there and the placements and hires of practices there. */
      cells: z.array(gapCellSchema),
    }),
  ),
  skillGaps: z.array(gapSkillSchema),
});
export type GapReport = z.infer<typeof gapReportSchema>;

/**
 * GET /api/demand/gaps/cell: the partners and programmes behind one group and year, under the report's filters
 * (priority area, region) so that the drill-down adds up to the cell the page shows.
 */
export const gapCellQuerySchema = z.object({
  programmeGroup: z.string().trim().regex(PROGRAMME_GROUP_PATTERN, 'Write the group code, such as B074'),
  year: demandYearQuerySchema,
  attrition: z.coerce.number().min(0).max(0.9).optional(),
  priorityArea: priorityAreaSchema.optional(),
  region: regionSchema.optional(),
});
export type GapCellQuery = z.infer<typeof gapCellQuerySchema>;

export const gapCellDetailSchema = z.object({
  programmeGroup: z.string(),
  year: z.number().int(),
  cell: gapCellSchema,
  /** Null when withheld: an observer sees partner-level detail only from three partners. */
  partners: z
    .array(
      z.object({
        organisationId: z.number().int(),
        organisationName: z.string(),
        planId: z.number().int(),
        headcount: z.number().int(),
        lines: z.array(
          z.object({
            occupationLabel: text3,
            occupationUri: z.string(),
            region: regionSchema,
            headcount: z.number().int(),
          }),
        ),
      }),
    )
    .nullable(),
  programmes: z.array(
    z.object({
      programmeId: z.number().int(),
      code: z.string(),
      name: text3,
      projected: z.number(),
      actual: z.number().int(),
    }),
  ),
  skillGaps: z.array(gapSkillSchema),
});
export type GapCellDetail = z.infer<typeof gapCellDetailSchema>;

/** GET /api/demand/gaps.xlsx: the gap report's query and the language of the workbook. */
export const gapExportQuerySchema = gapBaseQuery
  .extend({ lang: z.enum(['kk', 'ru', 'en']).default('ru') })
  .superRefine(yearRangeIssues);
