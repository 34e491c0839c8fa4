/**
 * The supply of graduates (DESIGN.md capability 7, issue 13 item 2), a pure function of enrolment rows.
 *
 * Formulas (docs/capabilities/demand.md repeats them):
 * - The academic year of a day `A`: the calendar year of its September (1 September 2026 to 31 August 2027 is
 *   2026).
 * - A programme's length in years `L` = ceil(durationSemesters / 2); an enrolment admitted in `a` is due to
 *   graduate in June of `g = a + L`.
 * - Projected graduates (active enrolments only; on leave, withdrawn and graduated ones are not projected): an
 *   active enrolment is expected to graduate in `y = max(g, A + 1)` (a student past the due year is expected at the
 *   next commencement) with the probability `(1 − r)^(y − A)`, where `r` is the yearly attrition rate: the share
 *   of students who leave during each academic year still to study, the current one included. The projection of a
 *   group and year is the sum of these probabilities (an expected headcount, not a whole number).
 * - Actual graduates: enrolments with status `graduated`, in the calendar year they ended (or `g` without an end date).
 * - Supply of a year = actual + projected. Placements and hires after practice are counted where recorded.
 */

/** The yearly attrition the projection assumes unless told otherwise: 8 % of students leave each academic year. */
export const DEFAULT_YEARLY_ATTRITION = 0.08;

/** An enrolment as the projection reads it (the programme's group, area and length joined). */
export interface SupplyEnrolment {
  programmeId: number;
  programmeGroup: string;
  priorityArea: string;
  durationSemesters: number;
  admissionYear: number;
  status: 'active' | 'on-leave' | 'graduated' | 'withdrawn';
  /** The calendar year the enrolment ended (graduated or withdrew), or null. */
  endedYear: number | null;
  /** Enrolments this row stands for (a grouped read); 1 when absent. */
  count?: number;
}

/** Expected and actual graduates of one programme in one year. */
export interface SupplyRow {
  programmeId: number;
  programmeGroup: string;
  priorityArea: string;
  year: number;
  projected: number;
  actual: number;
}

/** The academic year of a day `YYYY-MM-DD`: its year from September, the year before until August. */
export function academicYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** The year an enrolment is due to graduate: admission year + the programme's length in whole years. */
export function dueGraduationYear(admissionYear: number, durationSemesters: number): number {
  return admissionYear + Math.ceil(durationSemesters / 2);
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Projected and actual graduates per programme and year (rows only for non-zero figures), sorted by programme and
 * year. See the formulas at the top of this file.
 * @param input.today the day of the projection, `YYYY-MM-DD`
 * @param input.attritionRate the yearly attrition `r`, 0 ≤ r < 1
 * @example projectSupply({ today: '2026-12-06', attritionRate: 0.1, enrolments: [{ programmeId: 1,
 *   programmeGroup: 'B074', priorityArea: 'metallurgy', durationSemesters: 8, admissionYear: 2025,
 *   status: 'active', endedYear: null }] }) // → [{ …, year: 2029, projected: 0.73, actual: 0 }] (0.9³)
 */
export function projectSupply(input: {
  today: string;
  attritionRate: number;
  enrolments: readonly SupplyEnrolment[];
}): SupplyRow[] {
  if (!(input.attritionRate >= 0 && input.attritionRate < 1))
    throw new RangeError(`attritionRate must be in [0, 1): ${input.attritionRate}`);
  const current = academicYearOf(input.today);
  const survive = 1 - input.attritionRate;
  const rows = new Map<string, SupplyRow>();
  const rowOf = (e: SupplyEnrolment, year: number) => {
    const key = `${e.programmeId}:${year}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        programmeId: e.programmeId,
        programmeGroup: e.programmeGroup,
        priorityArea: e.priorityArea,
        year,
        projected: 0,
        actual: 0,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const e of input.enrolments) {
    const count = e.count ?? 1;
    const due = dueGraduationYear(e.admissionYear, e.durationSemesters);
    if (e.status === 'active') {
      const year = Math.max(due, current + 1);
      rowOf(e, year).projected += count * survive ** (year - current);
    } else if (e.status === 'graduated') {
      rowOf(e, e.endedYear ?? due).actual += count;
    }
  }
  return [...rows.values()]
    .map((r) => ({ ...r, projected: round2(r.projected) }))
    .sort((a, b) => a.programmeId - b.programmeId || a.year - b.year);
}
