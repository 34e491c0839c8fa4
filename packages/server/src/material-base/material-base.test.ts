import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

type Client = Awaited<ReturnType<typeof signIn>>;

describe('material base and investment ledger API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  let partner: Client;
  let observer: Client;
  const org: Record<string, number> = {};
  let lab: { id: number; code: string };
  let item: { id: number };
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
    partner = await signIn(t.app, demoEmail.partner);
    observer = await signIn(t.app, demoEmail.observer);
    for (const o of (await admin.request('GET', '/api/organisations?pageSize=50')).json().items)
      org[o.shortName] = o.id;
  });
  afterAll(async () => t?.close());

  it('holds a dozen demo labs and about sixty items with unique inventory numbers', async () => {
    const labs = (await admin.request('GET', '/api/labs?pageSize=50')).json();
    expect(labs.total).toBe(12);
    const items = (await admin.request('GET', '/api/equipment?pageSize=200&sort=inventoryNumber')).json();
    expect(items.total).toBe(68);
    expect(items.items[0]).toMatchObject({
      inventoryNumber: 'KDTU-EQ-0001',
      name: {
        kk: 'Armfield UOP3CC пилоттық ректификациялық колоннасы',
        ru: 'Пилотная ректификационная колонна Armfield UOP3CC',
        en: 'Pilot distillation column Armfield UOP3CC',
      },
      labCode: 'PCH-101',
      priorityArea: 'petrochemistry',
    });
    for (const i of items.items) expect(i.fundedTiyn).toBe(i.costTiyn);
    const it = (await admin.request('GET', '/api/labs?priorityArea=it&sort=-capacity')).json().items;
    expect(it.map((l: { code: string }) => l.code)).toEqual(['IT-401', 'IT-405', 'IT-410']);
  });

  it('creates labs and items, refusing a repeated code or inventory number with 409', async () => {
    const created = await admin.request('POST', '/api/labs', {
      code: 'ENG-320',
      name: { kk: 'Жылу энергетикасы', ru: 'Теплоэнергетика', en: 'Thermal power' },
      priorityArea: 'energy',
      building: { kk: 'Г корпусы', ru: 'Корпус Г', en: 'Building G' },
      room: '320',
      capacity: 18,
    });
    expect(created.statusCode).toBe(201);
    lab = created.json();
    const again = await admin.request('POST', '/api/labs', {
      code: 'ENG-320',
      name: { kk: 'а', ru: 'а' },
      priorityArea: 'it',
      capacity: 5,
    });
    expect([again.statusCode, again.json().error.details.issues[0].path]).toEqual([409, 'body.code']);
    const body = {
      inventoryNumber: 'KDTU-EQ-0901',
      name: { kk: 'Қазандық тренажері', ru: 'Тренажёр котельной', en: 'Boiler trainer' },
      labId: lab.id,
      costTiyn: 12_500_000_00,
      acquiredOn: '2026-01-15',
    };
    const added = await admin.request('POST', '/api/equipment', body);
    expect(added.json()).toMatchObject({ condition: 'new', labCode: 'ENG-320', fundedTiyn: 0 });
    item = added.json();
    expect((await admin.request('POST', '/api/equipment', body)).statusCode).toBe(409);
    expect(
      (
        await admin.request('POST', '/api/equipment', { ...body, inventoryNumber: 'X-2', labId: 99999 })
      ).json().error.details.issues[0].path,
    ).toBe('body.labId');
    expect(
      (await admin.request('POST', '/api/equipment', { ...body, inventoryNumber: 'X-3', costTiyn: 10.5 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await admin.request('PATCH', `/api/equipment/${item.id}`, { condition: 'good' })).json().condition,
    ).toBe('good');
  });

  it('records a PPP investment paid in euros with its rate, allocated to the new lab and item', async () => {
    const agreement = (await admin.request('GET', '/api/agreements?q=PPP-2018-ERG')).json().items[0];
    const body = {
      source: 'ppp_partner',
      organisationId: org.ERG,
      agreementId: agreement.id,
      amountTiyn: 51_234_000_00,
      original: { currency: 'EUR', amount: '100000.00', rate: '512.34' },
      investedOn: '2026-02-01',
      description: { kk: 'Қазандық тренажері', ru: 'Котельный тренажёр', en: 'Boiler simulator' },
      allocations: [
        { labId: lab.id, amountTiyn: 38_734_000_00 },
        { equipmentId: item.id, amountTiyn: 12_500_000_00 },
      ],
    };
    const created = await admin.request('POST', '/api/investments', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      organisationShortName: 'ERG',
      agreementNumber: 'PPP-2018-ERG',
      original: { currency: 'EUR', amount: '100000.00' },
    });
    expect((await admin.request('GET', `/api/labs/${lab.id}`)).json().fundedTiyn).toBe(38_734_000_00);
    const audit = (
      await admin.request('GET', `/api/audit?entity=investment&entityId=${created.json().id}`)
    ).json().items[0];
    expect(audit.after.allocations).toHaveLength(2);
  });

  it('refuses an inconsistent investment with 400 naming every rule broken', async () => {
    const response = await admin.request('POST', '/api/investments', {
      source: 'ppp_partner',
      amountTiyn: 1_000_00,
      original: { currency: 'USD', amount: '10.00', rate: '400' },
      investedOn: '2026-02-01',
      allocations: [{ labId: lab.id, amountTiyn: 900_00 }],
    });
    expect(response.statusCode).toBe(400);
    const paths = response
      .json()
      .error.details.issues.map((i: { path: string }) => i.path)
      .sort();
    expect(paths).toEqual(['body.agreementId', 'body.allocations', 'body.amountTiyn', 'body.organisationId']);
    const notParty = await admin.request('POST', '/api/investments', {
      source: 'ppp_partner',
      organisationId: org.ERG,
      agreementId: (await admin.request('GET', '/api/agreements?q=PPP-2016-POCR')).json().items[0].id,
      amountTiyn: 100,
      investedOn: '2026-02-01',
      allocations: [{ equipmentId: 99999, amountTiyn: 100 }],
    });
    expect(notParty.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.agreementId',
      'body.allocations.0.equipmentId',
    ]);
  });

  it('changes an investment and checks the merged result: new allocations must still sum to the amount', async () => {
    const own = (await admin.request('GET', '/api/investments?source=own_funds&sort=investedOn')).json()
      .items[0];
    const bad = await admin.request('PATCH', `/api/investments/${own.id}`, {
      amountTiyn: own.amountTiyn + 1,
    });
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.allocations',
    ]);
    const good = await admin.request('PATCH', `/api/investments/${own.id}`, {
      amountTiyn: own.amountTiyn + 100,
      allocations: [{ equipmentId: own.allocations[0].equipmentId, amountTiyn: own.amountTiyn + 100 }],
    });
    expect(good.json().amountTiyn).toBe(own.amountTiyn + 100);
  });

  it('filters and sorts the ledger and totals it by source, year since 2015, area and partner', async () => {
    const ledger = (
      await admin.request(
        'GET',
        '/api/investments?source=ppp_partner&organisationId=' + org.ERG + '&sort=amountTiyn',
      )
    ).json();
    expect(ledger.total).toBe(8);
    const amounts = ledger.items.map((i: { amountTiyn: number }) => i.amountTiyn);
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    expect((await admin.request('GET', `/api/investments?labId=${lab.id}`)).json().total).toBe(1);
    const totals = (await admin.request('GET', '/api/investments/aggregates')).json();
    expect(totals.count).toBe(41);
    expect(totals.byYear[0].year).toBe(2015);
    expect(totals.byYear.at(-1).year).toBe(Number(t.today().slice(0, 4)));
    const sum = (rows: { amountTiyn: number }[]) => rows.reduce((a, r) => a + r.amountTiyn, 0);
    expect(sum(totals.bySource)).toBe(totals.totalTiyn);
    expect(sum(totals.byYear)).toBe(totals.totalTiyn);
    expect(sum(totals.byArea)).toBe(totals.totalTiyn);
    expect(totals.byPartner[0].shortName).toBe('ERG');
    const period = (
      await admin.request('GET', '/api/investments/aggregates?from=2020-01-01&to=2020-12-31')
    ).json();
    expect(period.byYear.map((y: { year: number }) => y.year)).toEqual([2020]);
  });

  it('shows a partner only its own investments and the assets they funded; observers only aggregates without partners', async () => {
    const own = (await partner.request('GET', '/api/investments?pageSize=100')).json();
    expect(new Set(own.items.map((i: { organisationShortName: string }) => i.organisationShortName))).toEqual(
      new Set(['ERG']),
    );
    const labs = (await partner.request('GET', '/api/labs'))
      .json()
      .items.map((l: { code: string }) => l.code);
    expect(labs).toEqual(['ENG-320', 'MET-201', 'MET-204']);
    const foreign = (await admin.request('GET', '/api/labs?q=PCH-101')).json().items[0];
    expect((await partner.request('GET', `/api/labs/${foreign.id}`)).statusCode).toBe(404);
    expect((await partner.request('GET', `/api/equipment/${item.id}`)).statusCode).toBe(200);
    const mine = (await partner.request('GET', '/api/investments/aggregates')).json();
    expect(mine.byPartner.map((p: { shortName: string }) => p.shortName)).toEqual(['ERG']);
    const seen = (await observer.request('GET', '/api/investments/aggregates')).json();
    expect(seen.byPartner).toBeNull();
    expect(seen.totalTiyn).toBeGreaterThan(mine.totalTiyn);
    expect((await observer.request('GET', '/api/investments')).statusCode).toBe(403);
    expect((await observer.request('GET', '/api/labs')).statusCode).toBe(403);
  });

  it('refuses to delete a lab or item that investments refer to, and deletes an investment', async () => {
    expect((await admin.request('DELETE', `/api/labs/${lab.id}`)).statusCode).toBe(409);
    const investment = (await admin.request('GET', `/api/investments?labId=${lab.id}`)).json().items[0];
    expect((await admin.request('DELETE', `/api/investments/${investment.id}`)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `/api/equipment/${item.id}`)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `/api/labs/${lab.id}`)).statusCode).toBe(204);
  });
});
