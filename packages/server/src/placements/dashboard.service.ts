/**
 * The placement dashboards (issue 12 item 5): needed and offered places per programme and partner, rates, the
 * placements by priority area and the hires. Staff see everything; a partner only its own offers' figures; an
 * observer aggregates, with the per-partner table withheld below three partners (docs/capabilities/placement-dashboards.md).
 */
import {
  PRIORITY_AREAS,
  type PlacementDashboard,
  type PlacementDashboardQuery,
  type PracticeType,
} from '@kadr/contracts';
import {
  calendarDateOf,
  DISCLOSURE_THRESHOLD,
  isDisclosable,
  needsPractice,
  type PlacementCounts,
  placementRates,
} from '@kadr/core';
import { type DashboardPlacementRow, placementDashboardRepository as repo } from '@kadr/db';
import type { ServiceContext } from '../context.ts';

const ACCEPTED = new Set(['confirmed', 'in-progress', 'completed']);
const PLACED = new Set(['offered', 'confirmed', 'in-progress', 'completed']);

/** The academic year a day falls in: 2026 for any day from 1 September 2026 to 31 August 2027. */
export function academicYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

function countPlacements(rows: DashboardPlacementRow[], offered: number): PlacementCounts {
  const c: PlacementCounts = { offered, placed: 0, accepted: 0, declined: 0, completed: 0, hired: 0 };
  for (const p of rows) {
    if (PLACED.has(p.status)) c.placed += 1;
    if (ACCEPTED.has(p.status)) c.accepted += 1;
    if (p.status === 'declined') c.declined += 1;
    if (p.status === 'completed') c.completed += 1;
    if (p.hired) c.hired += 1;
  }
  return c;
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

/** The dashboard of an academic year as the actor may see it. */
export async function placementDashboard(
  ctx: ServiceContext,
  query: PlacementDashboardQuery,
): Promise<PlacementDashboard> {
  const academicYear = query.year ?? academicYearOf(calendarDateOf(ctx.now(), ctx.timeZone));
  const own = ctx.actor.role === 'partner' ? ctx.actor.organisationId : undefined;
  const [cohorts, offers, placed] = await Promise.all([
    repo.cohorts(ctx.db),
    repo.offers(ctx.db, academicYear, own),
    repo.placements(ctx.db, academicYear, own),
  ]);

  // Needed: active students in a year of study whose programme version has a practice that year.
  const needed = new Map<number, number>();
  for (const c of cohorts) {
    const studyYear = academicYear - c.admissionYear + 1;
    const years = Math.ceil(c.durationSemesters / 2);
    if (needsPractice(c.practiceTypes as PracticeType[], years, studyYear))
      needed.set(c.programmeId, (needed.get(c.programmeId) ?? 0) + c.students);
  }
  const offeredByProgramme = new Map<number, number>();
  for (const o of offers)
    for (const id of o.programmeIds)
      offeredByProgramme.set(id, (offeredByProgramme.get(id) ?? 0) + o.capacity);
  const placedByProgramme = new Map<number, number>();
  for (const p of placed)
    if (p.programmeId !== null && PLACED.has(p.status))
      placedByProgramme.set(p.programmeId, (placedByProgramme.get(p.programmeId) ?? 0) + 1);

  const programmeIds = [
    ...new Set([...needed.keys(), ...offeredByProgramme.keys(), ...placedByProgramme.keys()]),
  ];
  const programmes = await repo.programmes(ctx.db, programmeIds);
  const byProgramme = programmes
    .map((p) => ({
      programmeId: p.id,
      code: p.code,
      name: p.name,
      priorityArea: p.priorityArea,
      needed: needed.get(p.id) ?? 0,
      offered: offeredByProgramme.get(p.id) ?? 0,
      placed: placedByProgramme.get(p.id) ?? 0,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));

  const offersByPartner = groupBy(offers, (o) => o.organisationId);
  const placedByPartner = groupBy(placed, (p) => p.organisationId);
  const partnerIds = [...new Set([...offersByPartner.keys(), ...placedByPartner.keys()])];
  const names = await repo.organisationNames(ctx.db, partnerIds);
  const partnerRows = partnerIds
    .map((id) => {
      const counts = countPlacements(
        placedByPartner.get(id) ?? [],
        (offersByPartner.get(id) ?? []).reduce((sum, o) => sum + o.capacity, 0),
      );
      const name = names.get(id) ?? { shortName: String(id), name: { kk: '', ru: '', en: '' } };
      return { organisationId: id, ...name, ...counts, ...placementRates(counts) };
    })
    .sort((a, b) => b.offered - a.offered || a.shortName.localeCompare(b.shortName));
  const disclosed = isDisclosable({
    confidential: true,
    contributors: offersByPartner.size,
    seesConfidential: ctx.actor.role !== 'observer',
    threshold: DISCLOSURE_THRESHOLD,
  });

  const byArea = groupBy(
    placed.filter((p) => p.priorityArea !== null),
    (p) => p.priorityArea!,
  );
  const byPriorityArea = PRIORITY_AREAS.map((area) => {
    const c = countPlacements(byArea.get(area) ?? [], 0);
    return { priorityArea: area, placed: c.placed, completed: c.completed, hired: c.hired };
  });

  const totalCounts = countPlacements(
    placed,
    offers.reduce((sum, o) => sum + o.capacity, 0),
  );
  return {
    academicYear,
    scope: own === undefined ? 'all' : 'own',
    totals: {
      needed: [...needed.values()].reduce((a, b) => a + b, 0),
      ...totalCounts,
      ...placementRates(totalCounts),
    },
    byProgramme,
    byPartner: disclosed ? partnerRows : null,
    byPriorityArea,
  };
}
