import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { buildProgrammeVersion, buildStudent, enrol } from './test-data.ts';
import { gpaOf, gradeFor } from './results.service.ts';

describe('grades', () => {
  it('takes the letter from the points and refuses a letter that contradicts them', () => {
    expect(gradeFor(87)).toEqual({ letter: 'B+', gradePoint: 3.33 });
    expect(gradeFor(87, 'B+')).toEqual({ letter: 'B+', gradePoint: 3.33 });
    expect(gradeFor(87, 'A').issue).toBe('87 points is B+ on the national scale, not A');
  });

  it('counts the last attempt of each discipline, weighted by credits', () => {
    const r = (disciplineId: number, attempt: number, gradePoint: number, credits: number) =>
      ({ disciplineId, attempt, gradePoint, credits }) as Parameters<typeof gpaOf>[0][number];
    expect(gpaOf([r(1, 1, 0, 5), r(1, 2, 3, 5), r(2, 1, 4, 10)])).toEqual({ gpa: 3.67, credits: 15 });
    expect(gpaOf([])).toEqual({ gpa: 0, credits: 0 });
  });
});

describe('results and enrolments through the API', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let c: Awaited<ReturnType<typeof buildWorld>>['clients'];
  let version: Awaited<ReturnType<typeof buildProgrammeVersion>>;
  let other: Awaited<ReturnType<typeof buildProgrammeVersion>>;
  let studentId: number;

  beforeAll(async () => {
    t = await createBareTestApp();
    c = (await buildWorld(t)).clients;
    version = await buildProgrammeVersion(t.database.db, { disciplines: 4 });
    other = await buildProgrammeVersion(t.database.db, { disciplines: 1 });
    studentId = (await buildStudent(t.database.db)).id;
    await enrol(t.database.db, studentId, version.version.id);
  });
  afterAll(async () => t?.close());

  const post = (body: object) => c.coordinator.request('POST', '/api/results', body);

  it('records results with the letter and grade point of the scale, and the GPA over last attempts', async () => {
    const [d1, d2] = version.disciplines;
    const first = await post({ studentId, disciplineId: d1!.id, points: 40, gradedOn: '2025-01-20' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ letter: 'F', gradePoint: 0, attempt: 1, disciplineCode: d1!.code });
    await post({
      studentId,
      disciplineId: d1!.id,
      attempt: 2,
      points: 96,
      letter: 'A',
      gradedOn: '2025-02-10',
    });
    await post({ studentId, disciplineId: d2!.id, points: 80, gradedOn: '2025-01-22' });
    const results = (await c.officer.request('GET', `/api/students/${studentId}/results`)).json();
    expect(results.items).toHaveLength(3);
    expect([results.gpa, results.credits]).toEqual([3.5, 10]);
  });

  it('refuses bad results with 400 naming the field, and writes nothing', async () => {
    const before = (await c.admin.request('GET', `/api/students/${studentId}/results`)).json().items.length;
    const cases: [object, string, object][] = [
      [
        { studentId, disciplineId: version.disciplines[2]!.id, points: 101, gradedOn: '2025-01-01' },
        'body.points',
        { code: 'too_big', maximum: 100 },
      ],
      [
        {
          studentId,
          disciplineId: version.disciplines[2]!.id,
          points: 70,
          letter: 'A',
          gradedOn: '2025-01-01',
        },
        'body.letter',
        { code: 'custom', rule: 'gradeMatchesPoints' },
      ],
      [
        { studentId, disciplineId: other.disciplines[0]!.id, points: 70, gradedOn: '2025-01-01' },
        'body.disciplineId',
        { code: 'custom', rule: 'enrolledInVersion' },
      ],
      [
        { studentId: 999999, disciplineId: version.disciplines[2]!.id, points: 70, gradedOn: '2025-01-01' },
        'body.studentId',
        { code: 'custom', rule: 'exists' },
      ],
      [
        { studentId, disciplineId: version.disciplines[2]!.id, points: 70, gradedOn: '2025-02-30' },
        'body.gradedOn',
        { code: 'invalid_format' },
      ],
    ];
    for (const [body, path, reason] of cases) {
      const response = await post(body);
      expect([path, response.statusCode]).toEqual([path, 400]);
      // The field and the machine reason the form translates (the result form shows it under the field).
      const issue = response.json().error.details.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.reason, path).toMatchObject(reason);
    }
    const after = (await c.admin.request('GET', `/api/students/${studentId}/results`)).json().items.length;
    expect(after).toBe(before);
  });

  it('answers 409 for an attempt already recorded; changes and deletes a result, audited', async () => {
    const d = version.disciplines[3]!;
    const created = (
      await post({ studentId, disciplineId: d.id, points: 55, gradedOn: '2025-01-20' })
    ).json();
    const again = await post({ studentId, disciplineId: d.id, points: 60, gradedOn: '2025-01-21' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'CONFLICT']);
    expect(again.json().error.details.issues).toEqual([
      { path: 'body.attempt', message: 'Already recorded', reason: { code: 'custom', rule: 'unique' } },
    ]);
    const changed = await c.admin.request('PATCH', `/api/results/${created.id}`, { points: 91 });
    expect(changed.json()).toMatchObject({ points: 91, letter: 'A-', gradePoint: 3.67 });
    const wrong = await c.admin.request('PATCH', `/api/results/${created.id}`, { letter: 'C' });
    expect(wrong.statusCode).toBe(400);
    expect((await c.admin.request('DELETE', `/api/results/${created.id}`)).statusCode).toBe(204);
    const audit = (
      await c.admin.request('GET', `/api/audit?entity=result&entityId=${created.id}&sort=at`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'delete']);
  });

  it('moves enrolments by the allowed transitions only, one current at a time', async () => {
    const s = await buildStudent(t.database.db);
    const enrolment = await c.coordinator.request('POST', `/api/students/${s.id}/enrolments`, {
      versionId: version.version.id,
      admissionYear: 2025,
      enrolledOn: '2025-09-01',
    });
    expect(enrolment.statusCode).toBe(201);
    const second = await c.coordinator.request('POST', `/api/students/${s.id}/enrolments`, {
      versionId: other.version.id,
      admissionYear: 2025,
      enrolledOn: '2025-09-01',
    });
    expect(second.statusCode).toBe(409);
    const id = enrolment.json().id;
    const leave = await c.admin.request('PATCH', `/api/enrolments/${id}`, { status: 'on-leave' });
    expect(leave.json()).toMatchObject({ status: 'on-leave', endedOn: null });
    const early = await c.admin.request('PATCH', `/api/enrolments/${id}`, {
      status: 'withdrawn',
      endedOn: '2020-01-01',
    });
    expect([early.statusCode, early.json().error.details.issues[0].path]).toEqual([400, 'body.endedOn']);
    const withdrawn = await c.admin.request('PATCH', `/api/enrolments/${id}`, { status: 'withdrawn' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', endedOn: t.today() });
    const back = await c.admin.request('PATCH', `/api/enrolments/${id}`, { status: 'active' });
    expect([back.statusCode, back.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    const list = (await c.officer.request('GET', `/api/students/${s.id}/enrolments`)).json();
    expect(list.map((e: { status: string }) => e.status)).toEqual(['withdrawn']);
  });

  it('refuses an enrolment in a draft or missing version with 400', async () => {
    const draft = await buildProgrammeVersion(t.database.db, { status: 'draft' });
    const s = await buildStudent(t.database.db);
    for (const versionId of [draft.version.id, 999999]) {
      const response = await c.coordinator.request('POST', `/api/students/${s.id}/enrolments`, {
        versionId,
        admissionYear: 2025,
        enrolledOn: '2025-09-01',
      });
      const [issue] = response.json().error.details.issues;
      expect([response.statusCode, issue.path, issue.reason.rule]).toEqual([
        400,
        'body.versionId',
        versionId === 999999 ? 'exists' : 'versionActive',
      ]);
    }
  });
});
