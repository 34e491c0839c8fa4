import { sheetName } from '../../impact/impact-xlsx.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { investmentsRepository, partnersRepository, projectsRepository } from '@kadr/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, buildOrganisation, buildWorld } from '../../test/factories.ts';
import { createBareTestApp, TEST_NOW } from '../../testing.ts';

const hasPoppler = ['pdftotext', 'pdftoppm'].every((tool) => spawnSync(tool, ['-v']).status === 0);
const runsPdfText = hasPoppler || process.env.CI === 'true';

describe('the annual strategy report', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  const folder = mkdtempSync(join(tmpdir(), 'kadr-strategy-report-'));

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    const lab = await buildLab(db);
    const university = await buildOrganisation(db, { kind: 'partner_university', shortName: 'UPV-T' });
    await partnersRepository.saveBranch(db, university.id, { status: 'open', note: '' }, TEST_NOW);
    for (const [organisationId, amountTiyn] of [
      [world.partnerOrg.id, 500_000_00],
      [world.otherPartnerOrg.id, 250_000_00],
    ] as const)
      await investmentsRepository.create(
        db,
        {
          source: 'ppp_partner',
          organisationId,
          agreementId: null,
          amountTiyn,
          original: null,
          investedOn: '2019-04-01',
          description: { kk: '', ru: '', en: '' },
        },
        [{ labId: lab.id, equipmentId: null, amountTiyn }],
      );
    await projectsRepository.create(db, {
      kind: 'branch',
      name: { kk: 'UPV филиалы', ru: 'Филиал UPV', en: 'UPV branch' },
      organisationId: university.id,
      agreementId: null,
      status: 'active',
      startsOn: '2025-01-01',
      endsOn: null,
      description: { kk: '', ru: '', en: '' },
    });
    await world.clients.admin.request('POST', '/api/kpi-targets', {
      kpiId: 'foreign_branches',
      value: 5,
      deadline: '2027-12-31',
    });
  }, 180_000); // builds the world (eight signed-in users): seconds alone, much more on a busy machine
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await t?.close();
  });

  const pdfOf = async (role: 'admin' | 'observer', lang: 'kk' | 'ru' | 'en') => {
    const response = await world.clients[role].request('GET', `/api/strategy/report.pdf?lang=${lang}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`strategy-report-2026-12-07-${lang}.pdf`);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return response.rawPayload;
  };

  it('answers the PDF in every language to staff and the observer, and refuses other roles and bad languages', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) await pdfOf('admin', lang);
    await pdfOf('observer', 'kk');
    for (const role of ['partner', 'student', 'mentor'] as const)
      expect((await world.clients[role].request('GET', '/api/strategy/report.pdf')).statusCode).toBe(403);
    expect((await world.clients.admin.request('GET', '/api/strategy/report.pdf?lang=de')).statusCode).toBe(
      400,
    );
  });

  it.skipIf(!runsPdfText)(
    'renders Kazakh letters and withholds a two-partner sum from the observer (pdftotext)',
    async () => {
      const text = async (role: 'admin' | 'observer', lang: 'kk' | 'ru' | 'en') => {
        const file = join(folder, `${role}-${lang}.pdf`);
        writeFileSync(file, await pdfOf(role, lang));
        return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      };
      const kk = await text('admin', 'kk');
      expect(kk).toContain('Стратегияны іске асыру туралы жылдық есеп');
      expect(kk).toContain('Ашылған шетелдік ЖОО филиалдары');
      expect(kk).toContain('UPV филиалы');
      expect(kk).toMatch(/750\s000,00/);
      const observer = await text('observer', 'ru');
      expect(observer).toContain('скрыто (менее 3 партнёров)');
      expect(observer).not.toMatch(/750\s000,00/);
      expect(await text('admin', 'en')).toContain('Annual strategy report');
    },
  );

  it('exports XLSX with a sheet per table, numbers as numbers and the progress as data bars', async () => {
    const response = await world.clients.admin.request('GET', '/api/strategy/report.xlsx?lang=kk');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Көрсеткіштер',
      'Серпіні',
      'Құрамы',
      'Инвестициялар',
      'Жобалар',
      'Формулалар',
    ]);
    const kpis = workbook.getWorksheet('Көрсеткіштер')!;
    expect(kpis.getRow(4).getCell(1).value).toBe('Ашылған шетелдік ЖОО филиалдары');
    expect(kpis.getRow(4).getCell(2).value).toBe(1);
    expect(kpis.getRow(4).getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(kpis.getRow(4).getCell(5).value).toBe(0.2);
    expect(kpis.getRow(6).getCell(2).value).toBe(750_000);
    const formats = (kpis as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(JSON.stringify(formats)).toContain('dataBar');
  });

  it('exports XLSX in every language (Excel reserves the sheet name "History")', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const response = await world.clients.admin.request('GET', `/api/strategy/report.xlsx?lang=${lang}`);
      expect(response.statusCode, lang).toBe(200);
    }
    expect(sheetName('History')).not.toMatch(/^history$/i);
    expect(sheetName('a/b:c')).toBe('a b c');
  });
});
