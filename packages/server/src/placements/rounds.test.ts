import { ROLES, type Role } from '@kadr/contracts';
import { schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Client } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import {
  buildCompetency,
  buildOffer,
  buildProgrammeVersion,
  buildRound,
  buildStudentClient,
  fillRound,
} from './offers-rounds.test-support.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;

const deadlines = {
  rankingClosesAt: '2026-12-20T12:00:00Z',
  partnerRankingClosesAt: '2026-12-27T12:00:00Z',
  responseClosesAt: '2027-01-10T12:00:00Z',
};

describe('allocation rounds: set-up by the officer', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let c: World['clients'];
  let version: Awaited<ReturnType<typeof buildProgrammeVersion>>;
  let otherVersion: Awaited<ReturnType<typeof buildProgrammeVersion>>;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = world.clients;
    version = await buildProgrammeVersion(t.database.db);
    otherVersion = await buildProgrammeVersion(t.database.db);
  });
  afterAll(async () => t?.close());

  for (const role of ROLES) {
    const writes = role === 'admin' || role === 'officer';
    if (!writes)
      it(`forbids ${role} setting up rounds (403)`, async () => {
        for (const [method, url] of [
          ['POST', '/api/rounds'],
          ['PATCH', '/api/rounds/1'],
          ['POST', '/api/rounds/1/open'],
          ['POST', '/api/rounds/1/close'],
          ['PUT', '/api/rounds/1/offers/1'],
          ['DELETE', '/api/rounds/1/offers/1'],
          ['POST', '/api/rounds/1/students'],
          ['DELETE', '/api/rounds/1/students/1'],
        ] as const)
          expect([url, (await c[role].request(method, url, {})).statusCode]).toEqual([url, 403]);
      });
  }

  it('drafts a round, adds an offer and students by programme and year, opens and closes it, auditing each step', async () => {
    const db = t.database.db;
    const name = { kk: 'Жазғы практика 2027', ru: 'Летняя практика 2027', en: 'Summer practice 2027' };
    const created = await c.officer.request('POST', '/api/rounds', {
      name,
      academicYear: 2026,
      maxChoices: 4,
      ...deadlines,
    });
    expect(created.statusCode).toBe(201);
    const round = created.json();
    expect(round).toMatchObject({ name, status: 'draft', maxChoices: 4, offerCount: 0, studentCount: 0 });
    // Found by its name in any of the three languages.
    for (const q of ['Жазғы', 'Летняя', 'Summer practice'])
      expect((await c.officer.request('GET', `/api/rounds?q=${encodeURIComponent(q)}`)).json().items).toEqual(
        [expect.objectContaining({ id: round.id })],
      );
    expect((await c.officer.request('POST', `/api/rounds/${round.id}/open`)).statusCode).toBe(409);

    const offer = await buildOffer(db, world.partnerOrg.id, { capacity: 6 });
    const draftOffer = await buildOffer(db, world.partnerOrg.id, { status: 'draft' });
    expect(
      (await c.officer.request('PUT', `/api/rounds/${round.id}/offers/${draftOffer.id}`, { seats: 1 }))
        .statusCode,
    ).toBe(409);
    const tooMany = await c.officer.request('PUT', `/api/rounds/${round.id}/offers/${offer.id}`, {
      seats: 7,
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details.issues[0].path).toBe('body.seats');
    const mix = await c.officer.request('PUT', `/api/rounds/${round.id}/offers/${offer.id}`, {
      seats: 5,
      scoring: 'mix',
    });
    expect(mix.statusCode).toBe(400);
    const put = await c.officer.request('PUT', `/api/rounds/${round.id}/offers/${offer.id}`, {
      seats: 5,
      scoring: 'mix',
      gpaWeight: 0.7,
    });
    expect(put.json()).toMatchObject({ seats: 5, scoring: 'mix', gpaWeight: 0.7, offer: { id: offer.id } });

    // Third-year students of the programme (admitted 2024 in 2026/27), and one student listed by hand.
    const third = await buildStudentClient(t, world.home.id, version.version.id);
    const elsewhere = await buildStudentClient(t, world.home.id, otherVersion.version.id);
    await buildStudentClient(t, world.home.id, version.version.id, 2026); // first year: not added
    const added = await c.officer.request('POST', `/api/rounds/${round.id}/students`, {
      programmeIds: [version.programme.id],
      years: [3],
    });
    expect(added.json().studentIds).toEqual([third.student.id]);
    const listed = await c.officer.request('POST', `/api/rounds/${round.id}/students`, {
      studentIds: [elsewhere.student.id, third.student.id],
    });
    expect(listed.json()).toEqual({ added: 1, studentIds: [elsewhere.student.id] });
    const missing = await c.officer.request('POST', `/api/rounds/${round.id}/students`, {
      studentIds: [999_999],
    });
    expect(missing.statusCode).toBe(400);
    expect((await c.officer.request('POST', `/api/rounds/${round.id}/students`, {})).statusCode).toBe(400);
    const students = (await c.officer.request('GET', `/api/rounds/${round.id}/students`)).json();
    expect(students.total).toBe(2);
    expect(students.items.find((s: { studentId: number }) => s.studentId === third.student.id)).toMatchObject(
      {
        programmeCode: version.programme.code,
        year: 3,
        choices: 0,
      },
    );

    const opened = await c.officer.request('POST', `/api/rounds/${round.id}/open`);
    expect(opened.json()).toMatchObject({ status: 'open', offerCount: 1, seatCount: 5, studentCount: 2 });
    const outbox = (await c.admin.request('GET', `/api/notifications?kind=round-opened&pageSize=50`)).json();
    // Both students (each has an account) are told the round opened, through the outbox, the round named in
    // the student's language.
    const told = outbox.items.filter((n: { ref: string }) => n.ref === `round:${round.id}`);
    expect(told.map((n: { recipientUserId: number }) => n.recipientUserId).sort()).toEqual(
      [third.client.me.id, elsewhere.client.me.id].sort(),
    );
    for (const n of told as { locale: 'kk' | 'ru' | 'en'; subject: string }[])
      expect(n.subject).toContain(name[n.locale]);
    const rename = await c.officer.request('PATCH', `/api/rounds/${round.id}`, {
      name: { kk: 'Жаңа атау', ru: 'Новое название', en: '' },
    });
    expect(rename.statusCode).toBe(400);
    const later = await c.officer.request('PATCH', `/api/rounds/${round.id}`, {
      rankingClosesAt: '2026-12-21T12:00:00Z',
    });
    expect(later.json().rankingClosesAt).toBe('2026-12-21T12:00:00.000Z');
    expect((await c.officer.request('POST', `/api/rounds/${round.id}/close`)).json().status).toBe('closed');
    expect((await c.officer.request('POST', `/api/rounds/${round.id}/close`)).statusCode).toBe(409);

    const audit = (
      await c.admin.request('GET', `/api/audit?entity=placement_round&entityId=${round.id}&pageSize=50`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'create',
      'update',
      'update',
      'update',
    ]);
  });

  it('refuses deadlines out of order, naming the field, and writes nothing', async () => {
    const before = (await c.officer.request('GET', '/api/rounds')).json().total;
    const bad = await c.officer.request('POST', '/api/rounds', {
      name: { kk: 'Қате', ru: 'Ошибка', en: 'Bad' },
      academicYear: 2026,
      ...deadlines,
      partnerRankingClosesAt: '2026-12-10T12:00:00Z',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('body.partnerRankingClosesAt');
    // A name needs Kazakh and Russian (English may be empty); one string for all three is refused.
    for (const [name, path] of [
      [{ kk: '', ru: 'Раунд', en: 'Round' }, 'body.name.kk'],
      [{ kk: 'Кезең', ru: '', en: 'Round' }, 'body.name.ru'],
      ['Өндірістік практика / Производственная практика', 'body.name'],
    ] as const) {
      const refused = await c.officer.request('POST', '/api/rounds', {
        name,
        academicYear: 2026,
        ...deadlines,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.issues[0].path).toBe(path);
    }
    expect(
      (
        await c.officer.request('POST', '/api/rounds', {
          name: { kk: 'Х', ru: 'Х', en: 'X' },
          academicYear: 2026,
          maxChoices: 21,
          ...deadlines,
        })
      ).statusCode,
    ).toBe(400);
    expect((await c.officer.request('GET', '/api/rounds')).json().total).toBe(before);
  });

  it('hides drafts from partners and students, and shows an observer counts only', async () => {
    const draft = await buildRound(t.database.db, { status: 'draft' });
    for (const role of ['partner', 'student'] as const)
      expect((await c[role].request('GET', `/api/rounds/${draft.id}`)).statusCode).toBe(404);
    const summary = await c.observer.request('GET', `/api/rounds/${draft.id}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(Object.keys(summary.json()).sort()).toEqual(
      [
        'academicYear',
        'firstChoicesByType',
        'id',
        'name',
        'offerCount',
        'rankedCount',
        'seatCount',
        'status',
        'studentCount',
      ].sort(),
    );
    for (const url of [
      `/api/rounds/${draft.id}/offers`,
      `/api/rounds/${draft.id}/students`,
      `/api/rounds/${draft.id}/offers/1/applicants`,
    ])
      expect([url, (await c.observer.request('GET', url)).statusCode]).toEqual([url, 403]);
  });
});

describe('allocation rounds: the students’ and the partners’ rankings', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let c: World['clients'];
  let roundId: number;
  let offers: { id: number; capacity: number }[];
  let foreignOffer: { id: number; capacity: number };
  let closedToProgramme: { id: number };
  let aigerim: { student: { id: number; fullName: string }; client: Client };
  let bolat: { student: { id: number; fullName: string }; client: Client };
  let outsider: { student: { id: number }; client: Client };
  let competencyId: number;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = world.clients;
    const db = t.database.db;
    const version = await buildProgrammeVersion(db, { disciplines: 2 });
    const otherVersion = await buildProgrammeVersion(db);
    competencyId = (await buildCompetency(db)).id;
    offers = [];
    for (let i = 0; i < 4; i++)
      offers.push(await buildOffer(db, world.partnerOrg.id, { programmeIds: [version.programme.id] }));
    await db
      .insert(schema.practiceOfferCompetencies)
      .values({ offerId: offers[0]!.id, competencyId, level: 4 });
    foreignOffer = await buildOffer(db, world.otherPartnerOrg.id);
    closedToProgramme = await buildOffer(db, world.partnerOrg.id, {
      programmeIds: [otherVersion.programme.id],
    });
    aigerim = await buildStudentClient(t, world.home.id, version.version.id);
    bolat = await buildStudentClient(t, world.home.id, version.version.id);
    outsider = await buildStudentClient(t, world.home.id, version.version.id);
    const round = await buildRound(db, { maxChoices: 3 });
    roundId = round.id;
    await fillRound(
      db,
      roundId,
      [...offers, foreignOffer, closedToProgramme as { id: number; capacity: number }],
      [aigerim.student.id, bolat.student.id],
    );
    // Aigerim's results (A, 4.0 and B, 3.0) and passport (level 2 of the 4 the first offer requires).
    for (const [i, d] of version.disciplines.entries())
      await db.insert(schema.disciplineResults).values({
        studentId: aigerim.student.id,
        disciplineId: d.id,
        attempt: 1,
        points: i === 0 ? 95 : 80,
        letter: i === 0 ? 'A' : 'B',
        gradePoint: i === 0 ? '4.00' : '3.00',
        gradedOn: '2026-06-01',
      });
    await db.insert(schema.competencyPassports).values({
      studentId: aigerim.student.id,
      levels: { [competencyId]: 2 },
      evidenceCount: 1,
      computedAt: new Date('2026-11-01'),
    });
  });
  afterAll(async () => t?.close());

  it('shows a student only the offers they are eligible for, and their own ranking', async () => {
    const mine = (await aigerim.client.request('GET', `/api/rounds/${roundId}/my-ranking`)).json();
    expect(mine.editable).toBe(true);
    expect(mine.ranking).toEqual([]);
    expect(
      mine.offers.map((o: { offer: { id: number } }) => o.offer.id).sort((a: number, b: number) => a - b),
    ).toEqual([...offers.map((o) => o.id), foreignOffer.id].sort((a, b) => a - b));
    expect((await outsider.client.request('GET', `/api/rounds/${roundId}/my-ranking`)).statusCode).toBe(404);
    expect((await outsider.client.request('GET', `/api/rounds/${roundId}`)).statusCode).toBe(404);
    for (const role of ['admin', 'officer', 'partner', 'observer'] as Role[])
      expect((await c[role].request('GET', `/api/rounds/${roundId}/my-ranking`)).statusCode).toBe(403);
  });

  it('refuses a bad ranking naming the field, and keeps the old one', async () => {
    const ranked = await aigerim.client.request('PUT', `/api/rounds/${roundId}/my-ranking`, {
      offerIds: [offers[0]!.id, foreignOffer.id],
    });
    expect(ranked.statusCode).toBe(200);
    const cases: [number[], string, string][] = [
      [[offers[0]!.id, offers[1]!.id, offers[2]!.id, offers[3]!.id], 'body.offerIds', 'choiceLimit'],
      [[offers[1]!.id, offers[1]!.id], 'body.offerIds', 'noRepeats'],
      [[offers[1]!.id, closedToProgramme.id], 'body.offerIds.1', 'eligibleChoice'],
      [[offers[1]!.id, 999_999], 'body.offerIds.1', 'eligibleChoice'],
    ];
    for (const [offerIds, path, rule] of cases) {
      const response = await aigerim.client.request('PUT', `/api/rounds/${roundId}/my-ranking`, { offerIds });
      expect([rule, response.statusCode]).toEqual([rule, 400]);
      const issue = response.json().error.details.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.reason?.rule ?? issue?.reason).toBeTruthy();
    }
    expect(
      (await aigerim.client.request('PUT', `/api/rounds/${roundId}/my-ranking`, { offerIds: 'x' }))
        .statusCode,
    ).toBe(400);
    const mine = (await aigerim.client.request('GET', `/api/rounds/${roundId}/my-ranking`)).json();
    expect(mine.ranking).toEqual([offers[0]!.id, foreignOffer.id]);
    const audit = (
      await c.admin.request(
        'GET',
        `/api/audit?entity=round_ranking&entityId=${roundId}:${aigerim.student.id}`,
      )
    ).json();
    expect(audit.total).toBe(1);
  });

  it('shows the partner only applicants to its own offers, and only what each consented to', async () => {
    await bolat.client.request('PUT', `/api/rounds/${roundId}/my-ranking`, {
      offerIds: [offers[1]!.id, offers[0]!.id],
    });
    const url = `/api/rounds/${roundId}/offers/${offers[0]!.id}/applicants`;
    const before = (await c.partner.request('GET', url)).json();
    expect(before.applicants.map((a: { studentId: number }) => a.studentId)).toEqual([
      aigerim.student.id,
      bolat.student.id,
    ]);
    for (const a of before.applicants)
      expect(a).toMatchObject({ fullName: null, gpa: null, fit: null, score: null, scopes: [] });
    expect(JSON.stringify(before)).not.toContain(aigerim.student.fullName);

    // Aigerim shares her profile and results with the partner, not her passport.
    await c.admin.request('POST', `/api/students/${aigerim.student.id}/consents`, {
      organisationId: world.partnerOrg.id,
      scopes: ['profile', 'results'],
      purpose: { kk: '', ru: 'Практика 2027', en: 'Practice 2027' },
    });
    const after = (await c.partner.request('GET', url)).json();
    const shared = after.applicants.find((a: { studentId: number }) => a.studentId === aigerim.student.id);
    expect(shared).toMatchObject({
      fullName: aigerim.student.fullName,
      year: 3,
      gpa: 3.5,
      fit: null,
      choice: 1,
    });
    expect(shared.score).toBe(0.875); // gpa scoring: 3.5 / 4
    const staff = (await c.officer.request('GET', url)).json();
    expect(
      staff.applicants.find((a: { studentId: number }) => a.studentId === aigerim.student.id),
    ).toMatchObject({
      fit: 0.5,
      gpa: 3.5,
    });
    // Another partner, and the partner on another's offer, see nothing.
    expect((await c.partner2.request('GET', url)).statusCode).toBe(404);
    expect(
      (await c.partner.request('GET', `/api/rounds/${roundId}/offers/${foreignOffer.id}/applicants`))
        .statusCode,
    ).toBe(404);
    const partnerOffers = (await c.partner.request('GET', `/api/rounds/${roundId}/offers`)).json();
    expect(
      partnerOffers.every(
        (o: { offer: { organisationId: number } }) => o.offer.organisationId === world.partnerOrg.id,
      ),
    ).toBe(true);
    expect((await c.partner.request('GET', `/api/rounds/${roundId}/students`)).statusCode).toBe(403);
    expect((await c.student.request('GET', url)).statusCode).toBe(403);
  });

  it('lets the partner rank explicitly or pick a scoring policy, with clear errors', async () => {
    const base = `/api/rounds/${roundId}/offers/${offers[0]!.id}`;
    const outsiderRank = await c.partner.request('PUT', `${base}/ranking`, {
      studentIds: [outsider.student.id],
    });
    expect(outsiderRank.statusCode).toBe(400);
    expect(outsiderRank.json().error.details.issues[0].path).toBe('body.studentIds.0');
    const twice = await c.partner.request('PUT', `${base}/ranking`, {
      studentIds: [bolat.student.id, bolat.student.id],
    });
    expect(twice.statusCode).toBe(400);
    const ranked = await c.partner.request('PUT', `${base}/ranking`, {
      studentIds: [bolat.student.id, aigerim.student.id],
    });
    expect(ranked.statusCode).toBe(200);
    expect(ranked.json().roundOffer.scoring).toBe('explicit');
    // Listed in the partner's order, as the engine reads it.
    expect(ranked.json().applicants.map((a: { studentId: number }) => a.studentId)).toEqual([
      bolat.student.id,
      aigerim.student.id,
    ]);
    expect(ranked.json().applicants.map((a: { rank: number }) => a.rank)).toEqual([1, 2]);
    expect((await c.partner2.request('PUT', `${base}/ranking`, { studentIds: [] })).statusCode).toBe(404);

    const noWeight = await c.partner.request('PUT', `${base}/scoring`, { scoring: 'mix' });
    expect(noWeight.statusCode).toBe(400);
    expect(noWeight.json().error.details.issues[0].path).toBe('body.gpaWeight');
    const mix = await c.partner.request('PUT', `${base}/scoring`, { scoring: 'mix', gpaWeight: 0.5 });
    expect(mix.json().roundOffer).toMatchObject({ scoring: 'mix', gpaWeight: 0.5 });
    // The mix scores what each shared: Aigerim her GPA only (0.5 × 3.5/4), Bolat nothing.
    expect(mix.json().applicants.map((a: { score: number | null }) => a.score)).toEqual([0.438, 0]);
    const audit = (
      await c.admin.request(
        'GET',
        `/api/audit?entity=round_partner_ranking&entityId=${roundId}:${offers[0]!.id}`,
      )
    ).json();
    expect(audit.total).toBe(1);
  });

  it('closes the students’ ranking with the round, and the partners’ at their deadline', async () => {
    await c.officer.request('POST', `/api/rounds/${roundId}/close`);
    const late = await aigerim.client.request('PUT', `/api/rounds/${roundId}/my-ranking`, {
      offerIds: [offers[2]!.id],
    });
    expect(late.statusCode).toBe(409);
    expect((await aigerim.client.request('GET', `/api/rounds/${roundId}/my-ranking`)).json().editable).toBe(
      false,
    );
    const base = `/api/rounds/${roundId}/offers/${offers[0]!.id}`;
    expect((await c.partner.request('PUT', `${base}/scoring`, { scoring: 'gpa' })).statusCode).toBe(200);
    const moved = await c.officer.request('PATCH', `/api/rounds/${roundId}`, {
      rankingClosesAt: '2026-12-01T12:00:00Z',
      partnerRankingClosesAt: '2026-12-06T12:00:00Z',
    });
    expect(moved.statusCode).toBe(200);
    expect(
      (await c.partner.request('PUT', `${base}/scoring`, { scoring: 'competency-fit' })).statusCode,
    ).toBe(409);
    expect((await c.partner.request('PUT', `${base}/ranking`, { studentIds: [] })).statusCode).toBe(409);
    expect((await c.partner.request('GET', `${base}/applicants`)).json().editable).toBe(false);
  });
});
