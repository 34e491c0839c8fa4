import type { ConsentScope } from '@kadr/contracts';
import { and, asc, eq, exists, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { consents, organisations } from '../schema/index.ts';

/** A student's consent that an organisation may see some of their data (DOMAIN §8). */
export interface ConsentRecord {
  id: number;
  studentId: number;
  organisationId: number;
  organisationName: { kk: string; ru: string; en: string };
  scopes: ConsentScope[];
  /** Why the student consents: kk, ru and en, any may be empty. */
  purpose: { kk: string; ru: string; en: string };
  givenOn: string;
  validUntil: string | null;
  revokedAt: Date | null;
  recordedBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a new consent. */
export type ConsentInput = Omit<
  ConsentRecord,
  'id' | 'organisationName' | 'revokedAt' | 'createdAt' | 'updatedAt'
>;

const c = consents;

/**
 * SQL: the student (`studentId`, a column or expression of the outer query) has a consent for the organisation
 * that is current on the day `on`: given on or before it, not expired before it, never revoked.
 */
export function currentConsentTo(studentId: SQLWrapper, organisationId: number, on: string): SQL {
  return exists(
    sql`(select 1 from ${c} cc where cc.student_id = ${studentId} and cc.organisation_id = ${organisationId}
      and cc.revoked_at is null and cc.given_on <= ${on} and (cc.valid_until is null or cc.valid_until >= ${on}))`,
  );
}

/** SQL of the consents current on `on` (revocation counts from the moment it is recorded). */
function isCurrent(on: string): SQL {
  return sql`${c.revokedAt} is null and ${c.givenOn} <= ${on} and (${c.validUntil} is null or ${c.validUntil} >= ${on})`;
}

/** True when the consent is current on `on` (the rule of {@link currentConsentTo}, for one record). */
export function isConsentCurrent(consent: ConsentRecord, on: string): boolean {
  return (
    consent.revokedAt === null &&
    consent.givenOn <= on &&
    (consent.validUntil === null || consent.validUntil >= on)
  );
}

const selection = {
  id: c.id,
  studentId: c.studentId,
  organisationId: c.organisationId,
  nameKk: organisations.nameKk,
  nameRu: organisations.nameRu,
  nameEn: organisations.nameEn,
  scopes: c.scopes,
  purposeKk: c.purposeKk,
  purposeRu: c.purposeRu,
  purposeEn: c.purposeEn,
  givenOn: c.givenOn,
  validUntil: c.validUntil,
  revokedAt: c.revokedAt,
  recordedBy: c.recordedBy,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
};

function selectConsents(db: Db) {
  return db.select(selection).from(c).innerJoin(organisations, eq(organisations.id, c.organisationId));
}

function toRecord({
  nameKk,
  nameRu,
  nameEn,
  purposeKk,
  purposeRu,
  purposeEn,
  ...rest
}: Awaited<ReturnType<typeof selectConsents>>[number]) {
  return {
    ...rest,
    organisationName: { kk: nameKk, ru: nameRu, en: nameEn },
    purpose: { kk: purposeKk, ru: purposeRu, en: purposeEn },
  } satisfies ConsentRecord;
}

/**
 * What the organisation may see of the student on the day `on`: the union of the scopes of its current consents
 * (empty when it has none). The one consent check: student records, results, the passport and placements call it.
 */
export async function consentedScopes(
  db: Db,
  studentId: number,
  organisationId: number,
  on: string,
): Promise<ConsentScope[]> {
  return (await consentedScopesOf(db, [studentId], organisationId, on)).get(studentId) ?? [];
}

/** {@link consentedScopes} of many students at once: student id → scopes (students without any are absent). */
export async function consentedScopesOf(
  db: Db,
  studentIds: number[],
  organisationId: number,
  on: string,
): Promise<Map<number, ConsentScope[]>> {
  const scopes = new Map<number, Set<ConsentScope>>();
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .select({ studentId: c.studentId, scopes: c.scopes })
    .from(c)
    .where(
      and(
        sql`${c.studentId} = any(${sql.param(studentIds)}::int[])`,
        eq(c.organisationId, organisationId),
        isCurrent(on),
      ),
    );
  for (const row of rows) {
    const set = scopes.get(row.studentId) ?? new Set();
    for (const scope of row.scopes) set.add(scope);
    scopes.set(row.studentId, set);
  }
  return new Map([...scopes].map(([id, set]) => [id, [...set].sort()]));
}

/** Reads and writes consents. */
export const consentsRepository = {
  async create(db: Db, input: ConsentInput): Promise<ConsentRecord> {
    const { purpose, ...rest } = input;
    const [row] = await db
      .insert(c)
      .values({ ...rest, purposeKk: purpose.kk, purposeRu: purpose.ru, purposeEn: purpose.en })
      .returning({ id: c.id });
    return (await consentsRepository.findById(db, row!.id))!;
  },

  /** Marks a consent revoked at `at`; undefined when it does not exist or was already revoked. */
  async revoke(db: Db, id: number, at: Date): Promise<ConsentRecord | undefined> {
    const [row] = await db
      .update(c)
      .set({ revokedAt: at, updatedAt: at })
      .where(and(eq(c.id, id), isNull(c.revokedAt)))
      .returning({ id: c.id });
    return row ? consentsRepository.findById(db, row.id) : undefined;
  },

  async findById(db: Db, id: number): Promise<ConsentRecord | undefined> {
    const [row] = await selectConsents(db).where(eq(c.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** The consents of a student, oldest first; only those for `organisationId` when given. */
  async listForStudent(db: Db, studentId: number, organisationId?: number): Promise<ConsentRecord[]> {
    const rows = await selectConsents(db)
      .where(
        and(
          eq(c.studentId, studentId),
          organisationId === undefined ? undefined : eq(c.organisationId, organisationId),
        ),
      )
      .orderBy(asc(c.givenOn), asc(c.id));
    return rows.map(toRecord);
  },
};
