import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImpactReport } from '@kadr/contracts';
import { schema } from '@kadr/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVersion, usedSession } from '../passport/passport-test-data.ts';
import { buildLab, buildOrganisation, buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

/**
 * The competencies section of the impact report on data the test builds: two labs the partner funded (one alone,
 * one half with another company), sessions naming catalogue disciplines whose outcomes map to competencies.
 */
describe('impact report: competencies trained on the partner-funded assets', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let version: Awaited<ReturnType<typeof buildVersion>>;
  const folder = mkdtempSync(join(tmpdir(), 'kadr-impact-competencies-'));

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    // Discipline i teaches competencies i and i+1 at levels i+1 and i+2.
    version = await buildVersion(db, { disciplines: 3, competencies: 4, outcomesPerDiscipline: 2 });
    const [d1, d2, d3] = version.disciplineIds;
    const own = await buildLab(db);
    const shared = await buildLab(db);
    const unfunded = await buildLab(db);
    const otherCompany = await buildOrganisation(db);
    const invest = async (organisationId: number, labId: number, amountTiyn: number) => {
      const [investment] = await db
        .insert(schema.investments)
        .values({ source: 'ppp_partner', organisationId, amountTiyn, investedOn: '2024-05-01' })
        .returning();
      await db
        .insert(schema.investmentAllocations)
        .values({ investmentId: investment!.id, labId, amountTiyn });
    };
    await invest(world.partnerOrg.id, own.id, 1_000_000);
    await invest(world.partnerOrg.id, shared.id, 500_000);
    await invest(otherCompany.id, shared.id, 500_000);
    const session = (
      labId: number,
      disciplineId: number | null,
      day: string,
      hours: number,
      attendees: number,
    ) => usedSession(labId, disciplineId, new Date(`${day}T04:00:00Z`), hours, attendees);
    await db.insert(schema.bookings).values([
      session(own.id, d1!, '2025-03-03', 2, 10), // 20 student-hours, all the partner's
      session(own.id, null, '2025-03-04', 1, 10), // 10 student-hours, no catalogue discipline
      session(shared.id, d2!, '2025-03-05', 2, 5), // 10 student-hours, half the partner's
      session(unfunded.id, d3!, '2025-03-06', 3, 10), // not on the partner's assets
      { ...session(own.id, d3!, '2025-03-07', 2, 10), actualStart: null, actualEnd: null }, // no recorded use
    ]);
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await t.close();
  });

  const reportOf = async (client: keyof typeof world.clients, query = '') =>
    world.clients[client].request('GET', `/api/partners/${world.partnerOrg.id}/impact${query}`);

  it('lists each competency with its sessions, student-hours, attributed hours and share', async () => {
    const response = await reportOf('partner');
    expect(response.statusCode).toBe(200);
    const report = response.json() as ImpactReport;
    expect(report.summary.studentHours).toBe(40);
    const [c1, c2, c3] = version.competencyIds;
    expect(report.competencies.mappedStudentHours).toBe(30);
    expect(
      report.competencies.items.map((c) => [
        c.competencyId,
        c.disciplines,
        c.targetLevel,
        c.sessions,
        c.studentHours,
        c.attributedStudentHours,
        c.share,
      ]),
    ).toEqual([
      [c2, 2, 2, 2, 30, 25, 0.75], // d1 and d2 both at level 2
      [c1, 1, 1, 1, 20, 20, 0.5],
      [c3, 1, 3, 1, 10, 5, 0.25],
    ]);
    expect(report.competencies.items[0]).toMatchObject({
      code: expect.stringMatching(/\.2$/),
      type: 'skill',
      name: { kk: 'Құзырет 2', ru: 'Компетенция 2', en: 'Competency 2' },
    });
  });

  it('follows the period: nothing before the sessions', async () => {
    const report = (await reportOf('admin', '?from=2015-01-01&to=2025-03-04')).json() as ImpactReport;
    expect(report.competencies.items.map((c) => c.competencyId)).toEqual(version.competencyIds.slice(0, 2));
    const none = (await reportOf('admin', '?from=2015-01-01&to=2024-12-31')).json() as ImpactReport;
    expect(none.competencies).toEqual({ mappedStudentHours: 0, items: [] });
  });

  it('is for the partner itself and staff only: another partner 404, observers 403', async () => {
    expect((await reportOf('coordinator')).statusCode).toBe(200);
    expect((await reportOf('partner2')).statusCode).toBe(404);
    expect((await reportOf('observer')).statusCode).toBe(403);
    expect((await reportOf('student')).statusCode).toBe(403);
  });

  it('puts the section in the XLSX with numbers as numbers, in kk, ru and en', async () => {
    const headings = {
      kk: 'Серіктес базасында қалыптасатын құзыреттер',
      ru: 'Компетенции, формируемые на базе партнёра',
      en: "Competencies trained on the partner's assets",
    };
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const response = await reportOf('partner', `.xlsx?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets.at(-1)!;
      expect(sheet.getRow(1).getCell(1).value).toBe(headings[lang]);
      expect(sheet.rowCount).toBe(3 + 3);
      expect(String(sheet.getRow(4).getCell(1).value)).toContain(
        { kk: 'Құзырет 2', ru: 'Компетенция 2', en: 'Competency 2' }[lang],
      );
      expect(sheet.getRow(4).getCell(7).value).toBe(30);
      expect(sheet.getRow(4).getCell(9).value).toBe(0.75);
      expect(sheet.getRow(4).getCell(9).numFmt).toBe('0.0%');
    }
  });

  it.skipIf(!hasPdftotext && process.env.CI !== 'true')('puts the section in the PDF in Kazakh', async () => {
    const response = await reportOf('partner', '.pdf?lang=kk');
    expect(response.statusCode).toBe(200);
    const file = join(folder, 'impact-kk.pdf');
    writeFileSync(file, response.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Серіктес базасында қалыптасатын құзыреттер');
    expect(text).toContain('Құзырет 2');
    expect(text).toContain('75,0 %');
  });
});
