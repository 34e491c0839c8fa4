/** Programmes, their versions, disciplines and credit equivalences (capability 2). */
import { z } from 'zod';
import { idQuerySchema, idSchema, LOCALES, localeSchema, textSchema, trilingualSchema } from './common.ts';
import { listQuery } from './lists.ts';
import { priorityAreaSchema } from './organisations.ts';
import { type DegreeType, degreeTypeSchema } from './partners.ts';
import {
  addRuleIssues,
  DISCIPLINE_CODE_PATTERN,
  PROGRAMME_CODE_PATTERN,
  PROGRAMME_GROUP_PATTERN,
  type RuleIssue,
  ruleParams,
} from './rules.ts';
import {
  CONTRIBUTION_KINDS,
  DISCIPLINE_COMPONENTS,
  DISCIPLINE_CYCLES,
  EQUIVALENCE_RULES,
  MAX_SEMESTERS,
  PRACTICE_TYPES,
  PROGRAMME_LEVELS,
  PROGRAMME_VERSION_STATUSES,
} from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export {
  PROGRAMME_LEVELS,
  PROGRAMME_VERSION_STATUSES,
  CONTRIBUTION_KINDS,
  DISCIPLINE_CYCLES,
  DISCIPLINE_COMPONENTS,
  EQUIVALENCE_RULES,
  MAX_SEMESTERS,
};

export const programmeLevelSchema = z.enum(PROGRAMME_LEVELS);
export type ProgrammeLevel = z.infer<typeof programmeLevelSchema>;

export const programmeVersionStatusSchema = z.enum(PROGRAMME_VERSION_STATUSES);
export type ProgrammeVersionStatus = z.infer<typeof programmeVersionStatusSchema>;

export const contributionKindSchema = z.enum(CONTRIBUTION_KINDS);
export type ContributionKind = z.infer<typeof contributionKindSchema>;

export const disciplineCycleSchema = z.enum(DISCIPLINE_CYCLES);
export type DisciplineCycle = z.infer<typeof disciplineCycleSchema>;

export const disciplineComponentSchema = z.enum(DISCIPLINE_COMPONENTS);
export type DisciplineComponent = z.infer<typeof disciplineComponentSchema>;

export const equivalenceRuleSchema = z.enum(EQUIVALENCE_RULES);
export type EquivalenceRule = z.infer<typeof equivalenceRuleSchema>;

// The types of practice live in vocabularies.ts, which loads no zod.
export { PRACTICE_TYPES };
export const practiceTypeSchema = z.enum(PRACTICE_TYPES);
export type PracticeType = z.infer<typeof practiceTypeSchema>;

// ---------------------------------------------------------------------------------------------------------
// The API: programmes with their co-developers, versions and their approvals, disciplines, equivalences.

/** The level digit and letter that open a programme code at each level (DOMAIN §4: 6B…, 7M…, 8D…). */
export const PROGRAMME_CODE_PREFIX: Record<ProgrammeLevel, string> = {
  bachelor: '6B',
  master: '7M',
  doctorate: '8D',
};

/** The fewest credits a programme of each level may have (DOMAIN §1: bachelor 240, profile master 60, PhD 180). */
export const PROGRAMME_MIN_CREDITS: Record<ProgrammeLevel, number> = {
  bachelor: 240,
  master: 60,
  doctorate: 180,
};

/** One co-developer of a programme as written: the organisation, what it brought, its agreement. */
export const codeveloperInputSchema = z.object({
  organisationId: idSchema,
  contributions: z
    .array(contributionKindSchema)
    .min(1)
    .max(CONTRIBUTION_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, ruleParams('noRepeats', 'Name each kind once')),
  note: textSchema().max(1000).default(''),
  agreementId: idSchema.nullable().default(null),
});
export type CodeveloperInput = z.infer<typeof codeveloperInputSchema>;

/** A co-developer as read: the organisation's names, and the agreement's number when the reader may see it. */
export const codeveloperSchema = z.object({
  organisationId: z.number().int(),
  organisationShortName: z.string(),
  organisationName: trilingualSchema,
  contributions: z.array(contributionKindSchema),
  note: z.string(),
  agreementId: z.number().int().nullable(),
  agreementNumber: z.string().nullable(),
});
export type Codeveloper = z.infer<typeof codeveloperSchema>;

/** The fields of a programme after a create or a merged patch, as checked by {@link programmeIssues}. */
export interface ProgrammeFields {
  code: string;
  level: ProgrammeLevel;
  credits: number;
  degreeType: DegreeType;
  codevelopers: { organisationId: number }[];
}

/**
 * The rules that span fields of a programme: the code opens with its level's prefix (6B bachelor, 7M master,
 * 8D doctorate); the credits reach the level's minimum; a double or joint degree has a co-developer; each
 * organisation co-develops once.
 * @returns issues with paths relative to the body, empty when consistent
 */
