/**
 * The national grading scale (DOMAIN §1): points 0-100 give a letter and a grade point; the GPA is the
 * credit-weighted mean of grade points. The letter bands are those of the credit-system rules in use at
 * Kazakh universities (A 95-100 = 4.0 … D 50-54 = 1.0, F below 50 = 0).
 */

/** A band of the scale: the lowest points that earn the letter, and its grade point. */
export interface GradeBand {
  letter: 'A' | 'A-' | 'B+' | 'B' | 'B-' | 'C+' | 'C' | 'C-' | 'D+' | 'D' | 'F';
  minPoints: number;
  gradePoint: number;
}

/** The scale, best band first. */
export const GRADE_SCALE: readonly GradeBand[] = [
  { letter: 'A', minPoints: 95, gradePoint: 4.0 },
  { letter: 'A-', minPoints: 90, gradePoint: 3.67 },
  { letter: 'B+', minPoints: 85, gradePoint: 3.33 },
  { letter: 'B', minPoints: 80, gradePoint: 3.0 },
  { letter: 'B-', minPoints: 75, gradePoint: 2.67 },
  { letter: 'C+', minPoints: 70, gradePoint: 2.33 },
  { letter: 'C', minPoints: 65, gradePoint: 2.0 },
  { letter: 'C-', minPoints: 60, gradePoint: 1.67 },
  { letter: 'D+', minPoints: 55, gradePoint: 1.33 },
  { letter: 'D', minPoints: 50, gradePoint: 1.0 },
  { letter: 'F', minPoints: 0, gradePoint: 0 },
];

/** The lowest points that pass (D). */
export const PASSING_POINTS = 50;

/**
 * The band that whole points 0-100 fall in.
 * @throws RangeError when points are not a whole number from 0 to 100
 */
export function gradeOfPoints(points: number): GradeBand {
  if (!Number.isInteger(points) || points < 0 || points > 100)
    throw new RangeError(`points must be a whole number from 0 to 100, got ${points}`);
  return GRADE_SCALE.find((band) => points >= band.minPoints) as GradeBand;
}

/** The band of a letter. */
export function gradeOfLetter(letter: GradeBand['letter']): GradeBand {
  return GRADE_SCALE.find((band) => band.letter === letter) as GradeBand;
}

/** True when the letter and the points agree (an import row giving both must not contradict itself). */
export function letterMatchesPoints(letter: GradeBand['letter'], points: number): boolean {
  return gradeOfPoints(points).letter === letter;
}

/**
 * The grade point average: grade points weighted by credits, rounded to two decimals; 0 when there is no
 * credit. Only the last attempt of each discipline should be passed in.
 */
export function gradePointAverage(results: readonly { credits: number; gradePoint: number }[]): number {
  let credits = 0;
  let weighted = 0;
  for (const r of results) {
    credits += r.credits;
    weighted += r.credits * r.gradePoint;
  }
  return credits === 0 ? 0 : Math.round((weighted / credits) * 100) / 100;
}
