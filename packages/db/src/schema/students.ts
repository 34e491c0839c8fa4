/**
 * Students (capability 5): personal data (IIN, name, contacts: restricted-access data, DOMAIN §8),
 * enrolments in programme versions, consents for partners, discipline results and computed passports.
 */
import type { ConsentScope, EnrolmentStatus, GradeLetter } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { nullableReference, reference, timestamps } from './columns.ts';
import { organisations } from './organisations.ts';
import { disciplines, programmeVersions } from './programmes.ts';
import { users } from './users.ts';

/** A student. The user account is set when the student signs in to Kadr. */
export const students = pgTable(
  'students',
  {
    id: serial('id').primaryKey(),
    /** Individual identification number: 12 digits. */
    iin: text('iin').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    userId: nullableReference('user_id', () => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('students_iin_key').on(t.iin),
    uniqueIndex('students_user_key').on(t.userId),
    index('students_full_name_idx').on(t.fullName),
  ],
);

/** A student's enrolment in a programme version; at most one active or on leave at a time. */
export const enrolments = pgTable(
  'enrolments',
  {
    id: serial('id').primaryKey(),
    studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
    versionId: reference('version_id', () => programmeVersions.id),
    /** The academic year of admission (2024 for 2024/25). */
    admissionYear: integer('admission_year').notNull(),
    status: text('status').$type<EnrolmentStatus>().notNull().default('active'),
    enrolledOn: date('enrolled_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    index('enrolments_student_idx').on(t.studentId),
    index('enrolments_version_idx').on(t.versionId),
    uniqueIndex('enrolments_one_current').on(t.studentId).where(sql`${t.status} in ('active', 'on-leave')`),
  ],
);

/**
 * A student's consent that a partner organisation may see some of their data (DOMAIN §8: the list of data,
 * the term, revocable). A partner sees only what a current consent lists.
 */
export const consents = pgTable(
  'consents',
  {
    id: serial('id').primaryKey(),
    studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
    organisationId: reference('organisation_id', () => organisations.id),
    scopes: text('scopes').array().$type<ConsentScope[]>().notNull(),
    // Why the student consents, in the three languages, any of which may be empty (issue 9 §7).
    purposeKk: text('purpose_kk').notNull().default(''),
    purposeRu: text('purpose_ru').notNull().default(''),
    purposeEn: text('purpose_en').notNull().default(''),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    recordedBy: nullableReference('recorded_by', () => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('consents_student_idx').on(t.studentId),
    index('consents_organisation_idx').on(t.organisationId),
  ],
);

/** A discipline result on the national scale (DOMAIN §1): points 0-100, letter, grade point 0-4. */
export const disciplineResults = pgTable(
  'discipline_results',
  {
    id: serial('id').primaryKey(),
    studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
    disciplineId: reference('discipline_id', () => disciplines.id),
    /** 1 for the first sitting, 2 for a re-examination, … */
    attempt: integer('attempt').notNull().default(1),
    points: integer('points').notNull(),
    letter: text('letter').$type<GradeLetter>().notNull(),
    gradePoint: numeric('grade_point', { precision: 3, scale: 2 }).notNull(),
    gradedOn: date('graded_on', { mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('discipline_results_key').on(t.studentId, t.disciplineId, t.attempt),
    index('discipline_results_discipline_idx').on(t.disciplineId),
    check('discipline_results_points', sql`${t.points} between 0 and 100`),
    check('discipline_results_attempt', sql`${t.attempt} >= 1`),
  ],
);

/**
 * The last computed competency passport of a student (packages/core computes it; this keeps its summary
 * for lists, aggregates and reports): competency id → level reached, and how many pieces of evidence.
 */
export const competencyPassports = pgTable('competency_passports', {
  studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }).primaryKey(),
  enrolmentId: nullableReference('enrolment_id', () => enrolments.id, { onDelete: 'cascade' }),
  levels: jsonb('levels').$type<Record<string, number>>().notNull(),
  evidenceCount: integer('evidence_count').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});
