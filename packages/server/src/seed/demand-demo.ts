/** Seeds the demo's declared demand (demand-demo-data.ts): a plan version per partner and year, with revisions. */
import { type DemandLineInput, demandRepository } from '@kadr/db';
import { writePlanVersion } from '../demand/plans.service.ts';
import type { DemoContext } from './demo-context.ts';
import { type DemoDemand, demoDemand } from './demand-demo-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Years of demand from this year on. */
const YEARS = 5;

function linesOf(
  demand: DemoDemand,
  yearIndex: number,
  competencyOf: (key: string) => number,
  headcountOf: (lineIndex: number, headcount: number) => number = (_i, h) => h,
): DemandLineInput[] {
  return demand.lines.map((l, i) => ({
    occupationUri: l.occupation.uri,
    occupationLabel: l.occupation.label,
    nationalCode: l.occupation.nationalCode,
    programmeGroup: l.programmeGroup,
    priorityArea: l.priorityArea,
    region: l.region,
    headcount: headcountOf(i, l.headcounts[yearIndex]!),
    competencies: l.competencies
      .split(' ')
      .filter(Boolean)
      .map((item) => {
        const [key, level] = item.split(':') as [string, string];
        return { competencyId: competencyOf(key), level: Number(level) };
      }),
  }));
}

/**
 * Writes each partner's plans for this year and the next four (by the partner's own user where it has one), an
 * earlier version first where the data revise a year. Audited as the seed.
 */
export async function seedDemandDemo(d: DemoContext, partnerUserIds: Map<string, number>): Promise<void> {
  const keys = demoDemand.flatMap((x) =>
    x.lines.flatMap((l) =>
      l.competencies
        .split(' ')
        .filter(Boolean)
        .map((item) => item.split(':')[0]!),
    ),
  );
  const ids = await demandRepository.competencyIdsByCode(
    d.tx,
    keys.map((key) => {
      const [framework, code] = key.split('/') as [string, string];
      return { framework, code };
    }),
  );
  const competencyOf = (key: string) => {
    const id = ids.get(key.toLowerCase());
    if (id === undefined) throw new Error(`The demand demo names an unknown competency ${key}`);
    return id;
  };
  const thisYear = Number(d.today.slice(0, 4));
  for (const demand of demoDemand) {
    const organisationId = d.organisationIds.get(demand.partner)!;
    const by = partnerUserIds.get(demand.partner) ?? null;
    for (let y = 0; y < YEARS; y++) {
      for (const revision of (demand.revisions ?? []).filter((r) => r.yearOffset === y)) {
        const lines = linesOf(demand, y, competencyOf, (i, h) => revision.headcounts[i] ?? h);
        const at = new Date(d.now.getTime() - revision.daysAgo * DAY_MS);
        const written = await writePlanVersion(
          d.tx,
          { organisationId, year: thisYear + y, note: revision.note, lines },
          by,
          at,
        );
        d.record('demand_plan', written.id, written.after);
      }
      const written = await writePlanVersion(
        d.tx,
        { organisationId, year: thisYear + y, note: demand.note, lines: linesOf(demand, y, competencyOf) },
        by,
        new Date(d.now.getTime() - (40 - y) * DAY_MS),
      );
      d.record('demand_plan', written.id, written.after);
    }
  }
}
