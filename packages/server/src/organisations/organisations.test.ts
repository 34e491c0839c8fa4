import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, type Client, issuePaths } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';

describe('organisations API', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let admin: Client;
  let lund: number;
  beforeAll(async () => {
    t = await createBareTestApp();
    const db = t.database.db;
    const home = await buildOrganisation(db, { kind: 'home_university', shortName: 'HOME' });
    admin = await signIn(t.app, (await buildUser(db, { role: 'admin', organisationId: home.id })).email);
    for (const shortName of ['Brunel', 'UPV'])
      await buildOrganisation(db, { kind: 'partner_university', shortName });
    lund = (
      await buildOrganisation(db, {
        kind: 'partner_university',
        shortName: 'Lund',
        city: { kk: 'Лунд', ru: 'Лунд', en: 'Lund' },
      })
    ).id;
    await buildOrganisation(db, { kind: 'company', shortName: 'ERG' });
  });
  afterAll(async () => t?.close());

  const body = {
    kind: 'partner_university',
    name: { kk: 'Мюнхен техникалық университеті', ru: 'Технический университет Мюнхена', en: 'TU Munich' },
    shortName: 'TUM',
    country: 'DE',
    city: { kk: 'Мюнхен', ru: 'Мюнхен', en: 'Munich' },
    sector: 'higher_education',
    priorityAreas: ['energy', 'it'],
    website: 'https://www.tum.de',
  };

  it('filters organisations by kind and sorts them by short name', async () => {
    const all = await admin.request('GET', '/api/organisations?pageSize=50&sort=shortName');
    expect(all.json().items.map((o: { shortName: string }) => o.shortName)).toEqual([
      'Brunel',
      'ERG',
      'HOME',
      'Lund',
      'UPV',
    ]);
    const filtered = await admin.request('GET', '/api/organisations?kind=partner_university&sort=-shortName');
    expect(filtered.json().items.map((o: { shortName: string }) => o.shortName)).toEqual([
      'UPV',
      'Lund',
      'Brunel',
    ]);
  });

  it('creates an organisation with trilingual names and audits it', async () => {
    const response = await admin.request('POST', '/api/organisations', body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      shortName: 'TUM',
      name: body.name,
      city: body.city,
      sector: 'higher_education',
      priorityAreas: ['energy', 'it'],
    });
    const entry = (
      await admin.request('GET', `/api/audit?entity=organisation&entityId=${response.json().id}`)
    ).json().items[0];
    expect(entry).toMatchObject({ action: 'create', before: null });
    expect(entry.after.name.kk).toBe(body.name.kk);
    const search = await admin.request('GET', `/api/organisations?q=${encodeURIComponent('Мюнхен')}`);
    expect(search.json().items.map((o: { shortName: string }) => o.shortName)).toEqual(['TUM']);
  });

  it('answers a duplicate short name with 409 and bad fields with 400 naming each', async () => {
    expect((await admin.request('POST', '/api/organisations', body)).statusCode).toBe(409);
    const bad = await admin.request('POST', '/api/organisations', {
      ...body,
      shortName: 'X',
      kind: 'club',
      country: 'Germany',
      priorityAreas: ['tourism'],
      name: { kk: '', ru: 'ok' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json()
      .error.details.issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual(['body.country', 'body.kind', 'body.name.kk', 'body.priorityAreas.0']);
    // Two letters that no country has: refused by the rule that names it, nothing written.
    const unknown = await admin.request('POST', '/api/organisations', {
      ...body,
      shortName: 'QQU',
      country: 'QQ',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues).toMatchObject([
      { path: 'body.country', reason: { code: 'custom', rule: 'knownCountry' } },
    ]);
    expect((await admin.request('GET', '/api/organisations?q=QQU')).json().total).toBe(0);
  });

  it('refuses a city in one text and a sector that is not a code, naming each field, and writes nothing', async () => {
    const bad = await admin.request('POST', '/api/organisations', {
      ...body,
      shortName: 'ONE',
      city: 'Munich',
      sector: 'higher education',
    });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad).sort()).toEqual(['body.city', 'body.sector']);
    const long = await admin.request('POST', '/api/organisations', {
      ...body,
      shortName: 'LONG',
      city: { kk: 'Қ'.repeat(121), ru: 'Мюнхен', en: '' },
    });
    expect(long.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.city.kk']);
    expect((await admin.request('GET', '/api/organisations?q=ONE')).json().total).toBe(0);
    expect((await admin.request('GET', '/api/organisations?q=LONG')).json().total).toBe(0);
    // Without a city or sector: three empty texts and null.
    const bare = await admin.request('POST', '/api/organisations', {
      kind: 'company',
      name: { kk: 'Жаңа серіктес', ru: 'Новый партнёр' },
      shortName: 'BARE',
      country: 'KZ',
    });
    expect(bare.statusCode).toBe(201);
    expect(bare.json()).toMatchObject({ city: { kk: '', ru: '', en: '' }, sector: null });
  });

  it('updates an organisation, audits before and after, and refuses an empty patch', async () => {
    const org = { id: lund };
    const city = { kk: 'Лунд (Сконе)', ru: 'Лунд (Сконе)', en: 'Lund (Skåne)' };
    const response = await admin.request('PATCH', `/api/organisations/${org.id}`, {
      city,
      sector: 'higher_education',
    });
    expect(response.json()).toMatchObject({ city, sector: 'higher_education' });
    const entry = (
      await admin.request('GET', `/api/audit?entity=organisation&entityId=${org.id}&action=update`)
    ).json().items[0];
    expect([entry.before.city, entry.after.city]).toEqual([{ kk: 'Лунд', ru: 'Лунд', en: 'Lund' }, city]);
    expect([entry.before.sector, entry.after.sector]).toEqual([null, 'higher_education']);
    // A sector is cleared with null, and the change is audited too.
    const cleared = await admin.request('PATCH', `/api/organisations/${org.id}`, { sector: null });
    expect(cleared.json()).toMatchObject({ city, sector: null });
    expect((await admin.request('PATCH', `/api/organisations/${org.id}`, {})).statusCode).toBe(400);
    expect((await admin.request('PATCH', '/api/organisations/99999', { sector: null })).statusCode).toBe(404);
  });
});
