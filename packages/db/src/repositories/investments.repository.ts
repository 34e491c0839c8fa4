import type { InvestmentSource } from '@kadr/contracts';
import { and, asc, desc, eq, exists, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  agreements,
  equipment,
  investmentAllocations,
  investments,
  labs,
  organisations,
} from '../schema/index.ts';
import {
  descending,
  equalTo,
  listPage,
  type ListParams,
  type PageParts,
  type RecordPage,
  search,
} from './list.ts';

/** A share of an investment paid for a lab or an equipment item. */
export interface AllocationRecord {
  id: number;
  labId: number | null;
  labCode: string | null;
  equipmentId: number | null;
  inventoryNumber: string | null;
  amountTiyn: number;
}

/** An allocation to write. */
export interface AllocationInputRecord {
  labId: number | null;
  equipmentId: number | null;
  amountTiyn: number;
}

/** A ledger entry with its allocations. Foreign amount and rate are exact decimal strings. */
export interface InvestmentRecord {
  id: number;
  source: InvestmentSource;
  organisationId: number | null;
  organisationShortName: string | null;
  agreementId: number | null;
  agreementNumber: string | null;
  amountTiyn: number;
  original: { currency: string; amount: string; rate: string } | null;
  investedOn: string;
  description: { kk: string; ru: string; en: string };
  allocations: AllocationRecord[];
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of an investment, without allocations. */
export type InvestmentInput = Pick<
  InvestmentRecord,
  'source' | 'organisationId' | 'agreementId' | 'amountTiyn' | 'original' | 'investedOn' | 'description'
>;

/** Filters of the ledger. */
export interface InvestmentListParams extends ListParams {
  q?: string | undefined;
  source?: InvestmentSource | undefined;
  organisationId?: number | undefined;
  agreementId?: number | undefined;
  labId?: number | undefined;
  equipmentId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const i = investments;
const al = investmentAllocations;

function toColumns(input: Partial<InvestmentInput>) {
  const { original, description, ...texts } = input;
  const rest = {
    ...texts,
    ...(description
      ? { descriptionKk: description.kk, descriptionRu: description.ru, descriptionEn: description.en }
      : {}),
  };
  if (original === undefined) return rest;
  return {
    ...rest,
    originalCurrency: original?.currency ?? null,
    originalAmount: original?.amount ?? null,
    exchangeRate: original?.rate ?? null,
  };
}

/** An allocation as a JSON object with its lab's code and its item's inventory number, in `allocationsWithAssets`. */
const allocationObject = sql`json_build_object('id', ${al.id}, 'labId', ${al.labId}, 'labCode', ${labs.code},
  'equipmentId', ${al.equipmentId}, 'inventoryNumber', ${equipment.inventoryNumber}, 'amountTiyn', ${al.amountTiyn})`;

/** The allocations with the lab and the item each pays for. */
const allocationsWithAssets = sql`${al} left join ${labs} on ${labs.id} = ${al.labId}
  left join ${equipment} on ${equipment.id} = ${al.equipmentId}`;

/**
 * The allocations of the row's investment (by id), as one JSON array the database builds beside the row: a list
 * page is one query instead of its rows and then their allocations (docs/api-performance.md). The keys are
 * AllocationRecord's; bigint amounts come as JSON numbers, as `money` maps them.
 */
const allocationsJson = sql<
  AllocationRecord[]
>`(select coalesce(json_agg(${allocationObject} order by ${al.id}), '[]')
  from ${allocationsWithAssets} where ${al.investmentId} = ${i.id})`;

/** The ledger's fields: an investment with its organisation's short name and its agreement's number. */
const ledger = {
  investment: i,
  organisationShortName: organisations.shortName,
  agreementNumber: agreements.number,
};

function selectInvestments(db: Db) {
  return db
    .select({ ...ledger, allocations: allocationsJson })
    .from(i)
    .leftJoin(organisations, eq(organisations.id, i.organisationId))
    .leftJoin(agreements, eq(agreements.id, i.agreementId));
}

/** The ledger's rows without their allocations, which the list reads for its page only (`ledgerPage` below). */
function selectLedger(db: Db) {
  return db
    .select(ledger)
    .from(i)
    .leftJoin(organisations, eq(organisations.id, i.organisationId))
    .leftJoin(agreements, eq(agreements.id, i.agreementId));
}

/**
 * The allocations of a ledger page, read once the page is cut (ListQuery.page), grouped by investment in one pass
 * over the page's allocations: inside the query, `investments` is the page. For each of its rows the subquery of
 * `allocationsJson` read the allocations and joined their labs and items again: 0.77-1.02 ms a page of 25 on the
 * demo's rows against 0.31-0.36 ms this way (pgbench, docs/api-performance.md, tenth round).
 */
const ledgerPage: PageParts = {
  table: i,
  fields: { allocations: sql`coalesce(page_allocations.allocations, '[]')` },
  joins: sql`left join (select ${al.investmentId} as investment_id,
  json_agg(${allocationObject} order by ${al.id}) as allocations from ${allocationsWithAssets}
  where ${al.investmentId} in (select ${i.id} from ${i}) group by ${al.investmentId}) as page_allocations
  on page_allocations.investment_id = ${i.id}`,
};

type Row = Awaited<ReturnType<typeof selectInvestments>>[number];

/** A row as a record, field by field (a rest-and-spread copy cost a list page more than its query's mapping). */
function toRecord({
  investment: r,
  organisationShortName,
  agreementNumber,
  allocations,
}: Row): InvestmentRecord {
  const { originalCurrency, originalAmount, exchangeRate } = r;
  return {
    id: r.id,
    source: r.source,
    organisationId: r.organisationId,
    agreementId: r.agreementId,
    amountTiyn: r.amountTiyn,
    investedOn: r.investedOn,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    description: { kk: r.descriptionKk, ru: r.descriptionRu, en: r.descriptionEn },
    organisationShortName,
    agreementNumber,
    original:
      originalCurrency && originalAmount && exchangeRate
        ? { currency: originalCurrency, amount: originalAmount, rate: exchangeRate }
        : null,
    allocations,
  };
}

/** The list's rows, not yet filtered: a deferred list builds them once per shape (list.ts). */
function listRows(db: Db) {
  return selectLedger(db).$dynamic();
}

/** A page's rows as records (with the allocations `ledgerPage` adds to each). */
function presentRows(rows: Omit<Row, 'allocations'>[]): InvestmentRecord[] {
  return (rows as Row[]).map(toRecord);
}

/** Reads and writes the investment ledger. */
export const investmentsRepository = {
  async create(
    db: Db,
    input: InvestmentInput,
    allocations: AllocationInputRecord[],
  ): Promise<InvestmentRecord> {
    const [row] = await db
      .insert(i)
      .values(toColumns(input) as typeof i.$inferInsert)
      .returning({ id: i.id });
    await db.insert(al).values(allocations.map((a) => ({ ...a, investmentId: row!.id })));
    return (await investmentsRepository.findById(db, row!.id))!;
  },

  /** Changes fields and, when given, replaces every allocation. */
  async update(
    db: Db,
    id: number,
    patch: Partial<InvestmentInput>,
    at: Date,
    allocations?: AllocationInputRecord[],
  ): Promise<InvestmentRecord | undefined> {
    const [row] = await db
      .update(i)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(i.id, id))
      .returning({ id: i.id });
    if (!row) return undefined;
    if (allocations) {
      await db.delete(al).where(eq(al.investmentId, id));
      await db.insert(al).values(allocations.map((a) => ({ ...a, investmentId: id })));
    }
    return investmentsRepository.findById(db, id);
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(i).where(eq(i.id, id));
  },

