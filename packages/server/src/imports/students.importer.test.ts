import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgrammeVersion, buildStudent, enrol, testIin } from '../students/test-data.ts';
import { buildUser, buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn, TEST_PASSWORD } from '../testing.ts';
import { upload } from '../uploads/test-support.ts';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

describe('students and results imports', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let c: Awaited<ReturnType<typeof buildWorld>>['clients'];
  let homeId: number;
  let version: Awaited<ReturnType<typeof buildProgrammeVersion>>;
  let draft: Awaited<ReturnType<typeof buildProgrammeVersion>>;

  beforeAll(async () => {
    t = await createBareTestApp();
    const world = await buildWorld(t);
    c = world.clients;
    homeId = world.home.id;
    version = await buildProgrammeVersion(t.database.db, { disciplines: 3 });
    draft = await buildProgrammeVersion(t.database.db, { status: 'draft' });
  });
  afterAll(async () => t?.close());

  const send = (client: Client, kind: string, lines: string[], dryRun = false, progressId = '') =>
    upload(
      t.app,
      client,
      `/api/imports/${kind}?dryRun=${dryRun}${progressId ? `&progressId=${progressId}` : ''}`,
      `${kind}.csv`,
      'text/csv',
      csv(lines),
    );
  const issuesOf = (response: {
    json(): { error: { details: { issues: { row: number; column: string }[] } } };
  }) => response.json().error.details.issues.map((i) => [i.row, i.column]);
  const students = async () => (await c.admin.request('GET', '/api/students?pageSize=1')).json().total;
  const audit = async () => (await c.admin.request('GET', '/api/audit?pageSize=1')).json().total;

  const HEADER = 'iin,full_name,email,phone,programme,version,admission_year,enrolled_on';

  it('imports students with their enrolments after a dry run that writes nothing; audits them with the IIN masked', async () => {
    const code = version.programme.code;
    const lines = [
      HEADER,
      `${testIin(5001)},Айгерім Нұрланова,aigerim@example.kz,+7 701 000 0001,${code},1,2024,`,
      `${testIin(5002)};Бауыржан Серікұлы;;;${code.toLowerCase()};1;2025;01.09.2025`.replaceAll(';', ','),
    ];
    const [before, auditBefore] = [await students(), await audit()];
    const dry = await send(c.admin, 'students', lines, true);
    expect(dry.json()).toEqual({ kind: 'students', dryRun: true, rows: 2, created: 0, ids: [] });
    expect([await students(), await audit()]).toEqual([before, auditBefore]);
    const done = await send(c.admin, 'students', lines);
    expect(done.json()).toMatchObject({ kind: 'students', dryRun: false, rows: 2, created: 2 });
    const [first, second] = done.json().ids;
    const one = (await c.admin.request('GET', `/api/students/${second}`)).json();
    expect(one).toMatchObject({
      iin: testIin(5002),
      fullName: 'Бауыржан Серікұлы',
      enrolment: {
        versionId: version.version.id,
        admissionYear: 2025,
        enrolledOn: '2025-09-01',
        status: 'active',
      },
    });
    const enrolled = (await c.admin.request('GET', `/api/students/${first}`)).json().enrolment;
    expect(enrolled.enrolledOn).toBe('2024-09-01');
    const log = await c.admin.request('GET', `/api/audit?entity=student&entityId=${first}`);
    expect(log.json().items[0].after.iin).toBe(`********${testIin(5001).slice(-4)}`);
    expect(log.body).not.toContain(testIin(5001));
    expect(
      (await c.admin.request('GET', `/api/audit?entity=enrolment&entityId=${enrolled.id}`)).json().total,
    ).toBe(1);
  });

  it('refuses a students file with bad rows, naming each row and column, and writes nothing', async () => {
    const code = version.programme.code;
    const recorded = await buildStudent(t.database.db);
    const wrongDigit = `${testIin(6001).slice(0, 11)}${(Number(testIin(6001)[11]) + 1) % 10}`;
    const lines = [
      HEADER,
      `${wrongDigit},A,,,${code},1,2024,`,
      `${testIin(6002)},B,not-mail,,${code},1,2024,`,
      `${testIin(6003)},C,,,${code},1,2024,`,
      `${testIin(6003)},D,,,${code},1,2024,`,
      `${recorded.iin},E,,,${code},1,2024,`,
      `${testIin(6004)},F,,,${code},7,2024,`,
      `${testIin(6005)},G,,,${draft.programme.code},1,2024,`,
      `${testIin(6006)},,,,${code},1,1800,`,
    ];
    const [before, auditBefore] = [await students(), await audit()];
    const response = await send(c.admin, 'students', lines);
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'IMPORT_FAILED']);
    expect(issuesOf(response)).toEqual([
      [2, 'iin'],
      [3, 'email'],
      [5, 'iin'],
      [6, 'iin'],
      [7, 'version'],
      [8, 'version'],
      [9, 'admission_year'],
      [9, 'full_name'],
    ]);
    expect([await students(), await audit()]).toEqual([before, auditBefore]);
  });

  const RESULTS = 'iin,discipline,attempt,points,letter,graded_on';

  it('imports results by IIN and discipline code; the letter follows the points', async () => {
    const s = await buildStudent(t.database.db);
    await enrol(t.database.db, s.id, version.version.id);
    const [d1, d2] = version.disciplines;
    const lines = [
      RESULTS,
      `${s.iin},${d1!.code},1,40,,2025-01-20`,
      `${s.iin},${d1!.code.toLowerCase()},2,96,a,2025-02-10`,
      `${s.iin},${d2!.code},,80,B,20.01.2025`,
    ];
    expect((await send(c.admin, 'results', lines, true)).json()).toMatchObject({
      dryRun: true,
      rows: 3,
      created: 0,
    });
    expect((await c.admin.request('GET', `/api/students/${s.id}/results`)).json().items).toEqual([]);
    const done = await send(c.admin, 'results', lines);
    expect(done.json()).toMatchObject({ kind: 'results', rows: 3, created: 3 });
    const results = (await c.admin.request('GET', `/api/students/${s.id}/results`)).json();
    expect(results.items.map((r: { letter: string; attempt: number }) => [r.letter, r.attempt])).toEqual([
      ['F', 1],
      ['A', 2],
      ['B', 1],
    ]);
    expect(results.gpa).toBe(3.5);
    const log = await c.admin.request('GET', `/api/audit?entity=result&entityId=${done.json().ids[0]}`);
    expect(log.json().items[0].after).toMatchObject({ studentId: s.id, points: 40, letter: 'F' });
    expect(log.body).not.toContain(s.iin);
  });

  it('refuses a results file with bad rows, naming each row and column, and writes nothing', async () => {
    const s = await buildStudent(t.database.db);
    await enrol(t.database.db, s.id, version.version.id);
    const notEnrolled = await buildStudent(t.database.db);
    const [d1, d2, d3] = version.disciplines;
    await c.admin.request('POST', '/api/results', {
      studentId: s.id,
      disciplineId: d3!.id,
      points: 70,
      gradedOn: '2025-01-01',
    });
    const lines = [
      RESULTS,
      `${s.iin},${d1!.code},1,87,A,2025-01-20`,
      `${s.iin},${d1!.code},1,101,,2025-01-20`,
      `${notEnrolled.iin},${d1!.code},1,70,,2025-01-20`,
      `${s.iin},NOPE 101,1,70,,2025-01-20`,
      `${s.iin},${d2!.code},1,70,,2025-01-20`,
      `${s.iin},${d2!.code},1,75,,2025-01-21`,
      `${s.iin},${d3!.code},1,75,,2025-01-21`,
      `${s.iin},${d2!.code},2,75,,2025-02-30`,
    ];
    const [auditBefore] = [await audit()];
    const response = await send(c.admin, 'results', lines);
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'IMPORT_FAILED']);
    expect(issuesOf(response)).toEqual([
      [2, 'letter'],
      [3, 'points'],
      [4, 'iin'],
      [5, 'discipline'],
      [7, 'attempt'],
      [8, 'attempt'],
      [9, 'graded_on'],
    ]);
    // Each issue carries the machine reason the web says in the reader's language.
    const reasons = response.json().error.details.issues.map((i: { reason: object }) => i.reason);
    expect(reasons).toEqual([
      { code: 'custom', rule: 'gradeMatchesPoints' },
      { code: 'too_big', origin: 'number', maximum: 100 },
      { code: 'custom', rule: 'exists' },
      { code: 'custom', rule: 'enrolledInVersion' },
      { code: 'custom', rule: 'noRepeats' },
      { code: 'custom', rule: 'unique' },
      { code: 'invalid_format', format: 'date' },
    ]);
    expect((await c.admin.request('GET', `/api/students/${s.id}/results`)).json().items).toHaveLength(1);
    expect(await audit()).toBe(auditBefore);
  });

  it('reports the progress of a running import to the one who sent it, row by row, until done or failed', async () => {
    const code = version.programme.code;
    const lines = [
      HEADER,
      ...Array.from({ length: 1200 }, (_, i) => `${testIin(7000 + i)},Студент ${i},,,${code},1,2024,`),
    ];
    const id = randomUUID();
    const progressOf = (client: Client, progressId: string = id) =>
      client.request('GET', `/api/imports/progress/${progressId}`);
    let finished = false;
    const running = send(c.admin, 'students', lines, true, id).finally(() => {
      finished = true;
    });
    // The import lets the event loop turn every 500 rows, so that the page's polls are answered meanwhile. The
    // polls pause between them as the page's do: a poll answered from the session cache needs no database, and
    // polls sent back to back would take every turn of the loop from the import (27 s instead of half a second).
    const seen: { stage: string; validated: number }[] = [];
    while (!finished) {
      const poll = await progressOf(c.admin);
      if (poll.statusCode === 200) seen.push(poll.json());
      await sleep(2);
    }
    expect((await running).json()).toMatchObject({ dryRun: true, rows: 1200 });
    expect(seen.some((p) => p.stage === 'validating' && p.validated > 0 && p.validated < 1200)).toBe(true);
    expect(seen.map((p) => p.validated)).toEqual([...seen.map((p) => p.validated)].sort((a, b) => a - b));
    expect((await progressOf(c.admin)).json()).toEqual({
      id,
      kind: 'students',
      dryRun: true,
      stage: 'done',
      rows: 1200,
      validated: 1200,
      progress: 1,
    });
    // Another admin neither reads it nor takes its id; other roles may not ask; a refused file ends 'failed'.
    const other = await signIn(
      t.app,
      (await buildUser(t.database.db, { role: 'admin', organisationId: homeId })).email,
      TEST_PASSWORD,
    );
    expect((await progressOf(other)).statusCode).toBe(404);
    expect((await send(other, 'students', lines.slice(0, 2), true, id)).statusCode).toBe(409);
    expect((await progressOf(c.coordinator)).statusCode).toBe(403);
    const refused = randomUUID();
    expect(
      (await send(c.admin, 'results', [RESULTS, 'x,y,1,101,,2025-01-20'], false, refused)).statusCode,
    ).toBe(400);
    expect((await progressOf(c.admin, refused)).json()).toMatchObject({ stage: 'failed', rows: 1 });
    expect((await progressOf(c.admin, 'not-a-uuid')).statusCode).toBe(400);
    expect((await progressOf(c.admin, randomUUID())).statusCode).toBe(404);
  });

  it('lets only admins import students or results', async () => {
    for (const role of ['coordinator', 'officer', 'partner', 'student', 'observer'] as const)
      for (const kind of ['students', 'results'])
        expect((await send(c[role], kind, [RESULTS], true)).statusCode).toBe(403);
  });
});
