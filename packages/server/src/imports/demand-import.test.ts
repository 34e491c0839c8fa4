import type { DemandPlan, DemandPlanDetail } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompetencies } from '../demand/demand-test-world.ts';
import { buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { upload } from '../uploads/test-support.ts';

const URI = 'http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-000000000002';
const HEADER =
  'partner,year,occupation_uri,occupation_label_kk,occupation_label_ru,occupation_label_en,national_code,programme_group,priority_area,region,headcount,competencies';

describe('importing declared demand', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let c: number[];
  let partner: string;
  let other: string;
  let framework: string;

  const send = (name: string, type: string, content: Buffer, query = '') =>
    upload(t.app, world.clients.admin, `/api/imports/demand${query}`, name, type, content);
  const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
  const plans = async () =>
    (await world.clients.admin.request('GET', '/api/demand-plans?pageSize=200&sort=createdAt')).json()
      .items as DemandPlan[];

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    c = await buildCompetencies(t.database.db, 2);
    partner = world.partnerOrg.shortName;
    other = world.otherPartnerOrg.shortName;
    framework = (await t.database.db.select().from(schema.competencyFrameworks))[0]!.code;
  });
  afterAll(async () => t?.close());

  it('lists every bad row and column and writes nothing', async () => {
    const response = await send(
      'demand.csv',
      'text/csv',
      csv(
        `${partner},2028,${URI},инженер,инженер,engineer,,B074,metallurgy,pavlodar,25,${c[0]}=3`,
        `NOPE,2028,${URI},инженер,инженер,engineer,,B074,metallurgy,pavlodar,25,`,
        `${partner},2028,esco:bad,инженер,инженер,engineer,,B74,metallurgy,mars,0,`,
        `${partner},1999,${URI},инженер,инженер,engineer,,B074,steel,pavlodar,x,${c[0]}=7`,
        `${partner},2029,${URI},инженер,инженер,engineer,,B074,metallurgy,pavlodar,5,"999999=2;${c[1]}=2;${c[1]}=3"`,
        `${partner},2029,${URI},,,,,B074,metallurgy,pavlodar,5,`,
        `${partner},2029,${URI},инженер,инженер,engineer,,B074,metallurgy,pavlodar,5,"NOPE/X=2; ${c[0]}=2; ${framework}/S1=3"`,
      ),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_FAILED');
    const issues = response
      .json()
      .error.details.issues.map((i: { row: number; column: string }) => [i.row, i.column]);
    expect(issues).toEqual([
      [3, 'partner'],
      [4, 'headcount'],
      [4, 'occupation_uri'],
      [4, 'programme_group'],
      [4, 'region'],
      [5, 'competencies'],
      [5, 'headcount'],
      [5, 'priority_area'],
      [5, 'year'],
      [6, 'competencies'],
      [6, 'competencies'],
      [7, 'occupation_label_kk'],
      [7, 'occupation_label_ru'],
      [8, 'competencies'],
      [8, 'competencies'],
    ]);
    expect(await plans()).toEqual([]);
  });

  it('refuses national codes of different ISCO-08 unit groups for one occupation across the file', async () => {
    const OTHER = 'http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-000000000003';
    const response = await send(
      'demand.csv',
      'text/csv',
      csv(
        `${partner},2028,${URI},инженер,инженер,engineer,2146-1-002,B074,metallurgy,pavlodar,25,`,
        `${other},2029,${URI},инженер,инженер,engineer,2146,B074,metallurgy,pavlodar,5,`,
        `${other},2029,${OTHER},автоматтандыру инженері,инженер по автоматизации,automation engineer,2141,B074,metallurgy,pavlodar,5,`,
        `${partner},2029,${URI},инженер,инженер,engineer,2144-2-004,B074,metallurgy,pavlodar,5,`,
      ),
    );
    expect(response.statusCode).toBe(400);
    const issues = response.json().error.details.issues as { row: number; column: string; reason: string }[];
    expect(issues.map((i) => [i.row, i.column])).toEqual([[5, 'national_code']]);
    expect(JSON.stringify(issues[0])).toContain('oneUnitGroup');
    expect(await plans()).toEqual([]);
  });

  it('makes one new version per partner and year from CSV, and a later import supersedes it', async () => {
    const first = await send(
      'demand.csv',
      'text/csv',
      csv(
        `${partner},2028,${URI},металлург-инженер,инженер-металлург,metallurgical engineer,2146-1-002,b074,Metallurgy,pavlodar,25,"${c[0]}=3; ${c[1]}=2"`,
        `${partner},2028,${URI},технолог-инженер,инженер-технолог,process engineer,,B074,metallurgy,karaganda,5,`,
        `${other},2028,${URI},металлург-инженер,инженер-металлург,metallurgical engineer,,B074,metallurgy,karaganda,10,${c[0]}=2`,
        `${partner},2029,${URI},металлург-инженер,инженер-металлург,metallurgical engineer,,B074,metallurgy,pavlodar,30,`,
      ),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'demand', rows: 4, created: 3 });
    let all = await plans();
    expect(all.map((p) => [p.organisationName, p.year, p.version, p.headcount, p.lineCount])).toEqual([
      [partner, 2028, 1, 30, 2],
      [other, 2028, 1, 10, 1],
      [partner, 2029, 1, 30, 1],
    ]);
    const detail = (
      await world.clients.admin.request('GET', `/api/demand-plans/${all[0]!.id}`)
    ).json() as DemandPlanDetail;
    expect(detail.lines[0]).toMatchObject({
      occupationLabel: { kk: 'металлург-инженер', ru: 'инженер-металлург', en: 'metallurgical engineer' },
      programmeGroup: 'B074',
      priorityArea: 'metallurgy',
      nationalCode: '2146-1-002',
      competencies: [
        { competencyId: c[0], level: 3 },
        { competencyId: c[1], level: 2 },
      ],
    });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('demand');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      partner,
      2028,
      URI,
      'металлург-инженер',
      'инженер-металлург',
      'metallurgical engineer',
      '',
      'B074',
      'metallurgy',
      'pavlodar',
      40,
      `${c[0]}=4`,
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    expect((await send('demand.xlsx', type, xlsx, '?dryRun=true')).json()).toMatchObject({ created: 0 });
    expect((await plans()).length).toBe(3);
    const second = await send('demand.xlsx', type, xlsx);
    expect(second.json()).toMatchObject({ rows: 1, created: 1 });
    all = await plans();
    const mine2028 = all.filter((p) => p.organisationName === partner && p.year === 2028);
    expect(mine2028.map((p) => [p.version, p.current, p.headcount])).toEqual([
      [1, false, 30],
      [2, true, 40],
    ]);
    const audit = (
      await world.clients.admin.request('GET', `/api/audit?entity=demand_plan&entityId=${mine2028[1]!.id}`)
    ).json().items;
    expect(audit[0]).toMatchObject({
      action: 'create',
      after: expect.objectContaining({ supersedes: mine2028[0]!.id }),
    });
  });

  it('refuses a file with the single-language occupation_label column, naming the columns it needs', async () => {
    const old = Buffer.from(
      [
        'partner,year,occupation_uri,occupation_label,national_code,programme_group,priority_area,region,headcount',
        `${partner},2028,${URI},engineer,,B074,metallurgy,pavlodar,25`,
      ].join('\n'),
    );
    const response = await send('demand.csv', 'text/csv', old);
    expect(response.statusCode).toBe(400);
    const text = JSON.stringify(response.json().error);
    expect(text).toContain('occupation_label_kk');
    expect(text).toContain('occupation_label_ru');
    expect((await plans()).length).toBe(4);
  });

  it('is for admins only, like every import', async () => {
    const response = await upload(
      t.app,
      world.clients.partner,
      '/api/imports/demand',
      'demand.csv',
      'text/csv',
      csv(`${partner},2028,${URI},инженер,инженер,engineer,,B074,metallurgy,pavlodar,25,`),
    );
    expect(response.statusCode).toBe(403);
  });
});
