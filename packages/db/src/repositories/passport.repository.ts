import type { CompetencyType, EnrolmentStatus, ProgrammeVersionStatus } from '@kadr/contracts';
import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  bookingAttendees,
  bookings,
  competencies,
  competencyFrameworks,
  competencyPassports,
  disciplineResults,
  disciplines,
  enrolments,
  learningOutcomes,
  programmeCodevelopers,
  programmeCompetencies,
  programmes,
  programmeVersions,
  students,
} from '../schema/index.ts';

/** Names as stored, in the three languages. */
export interface StoredNames {
  kk: string;
  ru: string;
  en: string;
}

/** The enrolment a student's passport is about, with the student's name and account. */
export interface PassportEnrolment {
  enrolmentId: number;
  studentId: number;
  fullName: string;
  userId: number | null;
  versionId: number;
  admissionYear: number;
  status: EnrolmentStatus;
}

/** A programme version and its programme. */
export interface VersionFacts {
  id: number;
  number: number;
  status: ProgrammeVersionStatus;
  startYear: number;
  programme: { id: number; code: string; name: StoredNames };
}

/** What a version teaches and promises: disciplines (by semester, code), competencies used, outcomes, promises. */
export interface VersionCatalogue {
  disciplines: { id: number; code: string; name: StoredNames; credits: number; semester: number }[];
  competencies: {
    id: number;
    code: string;
    type: CompetencyType;
    name: StoredNames;
    uri: string;
    frameworkCode: string;
  }[];
  outcomes: {
    disciplineId: number | null;
    practiceType: string | null;
    competencyId: number;
    targetLevel: number;
  }[];
  promised: { competencyId: number; targetLevel: number }[];
}

/** One attempt at a discipline. */
export interface ResultRow {
  studentId: number;
  disciplineId: number;
  attempt: number;
  points: number;
  gradePoint: number;
  gradedOn: string;
}

/** A lab session a student's account attended, of a catalogue discipline, with its recorded use. */
export interface LabSessionRow {
  userId: number;
  bookingId: number;
  disciplineId: number;
  date: string;
  hours: number;
}

/** The stored summary of a computed passport. */
export interface PassportSummaryInput {
  studentId: number;
  enrolmentId: number;
  levels: Record<string, number>;
  evidenceCount: number;
}

type Named<T> = T & { nameKk: string; nameRu: string; nameEn: string };

/** Folds the three name columns of a row into `name`. */
function named<T>({ nameKk, nameRu, nameEn, ...rest }: Named<T>): Omit<T, 'nameKk' | 'nameRu' | 'nameEn'> & {
  name: StoredNames;
} {
  return { ...rest, name: { kk: nameKk, ru: nameRu, en: nameEn } };
}
const e = enrolments;

// A student's passport enrolment: the current one (active or on leave), else the latest that ended.
const passportEnrolmentOrder = [
  sql`${e.studentId}`,
  sql`(${e.status} in ('active', 'on-leave')) desc`,
  sql`${e.enrolledOn} desc`,
  sql`${e.id} desc`,
];

function selectPassportEnrolments(db: Db, where: SQL) {
  return db
    .selectDistinctOn([e.studentId], {
      enrolmentId: e.id,
      studentId: e.studentId,
      fullName: students.fullName,
      userId: students.userId,
      versionId: e.versionId,
      admissionYear: e.admissionYear,
      status: e.status,
    })
    .from(e)
    .innerJoin(students, eq(students.id, e.studentId))
    .where(where)
    .orderBy(...passportEnrolmentOrder);
}

const hoursUsed = sql<number>`extract(epoch from (${bookings.actualEnd} - ${bookings.actualStart})) / 3600.0`;

