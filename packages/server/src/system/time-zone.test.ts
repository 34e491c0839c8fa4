import { bookingsRepository, type Db, obligationsRepository } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgreement, buildLab, buildOrganisation, buildUser, type Client } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';

// 14 July 2026, 20:30 UTC: already the 15th in Almaty and Aqtobe (UTC+5), still the 14th in Berlin (UTC+2 in
// summer). The server's calendar must follow the configured zone (KADR_TIME_ZONE), not a fixed +05:00.
const NOW = new Date('2026-07-14T20:30:00Z');

describe.each([
  { timeZone: 'Asia/Almaty', today: '2026-07-15', daysToExpiry: 30, overdue: true, month: '2026-07' },
  { timeZone: 'Asia/Aqtobe', today: '2026-07-15', daysToExpiry: 30, overdue: true, month: '2026-07' },
  { timeZone: 'Europe/Berlin', today: '2026-07-14', daysToExpiry: 31, overdue: false, month: '2026-06' },
])('the university calendar in $timeZone', ({ timeZone, today, daysToExpiry, overdue, month }) => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let admin: Client;
  let agreementId: number;
  let labId: number;
  beforeAll(async () => {
    t = await createBareTestApp({ timeZone }, { now: NOW });
    const db = t.database.db;
    const home = await buildOrganisation(db, { kind: 'home_university' });
    const user = await buildUser(db, { role: 'admin', organisationId: home.id });
    admin = await signIn(t.app, user.email);
    agreementId = (await buildAgreement(db, [home.id], { validUntil: '2026-08-14' })).id;
    await obligationsRepository.create(db, {
      agreementId,
      kind: 'deliverable',
      title: { kk: 'Есеп', ru: 'Отчёт', en: 'Report' },
      dueOn: '2026-07-14',
      amountTiyn: null,
      placesPerYear: null,
      status: 'pending',
      metOn: null,
      evidenceText: '',
      evidenceUrl: '',
    });
    labId = (await buildLab(db)).id;
    // 21:30-22:30 UTC on 30 June: 23:30 on 30 June in Berlin, 02:30 on 1 July in Almaty and Aqtobe.
    await db.transaction((tx) =>
      bookingsRepository.createUnlessConflict(tx as unknown as Db, {
        labId,
        equipmentId: null,
        purpose: 'discipline_session',
        disciplineName: 'Металлургия',
        studentUserId: null,
        startsAt: new Date('2026-06-30T21:30:00Z'),
        endsAt: new Date('2026-06-30T22:30:00Z'),
        note: '',
        bookedBy: null,
      }),
    );
  });
  afterAll(async () => t?.close());

  it('serves the configured zone', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/settings' })).json()).toEqual({ timeZone });
    expect(t.today()).toBe(today);
  });

  it("counts the days to an agreement's expiry from today in that zone", async () => {
    const agreement = (await admin.request('GET', `/api/agreements/${agreementId}`)).json();
    expect(agreement.daysToExpiry).toBe(daysToExpiry);
  });

  it('reads an obligation due on the 14th as overdue only once the 14th is over in that zone', async () => {
    const late = (await admin.request('GET', '/api/obligations/overdue')).json();
    expect(late.items.length).toBe(overdue ? 1 : 0);
  });

  it('counts booked hours in the calendar month of that zone', async () => {
    const report = await admin.request('GET', '/api/utilisation?from=2026-06-01&to=2026-07-31&assetType=lab');
    expect(report.statusCode, report.body).toBe(200);
    const booked = report
      .json()
      .byMonth.filter((m: { bookedHours: number }) => m.bookedHours > 0)
      .map((m: { month: string; bookedHours: number }) => [m.month, m.bookedHours]);
    expect(booked).toEqual([[month, 1]]);
  });
});
