/**
 * Test data builders: each creates one record with defaults that satisfy every rule, overridable field by field,
 * so a test builds exactly what it asserts on (as outline's server/test/factories.ts) instead of leaning on the
 * demo. Names carry a per-process sequence number, so builders never collide.
 * @example const org = await buildOrganisation(t.database.db, { kind: 'partner_university' });
 */
import { type Locale, ROLES, type Role } from '@kadr/contracts';
import {
  type AgreementInput,
  agreementsRepository,
  type Db,
  type LabInput,
  labsRepository,
  type OrganisationInput,
  type OrganisationRecord,
  organisationsRepository,
  schema,
  type UserRecord,
  usersRepository,
} from '@kadr/db';
import { type createBareTestApp, signIn, TEST_PASSWORD, testPasswordHash } from '../testing.ts';

let sequence = 0;
const next = () => ++sequence;
let passwordHash: Promise<string> | undefined;

/** An organisation (a company in Pavlodar unless overridden). */
export function buildOrganisation(
  db: Db,
  overrides: Partial<OrganisationInput> = {},
): Promise<OrganisationRecord> {
  const n = next();
  return organisationsRepository.create(db, {
    kind: 'company',
    name: { kk: `Ұйым ${n}`, ru: `Организация ${n}`, en: `Organisation ${n}` },
    shortName: `ORG-${n}`,
    country: 'KZ',
    city: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' },
    sector: null,
    priorityAreas: [],
    website: '',
    ...overrides,
  });
}

/** A user of `role` in `organisationId`, whose password is TEST_PASSWORD (hashed cheaply, see testing.ts). */
export async function buildUser(
  db: Db,
  input: { role: Role; organisationId: number; email?: string; fullName?: string; locale?: Locale },
): Promise<UserRecord> {
  const n = next();
  passwordHash ??= testPasswordHash();
  return usersRepository.create(db, {
    email: input.email ?? `${input.role}.${n}@test.kadr.kz`,
    fullName: input.fullName ?? `Test ${input.role} ${n}`,
    role: input.role,
    organisationId: input.organisationId,
    locale: input.locale ?? 'ru',
    passwordHash: await passwordHash,
  });
}

/** A lab (no funding, 20 seats) unless overridden. */
export function buildLab(db: Db, overrides: Partial<LabInput> = {}) {
  const n = next();
  return labsRepository.create(db, {
    code: `LAB-${n}`,
    name: { kk: `Зертхана ${n}`, ru: `Лаборатория ${n}`, en: `Lab ${n}` },
    building: { kk: 'А корпусы', ru: 'Корпус А', en: 'Building A' },
    room: String(100 + n),
    capacity: 20,
    priorityArea: 'metallurgy',
    ...overrides,
  });
}

/** An agreement between `partyIds` (the first one usually the home university), a signed MoU by default. */
export function buildAgreement(db: Db, partyIds: number[], overrides: Partial<AgreementInput> = {}) {
  const n = next();
  return agreementsRepository.create(
    db,
    {
      number: `MOU-T-${n}`,
      kind: 'mou',
      title: { kk: `Меморандум ${n}`, ru: `Меморандум ${n}`, en: `Memorandum ${n}` },
      status: 'active',
      signedOn: '2024-01-15',
      validUntil: '2034-01-15',
      terminatedOn: null,
      notes: '',
      ...overrides,
    },
    partyIds,
  );
}

type BareTestApp = Awaited<ReturnType<typeof createBareTestApp>>;
/** A signed-in client (see testing.ts signIn). */
export type Client = Awaited<ReturnType<typeof signIn>>;

/** The paths of the issues of a 400 answer, e.g. `['query.from']`; fails unless it is a validation refusal. */
export function issuePaths(response: Awaited<ReturnType<Client['request']>>): string[] {
  // No vitest here: the benchmarks build their data with these factories outside a test run.
  const body = response.json() as { error?: { code: string; details?: { issues?: { path: string }[] } } };
  if (response.statusCode !== 400 || body.error?.code !== 'VALIDATION_FAILED')
    throw new Error(`expected a 400 validation refusal, got ${response.statusCode}: ${response.body}`);
  return (body.error.details?.issues ?? []).map((i) => i.path);
}

