/**
 * Builders of the offers-and-rounds tests' data (written straight to the tables, so that the tests build exactly
 * what they assert on): a competency, a practice-places obligation, a published offer, a round with its offers and
 * students, a student with a user, an active enrolment, results and a passport.
 */
import { type Db, schema } from '@kadr/db';
import { buildAgreement, buildUser } from '../test/factories.ts';
import { signIn } from '../testing.ts';
import { buildProgrammeVersion, buildStudent, enrol } from '../students/test-data.ts';

let sequence = 0;

/** A competency of a fresh framework. */
export async function buildCompetency(db: Db) {
  const n = ++sequence;
  const [framework] = await db
    .insert(schema.competencyFrameworks)
    .values({ code: `FW-OR-${n}`, source: 'own', nameKk: `Жүйе ${n}`, nameRu: `Рамка ${n}` })
    .returning();
  const [competency] = await db
    .insert(schema.competencies)
    .values({
      frameworkId: framework!.id,
      code: `C${n}`,
      type: 'skill',
      nameRu: `Компетенция ${n}`,
      nameEn: `Skill ${n}`,
    })
    .returning();
  return competency!;
}

/** A practice-places obligation of an active agreement between the home university and the partner. */
export async function buildPlacesObligation(db: Db, homeId: number, partnerId: number, placesPerYear = 10) {
  const agreement = await buildAgreement(db, [homeId, partnerId]);
  const [obligation] = await db
    .insert(schema.obligations)
    .values({
      agreementId: agreement.id,
      kind: 'practice_places',
      titleKk: 'Практика орындары',
      titleRu: 'Места практики',
      titleEn: 'Places for practice',
      dueOn: '2026-12-31',
      placesPerYear,
    })
    .returning();
  return { agreement, obligation: obligation! };
}

/** An offer written straight to the table (published, 2027, 5 places) unless overridden. */
export async function buildOffer(
  db: Db,
  organisationId: number,
  overrides: Partial<typeof schema.practiceOffers.$inferInsert> & { programmeIds?: number[] } = {},
) {
  const n = ++sequence;
  const { programmeIds = [], ...fields } = overrides;
  const [offer] = await db
    .insert(schema.practiceOffers)
    .values({
      organisationId,
      titleRu: `Практика ${n}`,
      titleEn: `Practice ${n}`,
      practiceType: 'industrial',
      capacity: 5,
      startsOn: '2027-06-01',
      endsOn: '2027-07-31',
      status: 'published',
      ...fields,
    })
    .returning();
  if (programmeIds.length > 0)
    await db
      .insert(schema.practiceOfferProgrammes)
      .values(programmeIds.map((programmeId) => ({ offerId: offer!.id, programmeId })));
  return offer!;
}

/** A student with a signed-in user, enrolled (admitted 2024, so in year 3 of 2026/27) in the version. */
export async function buildStudentClient(
  t: { app: Parameters<typeof signIn>[0]; database: { db: Db } },
  homeId: number,
  versionId: number,
  admissionYear = 2024,
) {
  const db = t.database.db;
  const user = await buildUser(db, { role: 'student', organisationId: homeId });
  const student = await buildStudent(db, { userId: user.id });
  await db.insert(schema.enrolments).values({
    studentId: student.id,
    versionId,
    admissionYear,
    status: 'active',
    enrolledOn: `${admissionYear}-09-01`,
  });
  return { student, client: await signIn(t.app, user.email) };
}

/** A round written straight to the table (2026/27, open, ranking until 2026-12-20) unless overridden. */
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
      status: 'open',
      maxChoices: 3,
      rankingClosesAt: new Date('2026-12-20T12:00:00Z'),
      partnerRankingClosesAt: new Date('2026-12-27T12:00:00Z'),
      responseClosesAt: new Date('2027-01-10T12:00:00Z'),
      ...overrides,
    })
    .returning();
  return round!;
}

/** Puts offers (with their capacity as seats) and students into a round. */
export async function fillRound(
  db: Db,
  roundId: number,
  offers: { id: number; capacity: number }[],
  studentIds: number[],
) {
  if (offers.length > 0)
    await db
      .insert(schema.roundOffers)
      .values(offers.map((o) => ({ roundId, offerId: o.id, seats: o.capacity })));
  if (studentIds.length > 0)
    await db.insert(schema.roundStudents).values(studentIds.map((studentId) => ({ roundId, studentId })));
}

export { buildProgrammeVersion, buildStudent, enrol };
