import {
  allocationRepository,
  consentsRepository,
  type Db,
  MissingReferenceError,
  notificationsRepository,
  resultsRepository,
  schema,
  withSetCheckedReferences,
} from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStudent, buildProgrammeVersion, enrol } from '../students/test-data.ts';
import { buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { runEngine } from './allocation-engine.ts';
import { runInWorker } from './allocation-runner.ts';
import {
  addRoundOffers,
  addRoundStudents,
  buildOffer,
  buildRound,
  rankByPartner,
} from './allocation-test-data.ts';

type App = Awaited<ReturnType<typeof createBareTestApp>>;
type World = Awaited<ReturnType<typeof buildWorld>>;

let t: App;
let world: World;
let db: Db;

beforeAll(async () => {
  t = await createBareTestApp();
  world = await buildWorld(t);
  db = t.database.db;
}, 240_000);
afterAll(() => t.close());

/** Rows of a query (the tests' own look at the tables). */
async function rowsOf<T>(text: string): Promise<T[]> {
  return ((await db.execute(text)) as unknown as { rows: T[] }).rows;
}

/** A round row's name as the API answers it. */
const nameOf = (round: { nameKk: string; nameRu: string; nameEn: string }) => ({
  kk: round.nameKk,
  ru: round.nameRu,
  en: round.nameEn,
});

type PlacementRow = {
  id: number;
  student_id: number;
  offer_id: number;
  status: string;
  choice_rank: number | null;
  respond_by: string;
};
const placementsOf = (roundId: number) =>
  rowsOf<PlacementRow>(
    `select id, student_id, offer_id, status, choice_rank, respond_by::text from placements where round_id = ${roundId} order by id`,
  );

/** Polls the job until it finishes. */
async function runAndWait(client: Client, roundId: number) {
  const started = await client.request('POST', `/api/rounds/${roundId}/allocation`);
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 600; i++) {
    const job = (await client.request('GET', `/api/rounds/${roundId}/allocation`)).json();
    if (job.stage === 'done' || job.stage === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the allocation job did not finish');
}

/**
 * A round of four students at three offers:
 * - A (partner, 1 seat, explicit: the partner ranks s2 above s1, leaves out s4);
 * - B (partner, 2 seats, gpa: s3 shared results with GPA 4, s1 did not share);
 * - C (the other partner, 1 seat, gpa).
 * s1 (the signed-in student) ranks A then B; s2 ranks A; s3 ranks B; s4 ranks A then C; s5 ranks nothing.
 */
async function buildScenario() {
  const { version, disciplines } = await buildProgrammeVersion(db, { disciplines: 2 });
  const s1 = await buildStudent(db, { userId: world.clients.student.me.id });
  const [s2, s3, s4, s5] = await Promise.all([1, 2, 3, 4].map(() => buildStudent(db)));
  for (const s of [s1, s2!, s3!, s4!, s5!]) await enrol(db, s.id, version.id);
  for (const d of disciplines)
    await resultsRepository.create(db, {
      studentId: s3!.id,
      disciplineId: d.id,
      attempt: 1,
      points: 95,
      letter: 'A',
      gradePoint: 4,
      gradedOn: '2026-06-01',
    });
  await consentsRepository.create(db, {
    studentId: s3!.id,
    organisationId: world.partnerOrg.id,
    scopes: ['results', 'profile'],
    purpose: { kk: 'практика', ru: 'практика', en: 'practice' },
    givenOn: '2026-09-01',
    validUntil: null,
    recordedBy: null,
  });
  const a = await buildOffer(db, world.partnerOrg.id, {
    titleEn: 'Welding shop',
    titleRu: 'Сварочный цех',
    titleKk: 'Дәнекерлеу цехы',
  });
  const b = await buildOffer(db, world.partnerOrg.id, { titleEn: 'Rolling mill' });
  const c = await buildOffer(db, world.otherPartnerOrg.id, { titleEn: 'Laboratory' });
  const round = await buildRound(db);
  await addRoundOffers(db, round.id, [
    { offerId: a.id, seats: 1, scoring: 'explicit' },
    { offerId: b.id, seats: 2, scoring: 'gpa' },
    { offerId: c.id, seats: 1, scoring: 'gpa' },
  ]);
  await addRoundStudents(
    db,
    round.id,
    new Map([
      [s1.id, [a.id, b.id]],
      [s2!.id, [a.id]],
      [s3!.id, [b.id]],
      [s4!.id, [a.id, c.id]],
      [s5!.id, []],
    ]),
  );
  await rankByPartner(db, round.id, a.id, [s2!.id, s1.id]);
  return { round, offers: { a, b, c }, students: { s1, s2: s2!, s3: s3!, s4: s4!, s5: s5! } };
}

describe('allocation of a placement round', { timeout: 120_000 }, () => {
  let scenario: Awaited<ReturnType<typeof buildScenario>>;
  beforeAll(async () => {
    scenario = await buildScenario();
  }, 120_000);

  it('lets only officers and admins run the engine; staff read the job, others are refused', async () => {
    const { round } = scenario;
    for (const role of ['student', 'partner', 'observer', 'coordinator', 'mentor'] as const) {
      const response = await world.clients[role].request('POST', `/api/rounds/${round.id}/allocation`);
      expect(response.statusCode, role).toBe(403);
    }
    const missing = await world.clients.officer.request('POST', '/api/rounds/999999/allocation');
    expect(missing.statusCode).toBe(404);
    const draft = await buildRound(db, { status: 'open' });
    const open = await world.clients.officer.request('POST', `/api/rounds/${draft.id}/allocation`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('runs the engine in the worker thread and stores the preview with the checker verdict', async () => {
    const { round, offers, students } = scenario;
    const job = await runAndWait(world.clients.officer, round.id);
    expect(job).toMatchObject({ stage: 'done', progress: 1, error: null, roundId: round.id });
    const preview = await world.clients.coordinator.request(
      'GET',
      `/api/rounds/${round.id}/allocation/preview`,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.verdict).toMatchObject({ ok: true, violations: [] });
    expect(body.stale).toBe(false);
    // A: s2 (partner's first); B: s3 (GPA shared), then s1; C: s4 (its second choice); s5 ranked nothing.
    expect(body.summary).toMatchObject({
      students: 5,
      placed: 4,
      unplaced: 1,
      seats: 4,
      filled: 4,
      fillRate: 1,
    });
    expect(body.choices).toEqual([
      { choice: 1, students: 2 },
      { choice: 2, students: 2 },
      { choice: null, students: 1 },
    ]);
    expect(body.unplaced).toEqual([{ studentId: students.s5.id, fullName: students.s5.fullName }]);
    const partner = body.byPartner.find(
      (p: { organisationId: number }) => p.organisationId === world.partnerOrg.id,
    );
    expect(partner).toMatchObject({ offers: 2, seats: 3, filled: 3 });
    expect(body.byProgramme).toHaveLength(1);
    expect(body.byProgramme[0]).toMatchObject({ students: 5, placed: 4, firstChoice: 2 });
    for (const role of ['student', 'partner', 'observer'] as const) {
      const refused = await world.clients[role].request('GET', `/api/rounds/${round.id}/allocation/preview`);
      expect(refused.statusCode, role).toBe(403);
    }
    expect(offers.a.id).toBeGreaterThan(0);
  });

  it('refuses to publish a stale preview (a ranking changed since the run), then a failed check', async () => {
    const { round, offers, students } = scenario;
    await rowsOf(
      `update round_preferences set rank = 3 where round_id = ${round.id} and student_id = ${students.s1.id} and offer_id = ${offers.b.id}`,
    );
    const preview = (
      await world.clients.officer.request('GET', `/api/rounds/${round.id}/allocation/preview`)
    ).json();
    expect(preview.stale).toBe(true);
    const stale = await world.clients.officer.request('POST', `/api/rounds/${round.id}/allocation/publish`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ALLOCATION_STALE');
    await rowsOf(
      `update round_preferences set rank = 2 where round_id = ${round.id} and student_id = ${students.s1.id} and offer_id = ${offers.b.id}`,
    );
    const fresh = (
      await world.clients.officer.request('GET', `/api/rounds/${round.id}/allocation/preview`)
    ).json();
    expect(fresh.stale).toBe(false);

    const failing = JSON.stringify({
      ok: false,
      violations: [{ kind: 'capacity', message: 'A/general: over capacity' }],
      checkedAt: '2026-12-07T04:00:00.000Z',
    });
    const [saved] = await rowsOf<{ v: string }>(
      `select check_verdict::text as v from placement_rounds where id = ${round.id}`,
    );
    await rowsOf(`update placement_rounds set check_verdict = '${failing}'::jsonb where id = ${round.id}`);
    const failed = await world.clients.officer.request('POST', `/api/rounds/${round.id}/allocation/publish`);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().error.code).toBe('ALLOCATION_CHECK_FAILED');
    await rowsOf(`update placement_rounds set check_verdict = '${saved!.v}'::jsonb where id = ${round.id}`);
  });

  it('publishes atomically: a failure midway writes nothing', async () => {
    const { round, offers, students } = scenario;
    // s4's placement from this round already exists (written behind the service's back): the bulk insert fails.
    await rowsOf(
      `insert into placements (round_id, offer_id, student_id) values (${round.id}, ${offers.c.id}, ${students.s4.id})`,
    );
    const refused = await world.clients.officer.request('POST', `/api/rounds/${round.id}/allocation/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    const [counts] = await rowsOf(`select
        (select count(*)::int from placements where round_id = ${round.id}) as placements,
        (select count(*)::int from placement_events e join placements p on p.id = e.placement_id where p.round_id = ${round.id}) as events,
        (select count(*)::int from round_unplaced where round_id = ${round.id}) as unplaced,
        (select status from placement_rounds where id = ${round.id}) as status`);
    expect(counts).toEqual({ placements: 1, events: 0, unplaced: 0, status: 'closed' });
    const [notices] = await rowsOf<{ n: number }>(
      `select count(*)::int as n from notifications where ref = 'round:${round.id}'`,
    );
    expect(notices).toEqual({ n: 0 });
    await rowsOf(`delete from placements where round_id = ${round.id}`);
  });

  it('checks the references of the bulk writes as sets, PGlite skipping its per-row triggers: a missing one writes nothing', async () => {
    const { round, offers, students } = scenario;
    const at = new Date('2026-12-07T04:00:00Z');
    const publish = (placement: { offerId: number; studentId: number }, by: number | null = null) =>
      db.transaction((tx) =>
        withSetCheckedReferences(tx, () =>
          allocationRepository.publish(tx, round.id, {
            placements: [{ ...placement, choiceRank: 1, explanation: {}, locale: 'en' }],
            unplaced: [],
            respondBy: at,
            at,
            by,
            verdict: { ok: true },
          }),
        ),
      );
    await expect(publish({ offerId: 999_999, studentId: students.s1.id })).rejects.toThrow(
      MissingReferenceError,
    );
    await expect(publish({ offerId: offers.c.id, studentId: 999_999 })).rejects.toThrow(
      MissingReferenceError,
    );
    await expect(publish({ offerId: offers.c.id, studentId: students.s1.id }, 999_999)).rejects.toThrow(
      MissingReferenceError,
    );
    const message = {
      kind: 'round-results' as const,
      recipientUserId: 999_999,
      recipientEmail: 'nobody@test.kadr.kz',
      locale: 'en' as const,
      subject: 'Results',
      body: 'Results',
      ref: 'missing-reference',
    };
    await expect(
      db.transaction((tx) =>
        withSetCheckedReferences(tx, () => notificationsRepository.enqueueMany(tx, [message], at)),
      ),
    ).rejects.toThrow(MissingReferenceError);
    // The triggers are on again after the bulk writes: a bad reference written afterwards is refused by them.
    await expect(
      db.transaction(async (tx) => {
        await withSetCheckedReferences(tx, async () => undefined);
        await tx.execute(
          `insert into placements (round_id, offer_id, student_id) values (${round.id}, 999999, ${students.s1.id})`,
        );
      }),
    ).rejects.toThrow();
    const [counts] = await rowsOf(`select
        (select count(*)::int from placements where round_id = ${round.id}) as placements,
        (select count(*)::int from notifications where ref = 'missing-reference') as notifications,
        (select status from placement_rounds where id = ${round.id}) as status`);
    expect(counts).toEqual({ placements: 0, notifications: 0, status: 'closed' });
  });

  it('publishes every placement with its explanation, deadline and the verdict', async () => {
    const { round, students } = scenario;
    for (const role of ['coordinator', 'partner', 'student'] as const) {
      const refused = await world.clients[role].request('POST', `/api/rounds/${round.id}/allocation/publish`);
      expect(refused.statusCode, role).toBe(403);
    }
    const published = await world.clients.officer.request(
      'POST',
      `/api/rounds/${round.id}/allocation/publish`,
    );
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', placements: 4, unplaced: 1 });
    const rows = await placementsOf(round.id);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.status).toBe('offered');
      expect(new Date(row.respond_by).toISOString()).toBe('2026-12-20T18:00:00.000Z');
    }
    expect(rows.find((r) => r.student_id === students.s1.id)?.choice_rank).toBe(2);
    // Each stored explanation names the offers on its way that ranked their applicants themselves (A only).
    const explained = await rowsOf<{ student_id: number; explicit: number[] }>(
      `select student_id, explanation->'explicit' as explicit from placements where round_id = ${round.id}
      union all select student_id, explanation->'explicit' from round_unplaced where round_id = ${round.id}`,
    );
    const { a } = scenario.offers;
    expect(Object.fromEntries(explained.map((e) => [e.student_id, e.explicit]))).toEqual({
      [students.s1.id]: [a.id],
      [students.s2.id]: [a.id],
      [students.s3.id]: [],
      [students.s4.id]: [a.id],
      [students.s5.id]: [],
    });
    const notices = await rowsOf<{ recipient_email: string; locale: string; ref: string; subject: string }>(
      `select recipient_email, locale, ref, subject from notifications where kind = 'round-results' and ref = 'round:${round.id}'`,
    );
    expect(notices).toHaveLength(4);
    // The signed-in student's account speaks Russian; students without an account get Kazakh. Each message names
    // the round in its reader's language.
    expect(notices.map((n) => n.locale).sort()).toEqual(['kk', 'kk', 'kk', 'ru']);
    for (const n of notices)
      expect(n.subject.endsWith(`: ${nameOf(round)[n.locale as 'kk' | 'ru']}`)).toBe(true);
    const again = await world.clients.officer.request('POST', `/api/rounds/${round.id}/allocation/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
  });

  it('explains the result to the student in plain words, in their language', async () => {
    const en = await world.clients.student.request('GET', '/api/me/placement-results?locale=en');
    expect(en.statusCode, en.body).toBe(200);
    const [result] = en.json();
    expect(result.placement).toMatchObject({ choiceRank: 2, status: 'offered', canRespond: true });
    expect(result.placement.offerTitle.en).toBe('Rolling mill');
    expect(result.explanation).toEqual([
      'You received your 2nd choice, “Rolling mill”.',
      'Your first choice, “Welding shop”, was filled with students ranked above you: the last admitted was ranked 1st, you were 2nd.',
    ]);
    const ru = (await world.clients.student.request('GET', '/api/me/placement-results?locale=ru')).json()[0];
    expect(ru.roundName).toEqual(nameOf(scenario.round));
    expect(ru.explanation[1]).toContain('последний принятый был на 1-м месте, вы — на 2-м');
    expect(ru.explanation[1]).toContain('«Сварочный цех»');
    const kk = (await world.clients.student.request('GET', '/api/me/placement-results?locale=kk')).json()[0];
    expect(kk.explanation[1]).toContain('соңғы қабылданған студент 1-орында, сіз 2-орындасыз');
    const bad = await world.clients.student.request('GET', '/api/me/placement-results?locale=de');
    expect(bad.statusCode).toBe(400);
    for (const role of ['officer', 'partner', 'observer'] as const)
      expect((await world.clients[role].request('GET', '/api/me/placement-results')).statusCode, role).toBe(
        403,
      );
  });

  it('shows a partner only its own offers and only what each student shared', async () => {
    const { round, offers, students } = scenario;
    const own = await world.clients.partner.request('GET', `/api/rounds/${round.id}/results`);
    expect(own.statusCode, own.body).toBe(200);
    const body = own.json();
    expect(body.roundName).toEqual(nameOf(round));
    expect(body.offers.map((o: { offerId: number }) => o.offerId).sort()).toEqual(
      [offers.a.id, offers.b.id].sort(),
    );
    const atB = body.offers.find((o: { offerId: number }) => o.offerId === offers.b.id).placements;
    // s3 consented to share the profile (not contacts); s1 shared nothing.
    expect(atB).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ studentId: students.s3.id, fullName: students.s3.fullName, email: null }),
        expect.objectContaining({ studentId: null, fullName: null, email: null, choiceRank: 2 }),
      ]),
    );
    const other = await world.clients.partner2.request(
      'GET',
      `/api/rounds/${round.id}/results?offerId=${offers.a.id}`,
    );
    expect(other.statusCode).toBe(404);
    const otherAll = (await world.clients.partner2.request('GET', `/api/rounds/${round.id}/results`)).json();
    expect(otherAll.offers.map((o: { offerId: number }) => o.offerId)).toEqual([offers.c.id]);
    const listed = (await world.clients.partner.request('GET', '/api/allocation/rounds')).json();
    expect(listed.map((r: { status: string }) => r.status)).not.toContain('closed');
    expect(listed.find((r: { id: number }) => r.id === round.id)?.name).toEqual(nameOf(round));
    const staffList = (await world.clients.officer.request('GET', '/api/allocation/rounds')).json();
    expect(staffList.map((r: { id: number }) => r.id)).toContain(round.id);
    expect((await world.clients.student.request('GET', '/api/allocation/rounds')).statusCode).toBe(403);
    const staff = (await world.clients.officer.request('GET', `/api/rounds/${round.id}/results`)).json();
    expect(staff.offers.flatMap((o: { placements: unknown[] }) => o.placements)).toHaveLength(4);
    expect((await world.clients.observer.request('GET', `/api/rounds/${round.id}/results`)).statusCode).toBe(
      403,
    );
    expect((await world.clients.student.request('GET', `/api/rounds/${round.id}/results`)).statusCode).toBe(
      403,
    );
  });

  it('takes the answer by the deadline only, from the student whose place it is', async () => {
    const { round, students } = scenario;
    const rows = await placementsOf(round.id);
    const own = rows.find((r) => r.student_id === students.s1.id)!;
    const other = rows.find((r) => r.student_id === students.s2.id)!;
    const notMine = await world.clients.student.request('POST', `/api/placements/${other.id}/response`, {
      decision: 'accept',
    });
    expect(notMine.statusCode).toBe(404);
    const invalid = await world.clients.student.request('POST', `/api/placements/${own.id}/response`, {
      decision: 'maybe',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.issues[0].path).toBe('body.decision');
    const officer = await world.clients.officer.request('POST', `/api/placements/${own.id}/response`, {
      decision: 'accept',
    });
    expect(officer.statusCode).toBe(403);
    const accepted = await world.clients.student.request('POST', `/api/placements/${own.id}/response`, {
      decision: 'accept',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ id: own.id, status: 'confirmed' });
    const twice = await world.clients.student.request('POST', `/api/placements/${own.id}/response`, {
      decision: 'decline',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('INVALID_TRANSITION');
    const events = await rowsOf<{ from_status: string | null; to_status: string }>(
      `select from_status, to_status from placement_events where placement_id = ${own.id} order by id`,
    );
    expect(events.map((e) => `${e.from_status}>${e.to_status}`)).toEqual([
      'null>offered',
      'offered>confirmed',
    ]);
  });

  it('refuses an answer after the response deadline with a clear error', async () => {
    const { round } = scenario;
    const late = await buildRound(db, {
      responseClosesAt: new Date(t.now().getTime() - 60_000),
      status: 'published',
    });
    const [placement] = await db
      .insert(schema.placements)
      .values({
        roundId: late.id,
        offerId: scenario.offers.b.id,
        studentId: scenario.students.s1.id,
        respondBy: late.responseClosesAt,
      })
      .returning();
    const response = await world.clients.student.request(
      'POST',
      `/api/placements/${placement!.id}/response`,
      {
        decision: 'decline',
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'RESPONSE_CLOSED',
      details: { respondBy: late.responseClosesAt.toISOString() },
    });
    expect(round.id).not.toBe(late.id);
  });

  it('opens a next round with the unplaced students, keeps accepted seats and re-awards declined ones', async () => {
    const { round, students, offers } = scenario;
    const rows = await placementsOf(round.id);
    // s2 declines A (its seat goes to the next round); s3 and s4 never answer (still offered: kept).
    const s2 = rows.find((r) => r.student_id === students.s2.id)!;
    await rowsOf(`update placements set status = 'declined' where id = ${s2.id}`);
    const early = await world.clients.officer.request('POST', `/api/rounds/${round.id}/next-round`, {
      name: { kk: '2-кезең', ru: 'Раунд 2', en: 'Round 2' },
      responseClosesAt: '2026-12-01T00:00:00Z',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0].path).toBe('body.responseClosesAt');
    expect(
      (
        await world.clients.partner.request('POST', `/api/rounds/${round.id}/next-round`, {
          name: { kk: 'x', ru: 'x', en: 'x' },
          responseClosesAt: '2027-01-10T00:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
    const created = await world.clients.officer.request('POST', `/api/rounds/${round.id}/next-round`, {
      name: { kk: '2-кезең', ru: 'Раунд 2', en: '' },
      responseClosesAt: '2027-01-10T00:00:00Z',
    });
    expect(created.statusCode, created.body).toBe(201);
    const next = created.json();
    expect(next).toMatchObject({
      name: { kk: '2-кезең', ru: 'Раунд 2', en: '' },
      status: 'closed',
      previousRoundId: round.id,
      offers: 3,
      students: 1,
    });
    // A new student joins round 2 and ranks A (the partner ranks them): the seat s2 declined is free again.
    const late = await buildStudent(db);
    await addRoundStudents(db, next.id, new Map([[late.id, [offers.a.id, offers.b.id]]]));
    await rankByPartner(db, next.id, offers.a.id, [late.id]);
    const job = await runAndWait(world.clients.officer, next.id);
    expect(job.stage, JSON.stringify(job.error)).toBe('done');
    const preview = (
      await world.clients.officer.request('GET', `/api/rounds/${next.id}/allocation/preview`)
    ).json();
    expect(preview.verdict.ok).toBe(true);
    // Kept: s1 (confirmed at B), s3 (offered at B), s4 (offered at C); A's seat went back after s2 declined.
    expect(preview.summary).toMatchObject({
      students: 2,
      placed: 1,
      unplaced: 1,
      kept: 3,
      seats: 4,
      filled: 4,
    });
    const published = await world.clients.officer.request(
      'POST',
      `/api/rounds/${next.id}/allocation/publish`,
    );
    expect(published.json()).toMatchObject({ placements: 1, unplaced: 1 });
    const placed = await placementsOf(next.id);
    expect(placed.map((p) => [p.student_id, p.offer_id])).toEqual([[late.id, offers.a.id]]);
  });
});

describe('the worker thread', { timeout: 120_000 }, () => {
  it('answers what the engine answers in-process', async () => {
    const input = {
      applicants: [
        { id: '1', choices: ['10', '11'] },
        { id: '2', choices: ['10'] },
        { id: '3', choices: ['11', '10'] },
      ],
      targets: [
        { id: '10', capacity: 1, ranking: ['2', '1', '3'] },
        { id: '11', capacity: 1, ranking: ['3', '1'] },
      ],
      policy: { seed: 3, explain: true },
    };
    const stages: string[] = [];
    const inWorker = await runInWorker(input, (stage) => stages.push(stage));
    const inProcess = runEngine(input);
    expect(inWorker.ok && inProcess.ok).toBe(true);
    if (!inWorker.ok || !inProcess.ok) return;
    expect(stages).toEqual(['checking']);
    expect(inWorker.outcomes).toEqual(inProcess.outcomes);
    expect(inWorker.verdict).toEqual({ ok: true, violations: [] });
    expect(inWorker.outcomes.find((o) => o.studentId === 1)).toMatchObject({
      offerId: null,
      reasons: [
        { choice: 1, offerId: 10, reason: 'outranked', rank: 2, cutoffRank: 1 },
        { choice: 2, offerId: 11, reason: 'outranked', rank: 2, cutoffRank: 1 },
      ],
    });
  });

  it('reports input issues as values', async () => {
    const outcome = await runInWorker({ applicants: [{ id: '1', choices: ['nope'] }], targets: [] });
    expect(outcome.ok).toBe(false);
  });
});
