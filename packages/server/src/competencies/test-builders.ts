/**
 * Builders of the programme records the outcomes tests need (a programme with a version and disciplines, a
 * co-developer, a student's enrolment), written straight into the tables: the programmes and students parts
 * of issue 11 own the repositories that will create them through the API.
 */
import type { ProgrammeVersionStatus } from '@kadr/contracts';
import { type Db, schema } from '@kadr/db';

let sequence = 0;

/** A bachelor programme in energy with one version of `status` and `disciplines` disciplines in semesters 1, 2, … */
export async function buildProgrammeVersion(
  db: Db,
  options: { status?: ProgrammeVersionStatus; disciplines?: number; codeveloperIds?: number[] } = {},
) {
  const n = ++sequence;
  const [programme] = await db
    .insert(schema.programmes)
    .values({
      code: `6B07${String(100 + n).padStart(3, '0')}`,
      programmeGroup: 'B062',
      level: 'bachelor',
      priorityArea: 'energy',
      nameKk: `Электр энергетикасы ${n}`,
      nameRu: `Электроэнергетика ${n}`,
      nameEn: `Electrical power engineering ${n}`,
      languages: ['kk', 'ru'],
      credits: 240,
      durationSemesters: 8,
    })
    .returning();
  for (const organisationId of options.codeveloperIds ?? [])
    await db
      .insert(schema.programmeCodevelopers)
      .values({ programmeId: programme!.id, organisationId, contributions: ['curriculum'] });
  const [version] = await db
    .insert(schema.programmeVersions)
    .values({ programmeId: programme!.id, number: 1, status: options.status ?? 'draft', startYear: 2026 })
    .returning();
  const disciplines = [];
  for (let d = 1; d <= (options.disciplines ?? 3); d++) {
    const [discipline] = await db
      .insert(schema.disciplines)
      .values({
        versionId: version!.id,
        code: `EPE${n}${d}`,
        nameKk: `Пән ${d}`,
        nameRu: `Дисциплина ${d}`,
        nameEn: `Discipline ${d}`,
        credits: 5,
        ects: 5,
        semester: d,
        cycle: 'major',
        component: 'compulsory',
      })
      .returning();
    disciplines.push(discipline!);
  }
  return { programme: programme!, version: version!, disciplines };
}

/** A student record of the user, enrolled in the version. */
export async function enrolStudent(db: Db, userId: number, versionId: number) {
  const n = ++sequence;
  const [student] = await db
    .insert(schema.students)
    .values({ iin: String(900101300000 + n), fullName: `Студент ${n}`, userId })
    .returning();
  await db
    .insert(schema.enrolments)
    .values({ studentId: student!.id, versionId, admissionYear: 2026, enrolledOn: '2026-09-01' });
  return student!;
}
