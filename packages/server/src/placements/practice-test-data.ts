/**
 * Builders of what the practice tests need, by direct inserts (offers and rounds have their own services in other
 * parts of issue 12): an offer with required competencies, and a placement of a student at it.
 */
import type { PlacementStatus, PracticeType } from '@kadr/contracts';
import { type Db, schema } from '@kadr/db';

let sequence = 0;

/** An offer of the organisation (industrial, 1 Nov - 31 Dec 2026, paid) requiring the competencies at level 3. */
export async function buildOffer(
  db: Db,
  organisationId: number,
  competencyIds: number[],
  overrides: Partial<typeof schema.practiceOffers.$inferInsert> & { practiceType?: PracticeType } = {},
): Promise<number> {
  const n = ++sequence;
  const [offer] = await db
    .insert(schema.practiceOffers)
    .values({
      organisationId,
      titleKk: `Инженер-технолог практикасы ${n}`,
      titleRu: `Практика инженера-технолога ${n}`,
      titleEn: `Process engineer internship ${n}`,
      practiceType: 'industrial',
      capacity: 5,
      startsOn: '2026-11-01',
      endsOn: '2026-12-31',
      locationKk: 'Павлодар, Ленин к-сі 1',
      locationRu: 'Павлодар, ул. Ленина 1',
      locationEn: 'Pavlodar, 1 Lenin St',
      region: 'pavlodar',
      stipendTiyn: 15_000_000,
      status: 'published',
      ...overrides,
    })
    .returning({ id: schema.practiceOffers.id });
  if (competencyIds.length > 0)
    await db
      .insert(schema.practiceOfferCompetencies)
      .values(competencyIds.map((competencyId) => ({ offerId: offer!.id, competencyId, level: 3 })));
  return offer!.id;
}

/** A placement of the student at the offer, in a status (offered unless told), outside any round. */
export async function buildPlacement(
  db: Db,
  input: Partial<typeof schema.placements.$inferInsert> & {
    offerId: number;
    studentId: number;
    status?: PlacementStatus;
  },
): Promise<number> {
  const [row] = await db.insert(schema.placements).values(input).returning({ id: schema.placements.id });
  return row!.id;
}
