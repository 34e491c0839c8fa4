/**
 * The formulas of the practice KPIs (issue 13 item 4: students in practice and in dual education, placement and hire
 * rates), pure functions of the placements the server reads (docs/capabilities/strategy.md repeats them). Students
 * are counted once however many placements they have. A placement is **accepted** when the student took it
 * (confirmed, in progress or completed) and **placed** when a round gave it and it was not declined or withdrawn
 * (offered, confirmed, in progress, completed), as on the placement dashboards.
 */
import { rateOf } from './formulas.ts';
import { type KpiMeasurement, measured } from './measurement.ts';

/** A placement as the practice KPIs read it: its student, status, offer period and type, and hire date. */
export interface PracticePlacement {
  id: number;
  studentId: number;
  status: 'offered' | 'confirmed' | 'in-progress' | 'completed' | 'declined' | 'withdrawn';
  /** The offer's period, `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
  practiceType: string;
  /** The round that gave it, with its academic year; null for a placement made outside rounds. */
  roundId: number | null;
  hiredOn: string | null;
}

const ACCEPTED = new Set(['confirmed', 'in-progress', 'completed']);
const PLACED = new Set(['offered', 'confirmed', 'in-progress', 'completed']);

/** The day `days` before `day` (`YYYY-MM-DD`, UTC calendar arithmetic). */
function daysBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The placements behind "students in practice" on `today`: accepted placements whose offer period includes the day;
 * with `dualOnly`, only dual-education ones.
 */
export function placementsInPractice<T extends PracticePlacement>(
  placements: readonly T[],
  today: string,
  dualOnly = false,
): T[] {
  return placements.filter(
    (p) =>
      ACCEPTED.has(p.status) &&
      p.startsOn <= today &&
      today <= p.endsOn &&
      (!dualOnly || p.practiceType === 'dual'),
  );
}

/**
 * Students in practice (or in dual education with `dualOnly`): value = the distinct students with an accepted
 * placement (confirmed, in progress, completed) whose offer period includes the day, of practice type `dual` for
 * dual education. Zero is a figure here: placements are recorded, none is running.
 */
export function countStudentsInPractice(
  placements: readonly PracticePlacement[],
  today: string,
  dualOnly = false,
): KpiMeasurement {
  return measured(new Set(placementsInPractice(placements, today, dualOnly).map((p) => p.studentId)).size);
}

/**
 * The round placements the placement rate reads: those of the rounds of `roundYear`, the latest academic year with
 * an allocated round (published or archived); `applicants` the distinct students who took part in those rounds
 * (listed in a round or having ranked an offer).
 */
export interface PlacementRateInput {
  applicants: readonly number[];
  placements: readonly PracticePlacement[];
}

/**
 * Placement rate: value = the students taking part in the last allocated rounds with a placement from those rounds
 * that is placed (offered, confirmed, in progress, completed) over those students, to four places; `no_data` when no
 * round has been allocated or nobody took part. Breakdown `numerator`, `denominator`.
 */
export function placementRate(input: PlacementRateInput): KpiMeasurement {
  const applicants = new Set(input.applicants);
  const placed = new Set(
    input.placements
      .filter((p) => PLACED.has(p.status) && applicants.has(p.studentId))
      .map((p) => p.studentId),
  );
  return rateOf({ numerator: placed.size, denominator: applicants.size });
}

/** The completed placements the hire rate reads: practice ended in the 365 days up to `today`, the day included. */
export function completedWithinYear<T extends PracticePlacement>(
  placements: readonly T[],
  today: string,
): T[] {
  const from = daysBefore(today, 364);
  return placements.filter((p) => p.status === 'completed' && from <= p.endsOn && p.endsOn <= today);
}

/**
 * Hire rate after practice: value = the distinct students of completed placements whose practice ended in the 365
 * days up to the day and whom the partner hired (a hire date recorded) over the distinct students of those
 * placements, to four places; `no_data` when none completed in that time. Breakdown `numerator`, `denominator`.
 */
export function hireRate(placements: readonly PracticePlacement[], today: string): KpiMeasurement {
  const completed = completedWithinYear(placements, today);
  const students = new Set(completed.map((p) => p.studentId));
  const hired = new Set(completed.filter((p) => p.hiredOn !== null).map((p) => p.studentId));
  return rateOf({ numerator: hired.size, denominator: students.size });
}

/**
 * The placements as they stood at the end of `day`, as far as they are dated (for past snapshots): only practices
 * begun by then; a completed one still in progress if it ended later; a hire recorded later not yet made.
 */
export function placementsAsOf<T extends PracticePlacement>(placements: readonly T[], day: string): T[] {
  return placements
    .filter((p) => p.startsOn <= day)
    .map((p) => ({
      ...p,
      status: p.status === 'completed' && p.endsOn > day ? 'in-progress' : p.status,
      hiredOn: p.hiredOn !== null && p.hiredOn <= day ? p.hiredOn : null,
    }));
}
