import { ROLES, type Role } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, issuePaths } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import {
  buildCompetency,
  buildOffer,
  buildPlacesObligation,
  buildProgrammeVersion,
} from './offers-rounds.test-support.ts';

type World = Awaited<ReturnType<typeof buildWorld>>;

const READERS: Role[] = ['admin', 'coordinator', 'officer', 'partner', 'student'];
const WRITERS: Role[] = ['admin', 'officer', 'partner'];

describe('practice offers over HTTP', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: World;
  let c: World['clients'];
  let competencyId: number;
  let programmeId: number;
  let obligation: { id: number };
  let agreementId: number;

  const body = (overrides: Record<string, unknown> = {}) => ({
    title: { ru: 'Практика на заводе', kk: '', en: 'Plant practice' },
    practiceType: 'industrial',
    capacity: 4,
    startsOn: '2026-06-01',
    endsOn: '2026-07-31',
    region: 'pavlodar',
    ...overrides,
  });
  const offerCount = async () =>
    (await c.admin.request('GET', '/api/offers?pageSize=1')).json().total as number;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = world.clients;
    const db = t.database.db;
    competencyId = (await buildCompetency(db)).id;
    programmeId = (await buildProgrammeVersion(db)).programme.id;
    const built = await buildPlacesObligation(db, world.home.id, world.partnerOrg.id, 10);
    obligation = built.obligation;
    agreementId = built.agreement.id;
  });
  afterAll(async () => t?.close());

  for (const role of ROLES) {
    const reads = READERS.includes(role);
    it(`answers ${role} ${reads ? '200' : '403'} on the offer list, ${WRITERS.includes(role) ? 'and lets it write' : '403 on writes'}`, async () => {
      expect((await c[role].request('GET', '/api/offers')).statusCode).toBe(reads ? 200 : 403);
      if (!WRITERS.includes(role)) {
        for (const [method, url] of [
          ['POST', '/api/offers'],
          ['PATCH', '/api/offers/1'],
          ['POST', '/api/offers/1/publish'],
          ['POST', '/api/offers/1/withdraw'],
        ] as const)
          expect([url, (await c[role].request(method, url, {})).statusCode]).toEqual([url, 403]);
      }
    });
  }

  it('lets a partner draft an offer for itself, counted against its places obligation, and audits it', async () => {
    const response = await c.partner.request(
      'POST',
      '/api/offers',
      body({
        programmeIds: [programmeId],
        eligibleYears: [3, 4],
        competencies: [{ competencyId, level: 3 }],
        prerequisites: { kk: 'Қауіпсіздік курсы', ru: 'Курс по технике безопасности', en: 'Safety course' },
        location: { ru: 'Павлодар, ул. Естая 54' },
        stipendTiyn: 8_500_000,
      }),
    );
    expect(response.statusCode).toBe(201);
    const offer = response.json();
    expect(offer).toMatchObject({
      organisationId: world.partnerOrg.id,
      obligationId: obligation.id,
      status: 'draft',
      title: { ru: 'Практика на заводе', kk: '', en: 'Plant practice' },
      programmes: [{ id: programmeId }],
      eligibleYears: [3, 4],
      competencies: [{ competencyId, level: 3 }],
      prerequisites: { kk: 'Қауіпсіздік курсы', ru: 'Курс по технике безопасности', en: 'Safety course' },
      location: { kk: '', ru: 'Павлодар, ул. Естая 54', en: '' },
      region: 'pavlodar',
      dualEnterpriseShare: null,
    });
    const audit = (
      await c.admin.request('GET', `/api/audit?entity=practice_offer&entityId=${offer.id}`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('refuses a region that is not a code and a location or prerequisites in one string, naming each, writing nothing', async () => {
    const before = await offerCount();
    const bad = await c.partner.request(
      'POST',
      '/api/offers',
      body({ region: 'Pavlodar', location: 'Павлодар', prerequisites: 'Safety course' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad).sort()).toEqual(['body.location', 'body.prerequisites', 'body.region']);
    const long = await c.partner.request(
      'POST',
      '/api/offers',
      body({ location: { kk: 'Қ'.repeat(301) }, prerequisites: { en: 'x'.repeat(4001) } }),
    );
    expect(issuePaths(long).sort()).toEqual(['body.location.kk', 'body.prerequisites.en']);
    expect(await offerCount()).toBe(before);
    // Abroad, or not said: no region.
    const abroad = await c.partner.request(
      'POST',
      '/api/offers',
      body({ region: null, location: { ru: 'Лунд, Швеция', en: 'Lund, Sweden' } }),
    );
    expect(abroad.statusCode).toBe(201);
    expect(abroad.json()).toMatchObject({
      region: null,
      location: { kk: '', ru: 'Лунд, Швеция', en: 'Lund, Sweden' },
    });
    const changed = await c.partner.request('PATCH', `/api/offers/${abroad.json().id}`, {
      region: 'almaty',
      location: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
    });
    expect(changed.json()).toMatchObject({
      region: 'almaty',
      location: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' },
    });
    const audit = (
      await c.admin.request(
        'GET',
        `/api/audit?entity=practice_offer&entityId=${abroad.json().id}&action=update`,
      )
    ).json().items[0];
    expect([audit.before.region, audit.after.region]).toEqual([null, 'almaty']);
    expect(audit.after.location).toEqual({ kk: 'Алматы', ru: 'Алматы', en: 'Almaty' });
  });

  it('takes dual-education terms only for dual practice', async () => {
    const dual = await c.officer.request(
      'POST',
      '/api/offers',
      body({
        organisationId: world.partnerOrg.id,
        practiceType: 'dual',
        dualEnterpriseShare: 0.6,
        mentorPayTiyn: 5_000_000,
        hiringIntention: true,
      }),
    );
    expect(dual.statusCode).toBe(201);
    expect(dual.json()).toMatchObject({
      practiceType: 'dual',
      dualEnterpriseShare: 0.6,
      mentorPayTiyn: 5_000_000,
      hiringIntention: true,
    });
  });

  it('refuses bad offers naming the field, and writes nothing', async () => {
    const before = await offerCount();
    const cases: [Record<string, unknown>, string][] = [
      [body({ title: { kk: '', ru: '', en: '' } }), 'body.title'],
      [body({ dualEnterpriseShare: 0.5 }), 'body.dualEnterpriseShare'],
      [body({ practiceType: 'dual' }), 'body.dualEnterpriseShare'],
      [body({ endsOn: '2026-05-01' }), 'body.endsOn'],
      [body({ capacity: 0 }), 'body.capacity'],
      [body({ practiceType: 'holiday' }), 'body.practiceType'],
      [body({ programmeIds: [999_999] }), 'body.programmeIds.0'],
      [body({ competencies: [{ competencyId, level: 6 }] }), 'body.competencies.0.level'],
      [body({ competencies: [{ competencyId: 999_999, level: 2 }] }), 'body.competencies.0.competencyId'],
      [body({ eligibleYears: [2, 2] }), 'body.eligibleYears'],
      [body({ obligationId: 999_999 }), 'body.obligationId'],
    ];
    for (const [payload, path] of cases) {
      const response = await c.partner.request('POST', '/api/offers', payload);
      expect([path, response.statusCode]).toEqual([path, 400]);
      expect(response.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const noOrganisation = await c.officer.request('POST', '/api/offers', body());
    expect(noOrganisation.statusCode).toBe(400);
    expect(noOrganisation.json().error.details.issues[0].path).toBe('body.organisationId');
    expect(await offerCount()).toBe(before);
  });

  it('keeps a partner to its own organisation: another organisation answers 404', async () => {
    const other = await c.partner.request(
      'POST',
      '/api/offers',
      body({ organisationId: world.otherPartnerOrg.id }),
    );
    expect(other.statusCode).toBe(404);
    const theirs = await buildOffer(t.database.db, world.otherPartnerOrg.id, { status: 'draft' });
    for (const [method, url] of [
      ['GET', `/api/offers/${theirs.id}`],
      ['PATCH', `/api/offers/${theirs.id}`],
      ['POST', `/api/offers/${theirs.id}/publish`],
    ] as const)
      expect([url, (await c.partner.request(method, url, { capacity: 2 })).statusCode]).toEqual([url, 404]);
    const list = (await c.partner.request('GET', '/api/offers?pageSize=200')).json();
    expect(
      list.items.every((o: { organisationId: number }) => o.organisationId === world.partnerOrg.id),
    ).toBe(true);
    expect(list.total).toBeGreaterThan(0);
  });

  it('publishes and withdraws, shows students only published offers, and refuses changes once withdrawn', async () => {
    const draft = (
      await c.partner.request('POST', '/api/offers', body({ title: { en: 'Lab assistant' } }))
    ).json();
    expect((await c.student.request('GET', `/api/offers/${draft.id}`)).statusCode).toBe(404);
    const published = await c.partner.request('POST', `/api/offers/${draft.id}/publish`);
    expect(published.json().status).toBe('published');
    expect((await c.partner.request('POST', `/api/offers/${draft.id}/publish`)).statusCode).toBe(409);
    expect((await c.student.request('GET', `/api/offers/${draft.id}`)).statusCode).toBe(200);
    const studentList = (await c.student.request('GET', '/api/offers?pageSize=200')).json();
    expect(studentList.items.every((o: { status: string }) => o.status === 'published')).toBe(true);
    expect((await c.partner.request('POST', `/api/offers/${draft.id}/withdraw`)).json().status).toBe(
      'withdrawn',
    );
    const change = await c.partner.request('PATCH', `/api/offers/${draft.id}`, { capacity: 9 });
    expect(change.statusCode).toBe(409);
  });

  it('validates a change on the merged offer', async () => {
    const draft = (await c.partner.request('POST', '/api/offers', body())).json();
    const bad = await c.partner.request('PATCH', `/api/offers/${draft.id}`, { startsOn: '2026-09-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('body.endsOn');
    const good = await c.partner.request('PATCH', `/api/offers/${draft.id}`, {
      capacity: 7,
      eligibleYears: [2],
    });
    expect(good.json()).toMatchObject({ capacity: 7, eligibleYears: [2] });
  });

  it('lists with search, filters, sort and pages', async () => {
    const page = (
      await c.admin.request('GET', '/api/offers?q=plant&sort=-capacity&pageSize=2&page=1')
    ).json();
    expect(page.pageSize).toBe(2);
    expect(page.items.length).toBeLessThanOrEqual(2);
    for (const o of page.items) expect(o.title.en.toLowerCase()).toContain('plant');
    const dual = (await c.admin.request('GET', '/api/offers?practiceType=dual')).json();
    expect(dual.items.map((o: { practiceType: string }) => o.practiceType)).toEqual(['dual']);
    const byProgramme = (
      await c.admin.request(`GET`, `/api/offers?programmeId=${programmeId}&year=3`)
    ).json();
    expect(byProgramme.items.length).toBeGreaterThan(0);
    const year1 = (
      await c.admin.request(`GET`, `/api/offers?programmeId=${programmeId}&year=1&status=draft`)
    ).json();
    expect(year1.items.some((o: { eligibleYears: number[] }) => o.eligibleYears.includes(3))).toBe(false);
    expect((await c.admin.request('GET', '/api/offers?sort=salary')).statusCode).toBe(400);
    expect((await c.admin.request('GET', '/api/offers?pageSize=201')).statusCode).toBe(400);
    const pavlodar = (await c.admin.request('GET', '/api/offers?region=pavlodar&pageSize=200')).json();
    expect(pavlodar.items.length).toBeGreaterThan(0);
    for (const o of pavlodar.items) expect(o.region).toBe('pavlodar');
    expect((await c.admin.request('GET', '/api/offers?region=atyrau')).json().total).toBe(0);
    // A partner's filters never reach another organisation's offers.
    const own = (await c.partner.request('GET', '/api/offers?region=pavlodar&pageSize=200')).json();
    for (const o of own.items) expect(o.organisationId).toBe(world.partnerOrg.id);
    for (const [query, field] of [
      ['year=0', 'query.year'],
      ['year=7', 'query.year'],
      ['year=third', 'query.year'],
      ['programmeId=abc', 'query.programmeId'],
      [`region=${'x'.repeat(101)}`, 'query.region'],
      // A region is a code, not a name: the old free text is refused.
      ['region=Pavlodar', 'query.region'],
    ]) {
      const bad = await c.admin.request('GET', `/api/offers?${query}`);
      expect([query, bad.statusCode]).toEqual([query, 400]);
      expect(bad.json().error.details.issues[0].path).toBe(field);
    }
  });

  it('shows the obligation’s places offered this year against its places per year', async () => {
    const progress = async () =>
      (await c.partner.request('GET', `/api/agreements/${agreementId}`))
        .json()
        .obligations.find((o: { id: number }) => o.id === obligation.id).placesProgress;
    const start = await progress();
    expect(start).toMatchObject({ year: 2026, perYear: 10 });
    const offer = (await c.partner.request('POST', '/api/offers', body({ capacity: 3 }))).json();
    expect((await progress()).offered).toBe(start.offered);
    await c.partner.request('POST', `/api/offers/${offer.id}/publish`);
    expect((await progress()).offered).toBe(start.offered + 3);
    // An offer starting next year counts next year.
    const later = (
      await c.partner.request('POST', '/api/offers', body({ startsOn: '2027-06-01', endsOn: '2027-07-01' }))
    ).json();
    await c.partner.request('POST', `/api/offers/${later.id}/publish`);
    expect((await progress()).offered).toBe(start.offered + 3);
    const obligations = (await c.admin.request('GET', `/api/obligations?pageSize=200`)).json();
    expect(obligations.items.find((o: { id: number }) => o.id === obligation.id).placesProgress.offered).toBe(
      start.offered + 3,
    );
  });
});
