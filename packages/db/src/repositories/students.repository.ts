import type { EnrolmentStatus } from '@kadr/contracts';
import { and, eq, exists, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enrolments, programmeVersions, students, users } from '../schema/index.ts';
import { currentConsentTo } from './consents.repository.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { column, insertUnnest } from './unnest.ts';

/** A student (personal data: the IIN, the name and the contacts are restricted-access, DOMAIN §8). */
export interface StudentRecord {
  id: number;
  iin: string;
  fullName: string;
  email: string;
  phone: string;
  userId: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a student. */
export type StudentInput = Omit<StudentRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** Filters of the student list. */
export interface StudentListParams extends ListParams {
  q?: string | undefined;
  /** Whether `q` also searches the IIN (only for readers who may see it). */
  searchIin: boolean;
  programmeId?: number | undefined;
  versionId?: number | undefined;
  admissionYear?: number | undefined;
  status?: EnrolmentStatus | undefined;
  /** Keeps students with a current consent for this organisation on this day (a partner's list). */
  consentedTo?: { organisationId: number; on: string } | undefined;
  /** Keeps only this student (a student's own list). */
  onlyId?: number | undefined;
}

const s = students;
// Qualified by hand: Drizzle writes a bare "id" for a single-table select, which a subquery would bind to its own table.
const studentId = sql.raw('"students"."id"');

/** SQL: the student has an enrolment meeting every given filter; undefined when none is given. */
function enrolledWhere(params: StudentListParams): SQL | undefined {
  const conditions = [
    params.programmeId === undefined ? undefined : sql`v.programme_id = ${params.programmeId}`,
    params.versionId === undefined ? undefined : sql`e.version_id = ${params.versionId}`,
    params.admissionYear === undefined ? undefined : sql`e.admission_year = ${params.admissionYear}`,
    params.status === undefined ? undefined : sql`e.status = ${params.status}`,
  ].filter((c): c is SQL => c !== undefined);
  if (conditions.length === 0) return undefined;
  return exists(
    sql`(select 1 from ${enrolments} e join ${programmeVersions} v on v.id = e.version_id
      where e.student_id = ${studentId} and ${sql.join(conditions, sql` and `)})`,
  );
}

/** Reads and writes students. */
export const studentsRepository = {
  async create(db: Db, input: StudentInput): Promise<StudentRecord> {
    const [row] = await db.insert(s).values(input).returning();
    return row!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<StudentInput>,
    at: Date,
  ): Promise<StudentRecord | undefined> {
    const [row] = await db
      .update(s)
      .set({ ...patch, updatedAt: at })
      .where(eq(s.id, id))
      .returning();
    return row;
  },

  async findById(db: Db, id: number): Promise<StudentRecord | undefined> {
    const [row] = await db.select().from(s).where(eq(s.id, id));
    return row;
  },

  async findByIin(db: Db, iin: string): Promise<StudentRecord | undefined> {
    const [row] = await db.select().from(s).where(eq(s.iin, iin));
    return row;
  },

  /** The student record of a user account. */
  async findByUserId(db: Db, userId: number): Promise<StudentRecord | undefined> {
    const [row] = await db.select().from(s).where(eq(s.userId, userId));
    return row;
  },

  /** The ids of the students with these IINs, in one query. */
  async idsByIin(db: Db, iins: string[]): Promise<Map<string, number>> {
    if (iins.length === 0) return new Map();
    const rows = await db
      .select({ id: s.id, iin: s.iin })
      .from(s)
      .where(sql`${s.iin} = any(${sql.param(iins)}::text[])`);
    return new Map(rows.map((r) => [r.iin, r.id]));
  },

  /** Inserts many students in one statement; returns their ids in input order. */
  async insertMany(db: Db, inputs: StudentInput[], at: Date): Promise<number[]> {
    if (inputs.length === 0) return [];
    const stamp = at.toISOString();
    const columns = [
      column(inputs, (r) => r.iin, 'text'),
      column(inputs, (r) => r.fullName, 'text'),
      column(inputs, (r) => r.email, 'text'),
      column(inputs, (r) => r.phone, 'text'),
      column(inputs, (r) => r.userId, 'int'),
      column(inputs, () => stamp, 'timestamptz'),
      column(inputs, () => stamp, 'timestamptz'),
    ];
    const names = 'iin, full_name, email, phone, user_id, created_at, updated_at';
    return insertUnnest(db, sql`${s}`, names, columns, true);
  },

  /** Lists students by the filters; `q` searches the name, and the IIN when `searchIin`. */
  async list(db: Db, params: StudentListParams): Promise<RecordPage<StudentRecord>> {
    const consent = params.consentedTo;
    return listPage(params, {
      rows: db.select().from(s).$dynamic(),
      filters: [
        params.searchIin ? search(params.q, s.fullName, s.iin) : search(params.q, s.fullName),
        equalTo(s.id, params.onlyId),
        enrolledWhere(params),
        consent ? currentConsentTo(studentId, consent.organisationId, consent.on) : undefined,
      ],
      sortable: { fullName: s.fullName, createdAt: s.createdAt },
      fallback: ascending(s.fullName),
      id: s.id,
      present: (rows) => rows,
    });
  },

  /** True when the user account exists and has the student role. */
  async isStudentUser(db: Db, userId: number): Promise<boolean> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.role, 'student')));
    return rows.length > 0;
  },
};
