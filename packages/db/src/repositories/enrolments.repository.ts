import type { EnrolmentStatus, ProgrammeVersionStatus } from '@kadr/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enrolments, programmes, programmeVersions, students } from '../schema/index.ts';
import { column, insertUnnest } from './unnest.ts';

/** A student's enrolment in a programme version, with the programme's code and name. */
export interface EnrolmentRecord {
  id: number;
  studentId: number;
  versionId: number;
  versionNumber: number;
  programmeId: number;
  programmeCode: string;
  programmeName: { kk: string; ru: string; en: string };
  admissionYear: number;
  status: EnrolmentStatus;
  enrolledOn: string;
  endedOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a new enrolment. */
export interface EnrolmentInput {
  studentId: number;
  versionId: number;
  admissionYear: number;
  status: EnrolmentStatus;
  enrolledOn: string;
  endedOn: string | null;
}

/** A programme version as an enrolment names it. */
export interface VersionRef {
  id: number;
  programmeId: number;
  programmeCode: string;
  number: number;
  status: ProgrammeVersionStatus;
}

/** A student's enrolment as the results import resolves it: the student, the version and its status. */
export interface EnrolledVersion {
  iin: string;
  studentId: number;
  versionId: number;
  status: EnrolmentStatus;
}

const e = enrolments;
const v = programmeVersions;
const p = programmes;

const selection = {
  id: e.id,
  studentId: e.studentId,
  versionId: e.versionId,
  versionNumber: v.number,
  programmeId: v.programmeId,
  programmeCode: p.code,
  nameKk: p.nameKk,
  nameRu: p.nameRu,
  nameEn: p.nameEn,
  admissionYear: e.admissionYear,
  status: e.status,
  enrolledOn: e.enrolledOn,
  endedOn: e.endedOn,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
};

function selectEnrolments(db: Db) {
  return db
    .select(selection)
    .from(e)
    .innerJoin(v, eq(v.id, e.versionId))
    .innerJoin(p, eq(p.id, v.programmeId));
}

function toRecord({
  nameKk,
  nameRu,
  nameEn,
  ...rest
}: Awaited<ReturnType<typeof selectEnrolments>>[number]): EnrolmentRecord {
  return { ...rest, programmeName: { kk: nameKk, ru: nameRu, en: nameEn } };
}

function selectVersions(db: Db) {
  const columns = {
    id: v.id,
    programmeId: v.programmeId,
    programmeCode: p.code,
    number: v.number,
    status: v.status,
  };
  return db.select(columns).from(v).innerJoin(p, eq(p.id, v.programmeId));
}

/** Reads and writes enrolments, and the programme versions they name. */
export const enrolmentsRepository = {
  async create(db: Db, input: EnrolmentInput): Promise<EnrolmentRecord> {
    const [row] = await db.insert(e).values(input).returning({ id: e.id });
    return (await enrolmentsRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: { status: EnrolmentStatus; endedOn: string | null },
    at: Date,
  ): Promise<EnrolmentRecord | undefined> {
    const [row] = await db
      .update(e)
      .set({ ...patch, updatedAt: at })
      .where(eq(e.id, id))
      .returning({ id: e.id });
    return row ? enrolmentsRepository.findById(db, row.id) : undefined;
  },

  async findById(db: Db, id: number): Promise<EnrolmentRecord | undefined> {
    const [row] = await selectEnrolments(db).where(eq(e.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** The enrolments of these students, oldest first. */
  async listForStudents(db: Db, studentIds: number[]): Promise<EnrolmentRecord[]> {
    if (studentIds.length === 0) return [];
    const rows = await selectEnrolments(db)
      .where(sql`${e.studentId} = any(${sql.param(studentIds)}::int[])`)
      .orderBy(asc(e.enrolledOn), asc(e.id));
    return rows.map(toRecord);
  },

  /** Inserts many enrolments in one statement; returns their ids in input order. */
  async insertMany(db: Db, inputs: EnrolmentInput[], at: Date): Promise<number[]> {
    if (inputs.length === 0) return [];
    const stamp = at.toISOString();
    const columns = [
      column(inputs, (r) => r.studentId, 'int'),
      column(inputs, (r) => r.versionId, 'int'),
      column(inputs, (r) => r.admissionYear, 'int'),
      column(inputs, (r) => r.status, 'text'),
      column(inputs, (r) => r.enrolledOn, 'date'),
      column(inputs, (r) => r.endedOn, 'date'),
      column(inputs, () => stamp, 'timestamptz'),
      column(inputs, () => stamp, 'timestamptz'),
    ];
    const names =
      'student_id, version_id, admission_year, status, enrolled_on, ended_on, created_at, updated_at';
    return insertUnnest(db, sql`${e}`, names, columns, true);
  },

  async findVersion(db: Db, versionId: number): Promise<VersionRef | undefined> {
    const [row] = await selectVersions(db).where(eq(v.id, versionId));
    return row;
  },

  /** Every version of the programmes with these codes: key `CODE#number` (the code as stored). */
  async versionsByCode(db: Db, codes: string[]): Promise<Map<string, VersionRef>> {
    if (codes.length === 0) return new Map();
    const rows = await selectVersions(db).where(sql`${p.code} = any(${sql.param(codes)}::text[])`);
    return new Map(rows.map((r) => [`${r.programmeCode}#${r.number}`, r]));
  },

  /** The enrolments of the students with these IINs, current ones (active, on leave) first, then the latest. */
  async enrolledVersionsByIin(db: Db, iins: string[]): Promise<EnrolledVersion[]> {
    if (iins.length === 0) return [];
    return db
      .select({ iin: students.iin, studentId: e.studentId, versionId: e.versionId, status: e.status })
      .from(e)
      .innerJoin(students, eq(students.id, e.studentId))
      .where(sql`${students.iin} = any(${sql.param(iins)}::text[])`)
      .orderBy(sql`${e.status} in ('active', 'on-leave') desc`, sql`${e.enrolledOn} desc`, sql`${e.id} desc`);
  },
};
