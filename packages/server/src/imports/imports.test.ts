import { assetCodeSchema, foreignCurrencySchema, trilingualSchema, webAddressSchema } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createTestApp, demoEmail, signIn } from '../testing.ts';
import { upload } from '../uploads/test-support.ts';

type Client = Awaited<ReturnType<typeof signIn>>;
const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('CSV and XLSX import', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
  });
  afterAll(async () => t?.close());

  const send = (kind: string, name: string, type: string, content: Buffer, query = '') =>
    upload(t.app, admin, `/api/imports/${kind}${query}`, name, type, content);
  const count = async (url: string) => (await admin.request('GET', url)).json().total as number;
  const issuesOf = (response: {
    json(): { error: { details: { issues: { row: number; column: string }[] } } };
  }) => response.json().error.details.issues.map((i) => [i.row, i.column]);

  it('documents the columns of every kind and serves CSV and XLSX templates', async () => {
    const formats = (await admin.request('GET', '/api/imports/formats')).json();
    expect(formats.map((f: { kind: string }) => f.kind)).toEqual([
      'organisations',
      'equipment',
      'investments',
      'students',
      'results',
      'demand',
    ]);
    const allocations = formats[2].columns.find((c: { name: string }) => c.name === 'allocations');
    expect(allocations).toMatchObject({ required: true, example: expect.stringContaining('lab:') });
    const csv = await admin.request('GET', '/api/imports/equipment/template');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\ufeffinventory_number,name_kk,name_ru,name_en,lab_code,cost_kzt,acquired_on,condition',
    );
    const xlsx = await admin.request('GET', '/api/imports/investments/template?format=xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['investments', 'columns']);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('date');
  });

  it('imports the three templates as they are: partners, then equipment, then an investment that uses both', async () => {
    for (const kind of ['organisations', 'equipment', 'investments']) {
      const template = (await admin.request('GET', `/api/imports/${kind}/template`)).rawPayload;
      const result = await send(kind, `${kind}.csv`, CSV, template);
      expect([kind, result.statusCode]).toEqual([kind, 200]);
      expect(result.json()).toMatchObject({ kind, dryRun: false, rows: 1, created: 1 });
    }
    const investment = (await admin.request('GET', '/api/investments?q=Spectrometer')).json().items[0];
    expect(investment).toMatchObject({
      organisationShortName: 'ERG',
      amountTiyn: 51_234_000_00,
      original: { currency: 'EUR' },
    });
    const audit = (
      await admin.request('GET', `/api/audit?entity=investment&entityId=${investment.id}`)
    ).json().items;
    expect(audit.map((e: { action: string; actorEmail: string }) => [e.action, e.actorEmail])).toEqual([
      ['create', demoEmail.admin],
    ]);
  });

  it('imports a semicolon-separated CSV with Cyrillic names and comma decimals', async () => {
    const csv = [
      'short_name;kind;name_kk;name_ru;name_en;country;city_kk;city_ru;city_en;sector;priority_areas',
      'ҚарМТУ;partner_university;Қарағанды техникалық университеті;Карагандинский технический университет;;kz;Қарағанды;Караганда;Karaganda;Higher_Education;"metallurgy;energy"',
      'Altai Polymetals;company;Алтай Полиметалл;Алтай Полиметаллы;Altai Polymetals;KZ;Өскемен;;;;metallurgy',
    ].join('\n');
    const result = await send('organisations', 'partners.csv', CSV, Buffer.from(csv));
    expect(result.json()).toMatchObject({ rows: 2, created: 2 });
    const created = (
      await admin.request('GET', `/api/organisations?q=${encodeURIComponent('ҚарМТУ')}`)
    ).json().items[0];
    expect(created).toMatchObject({
      kind: 'partner_university',
      country: 'KZ',
      city: { kk: 'Қарағанды', ru: 'Караганда', en: 'Karaganda' },
      sector: 'higher_education',
      priorityAreas: ['metallurgy', 'energy'],
    });
    const altai = (await admin.request('GET', '/api/organisations?q=Altai')).json().items[0];
    expect(altai).toMatchObject({ city: { kk: 'Өскемен', ru: '', en: '' }, sector: null });
  });

  it('refuses the single-language city column and a sector that is not a code, naming the columns to use', async () => {
    const oldFile = [
      'short_name,kind,name_kk,name_ru,country,city,sector',
      'Old Co,company,Ескі,Старая,KZ,Astana,higher_education',
    ].join('\n');
    const old = await send('organisations', 'old.csv', CSV, Buffer.from(oldFile));
    expect(old.statusCode).toBe(400);
    const oldIssues = old.json().error.details.issues;
    expect(oldIssues).toMatchObject([{ column: 'city', reason: { rule: 'knownColumn' } }]);
    expect(oldIssues[0].message).toContain('city_kk, city_ru, city_en');
    const freeText = [
      'short_name,kind,name_kk,name_ru,country,city_ru,sector',
      'Free Co,company,Еркін,Свободная,KZ,Астана,mining and metallurgy',
    ].join('\n');
    const sector = await send('organisations', 'sector.csv', CSV, Buffer.from(freeText));
    expect(sector.statusCode).toBe(400);
    expect(sector.json().error.details.issues).toMatchObject([{ row: 2, column: 'sector' }]);
    expect(await count('/api/organisations?q=Co')).toBe(0);
  });

  it('imports equipment from XLSX with real dates and numbers in the cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('items');
    sheet.addRow([
      'inventory_number',
      'name_kk',
      'name_ru',
      'name_en',
      'lab_code',
      'cost_kzt',
      'acquired_on',
      'condition',
    ]);
    sheet.addRow([
      'KDTU-EQ-0201',
      'Спектрометр',
      'Спектрометр',
      'Spectrometer',
      'MET-204',
      12_345_678.9,
      new Date(Date.UTC(2025, 8, 1)),
      'good',
    ]);
    sheet.addRow(['KDTU-EQ-0202', 'Тренажер', 'Тренажёр', '', 'ENG-301', '2500000', '15.01.2026', '']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await send('equipment', 'items.xlsx', XLSX, file, '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, created: 0, ids: [] });
    expect(await count('/api/equipment?q=KDTU-EQ-020')).toBe(0);
    const result = await send('equipment', 'items.xlsx', XLSX, file);
    expect(result.json().created).toBe(2);
    const first = (await admin.request('GET', '/api/equipment?q=KDTU-EQ-0201')).json().items[0];
    expect(first).toMatchObject({
      costTiyn: 1_234_567_890,
      acquiredOn: '2025-09-01',
      condition: 'good',
      labCode: 'MET-204',
      name: { kk: 'Спектрометр', ru: 'Спектрометр', en: 'Spectrometer' },
    });
  });

  it('refuses a file with bad rows with 400 IMPORT_FAILED listing every bad row and column, writing nothing', async () => {
    const csv = [
      'inventory_number,name_kk,name_ru,name_en,lab_code,cost_kzt,acquired_on,condition',
      'KDTU-EQ-0301,Жақсы,Хороший,Good item,MET-201,1000,2025-01-01,new',
      'KDTU-EQ-0302,,Без казахского,,NO-LAB,12.345,2025-02-30,broken',
      'KDTU-EQ-0001,Бос емес,Занятый номер,Taken number,MET-201,1000,2025-01-01,',
      'KDTU-EQ-0301,Қайта,Повтор,Repeat,MET-201,-5,01/02/2025,good',
    ].join('\r\n');
    const before = await count('/api/equipment');
    const response = await send('equipment', 'bad.csv', CSV, Buffer.from(csv));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_FAILED');
    expect(issuesOf(response)).toEqual([
      [3, 'acquired_on'],
      [3, 'condition'],
      [3, 'cost_kzt'],
      [3, 'name_kk'],
      [4, 'inventory_number'],
      [5, 'acquired_on'],
      [5, 'cost_kzt'],
    ]);
    expect(response.json().error.details.issues[0]).toMatchObject({
      path: 'row 3, column acquired_on',
      message: 'No such date',
    });
    expect(await count('/api/equipment')).toBe(before);
  });

  it('checks references and rules across columns of investments, and reports repeats within the file', async () => {
    const header =
      'date,source,amount_kzt,partner,agreement,currency,original_amount,rate,description_ru,allocations';
    const csv = [
      header,
      '2025-05-01,ppp_partner,1000,,,,,,no partner,lab:MET-201=1000',
      '2025-05-01,ppp_partner,1000,ERG,PPP-2016-POCR,,,,wrong agreement,lab:MET-201=1000',
      '2025-05-01,grant,1000,,,EUR,2,400,,lab:MET-201=600; equipment:NOPE=400',
      '2025-05-01,state_budget,1000,,,,,,,lab:MET-201=999',
      '2025-05-01,state_budget,1000,,,USD,,,,"lab:MET-201=500; lab:MET-201=500"',
    ].join('\n');
    const before = await count('/api/investments');
    const response = await send('investments', 'ledger.csv', CSV, Buffer.from(csv));
    expect(issuesOf(response)).toEqual([
      [2, 'agreement'],
      [2, 'partner'],
      [3, 'agreement'],
      [4, 'allocations'],
      [4, 'amount_kzt'],
      [5, 'allocations'],
      [6, 'allocations'],
      [6, 'currency'],
    ]);
    expect(await count('/api/investments')).toBe(before);
    // A correct row keeps its description in each language it gives.
    const good = await send(
      'investments',
      'ledger.csv',
      CSV,
      Buffer.from(
        'date,source,amount_kzt,description_kk,description_ru,description_en,allocations\n' +
          '2025-05-02,state_budget,1000,Спектрометр алу,Покупка спектрометра,,lab:MET-201=1000',
      ),
    );
    expect(good.statusCode, good.body).toBe(200);
    const stored = await admin.request('GET', '/api/investments?q=' + encodeURIComponent('Спектрометр алу'));
    expect(stored.json().items.map((i: { description: unknown }) => i.description)).toEqual([
      { kk: 'Спектрометр алу', ru: 'Покупка спектрометра', en: '' },
    ]);
    const repeats = await send(
      'organisations',
      'o.csv',
      CSV,
      Buffer.from(
        'short_name,kind,name_kk,name_ru,country\nX1,company,a,a,KZ\nx1,company,b,b,KZ\nERG,company,c,c,KZ',
      ),
    );
    expect(issuesOf(repeats)).toEqual([
      [3, 'short_name'],
      [4, 'short_name'],
    ]);
  });

  it("checks each row with the API's own schema and reports its message at the row and column", async () => {
    const messageOf = (schema: z.ZodType, value: unknown) =>
      schema.safeParse(value).error?.issues[0]?.message;
    const longName = 'Ә'.repeat(301);
    const cases: [string, string, { row: number; column: string; message?: string }[]][] = [
      [
        'organisations',
        `short_name,kind,name_kk,name_ru,country,website\nN1,company,${longName},a,KZ,\nN2,company,a,a,KZ,javascript:alert(1)`,
        [
          { row: 2, column: 'name_kk', message: messageOf(trilingualSchema.shape.kk, longName) },
          { row: 3, column: 'website', message: messageOf(webAddressSchema, 'javascript:alert(1)') },
        ],
      ],
      [
        'equipment',
        'inventory_number,name_kk,name_ru,lab_code,cost_kzt,acquired_on\nbad code!,Зат,Предмет,MET-201,1000,2025-01-01',
        [{ row: 2, column: 'inventory_number', message: messageOf(assetCodeSchema, 'bad code!') }],
      ],
      [
        'investments',
        'date,source,amount_kzt,currency,original_amount,rate,allocations\n2025-05-01,grant,1000,KZT,1000,1,lab:MET-201=1000',
        [{ row: 2, column: 'currency', message: messageOf(foreignCurrencySchema, 'KZT') }],
      ],
    ];
    for (const [kind, csv, expected] of cases) {
      const response = await send(kind, `${kind}.csv`, CSV, Buffer.from(csv));
      expect(response.json().error.details.issues).toMatchObject(expected);
    }
  });

  it('reports a missing column, an unknown column, an empty file and a file that is not CSV or XLSX', async () => {
    const header = await send(
      'organisations',
      'o.csv',
      CSV,
      Buffer.from('short_name,kind,colour\nA,company,red'),
    );
    expect(
      header
        .json()
        .error.details.issues.map((i: { column: string }) => i.column)
        .sort(),
    ).toEqual(['colour', 'country', 'name_kk', 'name_ru']);
    expect(
      header
        .json()
        .error.details.issues.map((i: { reason: { rule: string } }) => i.reason.rule)
        .sort(),
    ).toEqual(['knownColumn', 'requiredColumn', 'requiredColumn', 'requiredColumn']);
    expect(
      issuesOf(
        await send('organisations', 'o.csv', CSV, Buffer.from('short_name,kind,name_kk,name_ru,country\n')),
      ),
    ).toEqual([[2, '']]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect((await send('organisations', 'logo.png', 'image/png', png)).json().error.code).toBe(
      'UNSUPPORTED_FILE_TYPE',
    );
    expect(
      (await send('organisations', 'x.xlsx', XLSX, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))
        .statusCode,
    ).toBe(415);
    expect((await admin.request('POST', '/api/imports/contacts', {})).statusCode).toBe(400);
  });

  it('lets only admins import', async () => {
    const officer = await signIn(t.app, demoEmail.officer);
    const response = await upload(
      t.app,
      officer,
      '/api/imports/organisations',
      'o.csv',
      CSV,
      Buffer.from('short_name\nA'),
    );
    expect(response.statusCode).toBe(403);
    expect((await officer.request('GET', '/api/imports/formats')).statusCode).toBe(403);
  });
});
