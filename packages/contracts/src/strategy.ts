/**
 * The strategy tracker (DESIGN.md capability 8): KPI definitions and values, targets, snapshots per period,
 * projects for branches and joint programmes with their milestones, and the annual report's query.
 * KPI ids are open (`kpiIdSchema`), so that other capabilities can add KPIs without changing this file.
 */
import { z } from 'zod';
import {
  idQuerySchema,
  idSchema,
  localeSchema,
  partialTrilingualSchema,
  textSchema,
  trilingualSchema,
  webAddressSchema,
} from './common.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema } from './money.ts';
import { addRuleIssues, type RuleIssue } from './rules.ts';
import { PROJECT_KINDS, PROJECT_STATUSES, STORED_MILESTONE_STATUSES } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { PROJECT_KINDS, PROJECT_STATUSES, STORED_MILESTONE_STATUSES };

/** A KPI id: snake_case, as the core registry defines it (`foreign_branches`). */
export const kpiIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, 'A KPI id is snake_case, such as foreign_branches');

export const KPI_UNITS = ['count', 'tiyn', 'ratio'] as const;
export const kpiUnitSchema = z.enum(KPI_UNITS);
export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export const kpiDirectionSchema = z.enum(KPI_DIRECTIONS);

/**
 * How a value reads: `ok` computed from data; `no_data` its inputs do not exist yet (never shown as zero);
 * `withheld` a partner-confidential sum the viewer may not see (fewer than three partners contribute).
 */
export const KPI_VALUE_STATUSES = ['ok', 'no_data', 'withheld'] as const;
export const kpiValueStatusSchema = z.enum(KPI_VALUE_STATUSES);
export type KpiValueStatus = z.infer<typeof kpiValueStatusSchema>;

const text3 = z.object({ kk: z.string(), ru: z.string(), en: z.string() });

/** A KPI as the registry defines it. */
export const kpiDefinitionSchema = z.object({
  id: kpiIdSchema,
  name: text3,
  unit: kpiUnitSchema,
  direction: kpiDirectionSchema,
  formula: text3,
  confidential: z.boolean(),
  source: z.string(),
});
export type KpiDefinitionDto = z.infer<typeof kpiDefinitionSchema>;

/** A value of a KPI: now, or as a snapshot kept it. */
export const kpiValueSchema = z.object({
  value: z.number().nullable(),
  status: kpiValueStatusSchema,
  breakdown: z.array(z.object({ key: z.string(), value: z.number() })),
  contributors: z.number().int().nullable(),
});
export type KpiValue = z.infer<typeof kpiValueSchema>;

/** A snapshot period: a calendar month, `YYYY-MM`. */
export const periodSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Write a month as YYYY-MM');

