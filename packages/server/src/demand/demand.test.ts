import type { AuditEntry, DemandPlan, GapCellDetail, GapReport } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOffer, buildOrganisation, buildPlacement, buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { buildCompetencies, buildEnrolments, buildTaughtProgramme } from './demand-test-world.ts';

const URI = 'http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-000000000001';

describe('declared demand, supply and gaps', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let c: number[];

  const line = (over: Record<string, unknown> = {}) => ({
    occupationUri: URI,
    occupationLabel: { kk: 'металлург-инженер', ru: 'инженер-металлург', en: 'metallurgical engineer' },
    nationalCode: '2146-1-002',
    programmeGroup: 'B074',
    priorityArea: 'metallurgy',
    region: 'pavlodar',
    headcount: 30,
    competencies: [
      { competencyId: c[0], level: 3 },
      { competencyId: c[1], level: 3 },
      { competencyId: c[3], level: 2 },
    ],
    ...over,
  });
  const plansCount = async () =>
    (await world.clients.admin.request('GET', '/api/demand-plans?pageSize=1')).json().total as number;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    c = await buildCompetencies(db, 4);
    const metallurgy = await buildTaughtProgramme(db, {
      group: 'B074',
      area: 'metallurgy',
      taught: [[c[0]!, 2]],
      practice: [[c[1]!, 3]],
    });
    const it = await buildTaughtProgramme(db, { group: 'B057', area: 'it', taught: [[c[2]!, 4]] });
    const students = await buildEnrolments(db, metallurgy.version.id, 10, 2024);
    // Practice in Temirtau (Karaganda region) ending in 2028: two placed (one of them hired), one declined.
    const offer = await buildOffer(db, world.partnerOrg.id, {
      startsOn: '2028-06-01',
      endsOn: '2028-07-31',
      locationRu: 'Темиртау',
      region: 'karaganda',
    });
    await buildPlacement(db, offer.id, students[0]!, { hiredOn: '2028-09-01' });
    await buildPlacement(db, offer.id, students[1]!, { status: 'confirmed' });
    await buildPlacement(db, offer.id, students[2]!, { status: 'declined' });
    await buildEnrolments(db, metallurgy.version.id, 5, 2022, 'graduated');
    await buildEnrolments(db, metallurgy.version.id, 3, 2024, 'withdrawn');
    await buildEnrolments(db, it.version.id, 20, 2025);
  });
  afterAll(async () => t?.close());

  it('lets a partner declare its own plan, and a new version supersedes it with the history kept and audited', async () => {
    const partner = world.clients.partner;
    const first = await partner.request('POST', '/api/demand-plans', {
      organisationId: world.partnerOrg.id,
      year: 2028,
      lines: [line({ headcount: 20 })],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, current: true, headcount: 20, lineCount: 1 });
    expect(first.json().lines[0].competencies.map((x: { level: number }) => x.level)).toEqual([3, 3, 2]);
    const second = await partner.request('POST', '/api/demand-plans', {
      organisationId: world.partnerOrg.id,
      year: 2028,
      note: 'New smelter line',
      lines: [line()],
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ version: 2, current: true, headcount: 30 });
    const history = (await partner.request('GET', `/api/demand-plans?year=2028&sort=version`)).json()
      .items as DemandPlan[];
    expect(history.map((p) => [p.version, p.current, p.headcount])).toEqual([
      [1, false, 20],
      [2, true, 30],
    ]);
    expect(history[0]!.supersededAt).not.toBeNull();
    const audit = (
      await world.clients.admin.request('GET', `/api/audit?entity=demand_plan&entityId=${first.json().id}`)
    ).json().items as AuditEntry[];
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });

  it("answers a partner's declaration for another organisation and its plans with 404, writing nothing", async () => {
    const before = await plansCount();
    const other = await world.clients.partner.request('POST', '/api/demand-plans', {
      organisationId: world.otherPartnerOrg.id,
      year: 2028,
      lines: [line()],
    });
    expect(other.statusCode).toBe(404);
    expect(await plansCount()).toBe(before);
    const officer = await world.clients.officer.request('POST', '/api/demand-plans', {
      organisationId: world.otherPartnerOrg.id,
      year: 2028,
      lines: [line({ region: 'karaganda', headcount: 10, competencies: [{ competencyId: c[0], level: 2 }] })],
    });
    expect(officer.statusCode).toBe(201);
    expect(
      (await world.clients.partner.request('GET', `/api/demand-plans/${officer.json().id}`)).statusCode,
    ).toBe(404);
    const own = (await world.clients.partner.request('GET', '/api/demand-plans')).json()
      .items as DemandPlan[];
    expect(own.every((p) => p.organisationId === world.partnerOrg.id)).toBe(true);
    expect((await world.clients.partner2.request('GET', '/api/demand-plans')).json().total).toBe(1);
  });

  it('refuses the roles that do not declare or read plans', async () => {
    const body = { organisationId: world.partnerOrg.id, year: 2029, lines: [line()] };
    for (const role of ['coordinator', 'observer', 'student', 'mentor', 'admissions'] as const)
      expect([
        role,
        (await world.clients[role].request('POST', '/api/demand-plans', body)).statusCode,
      ]).toEqual([role, 403]);
    expect((await world.clients.observer.request('GET', '/api/demand-plans')).statusCode).toBe(403);
    expect((await world.clients.coordinator.request('GET', '/api/demand-plans')).statusCode).toBe(200);
  });

  it('refuses national codes of two ISCO-08 unit groups for one occupation, and writes nothing', async () => {
    const before = await plansCount();
    const response = await world.clients.admin.request('POST', '/api/demand-plans', {
      organisationId: world.partnerOrg.id,
      year: 2031,
      lines: [
        line({ nationalCode: '2146-1-002', competencies: [] }),
        line({ nationalCode: '2146', region: 'karaganda', competencies: [] }),
        line({ nationalCode: '2144-2-004', region: 'kostanay', competencies: [] }),
      ],
    });
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.details.issues as { path: string; reason: string }[];
    expect(issues.map((i) => i.path)).toEqual(['body.lines.2.nationalCode']);
    expect(JSON.stringify(issues[0])).toContain('oneUnitGroup');
    expect(await plansCount()).toBe(before);
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const before = await plansCount();
    const admin = world.clients.admin;
    const post = (body: unknown) => admin.request('POST', '/api/demand-plans', body);
    const paths = async (body: unknown) => {
      const r = await post(body);
      expect(r.statusCode).toBe(400);
      return r.json().error.details.issues.map((i: { path: string }) => i.path);
    };
    expect(
      await paths({
        organisationId: world.partnerOrg.id,
        year: 2028,
        lines: [line({ occupationUri: 'esco:x' })],
      }),
    ).toEqual(['body.lines.0.occupationUri']);
    expect(
      await paths({
        organisationId: world.partnerOrg.id,
        year: 2028,
        lines: [line({ headcount: 0, region: 'mars' })],
      }),
    ).toEqual(expect.arrayContaining(['body.lines.0.headcount', 'body.lines.0.region']));
    expect(
      await paths({
        organisationId: world.partnerOrg.id,
        year: 2028,
        lines: [
          line({
            competencies: [
              { competencyId: c[0], level: 2 },
              { competencyId: c[0], level: 3 },
            ],
          }),
        ],
      }),
    ).toEqual(['body.lines.0.competencies']);
    expect(
      await paths({
        organisationId: world.partnerOrg.id,
        year: 2028,
        lines: [line({ competencies: [{ competencyId: 999_999, level: 2 }] })],
      }),
    ).toEqual(['body.lines.0.competencies.0.competencyId']);
    expect(await paths({ organisationId: world.home.id, year: 2028, lines: [line()] })).toEqual([
      'body.organisationId',
    ]);
    expect(await paths({ organisationId: world.partnerOrg.id, year: 2028, lines: [] })).toEqual([
      'body.lines',
    ]);
    // The occupation is named in kk and ru (English may be empty): one mixed string is refused.
    for (const [occupationLabel, path] of [
      ['Инженер-металлург / metallurgist', 'body.lines.0.occupationLabel'],
      [{ kk: '', ru: 'инженер-металлург', en: 'metallurgist' }, 'body.lines.0.occupationLabel.kk'],
      [{ kk: 'металлург-инженер', ru: '', en: 'metallurgist' }, 'body.lines.0.occupationLabel.ru'],
    ] as const)
      expect(
        await paths({ organisationId: world.partnerOrg.id, year: 2028, lines: [line({ occupationLabel })] }),
      ).toEqual([path]);
    expect(await plansCount()).toBe(before);
  });

  it('puts the demand in force against projected and actual graduates, with the skill gaps', async () => {
    const response = await world.clients.coordinator.request(
      'GET',
      '/api/demand/gaps?fromYear=2026&toYear=2029&attrition=0.1',
    );
    expect(response.statusCode).toBe(200);
    const report = response.json() as GapReport;
    expect(report).toMatchObject({
      years: [2026, 2027, 2028, 2029],
      attritionRate: 0.1,
      placementsAvailable: true,
    });
    const b074 = report.groups.find((g) => g.programmeGroup === 'B074')!;
    expect(b074.priorityArea).toBe('metallurgy');
    // 2026: the 5 graduates of 2022; 2028: 10 active of 2024 × 0.9² (two academic years to study) = 8.1
    expect(b074.cells[0]).toMatchObject({ year: 2026, demand: 0, actual: 5, supply: 5, surplus: 5 });
    expect(b074.cells[2]).toEqual({
      year: 2028,
      demand: 40,
      projected: 8.1,
      actual: 0,
      supply: 8.1,
      balance: -31.9,
      shortfall: 31.9,
      surplus: 0,
      placements: 2,
      hires: 1,
      partners: 2,
    });
    const b057 = report.groups.find((g) => g.programmeGroup === 'B057')!;
    expect(b057.cells[3]).toMatchObject({ year: 2029, projected: 14.58, demand: 0 });
    // The graduates are the campus's region's (the home university is in Pavlodar); the placements and hires are
    // the region of the practice (Temirtau, Karaganda region).
    expect(
      report.regions.map((r) => {
        const c = r.cells[2]!;
        return [r.region, c.demand, c.supply, c.placements, c.hires];
      }),
    ).toEqual([
      ['karaganda', 10, 0, 2, 1],
      ['pavlodar', 30, 8.1, 0, 0],
    ]);
    expect(
      report.skillGaps.map((g) => [g.competency.id, g.levelAsked, g.bestLevelInGroup, g.headcount]),
    ).toEqual([
      [c[0], 3, 2, 40],
      [c[3], 2, 0, 30],
    ]);
    expect(report.skillGaps[1]!.competency).toMatchObject({ code: 'S4', name: { en: 'Skill 4' } });
    const defaults = (await world.clients.admin.request('GET', '/api/demand/gaps')).json() as GapReport;
    expect(defaults).toMatchObject({ fromYear: 2026, toYear: 2030, attritionRate: 0.08 });
  });

  it('narrows demand, graduates, placements and hires alike by region, in the report, the drill-down and the XLSX', async () => {
    const admin = world.clients.admin;
    const gaps = async (region: string) =>
      (
        await admin.request(
          'GET',
          `/api/demand/gaps?fromYear=2028&toYear=2028&attrition=0.1&region=${region}`,
        )
      ).json() as GapReport;
    const figures = (report: GapReport) =>
      report.groups.map((g) => {
        const c = g.cells[0]!;
        return [g.programmeGroup, c.demand, c.supply, c.placements, c.hires];
      });
    // Karaganda: the other partner's 10, no graduates (the campus is in Pavlodar), the Temirtau practice (2, 1).
    const karaganda = await gaps('karaganda');
    expect(karaganda).toMatchObject({ region: 'karaganda', priorityArea: null });
    expect(figures(karaganda)).toEqual([['B074', 10, 0, 2, 1]]);
    expect(karaganda.areas.map((a) => [a.priorityArea, a.cells[0]!.supply, a.cells[0]!.placements])).toEqual([
      ['metallurgy', 0, 2],
    ]);
    expect(karaganda.regions.map((r) => r.region)).toEqual(['karaganda']);
    // Pavlodar: the partner's 30 against the campus's graduates (8.1), no practice there.
    const pavlodar = await gaps('pavlodar');
    expect(figures(pavlodar)).toEqual([['B074', 30, 8.1, 0, 0]]);
    expect(pavlodar.regions.map((r) => r.region)).toEqual(['pavlodar']);
    // Without the filter the group has both regions' demand and the whole supply.
    const all = (
      await admin.request('GET', '/api/demand/gaps?fromYear=2028&toYear=2028&attrition=0.1')
    ).json() as GapReport;
    expect(figures(all)).toContainEqual(['B074', 40, 8.1, 2, 1]);
    // Nothing in Almaty: no demand, no graduates, no practice.
    expect((await gaps('almaty')).groups).toEqual([]);

    const cell = (
      await admin.request(
        'GET',
        '/api/demand/gaps/cell?programmeGroup=B074&year=2028&attrition=0.1&region=karaganda',
      )
    ).json() as GapCellDetail;
    expect(cell.cell).toMatchObject({ demand: 10, supply: 0, placements: 2, hires: 1, partners: 1 });
    expect(cell.partners!.map((p) => p.organisationId)).toEqual([world.otherPartnerOrg.id]);
    expect(cell.programmes).toEqual([]);

    const response = await admin.request(
      'GET',
      '/api/demand/gaps.xlsx?lang=en&fromYear=2028&toYear=2028&attrition=0.1&region=karaganda',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[1]!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain('Region: Karaganda region');
    // group, year, demand, projected, actual, supply, balance, shortfall, surplus, placed, hired, partners
    expect(sheet.getRow(4).values).toEqual([undefined, 'B074', 2028, 10, 0, 0, 0, -10, 10, 0, 2, 1, 1]);
    expect(sheet.rowCount).toBe(4);
  });

  it('filters by priority area, and refuses a bad range or an unknown region', async () => {
    const admin = world.clients.admin;
    const unknown = await admin.request('GET', '/api/demand/gaps?region=mars');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues[0].path).toBe('query.region');
    expect(
      (await admin.request('GET', '/api/demand/gaps/cell?programmeGroup=B074&year=2028&region=mars'))
        .statusCode,
    ).toBe(400);
    const it = (
      await admin.request('GET', '/api/demand/gaps?fromYear=2028&toYear=2029&priorityArea=it')
    ).json();
    expect(it.groups.map((g: { programmeGroup: string }) => g.programmeGroup)).toEqual(['B057']);
    const bad = await admin.request('GET', '/api/demand/gaps?fromYear=2030&toYear=2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('query.toYear');
    expect((await admin.request('GET', '/api/demand/gaps?attrition=1')).statusCode).toBe(400);
  });

  it('drills down to partners and programmes; an observer sees partners only from three, a partner no gaps', async () => {
    const cell = (role: 'admin' | 'observer') =>
      world.clients[role].request('GET', '/api/demand/gaps/cell?programmeGroup=B074&year=2028&attrition=0.1');
    const staff = (await cell('admin')).json() as GapCellDetail;
    expect(staff.cell).toMatchObject({ demand: 40, shortfall: 31.9, partners: 2, placements: 2, hires: 1 });
    expect(staff.partners!.map((p) => [p.organisationId, p.headcount])).toEqual([
      [world.partnerOrg.id, 30],
      [world.otherPartnerOrg.id, 10],
    ]);
    expect(staff.partners![0]!.lines[0]!.occupationLabel).toEqual({
      kk: 'металлург-инженер',
      ru: 'инженер-металлург',
      en: 'metallurgical engineer',
    });
    expect(staff.programmes).toEqual([expect.objectContaining({ projected: 8.1, actual: 0 })]);
    expect(staff.skillGaps).toHaveLength(2);
    const observed = await cell('observer');
    expect(observed.statusCode).toBe(200);
    expect(observed.json()).toMatchObject({ partners: null, cell: { demand: 40, partners: 2 } });
    const third = await buildOrganisation(t.database.db, { kind: 'company' });
    const created = await world.clients.admin.request('POST', '/api/demand-plans', {
      organisationId: third.id,
      year: 2028,
      lines: [line({ headcount: 5, competencies: [] })],
    });
    expect(created.statusCode).toBe(201);
    const disclosed = (await cell('observer')).json() as GapCellDetail;
    expect(disclosed.partners).toHaveLength(3);
    for (const url of [
      '/api/demand/gaps',
      '/api/demand/gaps/cell?programmeGroup=B074&year=2028',
      '/api/demand/gaps.xlsx',
    ])
      expect((await world.clients.partner.request('GET', url)).statusCode).toBe(403);
  });

  it("gives the observer the region rows as aggregates, naming no partner or student, and withholds a region's partners below three", async () => {
    const response = await world.clients.observer.request(
      'GET',
      '/api/demand/gaps?fromYear=2028&toYear=2028&attrition=0.1',
    );
    expect(response.statusCode).toBe(200);
    const report = response.json() as GapReport;
    expect(
      report.regions.map((r) => {
        const c = r.cells[0]!;
        return [r.region, c.demand, c.supply, c.placements, c.hires, c.partners];
      }),
    ).toEqual([
      ['karaganda', 10, 0, 2, 1, 1],
      ['pavlodar', 35, 8.1, 0, 0, 2],
    ]);
    // Counts only: no organisation, plan or student is named or identified anywhere in the report.
    const body = response.body;
    for (const key of ['organisationId', 'organisationName', 'planId', 'studentId'])
      expect(body).not.toContain(`"${key}"`);
    for (const o of [world.partnerOrg, world.otherPartnerOrg]) {
      expect(body).not.toContain(o.shortName);
      expect(body).not.toContain(o.name.ru);
    }
    for (const s of await t.database.db.select().from(schema.students)) {
      expect(body).not.toContain(s.fullName);
      expect(body).not.toContain(s.iin);
    }
    // A region's drill-down with one partner (Karaganda) withholds it from the observer, not from staff.
    const url = '/api/demand/gaps/cell?programmeGroup=B074&year=2028&attrition=0.1&region=karaganda';
    const observed = (await world.clients.observer.request('GET', url)).json() as GapCellDetail;
    expect(observed).toMatchObject({ partners: null, cell: { demand: 10, partners: 1, placements: 2 } });
    expect((await world.clients.coordinator.request('GET', url)).json().partners).toHaveLength(1);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/demand/gaps'].get.tags).toEqual(['demand']);
    const names = doc.paths['/api/demand/gaps'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['fromYear', 'toYear', 'attrition', 'priorityArea', 'region']),
    );
    expect(Object.keys(doc.paths['/api/demand-plans'])).toEqual(expect.arrayContaining(['get', 'post']));
    const kind = doc.paths['/api/imports/{kind}'].post.parameters.find(
      (p: { name: string }) => p.name === 'kind',
    );
    expect(kind.schema.enum).toContain('demand');
  });

  it('exports the gap report as XLSX in each language, the regions and areas by their names in that language', async () => {
    for (const [lang, heading, regionName, areaName] of [
      ['kk', 'Баланс топ × жыл', 'Қарағанды облысы', 'Металлургия'],
      ['ru', 'Баланс группа × год', 'Карагандинская область', 'Металлургия'],
      ['en', 'Balance group × year', 'Karaganda region', 'Metallurgy'],
    ] as const) {
      const response = await world.clients.observer.request(
        'GET',
        `/api/demand/gaps.xlsx?lang=${lang}&fromYear=2026&toYear=2029&attrition=0.1`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const heat = workbook.worksheets[0]!;
      expect(heat.name).toBe(heading);
      const row = heat.getRows(4, 5)!.find((r) => r.getCell(1).value === 'B074')!;
      expect(row.getCell(5).value).toBe(-36.9);
      // B074 is metallurgy: its area by name on the heat map and in the areas sheet, never the code.
      expect(row.getCell(2).value).toBe(areaName);
      const areaRows = workbook.worksheets[2]!.getRows(4, 20)!.map((r) => r.getCell(1).value);
      expect(areaRows).toContain(areaName);
      expect(areaRows).not.toContain('metallurgy');
      expect(workbook.worksheets.map((s) => s.name)).toHaveLength(5);
      const karaganda = workbook.worksheets[3]!.getRows(4, 20)!.find(
        (r) => r.getCell(1).value === regionName && r.getCell(2).value === 2028,
      )!;
      // region, year, demand, projected, actual, supply, balance, shortfall, surplus, placed, hired, partners
      expect([10, 11].map((c) => karaganda.getCell(c).value)).toEqual([2, 1]);
    }
    // The heading that names the area filter names the area in the export's language.
    for (const [lang, filter] of [
      ['kk', 'Басым бағыт: АТ'],
      ['en', 'Priority area: IT'],
    ] as const) {
      const response = await world.clients.observer.request(
        'GET',
        `/api/demand/gaps.xlsx?lang=${lang}&fromYear=2028&toYear=2029&priorityArea=it`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      for (const sheet of workbook.worksheets)
        expect(String(sheet.getRow(2).getCell(1).value)).toContain(filter);
      const heat = workbook.worksheets[0]!.getRow(4);
      expect([heat.getCell(1).value, heat.getCell(2).value]).toEqual(['B057', filter.split(': ')[1]]);
    }
  });
});