/** Reads what passports and programme analyses are computed from, and keeps the passports' stored summaries. */
export const passportRepository = {
  /** The enrolment a student's passport is about: the current one, else the latest; undefined without any. */
  async findPassportEnrolment(db: Db, studentId: number): Promise<PassportEnrolment | undefined> {
    const [row] = await selectPassportEnrolments(db, eq(e.studentId, studentId));
    return row;
  },

  /** Every student whose passport enrolment is in the version, by student id. */
  async passportEnrolmentsOfVersion(db: Db, versionId: number): Promise<PassportEnrolment[]> {
    const enrolled = db.select({ id: e.studentId }).from(e).where(eq(e.versionId, versionId));
    const rows = await selectPassportEnrolments(db, inArray(e.studentId, enrolled));
    return rows.filter((row) => row.versionId === versionId);
  },

  /** The versions that have enrolments (any status), by id. */
  async versionIdsWithEnrolments(db: Db): Promise<number[]> {
    const rows = await db.selectDistinct({ id: e.versionId }).from(e).orderBy(asc(e.versionId));
    return rows.map((r) => r.id);
  },

  /** A version with its programme. */
  async findVersion(db: Db, versionId: number): Promise<VersionFacts | undefined> {
    const [row] = await db
      .select({
        id: programmeVersions.id,
        number: programmeVersions.number,
        status: programmeVersions.status,
        startYear: programmeVersions.startYear,
        programmeId: programmes.id,
        code: programmes.code,
        nameKk: programmes.nameKk,
        nameRu: programmes.nameRu,
        nameEn: programmes.nameEn,
      })
      .from(programmeVersions)
      .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .where(eq(programmeVersions.id, versionId));
    if (!row) return undefined;
    const { programmeId, code, nameKk, nameRu, nameEn, ...version } = row;
    return { ...version, programme: named({ id: programmeId, code, nameKk, nameRu, nameEn }) };
  },

  /** The organisations co-developing the version's programme. */
  async codeveloperIdsOfVersion(db: Db, versionId: number): Promise<number[]> {
    const rows = await db
      .select({ id: programmeCodevelopers.organisationId })
      .from(programmeCodevelopers)
      .innerJoin(programmeVersions, eq(programmeVersions.programmeId, programmeCodevelopers.programmeId))
      .where(eq(programmeVersions.id, versionId));
    return rows.map((r) => r.id);
  },

  /** Disciplines, outcomes, promised competencies of a version, and every competency they name. */
  async versionCatalogue(db: Db, versionId: number): Promise<VersionCatalogue> {
    const d = disciplines;
    const disciplineRows = await db
      .select({
        id: d.id,
        code: d.code,
        nameKk: d.nameKk,
        nameRu: d.nameRu,
        nameEn: d.nameEn,
        credits: d.credits,
        semester: d.semester,
      })
      .from(d)
      .where(eq(d.versionId, versionId))
      .orderBy(asc(d.semester), asc(d.code));
    const outcomes = await db
      .select({
        disciplineId: learningOutcomes.disciplineId,
        practiceType: learningOutcomes.practiceType,
        competencyId: learningOutcomes.competencyId,
        targetLevel: learningOutcomes.targetLevel,
      })
      .from(learningOutcomes)
      .where(eq(learningOutcomes.versionId, versionId))
      .orderBy(asc(learningOutcomes.id));
    const promised = await db
      .select({
        competencyId: programmeCompetencies.competencyId,
        targetLevel: programmeCompetencies.targetLevel,
      })
      .from(programmeCompetencies)
      .where(eq(programmeCompetencies.versionId, versionId))
      .orderBy(asc(programmeCompetencies.competencyId));
    const ids = [...new Set([...outcomes, ...promised].map((o) => o.competencyId))];
    const c = competencies;
    const competencyRows =
      ids.length === 0
        ? []
        : await db
            .select({
              id: c.id,
              code: c.code,
              type: c.type,
              nameKk: c.nameKk,
              nameRu: c.nameRu,
              nameEn: c.nameEn,
              uri: c.uri,
              frameworkCode: competencyFrameworks.code,
            })
            .from(c)
            .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, c.frameworkId))
            .where(inArray(c.id, ids))
            .orderBy(asc(c.id));
    return {
      disciplines: disciplineRows.map(named),
      competencies: competencyRows.map(named),
      outcomes,
      promised,
    };
  },

  /**
   * Every attempt of the students at the disciplines. Read as one row per student with arrays (array_agg): a row
   * per attempt cost three times the CPU on PGlite (80,000 attempts: 1.0 s against 0.35 s).
   */
  async resultsOf(db: Db, studentIds: number[], disciplineIds: number[]): Promise<ResultRow[]> {
    if (studentIds.length === 0 || disciplineIds.length === 0) return [];
    const r = disciplineResults;
    const result = await db.execute(sql`
      select ${r.studentId} as s, array_agg(${r.disciplineId}) as d, array_agg(${r.attempt}) as a,
        array_agg(${r.points}) as p, array_agg(${r.gradePoint}::float8) as g, array_agg(${r.gradedOn}::text) as o
      from ${r}
      where ${r.studentId} = any(${sql.param(studentIds)}::int[]) and ${r.disciplineId} = any(${sql.param(disciplineIds)}::int[])
      group by ${r.studentId}`);
    type Row = { s: number; d: number[]; a: number[]; p: number[]; g: number[]; o: string[] };
    const rows: ResultRow[] = [];
    for (const row of (result as unknown as { rows: Row[] }).rows) {
      for (let k = 0; k < row.d.length; k++)
        rows.push({
          studentId: Number(row.s),
          disciplineId: Number(row.d[k]),
          attempt: Number(row.a[k]),
          points: Number(row.p[k]),
          gradePoint: Number(row.g[k]),
          gradedOn: String(row.o[k]),
        });
    }
    return rows;
  },

  /**
   * Lab sessions of the disciplines that the accounts attended (listed as attendees or as the booking's student)
   * and whose use was recorded; the date in `timeZone` (the university's IANA zone).
   */
  async labSessionsOf(
    db: Db,
    userIds: number[],
    disciplineIds: number[],
    timeZone: string,
  ): Promise<LabSessionRow[]> {
    if (userIds.length === 0 || disciplineIds.length === 0) return [];
    const b = bookings;
    const recorded = and(
      inArray(b.disciplineId, disciplineIds),
      eq(b.status, 'scheduled'),
      isNotNull(b.actualStart),
      isNotNull(b.actualEnd),
    );
    const session = {
      bookingId: b.id,
      disciplineId: sql<number>`${b.disciplineId}`.mapWith(Number),
      date: sql<string>`to_char(${b.actualStart} at time zone ${timeZone}, 'YYYY-MM-DD')`,
      hours: sql<number>`round((${hoursUsed})::numeric, 2)`.mapWith(Number),
    };
    const attended = await db
      .select({ userId: bookingAttendees.userId, ...session })
      .from(bookingAttendees)
      .innerJoin(b, eq(b.id, bookingAttendees.bookingId))
      .where(and(inArray(bookingAttendees.userId, userIds), recorded));
    const own = await db
      .select({ userId: sql<number>`${b.studentUserId}`.mapWith(Number), ...session })
      .from(b)
      .where(and(inArray(b.studentUserId, userIds), recorded));
    const seen = new Set(attended.map((row) => `${row.userId}/${row.bookingId}`));
    return [...attended, ...own.filter((row) => !seen.has(`${row.userId}/${row.bookingId}`))];
  },

  /** Writes (or replaces) the stored summaries, many rows a statement. */
  async saveSummaries(db: Db, rows: PassportSummaryInput[], at: Date): Promise<void> {
    for (let start = 0; start < rows.length; start += 2000) {
      const chunk = rows.slice(start, start + 2000);
      const list = (pick: (row: PassportSummaryInput) => unknown) => sql.param(chunk.map(pick));
      await db.execute(sql`
        insert into ${competencyPassports} (student_id, enrolment_id, levels, evidence_count, computed_at)
        select s, e, l::jsonb, c, ${at.toISOString()}::timestamptz
        from unnest(${list((r) => r.studentId)}::int[], ${list((r) => r.enrolmentId)}::int[],
                    ${list((r) => JSON.stringify(r.levels))}::text[], ${list((r) => r.evidenceCount)}::int[])
          as u(s, e, l, c)
        on conflict (student_id) do update set enrolment_id = excluded.enrolment_id, levels = excluded.levels,
          evidence_count = excluded.evidence_count, computed_at = excluded.computed_at`);
    }
  },

  /** The stored summary of a student's passport, if computed. */
  async findSummary(db: Db, studentId: number) {
    const [row] = await db
      .select()
      .from(competencyPassports)
      .where(eq(competencyPassports.studentId, studentId));
    return row;
  },
};