/** A KPI's target: the value to reach by the deadline. */
export const kpiTargetSchema = z.object({
  id: z.number().int(),
  kpiId: kpiIdSchema,
  value: z.number(),
  deadline: z.string(),
  /** Why this target (a national goal, a programme's line): kk, ru and en, any may be empty. */
  note: text3,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KpiTarget = z.infer<typeof kpiTargetSchema>;

const targetFields = {
  kpiId: kpiIdSchema,
  value: z.number().finite().min(0).max(1e15),
  deadline: isoDateSchema,
  /** Why this target, in kk, ru and en (any may be empty): shown beside the target in the reader's language. */
  note: partialTrilingualSchema(1000),
};
export const createKpiTargetBodySchema = z.object({
  ...targetFields,
  note: targetFields.note.default({ kk: '', ru: '', en: '' }),
});
export type CreateKpiTargetBody = z.infer<typeof createKpiTargetBodySchema>;
export const updateKpiTargetBodySchema = z
  .object(targetFields)
  .omit({ kpiId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateKpiTargetBody = z.infer<typeof updateKpiTargetBodySchema>;
export const kpiTargetListQuerySchema = listQuery(['deadline', 'kpiId']).extend({
  kpiId: kpiIdSchema.optional(),
});
export type KpiTargetListQuery = z.infer<typeof kpiTargetListQuerySchema>;

/** A KPI's value kept for a period: it does not change when today's data does. */
export const kpiSnapshotSchema = kpiValueSchema.extend({
  id: z.number().int(),
  kpiId: kpiIdSchema,
  period: z.string(),
  takenAt: z.string(),
});
export type KpiSnapshot = z.infer<typeof kpiSnapshotSchema>;
export const kpiSnapshotListQuerySchema = listQuery(['period', 'kpiId']).extend({
  kpiId: kpiIdSchema.optional(),
  from: periodSchema.optional(),
  to: periodSchema.optional(),
});
export type KpiSnapshotListQuery = z.infer<typeof kpiSnapshotListQuerySchema>;
/** Takes the snapshot of every KPI for a period (default: this month); a KPI already kept is left as it was. */
export const takeSnapshotBodySchema = z.object({ period: periodSchema.optional() });
export const takeSnapshotResultSchema = z.object({
  period: z.string(),
  created: z.number().int(),
  kept: z.number().int(),
});
export type TakeSnapshotResult = z.infer<typeof takeSnapshotResultSchema>;

/** Where the records behind a value are listed: the web page and the API list, both with their filter. */
export const kpiRecordsSchema = z.object({ web: z.string(), api: z.string() });

/** One record behind a KPI's value: a partner, a programme, an investment, an asset; `href` is its web page. */
export const kpiRecordSchema = z.object({
  label: z.string(),
  detail: z.string(),
  value: z.number().nullable(),
  href: z.string().nullable(),
});
/** The records behind a KPI's current value (at most 200, newest or largest first; `total` counts all). */
export const kpiRecordListSchema = z.object({
  kpiId: kpiIdSchema,
  total: z.number().int(),
  items: z.array(kpiRecordSchema),
});
export type KpiRecordList = z.infer<typeof kpiRecordListSchema>;
export const kpiIdParamSchema = z.object({ kpiId: kpiIdSchema });
/** The records behind a KPI in the reader's language (names and descriptions kept in three). */
export const kpiRecordsQuerySchema = z.object({ lang: localeSchema.default('ru') });

/** One KPI of the dashboard: definition, value now, targets, progress to the next target, history. */
export const kpiDashboardItemSchema = z.object({
  definition: kpiDefinitionSchema,
  current: kpiValueSchema,
  targets: z.array(kpiTargetSchema),
  /** The nearest target whose deadline is today or later, else the latest one. */
  target: kpiTargetSchema.nullable(),
  progress: z.number().nullable(),
  history: z.array(kpiValueSchema.extend({ period: z.string() })),
  /** Null for viewers who may not list the records (observers). */
  records: kpiRecordsSchema.nullable(),
});
export type KpiDashboardItem = z.infer<typeof kpiDashboardItemSchema>;
export const kpiDashboardSchema = z.object({
  asOf: z.string(),
  period: z.string(),
  items: z.array(kpiDashboardItemSchema),
});
export type KpiDashboard = z.infer<typeof kpiDashboardSchema>;
/** The dashboard's history: the `months` months before this one (default 12) and this one. */
export const kpiDashboardQuerySchema = z.object({
  months: z.coerce.number().int().min(1).max(120).default(12),
});

/** The annual report in one language. */
export const strategyReportQuerySchema = z.object({ lang: localeSchema.default('ru') });

export const projectKindSchema = z.enum(PROJECT_KINDS);
export type ProjectKind = z.infer<typeof projectKindSchema>;
export const projectStatusSchema = z.enum(PROJECT_STATUSES);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const storedMilestoneStatusSchema = z.enum(STORED_MILESTONE_STATUSES);
export const MILESTONE_STATUSES = [...STORED_MILESTONE_STATUSES, 'overdue'] as const;
export const milestoneStatusSchema = z.enum(MILESTONE_STATUSES);
export type MilestoneStatusDto = z.infer<typeof milestoneStatusSchema>;

/**
 * A link's label in kk and ru (English may be empty), as a milestone's title. The single-language string of before
 * migration 0024 is refused with a message that shows the new shape.
 */
export const evidenceLabelSchema = z.object(
  {
    kk: textSchema().min(1).max(200),
    ru: textSchema().min(1).max(200),
    en: textSchema().max(200).default(''),
  },
  {
    error: (issue) =>
      typeof issue.input === 'string'
        ? 'A link label is written in three languages: {"kk": "…", "ru": "…", "en": "…"}'
        : undefined,
  },
);

/** A link to evidence of a milestone: a signed document, a licence, a news item; the label in kk, ru and en. */
export const evidenceLinkSchema = z.object({ label: evidenceLabelSchema, url: webAddressSchema });
/** A link to evidence as the API answers it. */
export const evidenceLinkAnswerSchema = z.object({ label: text3, url: z.string() });

/** The file types accepted as evidence of a milestone, told by their first bytes (the declared type is not trusted). */
export const MILESTONE_FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** A file uploaded as evidence of a milestone (the bytes are downloaded from /api/milestone-files/:id). */
export const milestoneFileSchema = z.object({
  id: z.number().int(),
  milestoneId: z.number().int(),
  fileName: z.string(),
  contentType: z.enum(MILESTONE_FILE_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type MilestoneFile = z.infer<typeof milestoneFileSchema>;

/** A milestone of a project. */
export const milestoneSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectName: text3,
  /** The title in kk, ru and en (English may be empty). */
  title: text3,
  ownerId: z.number().int(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: milestoneStatusSchema,
  /** The status as stored (`overdue` is derived from it and the due date): what an edit form starts from. */
  storedStatus: storedMilestoneStatusSchema,
  completedOn: z.string().nullable(),
  evidence: z.array(evidenceLinkAnswerSchema),
  files: z.array(milestoneFileSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

const milestoneFields = {
  /** The milestone's title in kk and ru (English may be empty), shown on the projects pages and the home page. */
  title: trilingualSchema,
  ownerId: idSchema,
  dueOn: isoDateSchema,
  status: storedMilestoneStatusSchema,
  completedOn: isoDateSchema.nullable(),
  evidence: z.array(evidenceLinkSchema).max(20),
};
export const createMilestoneBodySchema = z.object({
  ...milestoneFields,
  status: milestoneFields.status.default('pending'),
  completedOn: milestoneFields.completedOn.default(null),
  evidence: milestoneFields.evidence.default([]),
});
export type CreateMilestoneBody = z.infer<typeof createMilestoneBodySchema>;
/** A PATCH. A milestone's owner may change only status, completedOn and evidence. */
export const updateMilestoneBodySchema = z
  .object(milestoneFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateMilestoneBody = z.infer<typeof updateMilestoneBodySchema>;
/** The fields a milestone's owner may change. */
export const OWNER_MILESTONE_FIELDS = ['status', 'completedOn', 'evidence'] as const;
export const milestoneListQuerySchema = listQuery(['dueOn']).extend({
  /** `true`: only the milestones overdue today. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type MilestoneListQuery = z.infer<typeof milestoneListQuerySchema>;

/** A user who may own milestones (staff and partners' users): for the owner picker of project writers. */
export const milestoneOwnerSchema = z.object({
  id: z.number().int(),
  fullName: z.string(),
  role: z.string(),
});
export type MilestoneOwner = z.infer<typeof milestoneOwnerSchema>;
/** The roles whose users may own milestones. */
export const MILESTONE_OWNER_ROLES = ['admin', 'coordinator', 'officer', 'partner'] as const;

/** A project for a foreign branch or a joint programme, with a summary of its milestones. */
export const projectSchema = z.object({
  id: z.number().int(),
  kind: projectKindSchema,
  name: text3,
  organisationId: z.number().int().nullable(),
  organisationShortName: z.string().nullable(),
  agreementId: z.number().int().nullable(),
  agreementNumber: z.string().nullable(),
  status: projectStatusSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  /** Any language may be empty. */
  description: text3,
  milestones: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;
export const projectDetailSchema = projectSchema.extend({ milestoneList: z.array(milestoneSchema) });
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

const projectFields = {
  kind: projectKindSchema,
  name: trilingualSchema,
  organisationId: idSchema.nullable(),
  agreementId: idSchema.nullable(),
  status: projectStatusSchema,
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullable(),
  /** What the project is for, in kk, ru and en (any may be empty). */
  description: partialTrilingualSchema(4000),
};

/** The cross-field rules of a project: a partner organisation or an agreement, and an end after the start. */
export function projectIssues(p: {
  organisationId?: number | null | undefined;
  agreementId?: number | null | undefined;
  startsOn?: string | undefined;
  endsOn?: string | null | undefined;
}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (!p.organisationId && !p.agreementId)
    issues.push({
      rule: 'projectNeedsPartner',
      path: ['organisationId'],
      message: 'Name the partner organisation or the agreement',
    });
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
    issues.push({ rule: 'datesInOrder', path: ['endsOn'], message: 'endsOn is before startsOn' });
  return issues;
}

export const createProjectBodySchema = z
  .object({
    ...projectFields,
    organisationId: projectFields.organisationId.default(null),
    agreementId: projectFields.agreementId.default(null),
    status: projectFields.status.default('planned'),
    endsOn: projectFields.endsOn.default(null),
    description: projectFields.description.default({ kk: '', ru: '', en: '' }),
  })
  .superRefine((body, ctx) => addRuleIssues(ctx, projectIssues(body)));
export type CreateProjectBody = z.infer<typeof createProjectBodySchema>;
/** A PATCH; the rules are checked after merging with the stored project. */
export const updateProjectBodySchema = z
  .object(projectFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateProjectBody = z.infer<typeof updateProjectBodySchema>;
export const projectListQuerySchema = listQuery(['startsOn', 'createdAt']).extend({
  kind: projectKindSchema.optional(),
  status: projectStatusSchema.optional(),
  organisationId: idQuerySchema.optional(),
  agreementId: idQuerySchema.optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
