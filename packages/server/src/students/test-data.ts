/**
 * Builders of students' test data (tests and the import benchmark): valid IINs, a programme version with its
 * disciplines (written straight to the tables, so these tests do not wait for the programmes capability), students
 * and enrolments. Each call numbers its records from a per-process sequence, so builders never collide.
 */
import { iinControlDigit, type ProgrammeVersionStatus } from '@kadr/contracts';
import {
  type Db,
  enrolmentsRepository,
  schema,
  type StudentInput,
  type StudentRecord,
  studentsRepository,
} from '@kadr/db';

let sequence = 0;

/** A valid IIN (correct control digit) made from `n`: distinct for distinct `n` below 10^8. */
export function testIin(n: number): string {
  const stem = `95${String(n).padStart(8, '0')}`;
  for (let last = 0; last <= 9; last++) {
    const control = iinControlDigit(`${stem}${last}`);
    if (control !== undefined) return `${stem}${last}${control}`;
  }
  throw new Error(`no IIN from ${n}`);
}

/** A programme version with `disciplines` disciplines (codes `D001`…, 5 credits each, semesters 1-8). */
export async function buildProgrammeVersion(
  db: Db,
  options: { disciplines?: number; status?: ProgrammeVersionStatus } = {},
) {
  const n = ++sequence;
  const [programme] = await db
    .insert(schema.programmes)
    .values({
      code: `6B07${String(n).padStart(3, '0')}`,
      programmeGroup: 'B062',
      level: 'bachelor',
      priorityArea: 'metallurgy',
      nameKk: `Бағдарлама ${n}`,
      nameRu: `Программа ${n}`,
      nameEn: `Programme ${n}`,
      languages: ['kk', 'ru'],
      credits: 240,
      durationSemesters: 8,
    })
    .returning();
  const [version] = await db
    .insert(schema.programmeVersions)
    .values({ programmeId: programme!.id, number: 1, status: options.status ?? 'active', startYear: 2024 })
    .returning();
  const count = options.disciplines ?? 3;
  const disciplines =
    count === 0
      ? []
      : await db
          .insert(schema.disciplines)
          .values(
            Array.from({ length: count }, (_, i) => ({
              versionId: version!.id,
              code: `D${String(i + 1).padStart(3, '0')}`,
              nameKk: `Пән ${i + 1}`,
              nameRu: `Дисциплина ${i + 1}`,
              nameEn: `Discipline ${i + 1}`,
              credits: 5,
              ects: 5,
              semester: (i % 8) + 1,
              cycle: 'basic' as const,
              component: 'compulsory' as const,
            })),
          )
          .returning();
  return { programme: programme!, version: version!, disciplines };
}

/** A student (a valid IIN, a name, contacts) unless overridden. */
export function buildStudent(db: Db, overrides: Partial<StudentInput> = {}): Promise<StudentRecord> {
  const n = ++sequence;
  return studentsRepository.create(db, {
    iin: testIin(n),
    fullName: `Студент ${n}`,
    email: `student.${n}@test.kadr.kz`,
    phone: `+7 701 ${String(n).padStart(7, '0')}`,
    userId: null,
    ...overrides,
  });
}

/** An active enrolment of the student in the version (admitted 2024). */
export function enrol(db: Db, studentId: number, versionId: number) {
  return enrolmentsRepository.create(db, {
    studentId,
    versionId,
    admissionYear: 2024,
    status: 'active',
    enrolledOn: '2024-09-01',
    endedOn: null,
  });
}
