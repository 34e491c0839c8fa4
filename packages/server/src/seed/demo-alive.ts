import type { KpiDashboard } from '@kadr/contracts';
import { expect } from 'vitest';
import { addDays, startOfDate } from '@kadr/core';
import { schema } from '@kadr/db';
import { runSql } from '@kadr/db/testing';
import { createTestApp, demoEmail, signIn } from '../testing.ts';
import { CONSENT_PURPOSE } from './students-demo-data.ts';

/**
 * The demo's own check, shared by the test of the tests' day (demo.test.ts, in npm test) and of days years apart
 * (other-days.demo.test.ts, in the `demo` project that CI runs): seeded on `instant`, the demo looks the same
 * relative to that day (an agreement expiring in 45 days, four overdue obligations, bookings this week) and its
 * history stays history.
 */
export async function expectDemoAliveOn(instant: string): Promise<void> {
  const now = new Date(instant);
  const t = await createTestApp({}, { now });
  const today = t.today();
  try {
    // The seed ends by gathering the planner's statistics (PGlite has no autovacuum to do it later): each table's
    // estimated size is its size, not the planner's guess.
    const sizes = await runSql<{ table: string; estimated: number; counted: number }>(
      t.database,
      `select relname as "table", reltuples::int as estimated, case relname
         when 'investments' then (select count(*)::int from investments) else (select count(*)::int from audit_log)
       end as counted from pg_class where relname in ('investments', 'audit_log') order by relname`,
    );
    expect(sizes.map((s) => s.table)).toEqual(['audit_log', 'investments']);
    for (const size of sizes) expect(size.counted, size.table).toBeGreaterThan(0);
    for (const size of sizes) expect(size.estimated, size.table).toBe(size.counted);

    const admin = await signIn(t.app, demoEmail.admin);
    const get = async (url: string) => (await admin.request('GET', url)).json();

    const expiring = await get('/api/agreements/expiring');
    expect(
      expiring.items.map((a: { number: string; daysToExpiry: number }) => [a.number, a.daysToExpiry]),
    ).toEqual([['PPP-2019-KAZM', 45]]);
    const numbers = async (status: string) =>
      (await get(`/api/agreements?status=${status}&pageSize=100`)).items.map(
        (a: { number: string }) => a.number,
      );
    expect(await numbers('expired')).toEqual(['PB-2017-NPH']);
    expect(await numbers('active')).toHaveLength(10);

    const overdue = await get('/api/obligations/overdue?pageSize=100');
    expect(overdue.items.length).toBe(4);
    const obligations = (await get('/api/obligations?pageSize=100')).items as {
      title: { kk: string; ru: string; en: string };
      dueOn: string;
      status: string;
      metOn: string | null;
    }[];
    expect(obligations.filter((o) => o.metOn !== null && o.metOn > today)).toEqual([]);
    // A year in a title is the year the obligation is due: "Транш 2029" when it falls due in 2029.
    const yearly = obligations.filter((o) => /\b20\d\d\b/.test(o.title.ru) && !o.title.ru.includes('/'));
    expect(yearly.length).toBeGreaterThan(5);
    for (const o of yearly)
      for (const text of [o.title.kk, o.title.ru, o.title.en])
        expect(text, text).toContain(o.dueOn.slice(0, 4));
    expect(obligations.map((o) => o.title.ru)).toContain(
      `Транш ${addDays(today, -28).slice(0, 4)}: цифровой двойник рудника`,
    );
    // History: the first PPP's first obligation was met in 2016 whatever the seed day.
    expect(obligations.map((o) => o.metOn)).toContain('2016-04-20');

    const week = await get(
      `/api/bookings?from=${startOfDate(today, 'Asia/Almaty').toISOString()}&to=${startOfDate(addDays(today, 7), 'Asia/Almaty').toISOString()}&pageSize=1`,
    );
    expect(week.total).toBeGreaterThan(0);

    // Programmes: whatever the day, one version superseded, one draft waiting for ERG, the rest active, and
    // the first academic year of each relative to the seed day's (electric power's version 2 began 3 years ago).
    const db = t.database.db;
    const versions = await db.select().from(schema.programmeVersions);
    expect(versions.map((v) => v.status).sort()).toEqual([...Array(6).fill('active'), 'draft', 'superseded']);
    const academicYear = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 9 ? 0 : 1);
    const draft = versions.find((v) => v.status === 'draft')!;
    expect(versions.find((v) => v.programmeId === draft.programmeId && v.number === 2)?.startYear).toBe(
      academicYear - 3,
    );
    const approvals = await db.select().from(schema.programmeVersionApprovals);
    expect(approvals.filter((a) => a.versionId === draft.id)).toHaveLength(1);
    expect(approvals.every((a) => a.approvedAt <= now)).toBe(true);

    // Students: several hundred in every current year, results graded only in the past, and the classes'
    // recorded attendees are students of the version the session's discipline belongs to.
    const students = await db.select().from(schema.students);
    expect(students.length).toBeGreaterThan(500);
    const enrolments = await db.select().from(schema.enrolments);
    const years = new Set(enrolments.filter((e) => e.status === 'active').map((e) => e.admissionYear));
    expect([...years].sort()).toEqual([0, 1, 2, 3].map((k) => academicYear - 3 + k));
    const results = await db.select().from(schema.disciplineResults);
    expect(results.filter((r) => r.gradedOn >= today)).toEqual([]);
    const demoStudent = students.find((x) => x.email === demoEmail.student)!;
    expect(enrolments.find((e) => e.studentId === demoStudent.id)).toMatchObject({
      admissionYear: academicYear - 2,
      status: 'active',
    });
    expect(results.filter((r) => r.studentId === demoStudent.id).length).toBeGreaterThan(20);
    const versionOfUser = new Map(
      students.map((x) => [x.userId, enrolments.find((e) => e.studentId === x.id)?.versionId]),
    );
    const versionOfDiscipline = new Map(
      (await db.select().from(schema.disciplines)).map((x) => [x.id, x.versionId]),
    );
    const linked = new Map(
      (await db.select().from(schema.bookings))
        .filter((b) => b.disciplineId !== null)
        .map((b) => [b.id, versionOfDiscipline.get(b.disciplineId!)]),
    );
    expect(linked.size).toBeGreaterThan(1000);
    const attendees = (await db.select().from(schema.bookingAttendees)).filter((a) =>
      linked.has(a.bookingId),
    );
    expect(attendees.length).toBeGreaterThan(1000);
    expect(attendees.filter((a) => versionOfUser.get(a.userId) !== linked.get(a.bookingId))).toEqual([]);

    // Placements: a past round completed and assessed (evidence in the demo student's passport), a round open
    // for ranking until after the seed day, offers of four partners this academic year.
    const rounds = await db.select().from(schema.placementRounds);
    expect(rounds.map((r) => r.status).sort()).toEqual(['archived', 'closed', 'open']);
    // Named in each language, the academic year in all three.
    for (const r of rounds) {
      expect(new Set([r.nameKk, r.nameRu, r.nameEn]).size).toBe(3);
      for (const name of [r.nameKk, r.nameRu, r.nameEn])
        expect(name).toMatch(new RegExp(`${r.academicYear}$`));
    }
    const open = rounds.find((r) => r.status === 'open')!;
    expect(open.rankingClosesAt.getTime()).toBeGreaterThan(now.getTime());
    // The closed round was allocated (the officer's preview, checked, not stale) and is not published.
    const closed = rounds.find((r) => r.status === 'closed')!;
    expect(closed.publishedAt).toBeNull();
    const officer = await signIn(t.app, demoEmail.officer);
    const preview = (await officer.request('GET', `/api/rounds/${closed.id}/allocation/preview`)).json();
    expect(preview).toMatchObject({ roundStatus: 'closed', stale: false, verdict: { ok: true } });
    expect(preview.summary).toMatchObject({ students: 15, placed: 12, unplaced: 3 });
    expect(preview.choices.map((c: { choice: number | null }) => c.choice)).toEqual([1, 2, null]);
    // The open round's scarce offer: two seats, the partner's own ranking with the demo student third.
    const scarce = (await db.select().from(schema.roundOffers)).filter(
      (o) => o.roundId === open.id && o.seats === 2,
    );
    expect(scarce).toHaveLength(1);
    const order = (await db.select().from(schema.roundPartnerRankings))
      .filter((r) => r.roundId === open.id && r.offerId === scarce[0]!.offerId)
      .sort((a, b) => a.rank - b.rank);
    expect(order[2]?.studentId).toBe(students.find((x) => x.email === demoEmail.student)!.id);
    const student = await signIn(t.app, demoEmail.student);
    const passport = await student.request('GET', '/api/me/passport');
    expect(passport.statusCode).toBe(200);
    expect(passport.body).toContain('practice-assessment');
    // The student's consents say why in kk, ru and en (the purpose was Russian on every reader's page).
    const consents = (await student.request('GET', `/api/students/${demoStudent.id}/consents`)).json();
    expect(consents.length).toBeGreaterThan(0);
    for (const consent of consents) expect(consent.purpose).toEqual(CONSENT_PURPOSE);
    const observer = await signIn(t.app, demoEmail.observer);
    const dashboard = (await observer.request('GET', '/api/placements/dashboard')).json();
    expect(dashboard.byPartner).toHaveLength(4);
    expect(dashboard.totals.needed).toBeGreaterThan(0);
    // Dual education: this academic year's cohort is at the plant on the seed day, and the year of monthly
    // snapshots before it shows last year's cohort (December to April) and this year's (September on).
    const kpis = (await observer.request('GET', '/api/strategy/kpis')).json() as KpiDashboard;
    const dual = kpis.items.find((i) => i.definition.id === 'students_in_dual_education')!;
    expect(dual.current).toMatchObject({ status: 'ok', value: 8 });
    const history = dual.history.map((h) => h.value ?? 0);
    expect(history).toHaveLength(12);
    expect(
      [...history.slice(0, 5), ...history.slice(-3)].every((v) => v > 0),
      String(history),
    ).toBe(true);
    expect(history.slice(5, 8)).toEqual([0, 0, 0]);
  } finally {
    await t.close();
  }
}