export function programmeIssues(p: ProgrammeFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const prefix = PROGRAMME_CODE_PREFIX[p.level];
  if (!p.code.startsWith(prefix))
    issues.push({
      rule: 'codeMatchesLevel',
      path: ['code'],
      message: `A ${p.level} code starts with ${prefix}`,
    });
  const minimum = PROGRAMME_MIN_CREDITS[p.level];
  if (p.credits < minimum)
    issues.push({
      rule: 'minimumCredits',
      path: ['credits'],
      message: `A ${p.level} programme has at least ${minimum} credits`,
    });
  if (p.degreeType !== 'single' && p.codevelopers.length === 0)
    issues.push({
      rule: 'degreeNeedsCodeveloper',
      path: ['codevelopers'],
      message: 'A double or joint degree names the partner that awards it',
    });
  const seen = new Set<number>();
  for (const [index, c] of p.codevelopers.entries()) {
    if (seen.has(c.organisationId))
      issues.push({
        rule: 'noRepeats',
        path: ['codevelopers', String(index), 'organisationId'],
        message: 'This organisation is already a co-developer',
      });
    seen.add(c.organisationId);
  }
  return issues;
}

const programmeFields = {
  code: z.string().trim().regex(PROGRAMME_CODE_PATTERN, 'Write the national code, such as 6B07101'),
  programmeGroup: z.string().trim().regex(PROGRAMME_GROUP_PATTERN, 'Write the group code, such as B062'),
  level: programmeLevelSchema,
  priorityArea: priorityAreaSchema,
  name: trilingualSchema,
  languages: z
    .array(localeSchema)
    .min(1)
    .max(LOCALES.length)
    .refine((l) => new Set(l).size === l.length, ruleParams('noRepeats', 'Name each language once')),
  credits: z.number().int().positive().max(600),
  durationSemesters: z.number().int().positive().max(MAX_SEMESTERS),
  degreeType: degreeTypeSchema,
  codevelopers: z.array(codeveloperInputSchema).max(20),
};

export const createProgrammeBodySchema = z
  .object({
    ...programmeFields,
    degreeType: programmeFields.degreeType.default('single'),
    codevelopers: programmeFields.codevelopers.default([]),
  })
  .superRefine((body, ctx) => addRuleIssues(ctx, programmeIssues(body)));
export type CreateProgrammeBody = z.infer<typeof createProgrammeBodySchema>;

