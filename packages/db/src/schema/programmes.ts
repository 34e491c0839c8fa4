/** Programmes and competencies (capability 2): programmes, versions, co-developers, disciplines, equivalences. */
import type {
  ContributionKind,
  DegreeType,
  DisciplineComponent,
  DisciplineCycle,
  EquivalenceRule,
  Locale,
  PriorityArea,
  ProgrammeLevel,
  ProgrammeVersionStatus,
} from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agreements } from './agreements.ts';
import { linkTable, nullableReference, reference, timestamps } from './columns.ts';
import { equipment, labs } from './material-base.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

/**
 * An educational programme as the Register knows it (DOMAIN §4): national code such as `6B07101`,
 * programme group such as `B062`. What changes over time (disciplines, outcomes, promised competencies)
 * lives on its versions.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    programmeGroup: text('programme_group').notNull(),
    level: text('level').$type<ProgrammeLevel>().notNull(),
    priorityArea: text('priority_area').$type<PriorityArea>().notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    languages: text('languages').array().$type<Locale[]>().notNull(),
    credits: integer('credits').notNull(),
    durationSemesters: integer('duration_semesters').notNull(),
    degreeType: text('degree_type').$type<DegreeType>().notNull().default('single'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('programmes_code_key').on(t.code),
    index('programmes_group_idx').on(t.programmeGroup),
    check('programmes_credits_positive', sql`${t.credits} > 0`),
    check('programmes_duration_positive', sql`${t.durationSemesters} > 0`),
  ],
);

/**
 * The organisations that co-develop a programme (a foreign university, a company) and what each brought;
 * the joint-programme agreement where there is one. Each co-developer approves every version.
 */
export const programmeCodevelopers = linkTable('programme_codevelopers', {
  programmeId: reference('programme_id', () => programmes.id, { onDelete: 'cascade' }),
  organisationId: reference('organisation_id', () => organisations.id),
  contributions: text('contributions').array().$type<ContributionKind[]>().notNull(),
  note: text('note').notNull().default(''),
  agreementId: nullableReference('agreement_id', () => agreements.id, { onDelete: 'set null' }),
});

/** A version of a programme: numbered 1, 2, … within the programme; at most one active. */
export const programmeVersions = pgTable(
  'programme_versions',
  {
    id: serial('id').primaryKey(),
    programmeId: reference('programme_id', () => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status').$type<ProgrammeVersionStatus>().notNull().default('draft'),
    /** The first academic year taught on this version (2025 for 2025/26). */
    startYear: integer('start_year').notNull(),
    note: text('note').notNull().default(''),
    createdBy: nullableReference('created_by', () => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('programme_versions_number_key').on(t.programmeId, t.number),
    uniqueIndex('programme_versions_one_active').on(t.programmeId).where(sql`${t.status} = 'active'`),
  ],
);

/** A co-developer's approval of a version, given by one of its users in their own account. */
export const programmeVersionApprovals = pgTable(
  'programme_version_approvals',
  {
    versionId: reference('version_id', () => programmeVersions.id, { onDelete: 'cascade' }),
    organisationId: reference('organisation_id', () => organisations.id),
    userId: reference('user_id', () => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.organisationId] })],
);

/** A discipline of a programme version (DOMAIN §1: credits, semester, cycle, component). */
export const disciplines = pgTable(
  'disciplines',
  {
    id: serial('id').primaryKey(),
    versionId: reference('version_id', () => programmeVersions.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    credits: integer('credits').notNull(),
    ects: integer('ects').notNull(),
    semester: integer('semester').notNull(),
    cycle: text('cycle').$type<DisciplineCycle>().notNull(),
    component: text('component').$type<DisciplineComponent>().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('disciplines_version_code_key').on(t.versionId, t.code),
    check('disciplines_credits_positive', sql`${t.credits} > 0 and ${t.ects} > 0`),
    check('disciplines_semester_range', sql`${t.semester} between 1 and 12`),
  ],
);

/** Labs a discipline is taught in (from the material base). */
export const disciplineLabs = linkTable('discipline_labs', {
  disciplineId: reference('discipline_id', () => disciplines.id, { onDelete: 'cascade' }),
  labId: reference('lab_id', () => labs.id),
});

/** Equipment a discipline uses (from the material base). */
export const disciplineEquipment = linkTable('discipline_equipment', {
  disciplineId: reference('discipline_id', () => disciplines.id, { onDelete: 'cascade' }),
  equipmentId: reference('equipment_id', () => equipment.id),
});

/** A partner-university course recognised as equivalent to a discipline, and the rule used. */
export const creditEquivalences = pgTable(
  'credit_equivalences',
  {
    id: serial('id').primaryKey(),
    disciplineId: reference('discipline_id', () => disciplines.id, { onDelete: 'cascade' }),
    organisationId: reference('organisation_id', () => organisations.id),
    courseCode: text('course_code').notNull(),
    courseTitle: text('course_title').notNull(),
    /** The partner course's credits in ECTS, as a decimal string (7.5). */
    partnerEcts: numeric('partner_ects', { precision: 5, scale: 1 }).notNull(),
    rule: text('rule').$type<EquivalenceRule>().notNull(),
    note: text('note').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('credit_equivalences_key').on(t.disciplineId, t.organisationId, t.courseCode),
    index('credit_equivalences_organisation_idx').on(t.organisationId),
  ],
);
