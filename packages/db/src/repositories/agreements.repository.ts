import type { AgreementKind, AgreementStatus, OrganisationKind } from '@kadr/contracts';
import type { StoredAgreementStatus } from '../schema/index.ts';
import { and, asc, count, eq, exists, getTableColumns, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agreementParties, agreements, organisations } from '../schema/index.ts';
import {
  ascending,
  equalTo,
  listPage,
  type ListParams,
  type PageParts,
  type RecordPage,
  search,
} from './list.ts';

/** A party of an agreement. */
export interface AgreementPartyRecord {
  organisationId: number;
  shortName: string;
  kind: OrganisationKind;
}

/** An agreement as stored: `status` is the stored lifecycle status (draft, active, terminated). */
export interface AgreementRecord {
  id: number;
  number: string;
  kind: AgreementKind;
  title: { kk: string; ru: string; en: string };
  status: StoredAgreementStatus;
  signedOn: string | null;
  validUntil: string | null;
  terminatedOn: string | null;
  notes: string;
  parties: AgreementPartyRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of an agreement, without its parties. */
export type AgreementInput = Omit<AgreementRecord, 'id' | 'parties' | 'createdAt' | 'updatedAt'>;

/** Filters of the agreement list; `today` and `expiringDays` derive the status for the `status` filter. */
export interface AgreementListParams extends ListParams {
  today: string;
  expiringDays: number;
  q?: string | undefined;
  kind?: AgreementKind | undefined;
  status?: AgreementStatus | undefined;
  organisationId?: number | undefined;
  onlyOrganisationId?: number | undefined;
}

const a = agreements;

/**
 * The status as of `today` in SQL, for filtering and counting: the same rule as the server's
 * `effectiveAgreementStatus` (active turns expiring within `expiringDays` of valid-until, expired after).
 */
export function agreementStatusSql(today: string, expiringDays: number): SQL<string> {
  return sql<string>`case
    when ${a.status} = 'active' and ${a.validUntil} < ${today}::date then 'expired'
    when ${a.status} = 'active' and ${a.validUntil} <= ${today}::date + ${expiringDays}::int then 'expiring'
    else ${a.status} end`;
}

function toColumns(input: Partial<AgreementInput>) {
  const { title, ...rest } = input;
  return { ...rest, ...(title ? { titleKk: title.kk, titleRu: title.ru, titleEn: title.en } : {}) };
}

/** A party as a JSON object, its organisation's id, short name and kind, in `partiesWithOrganisations`. */
const partyObject = sql`json_build_object('organisationId', ${organisations.id},
  'shortName', ${organisations.shortName}, 'kind', ${organisations.kind})`;

/** The agreements' parties with their organisations. */
const partiesWithOrganisations = sql`${agreementParties}
  join ${organisations} on ${organisations.id} = ${agreementParties.organisationId}`;

/**
 * The parties of the row's agreement (by short name), as one JSON array the database builds beside the row: a list
 * page is one query instead of its rows and then their parties (docs/api-performance.md). The inner SQL is nested
 * so that Drizzle qualifies its columns (in a one-table select it drops the table from a selected expression's own
 * columns, and `id` would then name the organisation's).
 */
const partiesJson = sql<AgreementPartyRecord[]>`(${sql`select coalesce(json_agg(${partyObject}
  order by ${organisations.shortName}), '[]') from ${partiesWithOrganisations}
  where ${agreementParties.agreementId} = ${a.id}`})`;

/** Agreements with their parties. */
function selectAgreements(db: Db) {
  return db.select({ ...getTableColumns(a), parties: partiesJson }).from(a);
}

type Row = Awaited<ReturnType<typeof selectAgreements>>[number];

/** A row as a record, field by field (cheaper than a rest and spread copy for every row of a page). */
function toRecord(row: Row): AgreementRecord {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    signedOn: row.signedOn,
    validUntil: row.validUntil,
    terminatedOn: row.terminatedOn,
    notes: row.notes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    title: { kk: row.titleKk, ru: row.titleRu, en: row.titleEn },
    parties: row.parties,
  };
}

/**
 * The list's rows, not yet filtered, without their parties, which the list reads for its page only
 * (`partiesPage`): a deferred list builds them once per shape (list.ts).
 */
function listRows(db: Db) {
  return db.select(getTableColumns(a)).from(a).$dynamic();
}

/**
 * The parties of each agreement of a page, grouped in one pass over the page's parties after the page is cut
 * (ListQuery.page; inside the query `agreements` is the page), where `partiesJson` reads them in a subquery for
 * each row: 0.27-0.43 ms the demo's page of 14 on PostgreSQL against 0.15-0.25 ms (docs/api-performance.md,
 * tenth round). The same objects, in the same order, as `partiesJson`.
 */
const partiesPage: PageParts = {
  table: a,
  fields: { parties: sql`coalesce(page_parties.parties, '[]')` },
  joins: sql`left join (select ${agreementParties.agreementId} as agreement_id,
  json_agg(${partyObject} order by ${organisations.shortName}) as parties from ${partiesWithOrganisations}
  where ${agreementParties.agreementId} in (select ${a.id} from ${a}) group by ${agreementParties.agreementId})
  as page_parties on page_parties.agreement_id = ${a.id}`,
};

/** A page's rows as records (with the parties `partiesPage` adds to each). */
function presentRows(rows: Omit<Row, 'parties'>[]): AgreementRecord[] {
  return (rows as Row[]).map(toRecord);
}

function partyOf(organisationId: number): SQL {
  return exists(
    sql`(select 1 from ${agreementParties} ap where ap.agreement_id = ${a.id} and ap.organisation_id = ${organisationId})`,
  );
}

