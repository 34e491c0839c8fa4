import { ROLES } from '@kadr/contracts';
import { schema } from '@kadr/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStudents, buildVersion } from '../passport/passport-test-data.ts';
import { buildOrganisation, buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';
import { academicYearOf } from './dashboard.service.ts';
import { buildOffer, buildPlacement } from './practice-test-data.ts';

// TEST_NOW is 7 December 2026: the academic year 2026/27.
describe('placement dashboards', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let programmeA: number;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    const a = await buildVersion(db, { disciplines: 2, competencies: 2, practice: [[0, 3]] });
    const b = await buildVersion(db, { disciplines: 2, competencies: 2 });
    programmeA = a.programmeId;
    const third = await buildStudents(db, a.versionId, 4, { admissionYear: 2024 }); // year 3: industrial
    await buildStudents(db, a.versionId, 2, { admissionYear: 2026 }); // year 1: no industrial practice
    await buildStudents(db, b.versionId, 3, { admissionYear: 2024 }); // no practice in the curriculum
    const programmeIds = (offerId: number) =>
      db.insert(schema.practiceOfferProgrammes).values({ offerId, programmeId: a.programmeId });
    const own = await buildOffer(db, world.partnerOrg.id, [], { capacity: 5 });
    const other = await buildOffer(db, world.otherPartnerOrg.id, [], { capacity: 3 });
    const lastYear = await buildOffer(db, world.partnerOrg.id, [], { capacity: 9, startsOn: '2025-10-01' });
    await buildOffer(db, world.partnerOrg.id, [], { capacity: 7, status: 'draft' });
    for (const id of [own, other, lastYear]) await programmeIds(id);
    await buildPlacement(db, {
      offerId: own,
      studentId: third[0]!,
      status: 'completed',
      hiredOn: '2026-12-01',
    });
    await buildPlacement(db, { offerId: own, studentId: third[1]!, status: 'confirmed' });
    await buildPlacement(db, { offerId: own, studentId: third[2]!, status: 'declined' });
    await buildPlacement(db, { offerId: other, studentId: third[3]!, status: 'offered' });
    await buildPlacement(db, { offerId: lastYear, studentId: third[3]!, status: 'completed' });
  });
  afterAll(() => t.close());

  it('counts needed places from the curricula and offered places of the year, with the rates', async () => {
    const response = await world.clients.officer.request('GET', '/api/placements/dashboard');
    expect(response.statusCode).toBe(200);
    const d = response.json();
    expect(d.academicYear).toBe(2026);
    expect(d.scope).toBe('all');
    expect(d.totals).toEqual({
      needed: 4,
      offered: 8,
      placed: 3,
      accepted: 2,
      declined: 1,
      completed: 1,
      hired: 1,
      fillRate: 3 / 8,
      acceptanceRate: 2 / 3,
      completionRate: 0.5,
      hireRate: 1,
    });
    expect(d.byProgramme).toEqual([
      expect.objectContaining({ programmeId: programmeA, needed: 4, offered: 8, placed: 3 }),
    ]);
    expect(
      d.byPartner.map((p: { organisationId: number; offered: number }) => [p.organisationId, p.offered]),
    ).toEqual([
      [world.partnerOrg.id, 5],
      [world.otherPartnerOrg.id, 3],
    ]);
    expect(d.byPriorityArea).toContainEqual({
      priorityArea: 'metallurgy',
      placed: 3,
      completed: 1,
      hired: 1,
    });
    const last = (await world.clients.admin.request('GET', '/api/placements/dashboard?year=2025')).json();
    expect(last.totals).toMatchObject({ needed: 4, offered: 9, completed: 1 });
  });

  it('shows a partner only its own offers', async () => {
    const d = (await world.clients.partner.request('GET', '/api/placements/dashboard')).json();
    expect(d.scope).toBe('own');
    expect(d.totals).toMatchObject({ offered: 5, placed: 2, declined: 1, hired: 1 });
    expect(d.byPartner.map((p: { organisationId: number }) => p.organisationId)).toEqual([
      world.partnerOrg.id,
    ]);
    const other = (await world.clients.partner2.request('GET', '/api/placements/dashboard')).json();
    expect(other.totals).toMatchObject({ offered: 3, placed: 1, hired: 0 });
  });

  it('withholds the partner table from an observer below three partners, and shows it from three', async () => {
    const before = (await world.clients.observer.request('GET', '/api/placements/dashboard')).json();
    expect(before.byPartner).toBeNull();
    expect(before.totals.offered).toBe(8);
    const third = await buildOrganisation(t.database.db);
    await buildOffer(t.database.db, third.id, [], { capacity: 2 });
    const after = (await world.clients.observer.request('GET', '/api/placements/dashboard')).json();
    expect(after.byPartner).toHaveLength(3);
    expect(JSON.stringify(after)).not.toMatch(/Студент|IIN|iin/);
  });

  it('refuses the roles without a dashboard and a year that is not one', async () => {
    for (const role of ROLES) {
      const status = (await world.clients[role].request('GET', '/api/placements/dashboard')).statusCode;
      expect(status, role).toBe(['student', 'mentor', 'admissions'].includes(role) ? 403 : 200);
    }
    const bad = await world.clients.officer.request('GET', '/api/placements/dashboard?year=soon');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('query.year');
  });

  it('exports the dashboard as XLSX in each language, rates as percentages', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const response = await world.clients.officer.request(
        'GET',
        `/api/placements/dashboard.xlsx?lang=${lang}`,
      );
      expect(response.statusCode, lang).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets).toHaveLength(4);
      if (lang === 'en') {
        expect(workbook.worksheets.map((w) => w.name)).toEqual([
          'Totals',
          'Programmes',
          'Partners',
          'Priority areas',
        ]);
        const totals = workbook.getWorksheet('Totals')!;
        const rows = totals.getSheetValues().filter(Boolean) as unknown[][];
        expect(rows.find((r) => r[1] === 'Places needed')?.[2]).toBe(4);
        const fill = rows.findIndex((r) => r[1] === 'Fill rate');
        expect(totals.getRow(fill + 1).getCell(2).numFmt).toBe('0.0%');
      }
    }
    const observer = await world.clients.observer.request('GET', '/api/placements/dashboard.xlsx?lang=ru');
    expect(observer.statusCode).toBe(200);
  });

  it('reckons the academic year from 1 September', () => {
    expect(academicYearOf('2026-08-31')).toBe(2025);
    expect(academicYearOf('2026-09-01')).toBe(2026);
  });
});
