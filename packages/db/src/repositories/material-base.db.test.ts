import type { AgreementStatus } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../client.ts';
import type { StoredAgreementStatus } from '../schema/index.ts';
import { testDatabaseKinds, testOrganisation } from '../testing.ts';
import { agreementsRepository } from './agreements.repository.ts';
import { auditRepository } from './audit.repository.ts';
import { bulkRepository } from './bulk.repository.ts';
import { type BookingInput, bookingsRepository } from './bookings.repository.ts';
import { equipmentRepository } from './equipment.repository.ts';
import { investmentAggregatesRepository } from './investment-aggregates.repository.ts';
import { investmentsRepository } from './investments.repository.ts';
import { labsRepository } from './labs.repository.ts';
import { organisationsRepository } from './organisations.repository.ts';
import { partnersRepository } from './partners.repository.ts';
import { usageRepository } from './usage.repository.ts';
import { usersRepository } from './users.repository.ts';

const at = (iso: string) => new Date(iso);

for (const kind of testDatabaseKinds()) {
  describe(`material base repositories on ${kind.name}`, () => {
    let database: Database;
    let db: Db;
    const ids = { home: 0, erg: 0, kaz: 0, lab: 0, lab2: 0, item: 0, student1: 0, student2: 0, ppp: 0 };
    beforeAll(async () => {
      database = await kind.open();
      db = database.db;
      ids.home = (await organisationsRepository.create(db, testOrganisation('Home', 'home_university'))).id;
      ids.erg = (await organisationsRepository.create(db, testOrganisation('ERG'))).id;
      ids.kaz = (await organisationsRepository.create(db, testOrganisation('KAZ'))).id;
      const lab = {
        name: { kk: 'Зертхана', ru: 'Лаборатория', en: 'Lab' },
        building: { kk: 'А корпусы', ru: 'Корпус А', en: 'Building A' },
        room: '101',
        capacity: 20,
      };
      ids.lab = (await labsRepository.create(db, { ...lab, code: 'MET-1', priorityArea: 'metallurgy' })).id;
      ids.lab2 = (await labsRepository.create(db, { ...lab, code: 'IT-1', priorityArea: 'it' })).id;
      ids.item = (
        await equipmentRepository.create(db, {
          inventoryNumber: 'EQ-1',
          name: { kk: 'Пеш', ru: 'Печь', en: 'Furnace' },
          labId: ids.lab2,
          costTiyn: 100_000_00,
          acquiredOn: '2020-01-10',
          condition: 'good',
        })
      ).id;
      const user = (email: string) =>
        usersRepository.create(db, {
          email,
          fullName: email,
          role: 'student',
          organisationId: ids.home,
          locale: 'ru',
          passwordHash: 'x',
        });
      ids.student1 = (await user('s1@x.kz')).id;
      ids.student2 = (await user('s2@x.kz')).id;
    });
    afterAll(async () => database?.close());

    it('derives agreement statuses from valid-until as of the given day, in filters, counts and the expiring list', async () => {
      const base = {
        kind: 'ppp' as const,
        title: { kk: 'т', ru: 'т', en: 't' },
        signedOn: '2016-01-01',
        terminatedOn: null,
        notes: '',
      };
      const make = (number: string, status: StoredAgreementStatus, validUntil: string | null) =>
        agreementsRepository.create(db, { ...base, number, status, validUntil }, [ids.home, ids.erg]);
      ids.ppp = (await make('A-ACTIVE', 'active', '2030-01-01')).id;
      await make('A-EXPIRING', 'active', '2025-03-01');
      await make('A-EXPIRED', 'active', '2024-12-31');
      await make('A-DRAFT', 'draft', '2024-01-01');
      await make('A-TERM', 'terminated', '2025-02-01');
      const today = '2025-01-15';
      const list = async (status: AgreementStatus) =>
        (
          await agreementsRepository.list(db, { page: 1, pageSize: 50, today, expiringDays: 90, status })
        ).items.map((a) => a.number);
      expect(await list('active')).toEqual(['A-ACTIVE']);
      expect(await list('expiring')).toEqual(['A-EXPIRING']);
      expect(await list('expired')).toEqual(['A-EXPIRED']);
      expect(await list('draft')).toEqual(['A-DRAFT']);
      const counts = await agreementsRepository.counts(db, today, 90);
      expect(Object.fromEntries(counts.statuses)).toEqual({
        active: 1,
        expiring: 1,
        expired: 1,
        draft: 1,
        terminated: 1,
      });
      const expiring = await agreementsRepository.expiring(db, {
        page: 1,
        pageSize: 10,
        today,
        until: '2025-04-15',
      });
      expect(expiring.items.map((a) => a.number)).toEqual(['A-EXPIRING']);
      const found = await agreementsRepository.findById(db, ids.ppp);
      expect(found?.parties.map((p) => p.shortName)).toEqual(['ERG', 'Home']);
      expect(await agreementsRepository.isParty(db, ids.ppp, ids.kaz)).toBe(false);
    });

    it('stores investments with allocations and totals them by source, year, area and partner', async () => {
      await investmentsRepository.create(
        db,
        {
          source: 'ppp_partner',
          organisationId: ids.erg,
          agreementId: ids.ppp,
          amountTiyn: 300_00,
          original: { currency: 'EUR', amount: '0.60', rate: '500.000000' },
          investedOn: '2018-05-01',
          description: { kk: 'пеш', ru: 'печь', en: 'furnace' },
        },
        [
          { labId: ids.lab, equipmentId: null, amountTiyn: 100_00 },
          { labId: null, equipmentId: ids.item, amountTiyn: 200_00 },
        ],
      );
      await investmentsRepository.create(
        db,
        {
          source: 'state_budget',
          organisationId: null,
          agreementId: null,
          amountTiyn: 200_00,
          original: null,
          investedOn: '2019-02-01',
          description: { kk: '', ru: '', en: '' },
        },
        [{ labId: null, equipmentId: ids.item, amountTiyn: 200_00 }],
      );
      const totals = await investmentAggregatesRepository.totals(db, {});
      expect(totals.bySource.sort((a, b) => a.source.localeCompare(b.source))).toEqual([
        { source: 'ppp_partner', amountTiyn: 300_00, count: 1 },
        { source: 'state_budget', amountTiyn: 200_00, count: 1 },
      ]);
      expect(totals.byYearSource).toContainEqual({ year: 2018, source: 'ppp_partner', amountTiyn: 300_00 });
      expect(Object.fromEntries(totals.byArea.map((a) => [a.area, a.amountTiyn]))).toEqual({
        metallurgy: 100_00,
        it: 400_00,
      });
      expect(totals.byPartner).toEqual([{ organisationId: ids.erg, shortName: 'ERG', amountTiyn: 300_00 }]);
      const scoped = await investmentAggregatesRepository.totals(db, { from: '2019-01-01' });
      expect(scoped.bySource.map((s) => s.source)).toEqual(['state_budget']);
      const stored = (await investmentsRepository.listForOrganisation(db, ids.erg))[0]!;
      expect(stored.original).toEqual({ currency: 'EUR', amount: '0.60', rate: '500.000000' });
      expect(stored.allocations.map((a) => a.labCode ?? a.inventoryNumber)).toEqual(['MET-1', 'EQ-1']);
      const item = await equipmentRepository.findById(db, ids.item);
      expect(item?.fundedTiyn).toBe(400_00);
      expect(await labsRepository.findById(db, ids.lab)).toMatchObject({
        fundedTiyn: 100_00,
        equipmentCount: 0,
      });
      expect(await labsRepository.findById(db, ids.lab2)).toMatchObject({ fundedTiyn: 0, equipmentCount: 1 });
      expect(
        (await labsRepository.list(db, { page: 1, pageSize: 10, fundedBy: ids.erg })).items.map(
          (l) => l.code,
        ),
      ).toEqual(['MET-1']);
      const partners = await partnersRepository.list(db, {
        page: 1,
        pageSize: 10,
        today: '2025-01-15',
        sort: '-investedTiyn',
      });
      expect(partners.items.map((p) => [p.shortName, p.investedTiyn, p.agreements])).toEqual([
        ['ERG', 300_00, 5],
        ['KAZ', 0, 0],
      ]);
    });

    const booking = (start: string, end: string, extra: Partial<BookingInput> = {}): BookingInput => ({
      labId: ids.lab,
      equipmentId: null,
      purpose: 'discipline_session',
      disciplineName: 'Metallurgy 1',
      studentUserId: null,
      startsAt: at(start),
      endsAt: at(end),
      note: '',
      bookedBy: null,
      ...extra,
    });
    const book = (input: BookingInput) =>
      db.transaction((tx) => bookingsRepository.createUnlessConflict(tx as unknown as Db, input));

    it('refuses an overlapping booking of the same asset and names it, but allows back-to-back and other assets', async () => {
      const first = await book(booking('2025-03-03T09:00:00Z', '2025-03-03T11:00:00Z'));
      expect(first).toHaveProperty('booking');
      const firstId = 'booking' in first ? first.booking.id : 0;
      expect(await book(booking('2025-03-03T10:00:00Z', '2025-03-03T12:00:00Z'))).toEqual({
        conflictId: firstId,
      });
      expect(await book(booking('2025-03-03T08:00:00Z', '2025-03-03T13:00:00Z'))).toEqual({
        conflictId: firstId,
      });
      expect(await book(booking('2025-03-03T11:00:00Z', '2025-03-03T12:00:00Z'))).toHaveProperty('booking');
      expect(
        await book(booking('2025-03-03T09:00:00Z', '2025-03-03T11:00:00Z', { labId: ids.lab2 })),
      ).toHaveProperty('booking');
      expect(await book(booking('2025-03-03T09:00:00Z', '2025-03-03T10:00:00Z', { labId: 999_999 }))).toEqual(
        { missingAsset: true },
      );
      await bookingsRepository.update(db, firstId, { status: 'cancelled' }, at('2025-03-01T08:00:00Z'));
      expect(await book(booking('2025-03-03T09:00:00Z', '2025-03-03T10:00:00Z'))).toHaveProperty('booking');
    });

    it('lets only one of two concurrent writers book the same slot', async () => {
      const slot = booking('2025-04-01T09:00:00Z', '2025-04-01T10:00:00Z', {
        labId: null,
        equipmentId: ids.item,
      });
      const results = await Promise.all([book(slot), book(slot), book(slot)]);
      expect(results.filter((r) => 'booking' in r)).toHaveLength(1);
      expect(results.filter((r) => 'conflictId' in r)).toHaveLength(2);
    });

    it('bulk-inserts bookings with nulls, their attendees and audit records, returning ids in input order', async () => {
      const rows = [0, 1, 2].map((i) => ({
        ...booking(`2024-01-0${i + 5}T09:00:00Z`, `2024-01-0${i + 5}T10:00:00Z`),
        disciplineName: `Bulk ${i}`,
        actualStart: i === 1 ? null : at(`2024-01-0${i + 5}T09:00:00Z`),
        actualEnd: i === 1 ? null : at(`2024-01-0${i + 5}T10:00:00Z`),
        attendeesCount: i === 1 ? null : 3,
      }));
      const bookingIds = await bulkRepository.insertBookings(db, rows);
      expect(bookingIds).toHaveLength(3);
      const stored = await Promise.all(bookingIds.map((id) => bookingsRepository.findById(db, id)));
      expect(stored.map((b) => [b?.disciplineName, b?.attendeesCount, b?.actualStart])).toEqual([
        ['Bulk 0', 3, at('2024-01-05T09:00:00Z')],
        ['Bulk 1', null, null],
        ['Bulk 2', 3, at('2024-01-07T09:00:00Z')],
      ]);
      await bulkRepository.insertAttendees(db, [{ bookingId: bookingIds[0]!, userId: ids.student1 }]);
      expect((await bookingsRepository.findById(db, bookingIds[0]!))?.attendeeIds).toEqual([ids.student1]);
      await bulkRepository.recordAudit(db, [
        {
          actorId: null,
          actorEmail: 'system:test',
          action: 'create',
          entity: 'booking',
          entityId: String(bookingIds[0]),
          before: null,
          after: { name: 'Қ "q"' },
          requestId: null,
          at: at('2024-01-08T09:00:00Z'),
        },
      ]);
      const audit = await auditRepository.list(db, {
        page: 1,
        pageSize: 5,
        entity: 'booking',
        entityId: String(bookingIds[0]),
      });
      expect(audit.items[0]?.after).toEqual({ name: 'Қ "q"' });
    });

    it('computes used hours clipped to the window, student-hours and distinct students per asset, discipline and year', async () => {
      const used = await book(
        booking('2025-05-05T08:00:00Z', '2025-05-05T12:00:00Z', { disciplineName: 'Casting' }),
      );
      const id = 'booking' in used ? used.booking.id : 0;
      await bookingsRepository.setUsage(
        db,
        id,
        {
          actualStart: at('2025-05-05T08:00:00Z'),
          actualEnd: at('2025-05-05T11:00:00Z'),
          attendeesCount: 10,
          attendeeIds: [ids.student1, ids.student2],
        },
        at('2025-05-05T12:00:00Z'),
      );
      const rows = await usageRepository.byMonthAndAsset(
        db,
        at('2025-05-05T09:00:00Z'),
        at('2025-05-06T00:00:00Z'),
        'Asia/Almaty',
      );
      expect(rows.find((r) => r.labId === ids.lab)).toEqual({
        month: '2025-05',
        labId: ids.lab,
        equipmentId: null,
        bookedHours: 3,
        usedHours: 2,
        sessions: 1,
      });
      const set = { labIds: [ids.lab], equipmentIds: [] };
      const [asset] = await usageRepository.trainingByAsset(
        db,
        set,
        at('2025-01-01T00:00:00Z'),
        at('2026-01-01T00:00:00Z'),
      );
      expect(asset).toMatchObject({
        labId: ids.lab,
        sessions: 1,
        hoursUsed: 3,
        studentHours: 30,
        distinctStudents: 2,
      });
      const disciplines = await usageRepository.trainingByDiscipline(
        db,
        set,
        at('2025-01-01T00:00:00Z'),
        at('2026-01-01T00:00:00Z'),
      );
      expect(disciplines).toEqual([
        { disciplineName: 'Casting', sessions: 1, hoursUsed: 3, studentHours: 30, distinctStudents: 2 },
      ]);
      expect(
        await usageRepository.trainingByYear(
          db,
          at('2025-01-01T00:00:00Z'),
          at('2026-01-01T00:00:00Z'),
          'Asia/Almaty',
        ),
      ).toEqual([{ year: 2025, sessions: 1, hoursUsed: 3, studentHours: 30 }]);
      expect(
        await usageRepository.trainingByArea(db, at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z')),
      ).toEqual([{ area: 'metallurgy', sessions: 1, hoursUsed: 3, studentHours: 30 }]);
      expect(
        await usageRepository.distinctStudents(db, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')),
      ).toBe(0);
    });

    it("sums hours per month of the university's zone: booked by the booked start, used by the actual start", async () => {
      // 23:00-01:00 on 31 May in UTC+5, used from 00:30 on 1 June.
      const late = await book(booking('2025-05-31T18:00:00Z', '2025-05-31T20:00:00Z'));
      await bookingsRepository.setUsage(
        db,
        'booking' in late ? late.booking.id : 0,
        {
          actualStart: at('2025-05-31T19:30:00Z'),
          actualEnd: at('2025-05-31T20:00:00Z'),
          attendeesCount: 0,
          attendeeIds: [],
        },
        at('2025-06-01T08:00:00Z'),
      );
      const months = async (from: string, to: string, timeZone = 'Asia/Almaty') =>
        (await usageRepository.byMonthAndAsset(db, at(from), at(to), timeZone)).filter(
          (r) => r.labId === ids.lab,
        );
      const lab = { labId: ids.lab, equipmentId: null };
      expect(await months('2025-04-30T19:00:00Z', '2025-06-30T19:00:00Z')).toEqual([
        { month: '2025-05', ...lab, bookedHours: 6, usedHours: 3, sessions: 1 },
        { month: '2025-06', ...lab, bookedHours: 0, usedHours: 0.5, sessions: 1 },
      ]);
      // Clipped to the window, as byAsset clips.
      expect(await months('2025-05-05T09:00:00Z', '2025-05-31T19:00:00Z')).toEqual([
        { month: '2025-05', ...lab, bookedHours: 4, usedHours: 2, sessions: 1 },
      ]);
      // In Berlin (UTC+2 in summer) the late session is 20:00-22:00 on 31 May, used from 21:30: all in May.
      expect(await months('2025-04-30T22:00:00Z', '2025-06-30T22:00:00Z', 'Europe/Berlin')).toEqual([
        { month: '2025-05', ...lab, bookedHours: 6, usedHours: 3.5, sessions: 2 },
      ]);
    });

    it("counts a session in the calendar year of its actual start in the university's zone", async () => {
      // 31 December 2025 at 20:00 UTC: 2026 in Almaty (01:00, UTC+5), still 2025 in Berlin (21:00, UTC+1).
      const eve = await book(booking('2025-12-31T20:00:00Z', '2025-12-31T21:00:00Z'));
      await bookingsRepository.setUsage(
        db,
        'booking' in eve ? eve.booking.id : 0,
        {
          actualStart: at('2025-12-31T20:00:00Z'),
          actualEnd: at('2025-12-31T21:00:00Z'),
          attendeesCount: 4,
          attendeeIds: [],
        },
        at('2026-01-01T08:00:00Z'),
      );
      const years = async (timeZone: string) =>
        (
          await usageRepository.trainingByYear(
            db,
            at('2025-12-31T00:00:00Z'),
            at('2026-01-02T00:00:00Z'),
            timeZone,
            { labIds: [ids.lab], equipmentIds: [] },
          )
        ).map((r) => r.year);
      expect(await years('Asia/Almaty')).toEqual([2026]);
      expect(await years('Europe/Berlin')).toEqual([2025]);
    });
  });
}
