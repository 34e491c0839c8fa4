/** Competency frameworks, competencies and learning outcomes (capabilities 2 and 5). */
import { z } from 'zod';
import {
  idQuerySchema,
  idSchema,
  localeSchema,
  partialTrilingualSchema,
  textSchema,
  trilingualSchema,
  trilingualTextSchema,
  webAddressSchema,
} from './common.ts';
import { listQuery } from './lists.ts';
import { assetCodeSchema } from './material-base.ts';
import { practiceTypeSchema, programmeVersionStatusSchema } from './programmes.ts';
import { addRuleIssues, type RuleIssue } from './rules.ts';
import { COMPETENCY_TYPES, FRAMEWORK_SOURCES } from './vocabularies.ts';

// The types of competency and the sources of a framework live in vocabularies.ts, which loads no zod.
export { COMPETENCY_TYPES, FRAMEWORK_SOURCES };

export const competencyTypeSchema = z.enum(COMPETENCY_TYPES);
export type CompetencyType = z.infer<typeof competencyTypeSchema>;

export const frameworkSourceSchema = z.enum(FRAMEWORK_SOURCES);
export type FrameworkSource = z.infer<typeof frameworkSourceSchema>;

/**
 * The proficiency scale of a target or a reached level, 1-5:
 * 1 knows of it, 2 explains it, 3 applies it with guidance, 4 applies it independently, 5 adapts it and teaches it.
 */
export const COMPETENCY_LEVEL_MIN = 1;
export const COMPETENCY_LEVEL_MAX = 5;
export const competencyLevelSchema = z.number().int().min(COMPETENCY_LEVEL_MIN).max(COMPETENCY_LEVEL_MAX);

/**
 * ESCO's reuse levels of a skill, from the most to the least widely applicable. A `transversal`
 * skill/competence becomes a Kadr `competence` (docs/competencies.md).
 */
export const REUSE_LEVELS = [
  'transversal',
  'cross-sector',
  'sector-specific',
  'occupation-specific',
] as const;
export const reuseLevelSchema = z.enum(REUSE_LEVELS);
export type ReuseLevel = z.infer<typeof reuseLevelSchema>;

/** ESCO's two skill types, as the `skillType` column of its skills file writes them. */
export const ESCO_SKILL_TYPES = ['knowledge', 'skill/competence'] as const;
export type EscoSkillType = (typeof ESCO_SKILL_TYPES)[number];

/**
 * The Kadr type of an ESCO concept: `knowledge` stays knowledge; `skill/competence` is a competence when
 * its reuse level is `transversal` (ESCO's transversal skills and competences: thinking, communication,
 * self-management), a skill otherwise.
 * @example competencyTypeOfEsco('skill/competence', 'transversal') // 'competence'
 */
export function competencyTypeOfEsco(skillType: EscoSkillType, reuseLevel: ReuseLevel | ''): CompetencyType {
  if (skillType === 'knowledge') return 'knowledge';
  return reuseLevel === 'transversal' ? 'competence' : 'skill';
}

/** Text in the three languages as answered (any may be empty). */
const textsSchema = trilingualTextSchema;

/** A framework's code: `CDIO-3.0`, `ESCO-1.2`, `KADR-I40` (letters, digits, `.`, `_`, `-`, `/`, at most 40). */
const codeSchema = assetCodeSchema;

/** A competency framework as the API answers it. `inUse`: a programme version promises or maps one of its competencies. */
export const frameworkSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  source: frameworkSourceSchema,
  name: textsSchema,
  sourceVersion: z.string(),
  competencyCount: z.number().int(),
  inUse: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Framework = z.infer<typeof frameworkSchema>;

const frameworkFields = {
  code: codeSchema,
  source: frameworkSourceSchema,
  name: trilingualSchema,
  sourceVersion: textSchema().max(100),
};

export const createFrameworkBodySchema = z.object({
  ...frameworkFields,
  source: frameworkFields.source.default('own'),
  sourceVersion: frameworkFields.sourceVersion.default(''),
});
export type CreateFrameworkBody = z.infer<typeof createFrameworkBodySchema>;

