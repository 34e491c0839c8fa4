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
 * The score and its order, with the consent rule (DOMAIN §8: only what the student shares with that partner on the
 * day of the run), are core's `partnerScore` and `orderByScore`, the ones the applicants page shows.
 *
 * Seats kept from earlier rounds of the chain (placements offered, confirmed, in progress or completed) enter as
 * the engine's `kept` seats (DOMAIN R9): they reduce the offer's seats and their holders do not compete.
 */
import {
  type AllocationInput,
  type ApplicantInput,
  gradePointAverage,
  type KeptSeat,
  offerAdmits,
  orderByScore,
  partnerScore,
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

/** True when the offer admits the student's programme and year of study (the round's academic year). */
export function admits(
  offer: AllocationOffer,
  student: AllocationStudent | undefined,
  academicYear: number,
): boolean {
  const year = student?.admissionYear == null ? null : academicYear - student.admissionYear + 1;
  return offerAdmits(offer, student && { programmeId: student.programmeId, year });
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
      const policy = { scoring: offer.scoring, gpaWeight: offer.gpaWeight };
      const ranked = orderByScore(
        (applicantsOf.get(offer.offerId) ?? [])
          .filter((id) => admits(offer, students.get(id), round.academicYear))
          .map((id) => ({
            id,
            score: partnerScore(policy, offer.competencies, {
              scopes: consents.get(`${id}:${offer.organisationId}`) ?? [],
              gpa: gpa.get(id) ?? null,
              levels: passports.get(id),
            }),
          })),
        round.seed,
      );
      ranking = ranked.map((r) => r.id);
    }
    return { id: String(offer.offerId), capacity: offer.seats, ranking: ranking.map(String) };
  });
  return { applicants, targets, policy: { seed: round.seed, explain: true }, kept };
}
