/** The programmes, competencies and enrolments the demand tests need, written straight into the tables. */
import { type Db, schema } from '@kadr/db';

let sequence = 0;

/** A competency framework with `n` skills; answers their ids. */
export async function buildCompetencies(db: Db, n: number): Promise<number[]> {
  const k = ++sequence;
  const [framework] = await db
    .insert(schema.competencyFrameworks)
    .values({ code: `DEMAND${k}`, source: 'own', nameKk: 'Ж', nameRu: 'Ф', nameEn: 'F' })
    .returning();
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) {
    const [c] = await db
      .insert(schema.competencies)
      .values({
        frameworkId: framework!.id,
        code: `S${i}`,
        type: 'skill',
        nameEn: `Skill ${i}`,
        nameRu: `Навык ${i}`,
      })
      .returning();
    ids.push(c!.id);
  }
  return ids;
}

/**
 * A programme of the group with an active version of one discipline teaching `taught` (competency id → level),
 * and a practice teaching `practice`.
 */
export async function buildTaughtProgramme(
  db: Db,
  options: {
    group: string;
    area: 'metallurgy' | 'it' | 'energy' | 'petrochemistry';
    taught?: [number, number][];
    practice?: [number, number][];
  },
) {
  const n = ++sequence;
  const [programme] = await db
    .insert(schema.programmes)
    .values({
      code: `6B09${String(100 + n).padStart(3, '0')}`,
      programmeGroup: options.group,
      level: 'bachelor',
      priorityArea: options.area,
      nameKk: `Бағдарлама ${n}`,
      nameRu: `Программа ${n}`,
      nameEn: `Programme ${n}`,
      languages: ['ru'],
      credits: 240,
      durationSemesters: 8,
    })
    .returning();
  const [version] = await db
    .insert(schema.programmeVersions)
    .values({ programmeId: programme!.id, number: 1, status: 'active', startYear: 2020 })
    .returning();
  const [discipline] = await db
    .insert(schema.disciplines)
    .values({
      versionId: version!.id,
      code: `D${n}`,
      nameKk: 'Пән',
      nameRu: 'Дисциплина',
      credits: 5,
      ects: 5,
      semester: 1,
      cycle: 'major',
      component: 'compulsory',
    })
    .returning();
  for (const [competencyId, targetLevel] of options.taught ?? [])
    await db
      .insert(schema.learningOutcomes)
      .values({ versionId: version!.id, disciplineId: discipline!.id, competencyId, targetLevel });
  for (const [competencyId, targetLevel] of options.practice ?? [])
    await db
      .insert(schema.learningOutcomes)
      .values({ versionId: version!.id, practiceType: 'industrial', competencyId, targetLevel });
  return { programme: programme!, version: version! };
}

/** `count` students enrolled in the version, admitted in `admissionYear`, with the status given; answers their ids. */
export async function buildEnrolments(
  db: Db,
  versionId: number,
  count: number,
  admissionYear: number,
  status: 'active' | 'graduated' | 'withdrawn' = 'active',
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = ++sequence;
    const [student] = await db
      .insert(schema.students)
      .values({ iin: String(880101400000 + n), fullName: `Студент ${n}` })
      .returning();
    await db.insert(schema.enrolments).values({
      studentId: student!.id,
      versionId,
      admissionYear,
      status,
      enrolledOn: `${admissionYear}-09-01`,
      endedOn: status === 'active' ? null : `${admissionYear + 4}-06-30`,
    });
    ids.push(student!.id);
  }
  return ids;
}
