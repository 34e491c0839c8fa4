/** Competency frameworks, competencies and the learning outcomes that map to them (capabilities 2 and 5). */
import type { CompetencyType, FrameworkSource, PracticeType } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { nullableReference, reference, timestamps } from './columns.ts';
import { disciplines, programmeVersions } from './programmes.ts';

/** A competency framework: Kadr's own, an ESCO import or the CDIO Syllabus. */
export const competencyFrameworks = pgTable(
  'competency_frameworks',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    source: text('source').$type<FrameworkSource>().notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    /** The published version of the source, such as `ESCO v1.2.0` or `CDIO Syllabus 3.0`. */
    sourceVersion: text('source_version').notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('competency_frameworks_code_key').on(t.code)],
);

/**
 * A competency of a framework, typed knowledge, skill or competence, with its names in the languages
 * present (ESCO has no Kazakh or Russian: DOMAIN §9), its broader competency and, for ESCO, its concept URI.
 */
export const competencies = pgTable(
  'competencies',
  {
    id: serial('id').primaryKey(),
    frameworkId: reference('framework_id', () => competencyFrameworks.id, { onDelete: 'cascade' }),
    /** Short code within the framework (`2.1.3` in CDIO, the ESCO UUID's tail for ESCO). */
    code: text('code').notNull(),
    /** The ESCO concept URI, or '' for competencies that have none. */
    uri: text('uri').notNull().default(''),
    type: text('type').$type<CompetencyType>().notNull(),
    nameKk: text('name_kk').notNull().default(''),
    nameRu: text('name_ru').notNull().default(''),
    nameEn: text('name_en').notNull().default(''),
    descriptionKk: text('description_kk').notNull().default(''),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** Other names per language, one a line (ESCO altLabels of that language's skills file). */
    altLabelsKk: text('alt_labels_kk').notNull().default(''),
    altLabelsRu: text('alt_labels_ru').notNull().default(''),
    altLabelsEn: text('alt_labels_en').notNull().default(''),
    /** ESCO's reuse level (transversal, cross-sector, sector-specific, occupation-specific) or ''. */
    reuseLevel: text('reuse_level').notNull().default(''),
    parentId: nullableReference('parent_id', (): AnyPgColumn => competencies.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('competencies_framework_code_key').on(t.frameworkId, t.code),
    index('competencies_uri_idx').on(t.uri),
    index('competencies_parent_idx').on(t.parentId),
  ],
);

/** A competency a programme version promises its graduates, with the level promised (1-5). */
export const programmeCompetencies = pgTable(
  'programme_competencies',
  {
    versionId: reference('version_id', () => programmeVersions.id, { onDelete: 'cascade' }),
    competencyId: reference('competency_id', () => competencies.id),
    targetLevel: integer('target_level').notNull(),
  },
  (t) => [
    uniqueIndex('programme_competencies_key').on(t.versionId, t.competencyId),
    index('programme_competencies_competency_idx').on(t.competencyId),
    check('programme_competencies_level', sql`${t.targetLevel} between 1 and 5`),
  ],
);

/**
 * A learning outcome of a discipline or of a practice type within a programme version, mapped to one
 * competency with the level it trains to (1-5).
 */
export const learningOutcomes = pgTable(
  'learning_outcomes',
  {
    id: serial('id').primaryKey(),
    versionId: reference('version_id', () => programmeVersions.id, { onDelete: 'cascade' }),
    disciplineId: nullableReference('discipline_id', () => disciplines.id, { onDelete: 'cascade' }),
    practiceType: text('practice_type').$type<PracticeType>(),
    competencyId: reference('competency_id', () => competencies.id),
    targetLevel: integer('target_level').notNull(),
    descriptionKk: text('description_kk').notNull().default(''),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('learning_outcomes_version_idx').on(t.versionId),
    index('learning_outcomes_discipline_idx').on(t.disciplineId),
    index('learning_outcomes_competency_idx').on(t.competencyId),
    uniqueIndex('learning_outcomes_discipline_key')
      .on(t.disciplineId, t.competencyId)
      .where(sql`${t.disciplineId} is not null`),
    uniqueIndex('learning_outcomes_practice_key')
      .on(t.versionId, t.practiceType, t.competencyId)
      .where(sql`${t.practiceType} is not null`),
    check('learning_outcomes_one_source', sql`num_nonnulls(${t.disciplineId}, ${t.practiceType}) = 1`),
    check('learning_outcomes_level', sql`${t.targetLevel} between 1 and 5`),
  ],
);
