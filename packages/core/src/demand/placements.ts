/**
 * Placements and hires after practice as supply (issue 13 item 2), pure. docs/capabilities/demand.md repeats the
 * rules:
 * - A student **placed** for practice in year `y`: an accepted placement (confirmed, in progress or completed) whose
 *   practice ends in calendar year `y`; a student placed twice in a year counts once.
 * - A student **hired** after practice in year `y`: a placement whose partner recorded a hire date in year `y`.
 * - Both under the programme group and priority area of the student's enrolment (placements of students without
 *   one are not counted) and the region of the practice (the offer's region code, else the region of the partner's
 *   city; null when neither gives one, and the placement counts in no region's row).
 */
import type { PlacementInput } from './gaps.ts';
import { regionOfCity } from './regions.ts';

/** A placement as the supply reads it. */
export interface PlacementFact {
  studentId: number;
  status: string;
  endsOn: string;
  hiredOn: string | null;
  programmeGroup: string | null;
  priorityArea: string | null;
  /** The offer's region code, or null (abroad, or not given). */
  offerRegion: string | null;
  /** The partner's city in the three languages (any may be empty). */
  partnerCity: { kk: string; ru: string; en: string };
}

const ACCEPTED = new Set(['confirmed', 'in-progress', 'completed']);

/** The region of a placement's practice: the offer's region, else the partner's city, as a region code, or null. */
export function regionOfPlacement(fact: Pick<PlacementFact, 'offerRegion' | 'partnerCity'>): string | null {
  return fact.offerRegion ?? regionOfCity(fact.partnerCity);
}

/**
 * Students placed and hired per programme group, priority area, region and year (the rules at the top of this
 * file), sorted by group, area, region and year.
 */
export function placementSupply(facts: readonly PlacementFact[]): PlacementInput[] {
  const cells = new Map<string, PlacementInput & { placed: Set<number>; hired: Set<number> }>();
  const at = (f: PlacementFact, year: number) => {
    const region = regionOfPlacement(f);
    const key = `${f.programmeGroup}|${f.priorityArea}|${region ?? ''}|${year}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        programmeGroup: f.programmeGroup!,
        priorityArea: f.priorityArea!,
        region,
        year,
        placements: 0,
        hires: 0,
        placed: new Set(),
        hired: new Set(),
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const f of facts) {
    if (f.programmeGroup === null || f.priorityArea === null) continue;
    if (ACCEPTED.has(f.status)) at(f, Number(f.endsOn.slice(0, 4))).placed.add(f.studentId);
    if (f.hiredOn !== null) at(f, Number(f.hiredOn.slice(0, 4))).hired.add(f.studentId);
  }
  return [...cells.values()]
    .map(({ placed, hired, ...cell }) => ({ ...cell, placements: placed.size, hires: hired.size }))
    .filter((c) => c.placements > 0 || c.hires > 0)
    .sort(
      (a, b) =>
        a.programmeGroup.localeCompare(b.programmeGroup) ||
        a.priorityArea.localeCompare(b.priorityArea) ||
        (a.region ?? '').localeCompare(b.region ?? '') ||
        a.year - b.year,
    );
}
