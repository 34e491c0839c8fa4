/** The strategy tracker (capability 8): KPI targets and snapshots, branch and joint-programme projects, milestones. */
import type { KpiValueStatus, ProjectKind, ProjectStatus } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { bytea, nullableReference, reference, timestamps } from './columns.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/** The value a KPI should reach by a deadline. KPI ids are the core registry's (text: the registry is open). */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    id: serial('id').primaryKey(),
    kpiId: text('kpi_id').notNull(),
    value: doublePrecision('value').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    // Why this target, in the three languages, any of which may be empty (like a project's description).
    noteKk: text('note_kk').notNull().default(''),
    noteRu: text('note_ru').notNull().default(''),
    noteEn: text('note_en').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('kpi_targets_kpi_deadline_key').on(t.kpiId, t.deadline),
    check('kpi_targets_value_not_negative', sql`${t.value} >= 0`),
  ],
);

/**
 * A KPI's value kept for a period (`YYYY-MM`), once: a later change of the operational data does not change it.
 * `value` is null when the KPI had no data; `contributors` is the number of partners in a confidential sum.
 */
export const kpiSnapshots = pgTable(
  'kpi_snapshots',
  {
    id: serial('id').primaryKey(),
    kpiId: text('kpi_id').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value'),
    status: text('status').$type<Exclude<KpiValueStatus, 'withheld'>>().notNull(),
    breakdown: jsonb('breakdown').$type<{ key: string; value: number }[]>().notNull(),
    contributors: integer('contributors'),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    takenBy: nullableReference('taken_by', () => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('kpi_snapshots_kpi_period_key').on(t.kpiId, t.period),
    index('kpi_snapshots_period_idx').on(t.period),
  ],
);

/** A project towards a foreign branch or a joint programme, with a partner organisation and/or its agreement. */
export const strategyProjects = pgTable(
  'strategy_projects',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<ProjectKind>().notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    organisationId: nullableReference('organisation_id', () => organisations.id),
    agreementId: nullableReference('agreement_id', () => agreements.id, { onDelete: 'set null' }),
    status: text('status').$type<ProjectStatus>().notNull().default('planned'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    // What the project is for in the three languages, any of which may be empty (like an investment's).
    descriptionKk: text('description_kk').notNull().default(''),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('strategy_projects_organisation_idx').on(t.organisationId),
    index('strategy_projects_agreement_idx').on(t.agreementId),
  ],
);

/** A step of a project with its owner, due date and evidence (links). `overdue` is derived from `due_on`. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: serial('id').primaryKey(),
    projectId: reference('project_id', () => strategyProjects.id, { onDelete: 'cascade' }),
    // The title in the three languages, like an obligation's (English may be empty).
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull().default(''),
    ownerId: reference('owner_id', () => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status')
      .$type<'pending' | 'in_progress' | 'done' | 'cancelled'>()
      .notNull()
      .default('pending'),
    completedOn: date('completed_on', { mode: 'string' }),
    // Links, each labelled in kk, ru and en (English may be empty); migration 0024 rewrote the single-language
    // labels of before into all three.
    evidence: jsonb('evidence')
      .$type<{ label: { kk: string; ru: string; en: string }; url: string }[]>()
      .notNull()
      .default([]),
    ...timestamps,
  },
  (t) => [
    index('project_milestones_project_idx').on(t.projectId),
    index('project_milestones_owner_due_idx').on(t.ownerId, t.dueOn),
  ],
);

/**
 * A file uploaded as evidence of a milestone (a signed act, a licence, a photograph of the opened lab): PDF, PNG or
 * JPEG by its first bytes, kept in the database as the agreements' documents are. Lists never read the bytes.
 */
export const milestoneFiles = pgTable(
  'milestone_files',
  {
    id: serial('id').primaryKey(),
    milestoneId: reference('milestone_id', () => projectMilestones.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: nullableReference('uploaded_by', () => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('milestone_files_milestone_idx').on(t.milestoneId)],
);
