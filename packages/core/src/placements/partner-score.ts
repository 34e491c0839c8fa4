/**
 * The one rule by which a partner's scoring policy ranks the students who chose its offer in a round (issue 12):
 * the applicants page shows it and the allocation engine's input ranks by it, so both read the same order.
 *
 * Policies: `gpa` = GPA / 4; `competency-fit` = the mean, over the offer's required competencies, of
 * min(passport level / required level, 1); `mix` = w · GPA/4 + (1 − w) · fit (w = the offer's GPA weight, 0.5 when
 * unset). Scores are 0..1, higher first; equal scores are ordered by the round's seeded lottery (`drawTicket`, the
 * engine's own), then by student id.
 *
 * Consent rule (DOMAIN §8): a computed score uses only what the student consents, on the day, to share with the
 * offer's organisation: the GPA only with the `results` scope, the competency fit only with `passport`. A student
 * who shared the policy's part is still ranked (they applied) but after every student who shared it: the score is
 * null for `gpa` and `competency-fit` alone (ordered as -1), and the part counts 0 in its half of `mix`.
 */
import { drawTicket } from '../allocation/lottery.ts';

/** A scoring policy that computes a ranking (an `explicit` ranking is the partner's own list). */
export type ComputedScoring = 'gpa' | 'competency-fit' | 'mix';

/** The GPA weight of `mix` when the offer names none. */
export const DEFAULT_GPA_WEIGHT = 0.5;

/** The highest grade point of the national scale (A = 4.0). */
const MAX_GRADE_POINT = 4;

/** A competency the offer requires, at the level it expects (1-5). */
export interface RequiredLevel {
  competencyId: number;
  level: number;
}

/** What the score of one student may draw on; `scopes` are those consented to the offer's organisation today. */
export interface ScoreFacts {
  scopes: Iterable<string>;
  /** The GPA (0-4) over the last attempt of each discipline; null when the student has no results. */
  gpa: number | null;
  /** The passport's levels by competency id; undefined when the student has no passport. */
  levels: Readonly<Record<string, number>> | undefined;
}

/**
 * The competency fit of a passport for an offer, 0..1: the mean of min(level reached / level required, 1) over the
 * required competencies; 0 when the offer requires none or there is no passport.
 * @example competencyFit([{ competencyId: 1, level: 4 }], { '1': 2 }) === 0.5
 */
export function competencyFit(
  required: readonly RequiredLevel[],
  levels: Readonly<Record<string, number>> | undefined,
): number {
  if (required.length === 0 || !levels) return 0;
  let sum = 0;
  for (const { competencyId, level } of required)
    sum += Math.min((levels[String(competencyId)] ?? 0) / level, 1);
  return sum / required.length;
}

/**
 * A student's score under a computed policy, from the consented facts only (see the consent rule above).
 * @returns 0..1, or null when the policy's only part is not shared (the student then ranks after all who shared)
 * @example partnerScore({ scoring: 'gpa', gpaWeight: null }, [], { scopes: ['results'], gpa: 3, levels: undefined }) === 0.75
 */
export function partnerScore(
  policy: { scoring: ComputedScoring; gpaWeight: number | null },
  required: readonly RequiredLevel[],
  facts: ScoreFacts,
): number | null {
  const scopes = new Set(facts.scopes);
  const gpa = scopes.has('results') ? (facts.gpa ?? 0) / MAX_GRADE_POINT : null;
  const fit = scopes.has('passport') ? competencyFit(required, facts.levels) : null;
  if (policy.scoring === 'gpa') return gpa;
  if (policy.scoring === 'competency-fit') return fit;
  const w = policy.gpaWeight ?? DEFAULT_GPA_WEIGHT;
  return w * (gpa ?? 0) + (1 - w) * (fit ?? 0);
}

/**
 * The order of a computed ranking, best first: by score (null last), equal scores (to 1e-9, so that float noise
 * does not split a tie) by the round's lottery ticket, then by id.
 * @param scored the students (ids) with their `partnerScore`
 * @param seed the round's lottery seed
 */
export function orderByScore<T extends { id: number; score: number | null }>(
  scored: readonly T[],
  seed: number,
): T[] {
  const keyed = scored.map((s) => ({
    s,
    key: s.score === null ? -1e9 : Math.round(s.score * 1e9),
    ticket: drawTicket(seed, String(s.id)),
  }));
  keyed.sort((a, b) => b.key - a.key || a.ticket - b.ticket || a.s.id - b.s.id);
  return keyed.map((k) => k.s);
}

/**
 * True when an offer admits a student (the eligibility rule of rounds): its programmes are empty or include the
 * programme of the student's current active enrolment, and its years are empty or include the student's year of
 * study in the round's academic year (round year − admission year + 1).
 */
export function offerAdmits(
  offer: { programmeIds: readonly number[]; eligibleYears: readonly number[] },
  student: { programmeId: number | null; year: number | null } | undefined,
): boolean {
  if (
    offer.programmeIds.length > 0 &&
    (student?.programmeId == null || !offer.programmeIds.includes(student.programmeId))
  )
    return false;
  if (offer.eligibleYears.length === 0) return true;
  return student?.year != null && offer.eligibleYears.includes(student.year);
}
