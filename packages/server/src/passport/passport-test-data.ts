/**
 * Builders of the catalogue and the students a passport or an analysis reads, by direct multi-row inserts (the
 * programme, competency and student APIs of issue 11 are other parts): for the tests and `npm run bench:passport`.
 * Every builder takes what it links to and returns the new ids in order.
 */
import type { CompetencyType, EnrolmentStatus } from '@kadr/contracts';
import { gradeOfPoints } from '@kadr/core';
import { type Db, schema } from '@kadr/db';

let sequence = 0;
const next = () => ++sequence;
const BATCH = 1000;

async function insertAll<T extends object>(rows: T[], insert: (chunk: T[]) => Promise<{ id: number }[]>) {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += BATCH)
    ids.push(...(await insert(rows.slice(start, start + BATCH))).map((r) => r.id));
  return ids;
}

/** The shape of a version to build: so many disciplines over the semesters, competencies, outcomes each. */
export interface VersionShape {
  disciplines: number;
  competencies: number;
  /** Outcomes per discipline (default 3), each on a different competency. */
  outcomesPerDiscipline?: number;
  semesters?: number;
  codeveloperIds?: number[];
  /** The level each competency is promised at (default 3). */
  promisedLevel?: number;
  /** Practice-type outcomes to add, as [competency index, level]. */
  practice?: [number, number][];
  /** The version's status (default active). */
  status?: 'active' | 'draft';
}

/** A built version: its ids, disciplines and competencies in order. */
export interface BuiltVersion {
  programmeId: number;
  versionId: number;
  disciplineIds: number[];
  competencyIds: number[];
}

const TYPES: CompetencyType[] = ['knowledge', 'skill', 'competence'];

/**
 * A programme with one active version: disciplines (5 credits each, semesters in turn), a framework with the
 * competencies (types in turn: knowledge, skill, competence), each promised at `promisedLevel`; discipline i's
 * outcomes cover competencies i, i+1, … at levels 1-5 in turn, so gaps follow from the shape.
 */
export async function buildVersion(db: Db, shape: VersionShape): Promise<BuiltVersion> {
  const n = next();
  const [programme] = await db
    .insert(schema.programmes)
    .values({
      code: `6B07${String(100 + n).padStart(3, '0')}`,
      programmeGroup: 'B062',
      level: 'bachelor',
      priorityArea: 'metallurgy',
      nameKk: `Металлургия ${n}`,
      nameRu: `Металлургия ${n}`,
      nameEn: `Metallurgy ${n}`,
      languages: ['kk', 'ru'],
      credits: 240,
      durationSemesters: 8,
    })
    .returning({ id: schema.programmes.id });
  for (const organisationId of shape.codeveloperIds ?? [])
    await db
      .insert(schema.programmeCodevelopers)
      .values({ programmeId: programme!.id, organisationId, contributions: ['curriculum'] });
  const [version] = await db
    .insert(schema.programmeVersions)
    .values({ programmeId: programme!.id, number: 1, status: shape.status ?? 'active', startYear: 2024 })
    .returning({ id: schema.programmeVersions.id });
  const versionId = version!.id;
  const semesters = shape.semesters ?? 8;
  const disciplineIds = await insertAll(
    Array.from({ length: shape.disciplines }, (_, i) => ({
      versionId,
      code: `D${n}-${String(i + 1).padStart(3, '0')}`,
      nameKk: `Пән ${i + 1} (қазақша: әғқңөұүһі)`,
      nameRu: `Дисциплина ${i + 1}`,
      nameEn: `Discipline ${i + 1}`,
      credits: 5,
      ects: 5,
      semester: (i % semesters) + 1,
      cycle: 'major' as const,
      component: 'compulsory' as const,
    })),
    (chunk) => db.insert(schema.disciplines).values(chunk).returning({ id: schema.disciplines.id }),
  );
  const [framework] = await db
    .insert(schema.competencyFrameworks)
    .values({
      code: `FW-${n}`,
      source: 'own',
      nameKk: `Жүйе ${n}`,
      nameRu: `Рамка ${n}`,
      nameEn: `Framework ${n}`,
    })
    .returning({ id: schema.competencyFrameworks.id });
  const competencyIds = await insertAll(
    Array.from({ length: shape.competencies }, (_, i) => ({
      frameworkId: framework!.id,
      code: `${n}.${i + 1}`,
      type: TYPES[i % 3]!,
      nameKk: `Құзырет ${i + 1}`,
      nameRu: `Компетенция ${i + 1}`,
      nameEn: `Competency ${i + 1}`,
    })),
    (chunk) => db.insert(schema.competencies).values(chunk).returning({ id: schema.competencies.id }),
  );
  await db.insert(schema.programmeCompetencies).values(
    competencyIds.map((competencyId) => ({
      versionId,
      competencyId,
      targetLevel: shape.promisedLevel ?? 3,
    })),
  );
  const per = Math.min(shape.outcomesPerDiscipline ?? 3, competencyIds.length);
  const outcomes = disciplineIds.flatMap((disciplineId, i) =>
    Array.from({ length: per }, (_, k) => ({
      versionId,
      disciplineId,
      competencyId: competencyIds[(i + k) % competencyIds.length]!,
      targetLevel: ((i + k) % 5) + 1,
    })),
  );
  const practice = (shape.practice ?? []).map(([index, targetLevel]) => ({
    versionId,
    practiceType: 'industrial' as const,
    competencyId: competencyIds[index]!,
    targetLevel,
  }));
  await insertAll([...outcomes, ...practice], (chunk) =>
    db.insert(schema.learningOutcomes).values(chunk).returning({ id: schema.learningOutcomes.id }),
  );
  return { programmeId: programme!.id, versionId, disciplineIds, competencyIds };
}

