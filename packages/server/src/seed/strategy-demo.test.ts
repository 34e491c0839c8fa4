import type { KpiDashboard, Milestone, Project } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInThreeLanguages } from '../test/trilingual.ts';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

// The strategy tracker's demo, seeded as of the tests' day: targets ahead, a year of history, projects with
// milestones of which some are overdue relative to that day.
describe('the strategy demo', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, demoEmail.admin);
  }, 180_000); // a whole demo seed: seconds alone, much more on a busy machine
  afterAll(async () => t?.close());

  it('gives every KPI a target ahead and a year of monthly history measured from the data', async () => {
    const dashboard = (await admin.request('GET', '/api/strategy/kpis')).json() as KpiDashboard;
    for (const item of dashboard.items) {
      expect((item.target?.deadline ?? '') > t.today(), item.definition.id).toBe(true);
      expect(item.history.map((h) => h.period)).toEqual([
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
      ]);
    }
    const byId = new Map(dashboard.items.map((i) => [i.definition.id, i]));
    expect(byId.get('foreign_branches')?.current).toMatchObject({
      value: 1,
      breakdown: [
        { key: 'open', value: 1 },
        { key: 'planned', value: 1 },
      ],
    });
    expect(byId.get('ppp_investment')?.current.contributors).toBeGreaterThanOrEqual(3);
    // Practice history from the dated placements: last year's dual cohort of six until 21 May (two hired on
    // 31 May), the past round published in May, its practice in June and July, two hires in August; this year's
    // dual cohort of eight since 3 September; the practice in progress since November.
    const history = (id: string) => byId.get(id)!.history.map((h) => h.value);
    expect(history('students_in_practice')).toEqual([6, 6, 6, 6, 6, 0, 10, 0, 0, 8, 8, 9]);
    expect(history('students_in_dual_education')).toEqual([6, 6, 6, 6, 6, 0, 0, 0, 0, 8, 8, 8]);
    expect(history('placement_rate')).toEqual([null, null, null, null, null, 1, 1, 1, 1, 1, 1, 1]);
    expect(history('hire_rate')).toEqual([
      null,
      null,
      null,
      null,
      null,
      0.3333,
      0.3333,
      0.125,
      0.25,
      0.25,
      0.25,
      0.25,
    ]);
    expect(byId.get('hire_rate')?.current).toMatchObject({ value: 0.25, status: 'ok' });
    expect(byId.get('students_in_practice')?.current).toMatchObject({ value: 9, status: 'ok' });
    expect(byId.get('students_in_dual_education')?.current).toMatchObject({ value: 8, status: 'ok' });
    const ppp = byId.get('ppp_investment')!.history.map((h) => h.value!);
    expect(ppp).toEqual([...ppp].sort((a, b) => a - b));
    expect(byId.get('lab_utilisation')?.history.every((h) => h.status === 'ok' && h.value! > 0)).toBe(true);
  });

  it('has two branch projects and a joint-programme project, with overdue milestones on their owners’ home pages', async () => {
    const projects = (await admin.request('GET', '/api/strategy-projects')).json().items as Project[];
    expect(projects.map((p) => p.kind).sort()).toEqual(['branch', 'branch', 'joint_programme']);
    expect(projects.every((p) => p.organisationShortName && p.agreementNumber)).toBe(true);
    for (const role of ['admin', 'coordinator'] as const) {
      const client = role === 'admin' ? admin : await signIn(t.app, demoEmail[role]);
      const overdue = (await client.request('GET', '/api/me/milestones?overdue=true')).json()
        .items as Milestone[];
      expect(overdue.length, role).toBeGreaterThan(0);
      expect(overdue.every((m) => m.status === 'overdue' && m.dueOn < t.today())).toBe(true);
    }
  });

  it('writes every milestone title, evidence link label and project description in kk, ru and en, as the API answers them', async () => {
    const projects = (await admin.request('GET', '/api/strategy-projects')).json().items as Project[];
    const milestones = (
      await Promise.all(
        projects.map(
          async (p) =>
            (await admin.request('GET', `/api/strategy-projects/${p.id}/milestones`)).json() as Milestone[],
        ),
      )
    ).flat();
    expect(milestones.length).toBe(10);
    const labels = milestones.flatMap((m) => m.evidence.map((e) => e.label));
    expect(labels.length).toBe(2);
    const texts = [...milestones.map((m) => m.title), ...projects.map((p) => p.description), ...labels];
    for (const text of texts) {
      expectInThreeLanguages(text);
      expect(text.kk, 'a Kazakh text uses Kazakh letters or words').toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]|мен|және/);
    }
  });

  it('writes each target note in kk, ru and en, or in none (they were Russian on every page)', async () => {
    const dashboard = (await admin.request('GET', '/api/strategy/kpis')).json() as KpiDashboard;
    const notes = dashboard.items.flatMap((i) => i.targets.map((target) => target.note));
    const written = notes.filter((n) => n.kk || n.ru || n.en);
    expect(written.length).toBe(3);
    for (const note of written) {
      expectInThreeLanguages(note);
      expect(note.kk, 'a Kazakh note uses Kazakh letters').toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    }
    expect(notes.filter((n) => !(n.kk || n.ru || n.en)).length).toBe(8);
  });
});
