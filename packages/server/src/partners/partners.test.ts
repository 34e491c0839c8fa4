import { issuePaths } from '../test/factories.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInThreeLanguages } from '../test/trilingual.ts';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

type Client = Awaited<ReturnType<typeof signIn>>;

describe('partners API: contacts, joint programmes, branches, overview', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  let partner: Client;
  let observer: Client;
  let officer: Client;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
    partner = await signIn(t.app, demoEmail.partner);
    observer = await signIn(t.app, demoEmail.observer);
    officer = await signIn(t.app, demoEmail.officer);
    for (const o of (await admin.request('GET', '/api/organisations?pageSize=50')).json().items)
      ids[o.shortName] = o.id;
  });
  afterAll(async () => t?.close());

  it('lists partners with their agreement counts and invested totals, filtered and sorted by amount', async () => {
    const list = (await admin.request('GET', '/api/partners?sort=-investedTiyn&pageSize=3')).json();
    expect(list.total).toBe(9);
    expect(list.items.map((p: { shortName: string }) => p.shortName)).toEqual([
      'ERG',
      'KAZ Minerals Bozshakol',
      'POCR LLP',
    ]);
    expect(list.items[0]).toMatchObject({
      agreements: 2,
      activeAgreements: 1,
      investedTiyn: expect.any(Number),
    });
    const universities = (
      await admin.request('GET', '/api/partners?kind=partner_university&sort=shortName')
    ).json().items;
    expect(
      universities.map((p: { shortName: string; branchStatus: string }) => [p.shortName, p.branchStatus]),
    ).toEqual([
      ['Brunel', 'planned'],
      ['Lund', 'none'],
      ['UPV', 'open'],
    ]);
    expect((await admin.request('GET', '/api/partners?branchStatus=open')).json().items[0].shortName).toBe(
      'UPV',
    );
    expect(
      (await partner.request('GET', '/api/partners'))
        .json()
        .items.map((p: { shortName: string }) => p.shortName),
    ).toEqual(['ERG']);
  });

  it('adds, changes and removes contacts with a position in kk, ru and en, auditing each change', async () => {
    const position = {
      kk: 'Персонал жөніндегі серіктес',
      ru: 'Бизнес-партнёр по персоналу',
      en: 'HR business partner',
    };
    const created = await admin.request('POST', '/api/contacts', {
      organisationId: ids.ERG,
      fullName: 'Әсем Жұмабаева',
      position,
      email: 'A.Zhumabayeva@ERG.demo.kz',
      phone: '+7 701 555 12 12',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('a.zhumabayeva@erg.demo.kz');
    expect(created.json().position).toEqual(position);
    const id = created.json().id;
    const head = { kk: 'Персонал бөлімінің басшысы', ru: 'Руководитель службы персонала', en: 'Head of HR' };
    expect((await admin.request('PATCH', `/api/contacts/${id}`, { position: head })).json().position).toEqual(
      head,
    );
    // The position is in kk, ru and en: one string (read in its one language on every page before) is refused.
    const single = await admin.request('PATCH', `/api/contacts/${id}`, { position: 'Head of HR' });
    expect(single.statusCode).toBe(400);
    expect(single.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(
      'body.position',
    );
    expect(
      (await admin.request('GET', `/api/contacts?q=${encodeURIComponent('Руководитель службы')}`))
        .json()
        .items.map((c: { id: number }) => c.id),
    ).toEqual([id]);
    const total = (await admin.request('GET', '/api/contacts')).json().total;
    const refused = await admin.request('POST', '/api/contacts', {
      organisationId: ids.ERG,
      fullName: 'Әсем Жұмабаева',
      position: 'HR business partner',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.position',
    ]);
    expect((await admin.request('GET', '/api/contacts')).json().total).toBe(total);
    const bad = await admin.request('POST', '/api/contacts', {
      organisationId: ids.ERG,
      fullName: '',
      email: 'nope',
      phone: 'call me',
    });
    expect(issuePaths(bad).sort()).toEqual(['body.email', 'body.fullName', 'body.phone']);
    expect((await admin.request('DELETE', `/api/contacts/${id}`)).statusCode).toBe(204);
    const audit = (await admin.request('GET', `/api/audit?entity=contact&entityId=${id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete', 'update']);
    const update = audit.find((e: { action: string }) => e.action === 'update');
    expect(update.before).toMatchObject({ position });
    expect(update.after).toMatchObject({ position: head });
  });

  it('shows contacts (personal data) to staff and to the partner for its own organisation only, never to observers', async () => {
    const search = (await officer.request('GET', `/api/contacts?q=${encodeURIComponent('Тұрсынов')}`)).json()
      .items;
    expect(search.map((c: { organisationId: number }) => c.organisationId)).toEqual([ids.ERG]);
    const own = (await partner.request('GET', '/api/contacts?pageSize=100')).json().items;
    expect(new Set(own.map((c: { organisationId: number }) => c.organisationId))).toEqual(new Set([ids.ERG]));
    expect((await partner.request('GET', `/api/contacts?organisationId=${ids['POCR LLP']}`)).statusCode).toBe(
      404,
    );
    expect((await observer.request('GET', '/api/contacts')).statusCode).toBe(403);
    const overview = (await partner.request('GET', `/api/partners/${ids.ERG}`)).json();
    expect(overview.contacts.length).toBeGreaterThan(0);
    for (const contact of overview.contacts) expectInThreeLanguages(contact.position);
  });

  it('records joint programmes with partner universities only', async () => {
    const body = {
      organisationId: ids.Lund,
      name: { kk: 'Металлургия', ru: 'Металлургия', en: 'Metallurgy' },
      degreeType: 'double',
      startYear: 2027,
    };
    const created = await admin.request('POST', '/api/joint-programmes', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      organisationShortName: 'Lund',
      degreeType: 'double',
      agreementId: null,
    });
    const company = await admin.request('POST', '/api/joint-programmes', {
      ...body,
      organisationId: ids.ERG,
    });
    expect(company.json().error.details.issues[0].path).toBe('body.organisationId');
    const list = (
      await admin.request('GET', '/api/joint-programmes?degreeType=double&sort=-startYear')
    ).json();
    expect(list.items.map((p: { startYear: number }) => p.startYear)).toEqual([2027, 2022, 2019]);
    expect(
      (await admin.request('PATCH', `/api/joint-programmes/${created.json().id}`, { degreeType: 'triple' }))
        .statusCode,
    ).toBe(400);
    expect((await admin.request('DELETE', `/api/joint-programmes/${created.json().id}`)).statusCode).toBe(
      204,
    );
  });

  it('sets the branch status of a foreign university, and refuses it for a company', async () => {
    const set = await admin.request('PUT', `/api/partners/${ids.Lund}/branch`, {
      status: 'planned',
      note: 'Переговоры 2027',
    });
    expect(set.json()).toEqual({ status: 'planned', note: 'Переговоры 2027' });
    expect((await admin.request('GET', `/api/partners/${ids.Lund}`)).json().branch.status).toBe('planned');
    expect(
      (await admin.request('PUT', `/api/partners/${ids.ERG}/branch`, { status: 'open' })).statusCode,
    ).toBe(400);
    expect(
      (await partner.request('PUT', `/api/partners/${ids.ERG}/branch`, { status: 'open' })).statusCode,
    ).toBe(403);
  });

  it('gives the overview of a partner: agreements, obligations, investments and the assets it funded', async () => {
    const overview = (await admin.request('GET', `/api/partners/${ids.ERG}`)).json();
    expect(overview.organisation.shortName).toBe('ERG');
    expect(overview.agreements.map((a: { number: string }) => a.number).sort()).toEqual([
      'PB-2021-ERG',
      'PPP-2018-ERG',
    ]);
    expect(overview.obligations.length).toBe(5);
    expect(overview.investments.length).toBe(7);
    expect(overview.fundedLabs.map((f: { lab: { code: string } }) => f.lab.code)).toEqual([
      'MET-201',
      'MET-204',
    ]);
    expect(overview.fundedEquipment.length).toBe(12);
    const invested = overview.investments.reduce(
      (sum: number, i: { amountTiyn: number }) => sum + i.amountTiyn,
      0,
    );
    expect(overview.totals).toMatchObject({
      investedTiyn: invested,
      agreements: 2,
      activeAgreements: 1,
      lateObligations: 1,
    });
    expect([overview.placements, overview.demand]).toEqual([null, null]);
  });

  it("answers 404 for another partner's overview and 403 to observers, who read the aggregates instead", async () => {
    expect((await partner.request('GET', `/api/partners/${ids['KAZ Minerals Bozshakol']}`)).statusCode).toBe(
      404,
    );
    expect((await observer.request('GET', `/api/partners/${ids.ERG}`)).statusCode).toBe(403);
    const aggregates = await observer.request('GET', '/api/partners/aggregates');
    expect(aggregates.statusCode).toBe(200);
    const body = aggregates.json();
    expect(body.branchesByStatus).toEqual([
      { status: 'none', count: 0 },
      { status: 'planned', count: 2 },
      { status: 'open', count: 1 },
    ]);
    expect(body.agreementsByStatus.find((s: { status: string }) => s.status === 'expiring').count).toBe(1);
    expect(JSON.stringify(body)).not.toMatch(/ERG|@/);
    expect((await partner.request('GET', '/api/partners/aggregates')).statusCode).toBe(403);
  });
});
