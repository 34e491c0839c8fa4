/** Builders of programme request bodies and records for the programme tests. */
import { type Db, schema } from '@kadr/db';
import { expect } from 'vitest';
import type { Client } from '../test/factories.ts';

let sequence = 0;

/** A valid programme body (bachelor, 240 credits, 8 semesters), unique code, with the given co-developers. */
export function programmeBody(codeveloperIds: number[] = [], overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    code: `6B07${String(100 + sequence).padStart(3, '0')}`,
    programmeGroup: 'B062',
    level: 'bachelor',
    priorityArea: 'energy',
    name: {
      kk: `Электр энергетикасы ${sequence}`,
      ru: `Электроэнергетика ${sequence}`,
      en: `Power ${sequence}`,
    },
    languages: ['kk', 'ru'],
    credits: 240,
    durationSemesters: 8,
    codevelopers: codeveloperIds.map((organisationId) => ({ organisationId, contributions: ['curriculum'] })),
    ...overrides,
  };
}

/** A valid discipline body. */
export function disciplineBody(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    code: `EE ${1000 + sequence}`,
    name: { kk: `Пән ${sequence}`, ru: `Дисциплина ${sequence}`, en: `Discipline ${sequence}` },
    credits: 5,
    ects: 5,
    semester: 1,
    cycle: 'major',
    component: 'compulsory',
    ...overrides,
  };
}

/** Creates a programme as `writer` and answers its id. */
export async function createProgramme(writer: Client, codeveloperIds: number[] = []): Promise<number> {
  const response = await writer.request('POST', '/api/programmes', programmeBody(codeveloperIds));
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
}

/** Opens a draft of the programme with one discipline (or `disciplines` of them) and answers the version id. */
export async function draftWithDiscipline(
  writer: Client,
  programmeId: number,
  disciplines = 1,
): Promise<number> {
  const version = await writer.request('POST', `/api/programmes/${programmeId}/versions`, {
    startYear: 2026,
  });
  expect(version.statusCode, version.body).toBe(201);
  const id = version.json().id as number;
  for (let i = 0; i < disciplines; i++) {
    const d = await writer.request('POST', `/api/programme-versions/${id}/disciplines`, disciplineBody());
    expect(d.statusCode, d.body).toBe(201);
  }
  return id;
}

/** Enrols a new student, signed in as the user `userId`, in the version (written directly: students are P3's). */
export async function enrolStudent(
  db: Db,
  versionId: number,
  userId: number | null,
  iin: string,
): Promise<number> {
  const [student] = await db
    .insert(schema.students)
    .values({ iin, fullName: `Student ${iin}`, userId })
    .returning({ id: schema.students.id });
  await db
    .insert(schema.enrolments)
    .values({ studentId: student!.id, versionId, admissionYear: 2026, enrolledOn: '2026-09-01' });
  return student!.id;
}
