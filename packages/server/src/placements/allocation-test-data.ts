/**
 * Builders of the data allocation tests and the placements benchmark need: offers, a round with its offers,
 * students and rankings, written straight to the tables (these tests do not wait for the offers and rounds
 * services). Each call numbers its records from a per-process sequence.
 */
import type { OfferScoring, RoundStatus } from '@kadr/contracts';
import { type Db, schema } from '@kadr/db';

let sequence = 0;

/** A published offer of `organisationId` (industrial practice, summer 2027) unless overridden. */
export async function buildOffer(
  db: Db,
  organisationId: number,
  overrides: Partial<typeof schema.practiceOffers.$inferInsert> = {},
) {
  const n = ++sequence;
  const [offer] = await db
    .insert(schema.practiceOffers)
    .values({
      organisationId,
      titleKk: `Практика ${n}`,
      titleRu: `Практика ${n}`,
      titleEn: `Placement ${n}`,
      practiceType: 'industrial',
      capacity: 10,
      startsOn: '2027-06-01',
      endsOn: '2027-07-31',
      status: 'published',
      ...overrides,
    })
    .returning();
  return offer!;
}

/** A round (closed, responses until 2026-12-20) unless overridden. */
export async function buildRound(
  db: Db,
  overrides: Partial<typeof schema.placementRounds.$inferInsert> = {},
) {
  const n = ++sequence;
  const [round] = await db
    .insert(schema.placementRounds)
    .values({
      nameKk: `Кезең ${n}`,
      nameRu: `Раунд ${n}`,
      nameEn: `Round ${n}`,
      academicYear: 2026,
      status: 'closed' satisfies RoundStatus,
      maxChoices: 10,
      rankingClosesAt: new Date('2026-12-01T00:00:00Z'),
      partnerRankingClosesAt: new Date('2026-12-05T00:00:00Z'),
      responseClosesAt: new Date('2026-12-20T18:00:00Z'),
      seed: 7,
      ...overrides,
    })
    .returning();
  return round!;
}

/** Puts offers into a round with their seats and scoring. */
export async function addRoundOffers(
  db: Db,
  roundId: number,
  offers: { offerId: number; seats: number; scoring?: OfferScoring; gpaWeight?: string }[],
) {
  if (offers.length === 0) return;
  await db.insert(schema.roundOffers).values(
    offers.map((o) => ({
      roundId,
      offerId: o.offerId,
      seats: o.seats,
      scoring: o.scoring ?? 'gpa',
      gpaWeight: o.gpaWeight ?? null,
    })),
  );
}

/** Puts students into a round with their rankings (offer ids, best first). */
export async function addRoundStudents(db: Db, roundId: number, rankings: Map<number, number[]>) {
  const students = [...rankings.keys()];
  if (students.length === 0) return;
  for (let start = 0; start < students.length; start += 5000) {
    await db
      .insert(schema.roundStudents)
      .values(students.slice(start, start + 5000).map((studentId) => ({ roundId, studentId })));
  }
  const preferences = [...rankings].flatMap(([studentId, offers]) =>
    offers.map((offerId, k) => ({ roundId, studentId, offerId, rank: k + 1 })),
  );
  for (let start = 0; start < preferences.length; start += 5000)
    await db.insert(schema.roundPreferences).values(preferences.slice(start, start + 5000));
}

/** A partner's explicit ranking of an offer's applicants (student ids, best first). */
export async function rankByPartner(db: Db, roundId: number, offerId: number, studentIds: number[]) {
  if (studentIds.length === 0) return;
  await db
    .insert(schema.roundPartnerRankings)
    .values(studentIds.map((studentId, k) => ({ roundId, offerId, studentId, rank: k + 1 })));
}