export const updateFrameworkBodySchema = z
  .object(frameworkFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateFrameworkBody = z.infer<typeof updateFrameworkBodySchema>;

export const frameworkListQuerySchema = listQuery(['code', 'createdAt']).extend({
  source: frameworkSourceSchema.optional(),
});
export type FrameworkListQuery = z.infer<typeof frameworkListQuerySchema>;

const namesSchema = partialTrilingualSchema(300);
const descriptionsSchema = partialTrilingualSchema(4000);
const labelListSchema = z.array(textSchema().min(1).max(300)).max(100).default([]);
/**
 * A competency's other names (ESCO's altLabels) per language, each a list; any may be empty. Shown in the reader's
 * language, else Russian, else Kazakh, else English, as a name; searched in all three.
 */
export const altLabelsSchema = z.object({ kk: labelListSchema, ru: labelListSchema, en: labelListSchema });
export type AltLabels = z.infer<typeof altLabelsSchema>;
/** No other names in any language. */
export const NO_ALT_LABELS: AltLabels = { kk: [], ru: [], en: [] };

/** A name is given in at least one language. */
function nameIssues(name: { kk: string; ru: string; en: string } | undefined): RuleIssue[] {
  if (!name || name.kk || name.ru || name.en) return [];
  return [{ rule: 'nameNeeded', path: ['name'], message: 'Give the name in at least one language' }];
}

/** A competency as the API answers it, with its framework's code and its broader competency's code. */
export const competencySchema = z.object({
  id: z.number().int(),
  frameworkId: z.number().int(),
  frameworkCode: z.string(),
  code: z.string(),
  uri: z.string(),
  type: competencyTypeSchema,
  name: textsSchema,
  description: textsSchema,
  /** Other names per language (ESCO altLabels); any list may be empty. */
  altLabels: z.object({ kk: z.array(z.string()), ru: z.array(z.string()), en: z.array(z.string()) }),
  reuseLevel: z.union([reuseLevelSchema, z.literal('')]),
  parentId: z.number().int().nullable(),
  parentCode: z.string().nullable(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Competency = z.infer<typeof competencySchema>;

const competencyFields = {
  frameworkId: idSchema,
  code: codeSchema,
  uri: z.union([webAddressSchema, z.literal('')]),
  type: competencyTypeSchema,
  name: namesSchema,
  description: descriptionsSchema,
  altLabels: altLabelsSchema,
  reuseLevel: z.union([reuseLevelSchema, z.literal('')]),
  parentId: idSchema.nullable(),
};

/** The fields of a new competency, without the rule across them (an importer picks from it). */
export const competencyBodyFieldsSchema = z.object({
  ...competencyFields,
  uri: competencyFields.uri.default(''),
  description: competencyFields.description.default({ kk: '', ru: '', en: '' }),
  altLabels: competencyFields.altLabels.default(NO_ALT_LABELS),
  reuseLevel: competencyFields.reuseLevel.default(''),
  parentId: competencyFields.parentId.default(null),
});

export const createCompetencyBodySchema = competencyBodyFieldsSchema.superRefine((body, ctx) =>
  addRuleIssues(ctx, nameIssues(body.name)),
);
export type CreateCompetencyBody = z.infer<typeof createCompetencyBodySchema>;

/** A PATCH of a competency; it stays in its framework. */
export const updateCompetencyBodySchema = z
  .object(competencyFields)
  .omit({ frameworkId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change')
  .superRefine((body, ctx) => addRuleIssues(ctx, nameIssues(body.name)));
export type UpdateCompetencyBody = z.infer<typeof updateCompetencyBodySchema>;

export const competencyListQuerySchema = listQuery(['code', 'type', 'createdAt']).extend({
  type: competencyTypeSchema.optional(),
  frameworkId: idQuerySchema.optional(),
  /** Only the direct narrower competencies of this one. */
  parentId: idQuerySchema.optional(),
});
export type CompetencyListQuery = z.infer<typeof competencyListQuerySchema>;

/** The list of one framework's competencies: the same filters, the framework in the path. */
export const frameworkCompetencyListQuerySchema = competencyListQuerySchema.omit({ frameworkId: true });
export type FrameworkCompetencyListQuery = z.infer<typeof frameworkCompetencyListQuerySchema>;

/**
 * POST /api/frameworks/:id/esco-import takes a multipart form with `skills` (ESCO's skills_<lang>.csv) and,
 * optionally, `broaderRelations` (broaderRelationsSkillPillar.csv); `language` names the language of the
 * skills file, whose labels and descriptions fill that language's columns. All or nothing, as every import.
 */
export const escoImportQuerySchema = z.object({
  language: localeSchema.default('en'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type EscoImportQuery = z.infer<typeof escoImportQuerySchema>;

/** What an ESCO import did (or, on a dry run, would do). */
export const escoImportResultSchema = z.object({
  frameworkId: z.number().int(),
  language: localeSchema,
  dryRun: z.boolean(),
  /** Concepts read from the skills file. */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Relations read from the broader-relations file, those that set a broader competency, and those left aside. */
  relations: z.object({ rows: z.number().int(), linked: z.number().int(), skipped: z.number().int() }),
});
export type EscoImportResult = z.infer<typeof escoImportResultSchema>;

/** A competency a programme version promises, as answered with its framework and names. */
export const promisedCompetencySchema = z.object({
  competencyId: z.number().int(),
  code: z.string(),
  frameworkCode: z.string(),
  type: competencyTypeSchema,
  name: textsSchema,
  targetLevel: competencyLevelSchema,
});
export type PromisedCompetency = z.infer<typeof promisedCompetencySchema>;

/** A learning outcome of a discipline or a practice type, mapped to one competency at a target level. */
export const learningOutcomeSchema = z.object({
  id: z.number().int(),
  disciplineId: z.number().int().nullable(),
  practiceType: practiceTypeSchema.nullable(),
  competencyId: z.number().int(),
  targetLevel: competencyLevelSchema,
  description: textsSchema,
});
export type LearningOutcome = z.infer<typeof learningOutcomeSchema>;

/** The outcomes mapping of a programme version: the promised competencies and every learning outcome. */
/** Why a version's outcomes may not change for a reader (see {@link programmeOutcomesSchema}). */
export const OUTCOMES_LOCKS = ['superseded', 'active', 'submitted', 'role'] as const;
export type OutcomesLock = (typeof OUTCOMES_LOCKS)[number];

export const programmeOutcomesSchema = z.object({
  versionId: z.number().int(),
  versionNumber: z.number().int(),
  versionStatus: programmeVersionStatusSchema,
  programme: z.object({ id: z.number().int(), code: z.string(), name: textsSchema }),
  /** The version's disciplines, by semester and code: the rows of the outcomes editor. */
  disciplines: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: textsSchema,
      semester: z.number().int(),
      credits: z.number().int(),
    }),
  ),
  /** True when the mapping may change (a draft version not submitted for approval) and the reader may change it. */
  editable: z.boolean(),
  /**
   * Why the mapping may not change (null when editable): the version is superseded or active (approved by every
   * co-developer: its outcomes change only through a new draft version, docs/competencies.md), a draft submitted for
   * approval (withdraw it first), or the reader's role does not change outcomes.
   */
  lockedBecause: z.enum(OUTCOMES_LOCKS).nullable(),
  /** The programme's open draft version, where an editor of an active or superseded version's outcomes goes. */
  draftVersion: z.object({ id: z.number().int(), number: z.number().int() }).nullable(),
  promised: z.array(promisedCompetencySchema),
  outcomes: z.array(learningOutcomeSchema),
  /** Every competency the mapping names, promised or not, for labels. */
  competencies: z.array(promisedCompetencySchema.omit({ targetLevel: true })),
});
export type ProgrammeOutcomes = z.infer<typeof programmeOutcomesSchema>;

/** Most promised competencies and outcomes a version holds: 80 competencies × 60 disciplines fits. */
export const MAX_PROMISED = 500;
export const MAX_OUTCOMES = 5000;

const outcomeInputSchema = z.object({
  disciplineId: idSchema.optional(),
  practiceType: practiceTypeSchema.optional(),
  competencyId: idSchema,
  targetLevel: competencyLevelSchema,
  description: partialTrilingualSchema(2000).default({ kk: '', ru: '', en: '' }),
});
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

/**
 * The rules across the rows of an outcomes mapping: an outcome belongs to a discipline or to a practice
 * type (exactly one); a competency is promised once; a discipline or practice maps a competency once.
 */
export function outcomesIssues(body: {
  promised: { competencyId: number }[];
  outcomes: { disciplineId?: number | undefined; practiceType?: string | undefined; competencyId: number }[];
}): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const promised = new Set<number>();
  body.promised.forEach((p, index) => {
    if (promised.has(p.competencyId))
      issues.push({
        rule: 'noRepeats',
        path: ['promised', String(index), 'competencyId'],
        message: `Competency ${p.competencyId} is promised twice`,
      });
    promised.add(p.competencyId);
  });
  const mapped = new Set<string>();
  body.outcomes.forEach((o, index) => {
    if ((o.disciplineId === undefined) === (o.practiceType === undefined)) {
      issues.push({
        rule: 'oneOutcomeSource',
        path: ['outcomes', String(index), 'disciplineId'],
        message: 'Give either disciplineId or practiceType',
      });
      return;
    }
    const key = `${o.disciplineId ?? o.practiceType}:${o.competencyId}`;
    if (mapped.has(key))
      issues.push({
        rule: 'noRepeats',
        path: ['outcomes', String(index), 'competencyId'],
        message: `This ${o.disciplineId ? 'discipline' : 'practice'} maps competency ${o.competencyId} twice`,
      });
    mapped.add(key);
  });
  return issues;
}

/** PUT /api/programme-versions/:id/outcomes: the whole mapping of a draft version, replacing the old one. */
export const putOutcomesBodySchema = z
  .object({
    promised: z
      .array(z.object({ competencyId: idSchema, targetLevel: competencyLevelSchema }))
      .max(MAX_PROMISED),
    outcomes: z.array(outcomeInputSchema).max(MAX_OUTCOMES),
  })
  .superRefine((body, ctx) => addRuleIssues(ctx, outcomesIssues(body)));
export type PutOutcomesBody = z.infer<typeof putOutcomesBodySchema>;