/** A PATCH; `codevelopers`, when sent, replace them all. Cross-field rules are checked after merging. */
export const updateProgrammeBodySchema = z
  .object(programmeFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateProgrammeBody = z.infer<typeof updateProgrammeBodySchema>;

/** The short facts of a version that lists show. */
export const versionSummarySchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  status: programmeVersionStatusSchema,
  startYear: z.number().int(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** A programme of the catalogue with its co-developers, its active version and its open draft. */
export const programmeSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  programmeGroup: z.string(),
  level: programmeLevelSchema,
  priorityArea: priorityAreaSchema,
  name: trilingualSchema,
  languages: z.array(localeSchema),
  credits: z.number().int(),
  durationSemesters: z.number().int(),
  degreeType: degreeTypeSchema,
  codevelopers: z.array(codeveloperSchema),
  activeVersion: versionSummarySchema.nullable(),
  draftVersion: versionSummarySchema.nullable(),
  versionCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeListQuerySchema = listQuery([
  'code',
  'programmeGroup',
  'credits',
  'priorityArea',
  'createdAt',
]).extend({
  level: programmeLevelSchema.optional(),
  priorityArea: priorityAreaSchema.optional(),
  programmeGroup: textSchema().max(10).optional(),
  degreeType: degreeTypeSchema.optional(),
  /** Programmes this organisation co-develops. */
  organisationId: idQuerySchema.optional(),
});
export type ProgrammeListQuery = z.infer<typeof programmeListQuerySchema>;

/** A co-developer's approval of a version; the approver's name only for staff and the approver's own organisation. */
export const approvalSchema = z.object({
  organisationId: z.number().int(),
  organisationShortName: z.string(),
  userId: z.number().int().nullable(),
  userName: z.string().nullable(),
  approvedAt: z.string(),
  comment: z.string(),
});
export type Approval = z.infer<typeof approvalSchema>;

/**
 * A version of a programme. A draft is edited until the coordinator submits it (`submittedAt`); a submitted draft
 * becomes active when its last co-developer approves (at once on submit when there are none), and the version
 * active before it becomes superseded.
 */
export const programmeVersionSchema = z.object({
  id: z.number().int(),
  programmeId: z.number().int(),
  number: z.number().int(),
  status: programmeVersionStatusSchema,
  startYear: z.number().int(),
  note: z.string(),
  submittedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  approvals: z.array(approvalSchema),
  disciplineCount: z.number().int(),
  credits: z.number().int(),
  ects: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProgrammeVersion = z.infer<typeof programmeVersionSchema>;

/** A lab or an equipment item a discipline uses, as a list shows it. */
const assetRefSchema = z.object({ id: z.number().int(), code: z.string(), name: trilingualSchema });

/** A discipline of a version (DOMAIN §1): credits, ECTS, semester, cycle, component, the labs and equipment used. */
export const disciplineSchema = z.object({
  id: z.number().int(),
  versionId: z.number().int(),
  code: z.string(),
  name: trilingualSchema,
  credits: z.number().int(),
  ects: z.number().int(),
  semester: z.number().int(),
  cycle: disciplineCycleSchema,
  component: disciplineComponentSchema,
  labs: z.array(assetRefSchema),
  equipment: z.array(assetRefSchema),
  equivalenceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Discipline = z.infer<typeof disciplineSchema>;

/** What a draft still lacks before it becomes active: disciplines, the submission, co-developers' approvals. */
export const versionMissingSchema = z.object({
  disciplines: z.boolean(),
  submission: z.boolean(),
  approvals: z.array(z.object({ organisationId: z.number().int(), organisationShortName: z.string() })),
});
export type VersionMissing = z.infer<typeof versionMissingSchema>;

/** One version with its programme's facts, its disciplines (by semester, then code) and what it still lacks. */
export const programmeVersionDetailSchema = programmeVersionSchema.extend({
  programme: z.object({
    id: z.number().int(),
    code: z.string(),
    name: trilingualSchema,
    credits: z.number().int(),
    durationSemesters: z.number().int(),
  }),
  disciplines: z.array(disciplineSchema),
  missing: versionMissingSchema,
});
export type ProgrammeVersionDetail = z.infer<typeof programmeVersionDetailSchema>;

const versionFields = {
  startYear: z.number().int().min(2000).max(2100),
  note: textSchema().max(2000),
};

/** A new draft: it starts as a copy of the programme's latest version. */
export const createVersionBodySchema = z.object({
  ...versionFields,
  note: versionFields.note.default(''),
});
export type CreateVersionBody = z.infer<typeof createVersionBodySchema>;

export const updateVersionBodySchema = z
  .object(versionFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateVersionBody = z.infer<typeof updateVersionBodySchema>;

/** A partner's approval of a submitted draft, for its own organisation. */
export const approveVersionBodySchema = z.object({ comment: textSchema().max(1000).default('') });
export type ApproveVersionBody = z.infer<typeof approveVersionBodySchema>;

export const versionListQuerySchema = listQuery(['number', 'startYear', 'createdAt']).extend({
  status: programmeVersionStatusSchema.optional(),
});
export type VersionListQuery = z.infer<typeof versionListQuerySchema>;

const distinctIds = (what: string) =>
  z
    .array(idSchema)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, ruleParams('noRepeats', `Name each ${what} once`));

const disciplineFields = {
  code: z.string().trim().regex(DISCIPLINE_CODE_PATTERN, 'Write the discipline code, such as MAT 1101'),
  name: trilingualSchema,
  credits: z.number().int().positive().max(60),
  ects: z.number().int().positive().max(60),
  semester: z.number().int().positive().max(MAX_SEMESTERS),
  cycle: disciplineCycleSchema,
  component: disciplineComponentSchema,
  labIds: distinctIds('lab'),
  equipmentIds: distinctIds('item'),
};

export const createDisciplineBodySchema = z.object({
  ...disciplineFields,
  labIds: disciplineFields.labIds.default([]),
  equipmentIds: disciplineFields.equipmentIds.default([]),
});
export type CreateDisciplineBody = z.infer<typeof createDisciplineBodySchema>;

/** A PATCH; `labIds` and `equipmentIds`, when sent, replace them all. */
export const updateDisciplineBodySchema = z
  .object(disciplineFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateDisciplineBody = z.infer<typeof updateDisciplineBodySchema>;

export const disciplineListQuerySchema = listQuery(['code', 'semester', 'credits']).extend({
  semester: z.coerce.number().int().positive().max(MAX_SEMESTERS).optional(),
  cycle: disciplineCycleSchema.optional(),
  component: disciplineComponentSchema.optional(),
});
export type DisciplineListQuery = z.infer<typeof disciplineListQuerySchema>;

/** A partner-university course recognised as equivalent to a discipline; `partnerEcts` in halves (7.5). */
export const creditEquivalenceSchema = z.object({
  id: z.number().int(),
  disciplineId: z.number().int(),
  organisationId: z.number().int(),
  organisationShortName: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  partnerEcts: z.number(),
  rule: equivalenceRuleSchema,
  note: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CreditEquivalence = z.infer<typeof creditEquivalenceSchema>;

const equivalenceFields = {
  organisationId: idSchema,
  courseCode: textSchema().min(1).max(40),
  courseTitle: textSchema().min(1).max(300),
  partnerEcts: z.number().min(0.5).max(60).multipleOf(0.5),
  rule: equivalenceRuleSchema,
  note: textSchema().max(1000),
};

export const createEquivalenceBodySchema = z.object({
  ...equivalenceFields,
  note: equivalenceFields.note.default(''),
});
export type CreateEquivalenceBody = z.infer<typeof createEquivalenceBodySchema>;

export const updateEquivalenceBodySchema = z
  .object(equivalenceFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateEquivalenceBody = z.infer<typeof updateEquivalenceBodySchema>;

export const equivalenceListQuerySchema = listQuery(['courseCode', 'createdAt']).extend({
  organisationId: idQuerySchema.optional(),
});
export type EquivalenceListQuery = z.infer<typeof equivalenceListQuerySchema>;
