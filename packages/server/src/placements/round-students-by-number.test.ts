import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { buildProgrammeVersion, buildRound, buildStudent, enrol } from './offers-rounds.test-support.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;

describe('round set-up: students by number, deadlines, removal', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let c: World['clients'];
  let enrolled: { id: number; iin: string }[];
  let notEnrolled: { id: number; iin: string };

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = world.clients;
    const db = t.database.db;
    const version = await buildProgrammeVersion(db);
    enrolled = [];
    for (let i = 0; i < 3; i++) {
      const student = await buildStudent(db);
      await enrol(db, student.id, version.version.id);
      enrolled.push(student);
    }
    notEnrolled = await buildStudent(db);
  }, 120_000);
  afterAll(async () => t?.close());

  const studentsOf = async (roundId: number) =>
    (await c.officer.request('GET', `/api/rounds/${roundId}/students?pageSize=200`))
      .json()
      .items.map((s: { studentId: number }) => s.studentId)
      .sort((a: number, b: number) => a - b);

  it('refuses a pasted list with a wrong line, naming each line, and adds nobody', async () => {
    const round = await buildRound(t.database.db, { status: 'draft' });
    const url = `/api/rounds/${round.id}/students/by-number`;
    const refused = await c.officer.request('POST', url, {
      numbers: [enrolled[0]!.iin, '', '12345', '000000000000', notEnrolled.iin, ` ${enrolled[0]!.iin} `],
    });
    expect(refused.statusCode).toBe(400);
    const issues = refused
      .json()
      .error.details.issues.map((i: { path: string; reason: { rule: string } }) => [i.path, i.reason?.rule]);
    expect(issues).toEqual([
      ['body.numbers.2', 'studentNumber'],
      ['body.numbers.3', 'exists'],
      ['body.numbers.4', 'enrolledStudent'],
      ['body.numbers.5', 'noRepeats'],
    ]);
    expect(await studentsOf(round.id)).toEqual([]);
    for (const body of [{}, { numbers: [] }, { numbers: 'x' }, { numbers: ['x'.repeat(101)] }])
      expect((await c.officer.request('POST', url, body)).statusCode).toBe(400);
    expect((await c.officer.request('POST', url, { numbers: ['', '  '] })).statusCode).toBe(400);
    const audit = (
      await c.admin.request('GET', `/api/audit?entity=round_students&entityId=${round.id}`)
    ).json();
    expect(audit.total).toBe(0);
  });

  it('adds the listed students once, counting those already in the round, audited', async () => {
    const round = await buildRound(t.database.db, { status: 'open' });
    const url = `/api/rounds/${round.id}/students/by-number`;
    const first = await c.officer.request('POST', url, { numbers: [enrolled[0]!.iin] });
    expect(first.json()).toMatchObject({ added: 1, alreadyInRound: 0 });
    const second = await c.officer.request('POST', url, {
      numbers: [enrolled[0]!.iin, '', enrolled[1]!.iin, `${enrolled[2]!.iin}\r`],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ added: 2, alreadyInRound: 1 });
    expect(await studentsOf(round.id)).toEqual(enrolled.map((s) => s.id).sort((a, b) => a - b));
    const audit = (
      await c.admin.request('GET', `/api/audit?entity=round_students&entityId=${round.id}`)
    ).json();
    expect(audit.total).toBe(2);
  });

  it('refuses partners, students and everyone but the officer and admins', async () => {
    const round = await buildRound(t.database.db, { status: 'draft' });
    for (const role of ['coordinator', 'partner', 'student', 'mentor', 'observer', 'admissions'] as const) {
      const response = await c[role].request('POST', `/api/rounds/${round.id}/students/by-number`, {
        numbers: [enrolled[0]!.iin],
      });
      expect([role, response.statusCode]).toEqual([role, 403]);
      const deadlines = await c[role].request('PATCH', `/api/rounds/${round.id}`, {
        responseClosesAt: '2027-01-20T12:00:00Z',
      });
      expect([role, deadlines.statusCode]).toEqual([role, 403]);
    }
    expect(await studentsOf(round.id)).toEqual([]);
    const closed = await buildRound(t.database.db, { status: 'closed' });
    const late = await c.officer.request('POST', `/api/rounds/${closed.id}/students/by-number`, {
      numbers: [enrolled[0]!.iin],
    });
    expect(late.statusCode).toBe(409);
  });

  it('changes the deadlines until publication, in order, and removes a student with their ranking', async () => {
    const round = await buildRound(t.database.db, { status: 'closed' });
    const moved = await c.officer.request('PATCH', `/api/rounds/${round.id}`, {
      responseClosesAt: '2027-01-20T12:00:00Z',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().responseClosesAt).toBe('2027-01-20T12:00:00.000Z');
    const disordered = await c.officer.request('PATCH', `/api/rounds/${round.id}`, {
      partnerRankingClosesAt: '2027-02-01T12:00:00Z',
    });
    expect(disordered.statusCode).toBe(400);
    expect(disordered.json().error.details.issues[0].path).toMatch(/^body\./);
    expect((await c.officer.request('GET', `/api/rounds/${round.id}`)).json().responseClosesAt).toBe(
      '2027-01-20T12:00:00.000Z',
    );
    const published = await buildRound(t.database.db, { status: 'published' });
    const frozen = await c.officer.request('PATCH', `/api/rounds/${published.id}`, {
      responseClosesAt: '2027-01-20T12:00:00Z',
    });
    expect(frozen.statusCode).toBe(409);

    const open = await buildRound(t.database.db, { status: 'open' });
    await c.officer.request('POST', `/api/rounds/${open.id}/students/by-number`, {
      numbers: [enrolled[1]!.iin],
    });
    expect(
      (await c.partner.request('DELETE', `/api/rounds/${open.id}/students/${enrolled[1]!.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await c.officer.request('DELETE', `/api/rounds/${open.id}/students/${enrolled[1]!.id}`)).statusCode,
    ).toBe(204);
    expect(await studentsOf(open.id)).toEqual([]);
    expect(
      (await c.officer.request('DELETE', `/api/rounds/${open.id}/students/${enrolled[1]!.id}`)).statusCode,
    ).toBe(404);
  });
});
