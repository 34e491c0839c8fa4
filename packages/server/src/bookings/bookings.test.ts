import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarDateOf, DEFAULT_TIME_ZONE } from '@kadr/core';
import { createTestApp, demoEmail, signIn, TEST_NOW } from '../testing.ts';

type Client = Awaited<ReturnType<typeof signIn>>;

describe('bookings and utilisation API', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  let labId: number;
  let itemId: number;
  let studentIds: number[];
  // A Saturday far ahead, so demo bookings never overlap the test's.
  const day = (() => {
    let d = addDays(calendarDateOf(TEST_NOW, DEFAULT_TIME_ZONE), 60);
    while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 6) d = addDays(d, 1);
    return d;
  })();
  const at = (hour: string) => `${day}T${hour}:00+05:00`;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
    labId = (await admin.request('GET', '/api/labs?q=MET-201')).json().items[0].id;
    itemId = (await admin.request('GET', '/api/equipment?q=KDTU-EQ-0020')).json().items[0].id;
    studentIds = (await admin.request('GET', '/api/users?role=student&pageSize=5&sort=email'))
      .json()
      .items.map((u: { id: number }) => u.id);
  });
  afterAll(async () => t?.close());

  const session = (start: string, end: string) => ({
    labId,
    purpose: 'discipline_session',
    disciplineName: 'Металлургия чёрных металлов',
    startsAt: at(start),
    endsAt: at(end),
  });

  it('books a lab and answers an overlapping booking with 409 BOOKING_CONFLICT naming the booking it overlaps', async () => {
    const first = await admin.request('POST', '/api/bookings', session('09:00', '11:00'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      assetType: 'lab',
      assetCode: 'MET-201',
      status: 'scheduled',
      usage: null,
    });
    const clash = await admin.request('POST', '/api/bookings', session('10:30', '12:00'));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'BOOKING_CONFLICT',
      details: { conflictingBookingId: first.json().id },
    });
    expect((await admin.request('POST', '/api/bookings', session('11:00', '12:00'))).statusCode).toBe(201);
    const other = await admin.request('POST', '/api/bookings', {
      ...session('09:00', '11:00'),
      labId: undefined,
      equipmentId: itemId,
      purpose: 'practice',
    });
    expect(other.statusCode).toBe(201);
    const audit = (await admin.request('GET', `/api/audit?entity=booking&entityId=${first.json().id}`)).json()
      .items;
    expect(audit[0].action).toBe('create');
  });

  it('validates purpose, asset and times, naming the field at fault', async () => {
    const noDiscipline = await admin.request('POST', '/api/bookings', {
      ...session('13:00', '14:00'),
      disciplineName: '',
    });
    expect(noDiscipline.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.disciplineName',
    ]);
    const both = await admin.request('POST', '/api/bookings', {
      ...session('13:00', '14:00'),
      equipmentId: itemId,
    });
    expect(both.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual(['body.labId']);
    const backwards = await admin.request('POST', '/api/bookings', session('14:00', '13:00'));
    expect(backwards.json().error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.endsAt',
    ]);
    const notStudent = await admin.request('POST', '/api/bookings', {
      equipmentId: itemId,
      purpose: 'individual_training',
      studentUserId: admin.me.id,
      startsAt: at('15:00'),
      endsAt: at('16:00'),
    });
    expect(notStudent.json().error.details.issues).toEqual([
      {
        path: 'body.studentUserId',
        message: `No student user ${admin.me.id}`,
        reason: { code: 'custom', rule: 'exists' },
      },
    ]);
    expect(
      (await admin.request('POST', '/api/bookings', { ...session('13:00', '14:00'), labId: 99999 }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses to book an inactive lab or a written-off item with 400 at the asset field', async () => {
    const lab = await admin.request('POST', '/api/labs', {
      code: 'TEST-CLOSED-1',
      name: { kk: 'Жабық зертхана', ru: 'Закрытая лаборатория', en: 'Closed lab' },
      priorityArea: 'energy',
      capacity: 10,
    });
    expect(lab.statusCode).toBe(201);
    const item = await admin.request('POST', '/api/equipment', {
      inventoryNumber: 'TEST-OFF-1',
      name: { kk: 'Ескі осциллограф', ru: 'Старый осциллограф', en: 'Old oscilloscope' },
      labId: lab.json().id,
      costTiyn: 100_000,
      acquiredOn: '2016-01-15',
      condition: 'written_off',
    });
    expect(item.statusCode).toBe(201);
    await admin.request('PATCH', `/api/labs/${lab.json().id}`, { active: false });
    const closed = await admin.request('POST', '/api/bookings', {
      ...session('16:00', '17:00'),
      labId: lab.json().id,
    });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.details.issues).toEqual([
      {
        path: 'body.labId',
        message: 'The lab is inactive',
        reason: { code: 'custom', rule: 'assetInService' },
      },
    ]);
    const off = await admin.request('POST', '/api/bookings', {
      ...session('16:00', '17:00'),
      labId: undefined,
      equipmentId: item.json().id,
    });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.details.issues).toEqual([
      {
        path: 'body.equipmentId',
        message: 'The item is written off',
        reason: { code: 'custom', rule: 'assetInService' },
      },
    ]);
    // Neither was booked, so both can go (the utilisation test below counts the demo assets).
    expect((await admin.request('DELETE', `/api/equipment/${item.json().id}`)).statusCode).toBe(204);
    expect((await admin.request('DELETE', `/api/labs/${lab.json().id}`)).statusCode).toBe(204);
  });

  // Many requests for one slot at once: bookings.db.test.ts, which races them on PostgreSQL.

  it('reschedules with the conflict rule, and cancelling frees the slot', async () => {
    const list = (
      await admin.request(
        'GET',
        `/api/bookings?labId=${labId}&from=${encodeURIComponent(at('00:00'))}&sort=startsAt`,
      )
    ).json();
    const [nine, eleven] = list.items;
    const moved = await admin.request('PATCH', `/api/bookings/${eleven.id}`, { startsAt: at('10:00') });
    expect(moved.json().error).toMatchObject({
      code: 'BOOKING_CONFLICT',
      details: { conflictingBookingId: nine.id },
    });
    expect((await admin.request('POST', `/api/bookings/${nine.id}/cancel`)).json().status).toBe('cancelled');
    expect(
      (await admin.request('PATCH', `/api/bookings/${eleven.id}`, { startsAt: at('10:00') })).json().startsAt,
    ).toBe(new Date(at('10:00')).toISOString());
    expect((await admin.request('POST', `/api/bookings/${nine.id}/cancel`)).statusCode).toBe(409);
  });

  it('records actual use with the attending students, refusing unknown students and a count below them', async () => {
    const booking = (
      await admin.request(
        'GET',
        `/api/bookings?labId=${labId}&status=scheduled&from=${encodeURIComponent(at('00:00'))}&sort=startsAt`,
      )
    ).json().items[0];
    const url = `/api/bookings/${booking.id}/usage`;
    const usage = {
      actualStart: at('10:05'),
      actualEnd: at('11:55'),
      attendeesCount: 12,
      attendeeIds: studentIds.slice(0, 3),
    };
    const recorded = await admin.request('PUT', url, usage);
    expect(recorded.json().usage).toEqual({
      actualStart: new Date(at('10:05')).toISOString(),
      actualEnd: new Date(at('11:55')).toISOString(),
      attendeesCount: 12,
      attendeeIds: [...studentIds.slice(0, 3)].sort((a, b) => a - b),
    });
    const unknown = await admin.request('PUT', url, { ...usage, attendeeIds: [studentIds[0], admin.me.id] });
    expect(unknown.json().error.details.issues[0].path).toBe('body.attendeeIds.1');
    expect(
      (await admin.request('PUT', url, { ...usage, attendeesCount: 2 })).json().error.details.issues[0].path,
    ).toBe('body.attendeesCount');
    const withUsage = (
      await admin.request(
        'GET',
        `/api/bookings?hasUsage=true&labId=${labId}&from=${encodeURIComponent(at('00:00'))}`,
      )
    ).json();
    expect(withUsage.items.map((b: { id: number }) => b.id)).toEqual([booking.id]);
  });

  it('reports utilisation per asset and per funding source over a period', async () => {
    const to = t.today();
    const from = addDays(to, -364);
    const report = (await admin.request('GET', `/api/utilisation?from=${from}&to=${to}`)).json();
    expect(report.assets.length).toBe(12 + 67);
    const met201 = report.assets.find((a: { code: string }) => a.code === 'MET-201');
    expect(met201.usedHours).toBeGreaterThan(50);
    // The lab's name in all three languages, so each interface language shows its own.
    expect(Object.keys(met201.name).sort()).toEqual(['en', 'kk', 'ru']);
    expect(met201.name.kk).not.toBe(met201.name.ru);
    expect(met201.utilisation).toBeCloseTo(met201.usedHours / met201.availableHours, 3);
    expect(met201.funding).toEqual([expect.objectContaining({ source: 'ppp_partner', share: 1 })]);
    const sources = report.bySource.map((s: { source: string }) => s.source).sort();
    expect(sources).toEqual(['grant', 'own_funds', 'ppp_partner', 'state_budget']);
    const used = report.bySource.reduce((sum: number, s: { usedHours: number }) => sum + s.usedHours, 0);
    const total = report.assets.reduce((sum: number, a: { usedHours: number }) => sum + a.usedHours, 0);
    expect(used).toBeCloseTo(total, 0);
    expect(report.byPartner.map((p: { shortName: string }) => p.shortName)).toContain('ERG');
    const labs = (await admin.request('GET', `/api/utilisation?assetType=lab&hoursPerDay=8`)).json();
    expect(labs.assets.every((a: { assetType: string }) => a.assetType === 'lab')).toBe(true);
    expect((await admin.request('GET', `/api/utilisation?from=${to}&to=${from}`)).statusCode).toBe(400);
  });

  it('reports utilisation per calendar month of the period, zeros included, counting hours in the month they start', async () => {
    // Months far beyond the demo bookings (two weeks ahead) and this file's other bookings.
    const m1 = addDays(t.today(), 200).slice(0, 7);
    const m2 = addDays(`${m1}-01`, 40).slice(0, 7);
    const [from, to] = [`${m1}-10`, `${m2}-20`];
    const timed = (date: string, start: string, end: string) => ({
      ...session(start, end),
      startsAt: `${date}T${start}:00+05:00`,
      endsAt: `${date}T${end}:00+05:00`,
    });
    const use = async (body: object, actual?: [string, string]) => {
      const booking = (await admin.request('POST', '/api/bookings', body)).json();
      if (!actual) return;
      const usage = { actualStart: actual[0], actualEnd: actual[1], attendeesCount: 5, attendeeIds: [] };
      expect((await admin.request('PUT', `/api/bookings/${booking.id}/usage`, usage)).statusCode).toBe(200);
    };
    await use(timed(`${m1}-20`, '09:00', '11:00'), [`${m1}-20T09:10:00+05:00`, `${m1}-20T10:40:00+05:00`]);
    await use(timed(`${m2}-05`, '09:00', '12:00'), [`${m2}-05T09:00:00+05:00`, `${m2}-05T12:00:00+05:00`]);
    await use(timed(`${m2}-12`, '09:00', '10:00'));
    const report = (
      await admin.request('GET', `/api/utilisation?from=${from}&to=${to}&assetType=lab&hoursPerDay=8`)
    ).json();
    expect(report.byMonth.map((m: object) => ({ ...m, availableHours: 0, utilisation: 0 }))).toEqual([
      { month: m1, bookedHours: 2, usedHours: 1.5, sessions: 1, availableHours: 0, utilisation: 0 },
      { month: m2, bookedHours: 4, usedHours: 3, sessions: 1, availableHours: 0, utilisation: 0 },
    ]);
    const available = (list: { availableHours: number }[]) => list.reduce((n, x) => n + x.availableHours, 0);
    expect(available(report.byMonth)).toBe(available(report.assets));
    const [first] = report.byMonth;
    expect(first.utilisation).toBeCloseTo(1.5 / first.availableHours, 4);
    const empty = (await admin.request('GET', `/api/utilisation?from=${m2}-21&to=${m2}-25`)).json();
    expect(empty.byMonth).toEqual([expect.objectContaining({ month: m2, usedHours: 0, sessions: 0 })]);
  });

  it('keeps bookings (which name students) from partners and observers', async () => {
    for (const email of [demoEmail.partner, demoEmail.observer, demoEmail.student]) {
      const client = await signIn(t.app, email);
      expect((await client.request('GET', '/api/bookings')).statusCode).toBe(403);
      expect((await client.request('GET', '/api/utilisation')).statusCode).toBe(403);
    }
    const coordinator = await signIn(t.app, demoEmail.coordinator);
    expect((await coordinator.request('GET', '/api/bookings?purpose=practice')).statusCode).toBe(200);
    expect((await coordinator.request('POST', '/api/bookings', session('19:00', '20:00'))).statusCode).toBe(
      403,
    );
  });
});