/** Reads and writes agreements and their parties. */
export const agreementsRepository = {
  async create(db: Db, input: AgreementInput, partyIds: number[]): Promise<AgreementRecord> {
    const [row] = await db
      .insert(a)
      .values(toColumns(input) as typeof a.$inferInsert)
      .returning({ id: a.id });
    await db
      .insert(agreementParties)
      .values(partyIds.map((organisationId) => ({ agreementId: row!.id, organisationId })));
    return (await agreementsRepository.findById(db, row!.id))!;
  },

  /** Changes fields and, when given, replaces the parties. */
  async update(
    db: Db,
    id: number,
    patch: Partial<AgreementInput>,
    at: Date,
    partyIds?: number[],
  ): Promise<AgreementRecord | undefined> {
    const [row] = await db
      .update(a)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(a.id, id))
      .returning({ id: a.id });
    if (!row) return undefined;
    if (partyIds) {
      await db.delete(agreementParties).where(eq(agreementParties.agreementId, id));
      await db
        .insert(agreementParties)
        .values(partyIds.map((organisationId) => ({ agreementId: id, organisationId })));
    }
    return agreementsRepository.findById(db, id);
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(a).where(eq(a.id, id));
  },

  /**
   * Locks an agreement until the transaction ends, so that no obligation or document is added to it while
   * it is deleted (an insert referencing it waits for the lock).
   */
  async lockForDelete(db: Db, id: number): Promise<void> {
    await db.select({ id: a.id }).from(a).where(eq(a.id, id)).for('update');
  },

  async findById(db: Db, id: number): Promise<AgreementRecord | undefined> {
    const [row] = await selectAgreements(db).where(eq(a.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** Agreements by number (for imports): number → id and party ids. */
  async findByNumbers(db: Db, numbers: string[]): Promise<Map<string, { id: number; partyIds: number[] }>> {
    if (numbers.length === 0) return new Map();
    const rows = await db
      .select({ id: a.id, number: a.number, organisationId: agreementParties.organisationId })
      .from(a)
      .leftJoin(agreementParties, eq(agreementParties.agreementId, a.id))
      .where(inArray(a.number, numbers));
    const found = new Map<string, { id: number; partyIds: number[] }>();
    for (const row of rows) {
      const entry = found.get(row.number) ?? { id: row.id, partyIds: [] };
      if (row.organisationId !== null) entry.partyIds.push(row.organisationId);
      found.set(row.number, entry);
    }
    return found;
  },

  async isParty(db: Db, agreementId: number, organisationId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(agreementParties)
      .where(
        and(
          eq(agreementParties.agreementId, agreementId),
          eq(agreementParties.organisationId, organisationId),
        ),
      );
    return (row?.n ?? 0) > 0;
  },

  /** Every agreement an organisation is a party to, newest first. */
  async listForOrganisation(db: Db, organisationId: number): Promise<AgreementRecord[]> {
    const rows = await selectAgreements(db)
      .where(partyOf(organisationId))
      .orderBy(sql`${a.signedOn} desc nulls last`, asc(a.id));
    return rows.map(toRecord);
  },

  async list(db: Db, params: AgreementListParams): Promise<RecordPage<AgreementRecord>> {
    const status = agreementStatusSql(params.today, params.expiringDays);
    const filters = [
      equalTo(a.kind, params.kind),
      params.status ? sql`${status} = ${params.status}` : undefined,
      params.organisationId === undefined ? undefined : partyOf(params.organisationId),
      params.onlyOrganisationId === undefined ? undefined : partyOf(params.onlyOrganisationId),
      search(params.q, a.number, a.titleKk, a.titleRu, a.titleEn),
    ];
    return agreementsRepository.page(db, and(...filters), params);
  },

  /** Active agreements whose valid-until date is in [today, until]. */
  async expiring(
    db: Db,
    params: ListParams & { today: string; until: string; onlyOrganisationId?: number | undefined },
  ): Promise<RecordPage<AgreementRecord>> {
    const where = and(
      eq(a.status, 'active'),
      gte(a.validUntil, params.today),
      lte(a.validUntil, params.until),
      params.onlyOrganisationId === undefined ? undefined : partyOf(params.onlyOrganisationId),
    );
    return agreementsRepository.page(db, where, { ...params, sort: params.sort ?? 'validUntil' });
  },

  async page(db: Db, where: SQL | undefined, params: ListParams): Promise<RecordPage<AgreementRecord>> {
    return listPage(params, {
      rows: { db, build: listRows },
      filters: [where],
      sortable: {
        number: a.number,
        kind: a.kind,
        signedOn: a.signedOn,
        validUntil: a.validUntil,
        createdAt: a.createdAt,
      },
      fallback: ascending(a.number),
      id: a.id,
      present: presentRows,
      name: 'agreements',
      page: partiesPage,
    });
  },

  /** Counts by kind and by status as of `today`. */
  async counts(
    db: Db,
    today: string,
    expiringDays: number,
  ): Promise<{ kinds: Map<string, number>; statuses: Map<string, number> }> {
    const kinds = await db.select({ key: a.kind, n: count() }).from(a).groupBy(a.kind);
    const status = agreementStatusSql(today, expiringDays);
    // GROUP BY 1: the expression holds parameters, which PostgreSQL does not match between SELECT and GROUP BY.
    const statuses = await db.select({ key: status, n: count() }).from(a).groupBy(sql`1`);
    return {
      kinds: new Map(kinds.map((r) => [r.key, r.n])),
      statuses: new Map(statuses.map((r) => [r.key, r.n])),
    };
  },
};
