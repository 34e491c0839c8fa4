/**
 * The evidence behind a competency in a student's passport, and the level each piece demonstrates.
 *
 * Four kinds (DESIGN.md capability 5): discipline results and lab sessions, which Kadr derives from its own
 * records, and practice assessments and mentor sign-offs, which other capabilities (placements) hand in as
 * {@link AssessedEvidence} through the server's evidence sources. docs/passport.md states the rule.
 */
import { gradeOfPoints, PASSING_POINTS } from '../students/grades.ts';

/** The kinds of evidence, in the order a passport lists them on the same day. */
export const EVIDENCE_KINDS = [
  'discipline-result',
  'lab-session',
  'practice-assessment',
  'mentor-sign-off',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The lowest points at which a passed discipline demonstrates its outcome's full target level (B-). */
export const FULL_LEVEL_POINTS = 75;

/** The highest level a lab session alone demonstrates: 3, "applies it with guidance". */
export const LAB_SESSION_LEVEL_CAP = 3;

/** The highest level of the scale (contracts' COMPETENCY_LEVEL_MAX). */
export const LEVEL_MAX = 5;

/**
 * Evidence assessed outside the catalogue (a practice assessment, a mentor's sign-off): the assessor states the
 * competency and the level directly. `ref` identifies it within its kind (such as `placement:12/assessment:3`).
 */
export interface AssessedEvidence {
  kind: 'practice-assessment' | 'mentor-sign-off';
  ref: string;
  competencyId: number;
  /** The level the assessor confirmed, 1-5. */
  level: number;
  /** ISO date `YYYY-MM-DD` of the assessment. */
  date: string;
  /** Who assessed or signed off (a name as it should be printed). */
  assessor: string;
  /** What was assessed (a placement at a company, a practice type), as it should be printed. */
  title: string;
}

/**
 * The level a discipline result demonstrates on one of the discipline's outcomes: the outcome's target level when
 * passed with at least {@link FULL_LEVEL_POINTS}, one level less (never below 1) for a lower pass, 0 when failed.
 */
export function resultLevel(points: number, targetLevel: number): number {
  if (points < PASSING_POINTS) return 0;
  return points >= FULL_LEVEL_POINTS ? targetLevel : Math.max(1, targetLevel - 1);
}

/** The level an attended lab session of a discipline demonstrates on one of its outcomes (capped at 3). */
export function labSessionLevel(targetLevel: number): number {
  return Math.min(targetLevel, LAB_SESSION_LEVEL_CAP);
}

/** The level an assessed piece of evidence demonstrates: the assessor's, held to the scale 0-5. */
export function assessedLevel(level: number): number {
  if (!Number.isFinite(level)) return 0;
  return Math.max(0, Math.min(LEVEL_MAX, Math.trunc(level)));
}

/** The letter of a result, for evidence details. */
export function letterOf(points: number): string {
  return gradeOfPoints(points).letter;
}
