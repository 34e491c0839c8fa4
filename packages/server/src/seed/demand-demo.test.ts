import type { DemandPlan, GapCellDetail, GapReport } from '@kadr/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectInThreeLanguages } from '../test/trilingual.ts';
import { createTestApp, demoEmail, signIn } from '../testing.ts';

// The demand demo, seeded as of the tests' day (2026-12-07): plans for 2026-2030 that make the heat map read.
describe('the demand demo', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await signIn(t.app, demoEmail.coordinator);
  }, 300_000); // a whole demo seed: seconds alone, much more on a busy machine
  afterAll(async () => t?.close());

  it('shows a shortfall of metallurgy engineers every year, with competencies no metallurgy programme teaches', async () => {
    const report = (await coordinator.request('GET', '/api/demand/gaps')).json() as GapReport;
    expect(report.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    const b074 = report.groups.find((g) => g.programmeGroup === 'B074')!;
    expect(b074.priorityArea).toBe('metallurgy');
    for (const cell of b074.cells.slice(1))
      expect([cell.year, cell.shortfall > 20]).toEqual([cell.year, true]);
    expect(b074.cells[1]!.partners).toBe(3);
    const surplus = report.groups
      .filter((g) => g.cells.some((c) => c.surplus > 0))
      .map((g) => g.programmeGroup);
    expect(surplus).toEqual(expect.arrayContaining(['B057', 'B062']));
    const metallurgyGaps = report.skillGaps.filter((g) => g.programmeGroup === 'B074');
    expect(metallurgyGaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of metallurgyGaps) expect(gap.bestLevelInGroup).toBeLessThan(gap.levelAsked);
    expect(metallurgyGaps.map((g) => g.competency.code)).toContain('I4.2.1');
  });

  it("keeps ERG's first plan for next year as history, superseded by its revision", async () => {
    const admin = await signIn(t.app, demoEmail.admin);
    const erg = (await admin.request('GET', '/api/organisations?q=ERG')).json().items[0].id as number;
    const plans = (
      await admin.request('GET', `/api/demand-plans?organisationId=${erg}&year=2027&sort=version`)
    ).json().items as DemandPlan[];
    expect(plans.map((p) => [p.version, p.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(plans[1]!.headcount).toBeGreaterThan(plans[0]!.headcount);
  });

  it('names the metallurgy partners to the observer (three of them), not the petrochemistry pair', async () => {
    const observer = await signIn(t.app, demoEmail.observer);
    const cell = async (group: string) =>
      (
        await observer.request('GET', `/api/demand/gaps/cell?programmeGroup=${group}&year=2027`)
      ).json() as GapCellDetail;
    expect((await cell('B074')).partners).toHaveLength(3);
    expect((await cell('B072')).partners).toBeNull();
  });

  it('names every occupation of the demo plans in kk, ru and en, each in its own language', async () => {
    const cell = (
      await coordinator.request('GET', '/api/demand/gaps/cell?programmeGroup=B074&year=2027')
    ).json() as GapCellDetail;
    const plans = (await coordinator.request('GET', '/api/demand-plans?pageSize=200')).json()
      .items as DemandPlan[];
    const labels = [
      ...cell.partners!.flatMap((p) => p.lines.map((l) => l.occupationLabel)),
      ...(
        await Promise.all(
          plans.map(
            async (p) => (await coordinator.request('GET', `/api/demand-plans/${p.id}`)).json().lines,
          ),
        )
      ).flatMap((lines: { occupationLabel: { kk: string; ru: string; en: string } }[]) =>
        lines.map((l) => l.occupationLabel),
      ),
    ];
    expect(new Set(labels.map((l) => l.en)).size).toBe(6);
    for (const label of labels) expectInThreeLanguages(label);
  });
});
