import type { GradeLetter } from '@kadr/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { disciplineResults, disciplines, enrolments } from '../schema/index.ts';
import { chunks, column, insertUnnest } from './unnest.ts';

/** A discipline result with the discipline's code, name, credits and semester. */
export interface ResultRecord {
  id: number;
  studentId: number;
  disciplineId: number;
  disciplineCode: string;
  disciplineName: { kk: string; ru: string; en: string };
  credits: number;
  semester: number;
  attempt: number;
  points: number;
  letter: GradeLetter;
  gradePoint: number;
  gradedOn: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a result: the letter and the grade point as the scale gives them for the points. */
export interface ResultInput {
  studentId: number;
  disciplineId: number;
  attempt: number;
  points: number;
  letter: GradeLetter;
  gradePoint: number;
  gradedOn: string;
}

/** A discipline as a result names it. */
export interface DisciplineRef {
  id: number;
  versionId: number;
  code: string;
}

const r = disciplineResults;
const d = disciplines;

const selection = {
  id: r.id,
  studentId: r.studentId,
  disciplineId: r.disciplineId,
  disciplineCode: d.code,
  nameKk: d.nameKk,
  nameRu: d.nameRu,
  nameEn: d.nameEn,
  credits: d.credits,
  semester: d.semester,
  attempt: r.attempt,
  points: r.points,
  letter: r.letter,
  gradePoint: r.gradePoint,
  gradedOn: r.gradedOn,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
};

function selectResults(db: Db) {
  return db.select(selection).from(r).innerJoin(d, eq(d.id, r.disciplineId));
}

function toRecord({
  nameKk,
  nameRu,
  nameEn,
  gradePoint,
  ...rest
}: Awaited<ReturnType<typeof selectResults>>[number]): ResultRecord {
  return { ...rest, disciplineName: { kk: nameKk, ru: nameRu, en: nameEn }, gradePoint: Number(gradePoint) };
}

const toColumns = <T extends Partial<ResultInput>>({ gradePoint, ...rest }: T) => ({
  ...rest,
  ...(gradePoint === undefined ? {} : { gradePoint: gradePoint.toFixed(2) }),
});

/** Reads and writes discipline results. */
export const resultsRepository = {
  async create(db: Db, input: ResultInput): Promise<ResultRecord> {
    const [row] = await db
      .insert(r)
      .values(toColumns(input) as typeof r.$inferInsert)
      .returning({ id: r.id });
    return (await resultsRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<Omit<ResultInput, 'studentId' | 'disciplineId'>>,
    at: Date,
  ): Promise<ResultRecord | undefined> {
    const [row] = await db
      .update(r)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(r.id, id))
      .returning({ id: r.id });
    return row ? resultsRepository.findById(db, row.id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(r).where(eq(r.id, id));
  },

  async findById(db: Db, id: number): Promise<ResultRecord | undefined> {
    const [row] = await selectResults(db).where(eq(r.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** A student's results by semester, discipline code and attempt. */
  async listForStudent(db: Db, studentId: number): Promise<ResultRecord[]> {
    const rows = await selectResults(db)
      .where(eq(r.studentId, studentId))
      .orderBy(asc(d.semester), asc(d.code), asc(r.attempt), asc(r.id));
    return rows.map(toRecord);
  },

  async findDiscipline(db: Db, disciplineId: number): Promise<DisciplineRef | undefined> {
    const [row] = await db
      .select({ id: d.id, versionId: d.versionId, code: d.code })
      .from(d)
      .where(eq(d.id, disciplineId));
    return row;
  },

  /** True when the student is or was enrolled in the version. */
  async isEnrolledIn(db: Db, studentId: number, versionId: number): Promise<boolean> {
    const rows = await db
      .select({ id: enrolments.id })
      .from(enrolments)
      .where(sql`${enrolments.studentId} = ${studentId} and ${enrolments.versionId} = ${versionId}`)
      .limit(1);
    return rows.length > 0;
  },

  /** The disciplines of these versions: key `versionId#CODE` (the code upper-cased). */
  async disciplinesByCode(db: Db, versionIds: number[]): Promise<Map<string, number>> {
    if (versionIds.length === 0) return new Map();
    const rows = await db
      .select({ id: d.id, versionId: d.versionId, code: d.code })
      .from(d)
      .where(sql`${d.versionId} = any(${sql.param(versionIds)}::int[])`);
    return new Map(rows.map((row) => [`${row.versionId}#${row.code.toUpperCase()}`, row.id]));
  },

  /** The keys `studentId#disciplineId#attempt` already recorded for these students. */
  async existingKeys(db: Db, studentIds: number[]): Promise<Set<string>> {
    if (studentIds.length === 0) return new Set();
    const rows = await db
      .select({ studentId: r.studentId, disciplineId: r.disciplineId, attempt: r.attempt })
      .from(r)
      .where(sql`${r.studentId} = any(${sql.param(studentIds)}::int[])`);
    return new Set(rows.map((row) => `${row.studentId}#${row.disciplineId}#${row.attempt}`));
  },

  /** Inserts many results, one statement per 5,000; returns their ids in input order. */
  async insertMany(db: Db, inputs: ResultInput[], at: Date): Promise<number[]> {
    const stamp = at.toISOString();
    const ids: number[] = [];
    for (const rows of chunks(inputs)) {
      const columns = [
        column(rows, (x) => x.studentId, 'int'),
        column(rows, (x) => x.disciplineId, 'int'),
        column(rows, (x) => x.attempt, 'int'),
        column(rows, (x) => x.points, 'int'),
        column(rows, (x) => x.letter, 'text'),
        column(rows, (x) => x.gradePoint.toFixed(2), 'numeric'),
        column(rows, (x) => x.gradedOn, 'date'),
        column(rows, () => stamp, 'timestamptz'),
        column(rows, () => stamp, 'timestamptz'),
      ];
      const names =
        'student_id, discipline_id, attempt, points, letter, grade_point, graded_on, created_at, updated_at';
      ids.push(...(await insertUnnest(db, sql`${r}`, names, columns, true)));
    }
    return ids;
  },
};