/** Students enrolled (active) in the version, optionally with accounts; returns their ids in order. */
export async function buildStudents(
  db: Db,
  versionId: number,
  count: number,
  options: { userIds?: (number | null)[]; admissionYear?: number; status?: EnrolmentStatus } = {},
): Promise<number[]> {
  const base = next() * 1_000_000;
  const studentIds = await insertAll(
    Array.from({ length: count }, (_, i) => ({
      iin: String(base + i).padStart(12, '0'),
      fullName: `Әлібек Студент ${base + i}`,
      userId: options.userIds?.[i] ?? null,
    })),
    (chunk) => db.insert(schema.students).values(chunk).returning({ id: schema.students.id }),
  );
  await insertAll(
    studentIds.map((studentId) => ({
      studentId,
      versionId,
      admissionYear: options.admissionYear ?? 2024,
      enrolledOn: '2024-09-01',
      status: options.status ?? 'active',
      endedOn: options.status === 'withdrawn' || options.status === 'graduated' ? '2025-06-30' : null,
    })),
    (chunk) => db.insert(schema.enrolments).values(chunk).returning({ id: schema.enrolments.id }),
  );
  return studentIds;
}

/** A result row to build: the letter and grade point follow from the points. */
export interface ResultToBuild {
  studentId: number;
  disciplineId: number;
  points: number;
  attempt?: number;
  gradedOn?: string;
}

/** Discipline results on the national scale. */
export async function buildResults(db: Db, results: ResultToBuild[]) {
  await insertAll(
    results.map((r) => {
      const grade = gradeOfPoints(r.points);
      return {
        studentId: r.studentId,
        disciplineId: r.disciplineId,
        attempt: r.attempt ?? 1,
        points: r.points,
        letter: grade.letter,
        gradePoint: grade.gradePoint.toFixed(2),
        gradedOn: r.gradedOn ?? '2025-01-20',
      };
    }),
    (chunk) =>
      db.insert(schema.disciplineResults).values(chunk).returning({ id: schema.disciplineResults.id }),
  );
}

/**
 * A booking row for a session of a discipline on a lab with its use recorded as booked (to insert into bookings).
 * @example await db.insert(schema.bookings).values(usedSession(lab.id, d1, new Date('2025-03-03T04:00:00Z'), 2, 10));
 */
export function usedSession(
  labId: number,
  disciplineId: number | null,
  start: Date,
  hours: number,
  attendees: number,
) {
  const end = new Date(start.getTime() + hours * 3_600_000);
  return {
    labId,
    purpose: 'discipline_session' as const,
    disciplineId,
    startsAt: start,
    endsAt: end,
    actualStart: start,
    actualEnd: end,
    attendeesCount: attendees,
  };
}
