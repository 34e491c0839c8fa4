import type { AuditEntry, KpiDashboard, KpiDashboardItem } from '@kadr/contracts';
import { investmentsRepository, jointProgrammesRepository, partnersRepository, schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgreement,
  buildLab,
  buildOffer,
  buildOrganisation,
  buildPlacement,
  buildRound,
  buildStudent,
  buildWorld,
} from '../test/factories.ts';
import { createBareTestApp, TEST_NOW } from '../testing.ts';

describe('the KPI dashboard, targets and snapshots', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let labId: number;

  const ppp = (organisationId: number, amountTiyn: number, investedOn = '2020-05-01') =>
    investmentsRepository.create(
      t.database.db,
      {
        source: 'ppp_partner',
        organisationId,
        agreementId: null,
        amountTiyn,
        original: null,
        investedOn,
        description: { kk: 'x', ru: 'x', en: '' },
      },
      [{ labId, equipmentId: null, amountTiyn }],
    );
  const dashboard = async (role: 'admin' | 'observer') => {
    const response = await world.clients[role].request('GET', '/api/strategy/kpis');
    expect(response.statusCode).toBe(200);
    return response.json() as KpiDashboard;
  };
  const item = (d: KpiDashboard, id: string) =>
    d.items.find((i) => i.definition.id === id) as KpiDashboardItem;

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    labId = (await buildLab(db)).id;
    const open = await buildOrganisation(db, { kind: 'partner_university', shortName: 'UNI-OPEN' });
    const planned = await buildOrganisation(db, { kind: 'partner_university', shortName: 'UNI-PLAN' });
    const agreed = await buildOrganisation(db, { kind: 'partner_university', shortName: 'UNI-AGREED' });
    await partnersRepository.saveBranch(db, open.id, { status: 'open', note: '' }, TEST_NOW);
    await partnersRepository.saveBranch(db, planned.id, { status: 'planned', note: '' }, TEST_NOW);
    await buildAgreement(db, [world.home.id, agreed.id], { kind: 'foreign_branch' });
    await jointProgrammesRepository.create(db, {
      organisationId: open.id,
      agreementId: null,
      name: { kk: 'Қос', ru: 'Двойной', en: 'Double' },
      degreeType: 'double',
      startYear: 2020,
    });
    await jointProgrammesRepository.create(db, {
      organisationId: open.id,
      agreementId: null,
      name: { kk: 'Жалғыз', ru: 'Одинарный', en: 'Single' },
      degreeType: 'single',
      startYear: 2021,
    });
    await ppp(world.partnerOrg.id, 100_00);
    await ppp(world.otherPartnerOrg.id, 200_00, '2014-03-01');
    await ppp(world.otherPartnerOrg.id, 300_00);
    await investmentsRepository.create(
      db,
      {
        source: 'state_budget',
        organisationId: null,
        agreementId: null,
        amountTiyn: 1000_00,
        original: null,
        investedOn: '2016-01-10',
        description: { kk: 'Бюджет: зертхана', ru: 'Бюджет: лаборатория', en: '' },
      },
      [{ labId, equipmentId: null, amountTiyn: 1000_00 }],
    );
    // Practice (the clock is 7 Dec 2026): two students in practice now, one of them dual; a round of 2025/26
    // allocated with three applicants, two placed and completed in July, one of whom was hired.
    const [s1, s2, s3, s4, s5, s6] = [
      await buildStudent(db, 'Әлия Практикадағы'),
      await buildStudent(db),
      await buildStudent(db),
      await buildStudent(db, 'Нұрлан Жұмыстағы'),
      await buildStudent(db),
      await buildStudent(db),
    ];
    const now = { startsOn: '2026-11-01', endsOn: '2026-12-20' };
    const current = await buildOffer(db, world.partnerOrg.id, now);
    const dual = await buildOffer(db, world.partnerOrg.id, { ...now, practiceType: 'dual' });
    await buildPlacement(db, current.id, s1!, { status: 'in-progress' });
    await buildPlacement(db, current.id, s3!, { status: 'offered' });
    await buildPlacement(db, dual.id, s2!, { status: 'confirmed' });
    const summer = await buildOffer(db, world.partnerOrg.id);
    const round = await buildRound(
      db,
      2025,
      [s4!, s5!, s6!].map((studentId) => ({ studentId, offerId: summer.id })),
    );
    await buildRound(db, 2026, [{ studentId: s1!, offerId: current.id }], 'open');
    await buildPlacement(db, summer.id, s4!, { roundId: round.id, hiredOn: '2026-09-01' });
    await buildPlacement(db, summer.id, s5!, { roundId: round.id });
  }, 180_000); // builds the world (eight signed-in users): seconds alone, much more on a busy machine
  afterAll(async () => t?.close());

  it('computes each KPI from the operational data', async () => {
    const d = await dashboard('admin');
    expect(d.asOf).toBe('2026-12-07');
    expect(item(d, 'foreign_branches').current).toMatchObject({
      value: 2,
      breakdown: [
        { key: 'open', value: 2 },
        { key: 'planned', value: 1 },
      ],
    });
    expect(item(d, 'joint_programmes').current.value).toBe(1);
    expect(item(d, 'ppp_investment').current).toMatchObject({ value: 400_00, contributors: 2, status: 'ok' });
    expect(item(d, 'state_investment').current.value).toBe(1000_00);
    expect(item(d, 'students_in_practice').current).toMatchObject({ value: 2, status: 'ok' });
    expect(item(d, 'students_in_dual_education').current).toMatchObject({ value: 1, status: 'ok' });
    expect(item(d, 'placement_rate').current).toMatchObject({
      value: 0.6667,
      breakdown: [
        { key: 'numerator', value: 2 },
        { key: 'denominator', value: 3 },
      ],
    });
    expect(item(d, 'hire_rate').current).toMatchObject({ value: 0.5, status: 'ok' });
    expect(item(d, 'hire_rate').records).toEqual({
      web: '/placements/dashboard',
      api: '/api/strategy/kpis/hire_rate/records',
    });
    expect(item(d, 'lab_utilisation').current).toMatchObject({ value: 0, status: 'ok' });
    expect(item(d, 'foreign_branches').records).toEqual({
      web: '/partners',
      api: '/api/strategy/kpis/foreign_branches/records',
    });
  });

  it('lists the records behind a value to staff, and refuses observers and partners', async () => {
    const response = await world.clients.coordinator.request(
      'GET',
      '/api/strategy/kpis/foreign_branches/records',
    );
    expect(response.statusCode).toBe(200);
    expect(
      response.json().items.map((r: { label: string; detail: string }) => `${r.label}:${r.detail}`),
    ).toEqual(['UNI-OPEN:open', 'UNI-AGREED:open', 'UNI-PLAN:planned']);
    const records = async (id: string) =>
      (await world.clients.officer.request('GET', `/api/strategy/kpis/${id}/records`)).json().items as {
        label: string;
        detail: string;
        href: string;
      }[];
    const inPractice = await records('students_in_practice');
    expect(inPractice.map((r) => r.detail)).toEqual(['industrial', 'dual']);
    expect(inPractice[0]!.label).toMatch(/^Әлия Практикадағы, ORG-/);
    expect(inPractice[0]!.href).toMatch(/^\/placements\/\d+$/);
    const hires = await records('hire_rate');
    expect(hires.map((r) => [r.label.split(',')[0], r.detail])).toEqual([
      ['Нұрлан Жұмыстағы', 'hired'],
      [expect.stringMatching(/^Студент/), 'notHired'],
    ]);
    for (const role of ['observer', 'partner'] as const)
      expect(
        (await world.clients[role].request('GET', '/api/strategy/kpis/ppp_investment/records')).statusCode,
      ).toBe(403);
    expect(
      (await world.clients.admin.request('GET', '/api/strategy/kpis/no_such_kpi/records')).statusCode,
    ).toBe(404);
  });

  it("names the records in the reader's language, falling back to Russian where a language is empty", async () => {
    const detail = async (lang: string) =>
      (
        await world.clients.coordinator.request(
          'GET',
          `/api/strategy/kpis/state_investment/records?lang=${lang}`,
        )
      )
        .json()
        .items.map((r: { detail: string }) => r.detail);
    expect(await detail('kk')).toEqual(['Бюджет: зертхана']);
    expect(await detail('en')).toEqual(['Бюджет: лаборатория']);
    const wrong = await world.clients.coordinator.request(
      'GET',
      '/api/strategy/kpis/state_investment/records?lang=de',
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.issues[0].path).toBe('query.lang');
  });

  it('gives the observer the practice KPIs as aggregates, with no record behind them and no personal data', async () => {
    const response = await world.clients.observer.request('GET', '/api/strategy/kpis');
    expect(response.statusCode).toBe(200);
    const d = response.json() as KpiDashboard;
    const practice = [
      'students_in_practice',
      'students_in_dual_education',
      'placement_rate',
      'hire_rate',
    ] as const;
    expect(practice.map((id) => [id, item(d, id).current.value, item(d, id).records])).toEqual([
      ['students_in_practice', 2, null],
      ['students_in_dual_education', 1, null],
      ['placement_rate', 0.6667, null],
      ['hire_rate', 0.5, null],
    ]);
    // The rates' breakdown is counts of students, not a partner's money: the observer sees it as staff do.
    expect(item(d, 'placement_rate').current.breakdown).toEqual([
      { key: 'numerator', value: 2 },
      { key: 'denominator', value: 3 },
    ]);
    // Nothing in the answer names a student or a partner: no full name, no IIN, no organisation.
    const students = await t.database.db.select().from(schema.students);
    const body = response.body;
    for (const s of students) {
      expect(body).not.toContain(s.fullName);
      expect(body).not.toContain(s.iin);
    }
    for (const o of [world.partnerOrg, world.otherPartnerOrg]) {
      expect(body).not.toContain(o.shortName);
      expect(body).not.toContain(o.name.ru);
    }
    // The records behind a value name students: staff only.
    for (const id of practice) {
      const records = await world.clients.observer.request('GET', `/api/strategy/kpis/${id}/records`);
      expect([id, records.statusCode]).toEqual([id, 403]);
      expect(records.body).not.toContain('Әлия Практикадағы');
      expect(
        (await world.clients.officer.request('GET', `/api/strategy/kpis/${id}/records`)).statusCode,
      ).toBe(200);
    }
  });

  it('withholds a partner-confidential sum from the observer until three partners contribute', async () => {
    const before = item(await dashboard('observer'), 'ppp_investment');
    expect(before.current).toEqual({ value: null, status: 'withheld', breakdown: [], contributors: null });
    expect(before.records).toBeNull();
    const third = await buildOrganisation(t.database.db);
    const added = await ppp(third.id, 50_00);
    const after = item(await dashboard('observer'), 'ppp_investment');
    expect(after.current).toMatchObject({ value: 450_00, status: 'ok', breakdown: [], contributors: 3 });
    expect(item(await dashboard('observer'), 'state_investment').current.breakdown.length).toBeGreaterThan(0);
    await investmentsRepository.delete(t.database.db, added.id);
  });

  it('refuses the dashboard to roles without aggregates', async () => {
    for (const role of ['partner', 'mentor', 'student', 'admissions'] as const)
      expect((await world.clients[role].request('GET', '/api/strategy/kpis')).statusCode).toBe(403);
  });

  it('lets the admin set targets, audited, and measures progress against the nearest one', async () => {
    const created = await world.clients.admin.request('POST', '/api/kpi-targets', {
      kpiId: 'foreign_branches',
      value: 5,
      deadline: '2027-12-31',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const audit = await world.clients.admin.request('GET', `/api/audit?entity=kpi_target&entityId=${id}`);
    expect((audit.json().items as AuditEntry[]).map((e) => e.action)).toEqual(['create']);
    const branches = item(await dashboard('observer'), 'foreign_branches');
    expect(branches.target?.value).toBe(5);
    expect(branches.progress).toBe(0.4);
    const changed = await world.clients.admin.request('PATCH', `/api/kpi-targets/${id}`, { value: 4 });
    expect(changed.json().value).toBe(4);
    expect((await world.clients.observer.request('GET', '/api/kpi-targets')).json().total).toBe(1);
  });

  it('keeps a target note in kk, ru and en (any may be empty), audited, and refuses a single-language one', async () => {
    const note = { kk: 'Даму бағдарламасы', ru: 'Программа развития', en: '' };
    const created = await world.clients.admin.request('POST', '/api/kpi-targets', {
      kpiId: 'joint_programmes',
      value: 6,
      deadline: '2028-12-31',
      note,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().note).toEqual(note);
    const id = created.json().id as number;
    const single = await world.clients.admin.request('PATCH', `/api/kpi-targets/${id}`, {
      note: 'Программа развития',
    });
    expect(single.statusCode).toBe(400);
    expect(single.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('body.note');
    const english = { ...note, en: 'Development programme' };
    const changed = await world.clients.admin.request('PATCH', `/api/kpi-targets/${id}`, { note: english });
    expect(changed.json().note).toEqual(english);
    const audit = (
      await world.clients.admin.request('GET', `/api/audit?entity=kpi_target&entityId=${id}`)
    ).json().items as AuditEntry[];
    const update = audit.find((e) => e.action === 'update')!;
    expect(update.before).toMatchObject({ note });
    expect(update.after).toMatchObject({ note: english });
    const listed = (
      await world.clients.observer.request('GET', '/api/kpi-targets?kpiId=joint_programmes')
    ).json();
    expect(listed.items[0].note).toEqual(english);
    const blank = await world.clients.admin.request('POST', '/api/kpi-targets', {
      kpiId: 'joint_programmes',
      value: 3,
      deadline: '2027-06-30',
    });
    expect(blank.json().note).toEqual({ kk: '', ru: '', en: '' });
    for (const done of [id, blank.json().id])
      expect((await world.clients.admin.request('DELETE', `/api/kpi-targets/${done}`)).statusCode).toBe(204);
  });

  it('refuses bad targets with 400 naming the field, duplicates with 409, and non-admins with 403', async () => {
    const bad = [
      [{ kpiId: 'no_such_kpi', value: 1, deadline: '2027-01-01' }, 'body.kpiId'],
      [{ kpiId: 'Bad Id', value: 1, deadline: '2027-01-01' }, 'body.kpiId'],
      [{ kpiId: 'hire_rate', value: -1, deadline: '2027-01-01' }, 'body.value'],
      [{ kpiId: 'hire_rate', value: 1, deadline: '2027-02-30' }, 'body.deadline'],
    ] as const;
    for (const [body, path] of bad) {
      const response = await world.clients.admin.request('POST', '/api/kpi-targets', body);
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain(path.replace('body.', ''));
    }
    const duplicate = await world.clients.admin.request('POST', '/api/kpi-targets', {
      kpiId: 'foreign_branches',
      value: 9,
      deadline: '2027-12-31',
    });
    expect(duplicate.statusCode).toBe(409);
    for (const role of ['coordinator', 'officer', 'observer', 'partner'] as const) {
      const response = await world.clients[role].request('POST', '/api/kpi-targets', {
        kpiId: 'hire_rate',
        value: 1,
        deadline: '2027-01-01',
      });
      expect(response.statusCode).toBe(403);
    }
    expect((await world.clients.admin.request('GET', '/api/kpi-targets?kpiId=hire_rate')).json().total).toBe(
      0,
    );
    expect((await world.clients.admin.request('DELETE', '/api/kpi-targets/999999')).statusCode).toBe(404);
  });

  it("keeps this month's values once: a second snapshot and later data changes leave them as they were", async () => {
    const first = await world.clients.admin.request('POST', '/api/kpi-snapshots', {});
    expect(first.json()).toEqual({ period: '2026-12', created: 10, kept: 0 });
    const again = await world.clients.admin.request('POST', '/api/kpi-snapshots', { period: '2026-12' });
    expect(again.json()).toEqual({ period: '2026-12', created: 0, kept: 10 });
    await ppp(world.partnerOrg.id, 1_00);
    const d = await dashboard('admin');
    expect(item(d, 'ppp_investment').current.value).toBe(401_00);
    expect(item(d, 'ppp_investment').history).toEqual([
      expect.objectContaining({ period: '2026-12', value: 400_00, contributors: 2 }),
    ]);
    expect(item(await dashboard('observer'), 'ppp_investment').history[0]).toMatchObject({
      status: 'withheld',
    });
    const audit = await world.clients.admin.request('GET', '/api/audit?entity=kpi_snapshot&pageSize=50');
    expect(audit.json().total).toBe(10);
  });

  it('refuses a snapshot of another month with 400 and writes nothing; non-admins get 403', async () => {
    const response = await world.clients.admin.request('POST', '/api/kpi-snapshots', { period: '2025-12' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].path).toBe('body.period');
    expect(
      (await world.clients.admin.request('POST', '/api/kpi-snapshots', { period: '2025-13' })).statusCode,
    ).toBe(400);
    const listed = await world.clients.observer.request('GET', '/api/kpi-snapshots?from=2025-01&to=2025-12');
    expect(listed.json().total).toBe(0);
    for (const role of ['coordinator', 'officer', 'observer'] as const)
      expect((await world.clients[role].request('POST', '/api/kpi-snapshots', {})).statusCode).toBe(403);
  });
});
