/**
 * The engine's input of a round, from what allocationRepository.loadData read (issue 12 item 2).
 *
 * Applicants are the round's students with their ranked offers; targets are the round's offers with their seats.
 * Every target carries an explicit ranking, so that the engine explains a refusal by positions ("the last admitted
 * was ranked 12th, you were 15th"):
 * - scoring `explicit`: the partner's own ranking (students it left out are not acceptable to it);
 * - `gpa`, `competency-fit`, `mix`: the students who chose the offer and whose programme and year of study it
 *   admits, ordered by the policy's score, higher first, equal scores by the round's seeded lottery
 *   (drawTicket, the engine's own), then by id.
 *
 * Consent rule (DOMAIN §8): a partner's ranking is computed only from what the student consented to share with
 * that partner on the day of the run. The GPA counts only with a current consent listing `results`, the
 * competency fit only with one listing `passport`. A student who shared neither is still ranked (they applied),
 * after every student who shared (the missing part counts as the lowest value: -1 for `gpa` and
 * `competency-fit` alone, 0 for its half of `mix`).
 *
 * Seats kept from earlier rounds of the chain (placements offered, confirmed, in progress or completed) enter as
 * the engine's `kept` seats (DOMAIN R9): they reduce the offer's seats and their holders do not compete.
 */
import {
  type AllocationInput,
  type ApplicantInput,
  drawTicket,
  gradePointAverage,
  type KeptSeat,
} from '@kadr/core';
import type { AllocationData, AllocationOffer, AllocationStudent } from '@kadr/db';

/** The list of `key` in `map`, created empty on first use. */
export function listOf<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}

/** The GPA weight of `mix` when the round's offer names none. */
export const DEFAULT_GPA_WEIGHT = 0.5;

/** The competency fit of a passport for an offer: the mean of min(level reached / level required, 1), 0..1. */
export function competencyFit(
  levels: Readonly<Record<string, number>> | undefined,
  required: AllocationOffer['competencies'],
): number {
  if (required.length === 0 || !levels) return 0;
  let sum = 0;
  for (const { competencyId, level } of required)
    sum += Math.min((levels[String(competencyId)] ?? 0) / level, 1);
  return sum / required.length;
}

/** True when the offer admits the student's programme and year of study (the round's academic year). */
export function admits(
  offer: AllocationOffer,
  student: AllocationStudent | undefined,
  academicYear: number,
): boolean {
  if (
    offer.programmeIds.length > 0 &&
    (student?.programmeId == null || !offer.programmeIds.includes(student.programmeId))
  )
    return false;
  if (offer.eligibleYears.length === 0) return true;
  if (student?.admissionYear == null) return false;
  return offer.eligibleYears.includes(academicYear - student.admissionYear + 1);
}

/**
 * Builds the engine's input.
 * @param round the round's academic year and lottery seed
 * @param today the day consents are read for (already applied by the repository)
 */
export function buildAllocationInput(
  data: AllocationData,
  round: { academicYear: number; seed: number },
): AllocationInput {
  const offers = new Map(data.offers.map((o) => [o.offerId, o]));
  const students = new Map(data.students.map((s) => [s.studentId, s]));
  const choices = new Map<number, string[]>();
  for (const p of data.preferences) {
    if (!offers.has(p.offerId) || !students.has(p.studentId)) continue;
    listOf(choices, p.studentId).push(String(p.offerId));
  }
  const kept: KeptSeat[] = [];
  const keptBy = new Map<number, number>();
  for (const k of data.kept) {
    keptBy.set(k.studentId, k.offerId);
    kept.push({ applicant: String(k.studentId), target: String(k.offerId), pool: 'general' });
  }
  const applicants: ApplicantInput[] = [];
  for (const s of data.students) {
    if (keptBy.has(s.studentId)) continue;
    applicants.push({ id: String(s.studentId), choices: choices.get(s.studentId) ?? [] });
  }
  for (const [studentId, offerId] of keptBy)
    applicants.push({ id: String(studentId), choices: [String(offerId)] });

  const gpa = new Map(
    data.results.map((r) => [
      r.studentId,
      gradePointAverage([{ credits: r.credits, gradePoint: r.credits === 0 ? 0 : r.weighted / r.credits }]),
    ]),
  );
  const passports = new Map(data.passports.map((p) => [p.studentId, p.levels]));
  const consents = new Map<string, Set<string>>();
  for (const c of data.consents) {
    const key = `${c.studentId}:${c.organisationId}`;
    const scopes = consents.get(key) ?? new Set<string>();
    for (const scope of c.scopes) scopes.add(scope);
    consents.set(key, scopes);
  }
  const applicantsOf = new Map<number, number[]>();
  for (const a of applicants) {
    if (keptBy.has(Number(a.id))) continue;
    for (const target of a.choices) {
      listOf(applicantsOf, Number(target)).push(Number(a.id));
    }
  }
  const partnerRankings = new Map<number, number[]>();
  for (const r of data.partnerRankings) {
    if (!students.has(r.studentId) || keptBy.has(r.studentId)) continue;
    listOf(partnerRankings, r.offerId).push(r.studentId);
  }

  const targets = data.offers.map((offer) => {
    let ranking: number[];
    if (offer.scoring === 'explicit') ranking = partnerRankings.get(offer.offerId) ?? [];
    else {
      const scoreOf = (studentId: number) => {
        const shared = consents.get(`${studentId}:${offer.organisationId}`);
        const ownGpa = shared?.has('results') ? (gpa.get(studentId) ?? 0) : undefined;
        const fit = shared?.has('passport')
          ? competencyFit(passports.get(studentId), offer.competencies)
          : undefined;
        if (offer.scoring === 'gpa') return ownGpa ?? -1;
        if (offer.scoring === 'competency-fit') return fit ?? -1;
        const weight = offer.gpaWeight ?? DEFAULT_GPA_WEIGHT;
        return weight * ((ownGpa ?? 0) / 4) + (1 - weight) * (fit ?? 0);
      };
      const ranked = (applicantsOf.get(offer.offerId) ?? [])
        .filter((id) => admits(offer, students.get(id), round.academicYear))
        .map((id) => ({
          id,
          score: Math.round(scoreOf(id) * 1e9),
          ticket: drawTicket(round.seed, String(id)),
        }));
      ranked.sort((a, b) => b.score - a.score || a.ticket - b.ticket || a.id - b.id);
      ranking = ranked.map((r) => r.id);
    }
    return { id: String(offer.offerId), capacity: offer.seats, ranking: ranking.map(String) };
  });
  return { applicants, targets, policy: { seed: round.seed, explain: true }, kept };
}
