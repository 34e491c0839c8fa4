/**
 * The placement dashboards' rules (issue 12 item 5, docs/capabilities/placement-dashboards.md): which years of
 * study need a practice place, and the rates. Pure.
 */
/** A practice type (contracts' PRACTICE_TYPES; core depends on nothing). */
export type PracticeKind = 'educational' | 'industrial' | 'pre-diploma' | 'research' | 'dual';

/**
 * The years of study (1-based) in which a programme of `years` years holds each practice type: educational in the
 * first year, industrial in the years between the first and the last (the last when there are none between),
 * pre-diploma and research in the last, dual in every year after the first.
 * @example practiceYears(['industrial', 'pre-diploma'], 4) // Set {2, 3, 4}
 */
export function practiceYears(types: readonly PracticeKind[], years: number): Set<number> {
  const out = new Set<number>();
  const range = (from: number, to: number) => {
    for (let y = Math.max(1, from); y <= Math.min(years, to); y++) out.add(y);
  };
  for (const type of types) {
    if (type === 'educational') range(1, 1);
    else if (type === 'industrial') years >= 3 ? range(2, years - 1) : range(years, years);
    else if (type === 'pre-diploma' || type === 'research') range(years, years);
    else if (type === 'dual') range(2, years);
  }
  return out;
}

/** Whether a student in `studyYear` of a programme of `years` years needs a practice place this year. */
export function needsPractice(types: readonly PracticeKind[], years: number, studyYear: number): boolean {
  return studyYear >= 1 && studyYear <= years && practiceYears(types, years).has(studyYear);
}

/** Placements of a set of offers by what became of them. */
export interface PlacementCounts {
  /** Places offered (the offers' capacity). */
  offered: number;
  /** Placements made and not declined or withdrawn (offered, confirmed, in progress, completed). */
  placed: number;
  /** Placements the student accepted (confirmed, in progress, completed). */
  accepted: number;
  declined: number;
  completed: number;
  hired: number;
}

/** The rates of {@link PlacementCounts}; null when there is nothing to divide by. */
export interface PlacementRates {
  /** placed / offered. */
  fillRate: number | null;
  /** accepted / (accepted + declined): of the answers given, the share that accepted. */
  acceptanceRate: number | null;
  /** completed / accepted. */
  completionRate: number | null;
  /** hired / completed. */
  hireRate: number | null;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export function placementRates(c: PlacementCounts): PlacementRates {
  return {
    fillRate: ratio(c.placed, c.offered),
    acceptanceRate: ratio(c.accepted, c.accepted + c.declined),
    completionRate: ratio(c.completed, c.accepted),
    hireRate: ratio(c.hired, c.completed),
  };
}