  async findById(db: Db, id: number): Promise<InvestmentRecord | undefined> {
    const [row] = await selectInvestments(db).where(eq(i.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** Every investment of an organisation, newest first. */
  async listForOrganisation(
    db: Db,
    organisationId: number,
    from?: string,
    to?: string,
  ): Promise<InvestmentRecord[]> {
    const where = and(
      eq(i.organisationId, organisationId),
      from ? gte(i.investedOn, from) : undefined,
      to ? lte(i.investedOn, to) : undefined,
    );
    return (await selectInvestments(db).where(where).orderBy(desc(i.investedOn), asc(i.id))).map(toRecord);
  },

  async list(db: Db, params: InvestmentListParams): Promise<RecordPage<InvestmentRecord>> {
    const asset = (column: SQL, id: number | undefined) =>
      id === undefined
        ? undefined
        : exists(sql`(select 1 from ${al} a where a.investment_id = ${i.id} and ${column} = ${id})`);
    return listPage(params, {
      rows: { db, build: listRows },
      filters: [
        equalTo(i.source, params.source),
        equalTo(i.organisationId, params.organisationId),
        equalTo(i.agreementId, params.agreementId),
        params.from ? gte(i.investedOn, params.from) : undefined,
        params.to ? lte(i.investedOn, params.to) : undefined,
        asset(sql`a.lab_id`, params.labId),
        asset(sql`a.equipment_id`, params.equipmentId),
        search(
          params.q,
          i.descriptionKk,
          i.descriptionRu,
          i.descriptionEn,
          organisations.shortName,
          agreements.number,
        ),
      ],
      sortable: {
        investedOn: i.investedOn,
        amountTiyn: i.amountTiyn,
        source: i.source,
        createdAt: i.createdAt,
      },
      fallback: descending(i.investedOn),
      id: i.id,
      present: presentRows,
      name: 'investments',
      page: ledgerPage,
    });
  },

  /**
   * Sums of allocations per asset and funder: for every lab and item, how much each (source,
   * organisation) pair put in. The basis of funding shares.
   */
  async assetFunding(db: Db): Promise<
    {
      labId: number | null;
      equipmentId: number | null;
      source: InvestmentSource;
      organisationId: number | null;
      amountTiyn: number;
    }[]
  > {
    return db
      .select({
        labId: al.labId,
        equipmentId: al.equipmentId,
        source: i.source,
        organisationId: i.organisationId,
        amountTiyn: sql<number>`sum(${al.amountTiyn})`.mapWith(Number),
      })
      .from(al)
      .innerJoin(i, eq(i.id, al.investmentId))
      .groupBy(al.labId, al.equipmentId, i.source, i.organisationId);
  },
};