/**
 * The smallest world the role rules need: the home university, two partner companies, the ministry, and one
 * signed-in user per role (partners and the mentor at the first company, `partner2` at the second).
 */
export async function buildWorld(t: BareTestApp) {
  const db = t.database.db;
  const home = await buildOrganisation(db, { kind: 'home_university', shortName: 'HOME' });
  const partnerOrg = await buildOrganisation(db);
  const otherPartnerOrg = await buildOrganisation(db);
  const ministry = await buildOrganisation(db, { kind: 'agency' });
  const organisationOf: Record<Role, number> = {
    admin: home.id,
    coordinator: home.id,
    officer: home.id,
    admissions: home.id,
    student: home.id,
    partner: partnerOrg.id,
    mentor: partnerOrg.id,
    observer: ministry.id,
  };
  const clients = {} as Record<Role | 'partner2', Client>;
  for (const role of ROLES) {
    const user = await buildUser(db, { role, organisationId: organisationOf[role] });
    clients[role] = await signIn(t.app, user.email, TEST_PASSWORD);
  }
  const partner2 = await buildUser(db, { role: 'partner', organisationId: otherPartnerOrg.id });
  clients.partner2 = await signIn(t.app, partner2.email, TEST_PASSWORD);
  return { home, partnerOrg, otherPartnerOrg, ministry, clients };
}

type OfferRow = typeof schema.practiceOffers.$inferInsert;
type PlacementRow = typeof schema.placements.$inferInsert;

/** A student without an enrolment (a unique IIN from the sequence); answers its id. */
export async function buildStudent(db: Db, fullName?: string): Promise<number> {
  const n = next();
  const [student] = await db
    .insert(schema.students)
    .values({ iin: String(770101300000 + n), fullName: fullName ?? `Студент ${n}` })
    .returning({ id: schema.students.id });
  return student!.id;
}

/** A published industrial-practice offer of a partner, in Pavlodar, from 1 June to 31 July 2026 unless overridden. */
export async function buildOffer(db: Db, organisationId: number, overrides: Partial<OfferRow> = {}) {
  const n = next();
  const [offer] = await db
    .insert(schema.practiceOffers)
    .values({
      organisationId,
      titleRu: `Практика ${n}`,
      practiceType: 'industrial',
      capacity: 10,
      startsOn: '2026-06-01',
      endsOn: '2026-07-31',
      region: 'pavlodar',
      status: 'published',
      ...overrides,
    })
    .returning();
  return offer!;
}

/** A placement of a student on an offer, completed unless overridden. */
export async function buildPlacement(
  db: Db,
  offerId: number,
  studentId: number,
  overrides: Partial<PlacementRow> = {},
) {
  const [placement] = await db
    .insert(schema.placements)
    .values({ offerId, studentId, status: 'completed', ...overrides })
    .returning();
  return placement!;
}

/** A round's name in the three languages, a different word in each (a test sees which one it was shown). */
function roundNameColumns(n: number) {
  return { nameKk: `Кезең ${n}`, nameRu: `Раунд ${n}`, nameEn: `Round ${n}` };
}

/** A placement round of an academic year (published unless told), with the applicants' first choices. */
export async function buildRound(
  db: Db,
  academicYear: number,
  choices: { studentId: number; offerId: number }[],
  status: 'draft' | 'open' | 'closed' | 'published' | 'archived' = 'published',
) {
  const closes = new Date(`${academicYear}-10-01T00:00:00Z`);
  const [round] = await db
    .insert(schema.placementRounds)
    .values({
      ...roundNameColumns(next()),
      academicYear,
      status,
      rankingClosesAt: closes,
      partnerRankingClosesAt: closes,
      responseClosesAt: closes,
    })
    .returning();
  if (choices.length > 0)
    await db
      .insert(schema.roundPreferences)
      .values(
        choices.map((c) => ({ roundId: round!.id, studentId: c.studentId, offerId: c.offerId, rank: 1 })),
      );
  return round!;
}
