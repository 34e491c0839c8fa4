import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Passport, type PassportExport, passportExportSchema } from '@kadr/contracts';
import { schema } from '@kadr/db';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, buildWorld } from '../test/factories.ts';
import { createBareTestApp, TEST_NOW } from '../testing.ts';
import { buildResults, buildStudents, buildVersion } from './passport-test-data.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

describe('competency passport', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let me: number; // the signed-in student's record
  let other: number; // a student without an account
  let version: Awaited<ReturnType<typeof buildVersion>>;
  const folder = mkdtempSync(join(tmpdir(), 'kadr-passport-'));

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    // Discipline i teaches competencies i, i+1, i+2 at levels (i % 5) + 1, ...; every competency promised at 3.
    version = await buildVersion(db, {
      disciplines: 4,
      competencies: 4,
      codeveloperIds: [world.partnerOrg.id],
    });
    const students = await buildStudents(db, version.versionId, 2, {
      userIds: [world.clients.student.me.id, null],
    });
    me = students[0]!;
    other = students[1]!;
    const [d1, d2, d3] = version.disciplineIds;
    await buildResults(db, [
      { studentId: me, disciplineId: d1!, points: 30, attempt: 1, gradedOn: '2025-01-15' },
      { studentId: me, disciplineId: d1!, points: 92, attempt: 2, gradedOn: '2025-02-01' },
      { studentId: me, disciplineId: d2!, points: 60 },
      { studentId: other, disciplineId: d3!, points: 40 },
    ]);
    const lab = await buildLab(db);
    const [booking] = await db
      .insert(schema.bookings)
      .values({
        labId: lab.id,
        purpose: 'discipline_session',
        disciplineId: d3!,
        startsAt: new Date('2025-03-03T04:00:00Z'),
        endsAt: new Date('2025-03-03T06:00:00Z'),
        actualStart: new Date('2025-03-03T04:00:00Z'),
        actualEnd: new Date('2025-03-03T06:00:00Z'),
        attendeesCount: 12,
      })
      .returning();
    await db
      .insert(schema.bookingAttendees)
      .values({ bookingId: booking!.id, userId: world.clients.student.me.id });
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await t.close();
  });

  const passportOf = async (client: keyof typeof world.clients, id: number) =>
    world.clients[client].request('GET', `/api/students/${id}/passport`);

  it('computes the level of each promised competency from last attempts and attended lab sessions', async () => {
    const response = await passportOf('coordinator', me);
    expect(response.statusCode).toBe(200);
    const passport = response.json() as Passport;
    expect(passport.summary).toMatchObject({ promised: 4 });
    const levelOf = (index: number) =>
      passport.competencies.find((c) => c.competency.id === version.competencyIds[index])!;
    // Outcomes: d1 → c0 1, c1 2, c2 3; d2 → c1 2, c2 3, c3 4; d3 → c2 3, c3 4, c0 5; d4 → c3 4, c0 5, c1 1.
    // c0: d1's last attempt (92 points) at 1, d3's lab session at min(5, 3) = 3 → reached; d3 and d4 still to come.
    expect(levelOf(0)).toMatchObject({ level: 3, progress: 'reached', targetLevel: 3 });
    expect(levelOf(0).planned.map((d) => d.id)).toEqual([version.disciplineIds[2], version.disciplineIds[3]]);
    // c1: d2 at 2 - 1 (60 points), d1 at 2 → 2, in progress; evidence by date, the failed first attempt not listed.
    expect(levelOf(1)).toMatchObject({ level: 2, progress: 'in-progress' });
    expect(levelOf(1).evidence.map((e) => [e.kind, e.discipline?.id, e.level, e.attempt])).toEqual([
      ['discipline-result', version.disciplineIds[1], 1, 1],
      ['discipline-result', version.disciplineIds[0], 2, 2],
    ]);
    // c2: d1 at 3, d2 at 3 - 1, d3's lab session at 3 → 3.
    expect(levelOf(2)).toMatchObject({ level: 3, progress: 'reached' });
    expect(levelOf(2).evidence.filter((e) => e.kind === 'lab-session')).toMatchObject([
      { hours: 2, date: '2025-03-03', level: 3, counts: true },
    ]);
    // c3: d2 at 4 - 1 and the lab session at min(4, 3) → 3.
    expect(levelOf(3)).toMatchObject({ level: 3, progress: 'reached' });
    expect(passport.summary).toEqual({
      promised: 4,
      reached: 3,
      inProgress: 1,
      notStarted: 0,
      evidenceCount: 9,
    });
    expect(passport.gpa).toBeCloseTo((3.67 + 1.67) / 2, 2);
    expect(passport.generatedAt).toBe(TEST_NOW.toISOString());
  });

  it('lets every staff role read any passport and refuses observers, mentors and admissions', async () => {
    for (const role of ['admin', 'coordinator', 'officer'] as const)
      expect((await passportOf(role, other)).statusCode).toBe(200);
    for (const role of ['observer', 'mentor', 'admissions'] as const)
      expect((await passportOf(role, me)).statusCode).toBe(403);
  });

  it('shows a student their own passport and no one else’s', async () => {
    const own = await world.clients.student.request('GET', '/api/me/passport');
    expect(own.statusCode).toBe(200);
    expect((own.json() as Passport).student.id).toBe(me);
    expect((await passportOf('student', me)).statusCode).toBe(200);
    expect((await passportOf('student', other)).statusCode).toBe(404);
    expect((await world.clients.coordinator.request('GET', '/api/me/passport')).statusCode).toBe(404);
  });

  it('shows a partner a passport only with a current consent that lists the passport', async () => {
    const db = t.database.db;
    expect((await passportOf('partner', other)).statusCode).toBe(404);
    await db.insert(schema.consents).values({
      studentId: other,
      organisationId: world.partnerOrg.id,
      scopes: ['profile', 'results'],
      givenOn: '2025-09-01',
    });
    expect((await passportOf('partner', other)).statusCode).toBe(404);
    await db.insert(schema.consents).values([
      {
        studentId: other,
        organisationId: world.partnerOrg.id,
        scopes: ['passport'],
        givenOn: '2025-09-01',
        validUntil: '2026-01-01',
      },
      {
        studentId: other,
        organisationId: world.partnerOrg.id,
        scopes: ['passport'],
        givenOn: '2025-09-01',
        revokedAt: TEST_NOW,
      },
    ]);
    expect((await passportOf('partner', other)).statusCode).toBe(404);
    await db.insert(schema.consents).values({
      studentId: other,
      organisationId: world.partnerOrg.id,
      scopes: ['passport'],
      givenOn: '2026-09-01',
    });
    expect((await passportOf('partner', other)).statusCode).toBe(200);
    expect((await passportOf('partner2', other)).statusCode).toBe(404);
    expect((await passportOf('partner', me)).statusCode).toBe(404);
  });

  it('lists the passport and analysis routes in the OpenAPI document', async () => {
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/students/{id}/passport',
      '/api/students/{id}/passport.pdf',
      '/api/students/{id}/passport.json',
      '/api/me/passport',
      '/api/schemas/passport.json',
      '/api/programme-versions/{id}/analysis',
    ])
      expect(Object.keys(openapi.paths)).toContain(path);
  });

  it('answers 404 for a student that does not exist', async () => {
    expect((await passportOf('admin', 999_999)).statusCode).toBe(404);
  });

  it('exports open JSON that validates against the published JSON Schema', async () => {
    const schemaResponse = await t.app.inject({ method: 'GET', url: '/api/schemas/passport.json' });
    expect(schemaResponse.statusCode).toBe(200);
    const validate = new Ajv2020({ strict: false }).compile(schemaResponse.json());
    const response = await world.clients.student.request('GET', `/api/students/${me}/passport.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain(`passport-${me}.json`);
    const exported = response.json() as PassportExport;
    expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
    expect(passportExportSchema.safeParse(exported).success).toBe(true);
    expect(exported.credentialSubject.achievements).toHaveLength(4);
    expect(exported.credentialSubject.achievements.map((a) => a.result.status)).toContain('Completed');
    // The schema refuses what it should: a level off the scale.
    const broken = structuredClone(exported);
    broken.credentialSubject.achievements[0]!.result.achievedLevel = 9;
    expect(validate(broken)).toBe(false);
  });

  it('renders the PDF in each language as a download', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const response = await world.clients.officer.request(
        'GET',
        `/api/students/${me}/passport.pdf?lang=${lang}`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(join(folder, `passport-${lang}.pdf`), response.rawPayload);
    }
    expect(
      (await world.clients.officer.request('GET', `/api/students/${me}/passport.pdf?lang=de`)).statusCode,
    ).toBe(400);
  });

  it.skipIf(!hasPdftotext && process.env.CI !== 'true')(
    'prints Kazakh and Russian letters in the PDF (pdftotext)',
    () => {
      const text = (lang: string) =>
        execFileSync('pdftotext', [join(folder, `passport-${lang}.pdf`), '-'], { encoding: 'utf8' });
      const kk = text('kk');
      expect(kk).toContain('Құзыреттер паспорты');
      expect(kk).toContain('Әлібек Студент');
      expect(kk).toContain('әғқңөұүһі');
      expect(text('ru')).toContain('Паспорт компетенций');
      expect(text('en')).toContain('Competency passport');
    },
  );
});
