import type { EquipmentCondition, PriorityArea } from '@kadr/contracts';
import { and, getTableColumns, asc, count, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { equipment, investmentAllocations, investments, labs } from '../schema/index.ts';
import {
  ascending,
  equalTo,
  listPage,
  type ListParams,
  type PageParts,
  type RecordPage,
  search,
} from './list.ts';
import { toNumber } from './sorting.ts';

/** An equipment item with its lab and the investment allocated to it. */
export interface EquipmentRecord {
  id: number;
  inventoryNumber: string;
  name: { kk: string; ru: string; en: string };
  labId: number;
  labCode: string;
  priorityArea: PriorityArea;
  costTiyn: number;
  acquiredOn: string;
  condition: EquipmentCondition;
  fundedTiyn: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of an equipment item. */
export type EquipmentInput = Pick<
  EquipmentRecord,
  'inventoryNumber' | 'name' | 'labId' | 'costTiyn' | 'acquiredOn' | 'condition'
>;

/** Filters of the equipment list. */
export interface EquipmentListParams extends ListParams {
  q?: string | undefined;
  labId?: number | undefined;
  condition?: EquipmentCondition | undefined;
  priorityArea?: PriorityArea | undefined;
  fundedBy?: number | undefined;
}

const e = equipment;

function selectEquipment(db: Db) {
  return db
    .select({
      ...getTableColumns(e),
      labCode: labs.code,
      priorityArea: labs.priorityArea,
      fundedTiyn: sql<number>`(select coalesce(sum(al.amount_tiyn), 0) from ${investmentAllocations} al where al.equipment_id = ${e.id})`,
    })
    .from(e)
    .innerJoin(labs, eq(labs.id, e.labId));
}

type Row = Awaited<ReturnType<typeof selectEquipment>>[number];

/** A row as a record, field by field (cheaper than a rest and spread copy for every row of a page). */
function toRecord(row: Row): EquipmentRecord {
  return {
    id: row.id,
    inventoryNumber: row.inventoryNumber,
    labId: row.labId,
    costTiyn: row.costTiyn,
    acquiredOn: row.acquiredOn,
    condition: row.condition,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    labCode: row.labCode,
    priorityArea: row.priorityArea,
    fundedTiyn: toNumber(row.fundedTiyn),
    name: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
  };
}

/**
 * The list's rows, not yet filtered, without the amount funded, which the list reads for its page only
 * (`fundedPage`): a deferred list builds them once per shape (list.ts).
 */
function listRows(db: Db) {
  return db
    .select({ ...getTableColumns(e), labCode: labs.code, priorityArea: labs.priorityArea })
    .from(e)
    .innerJoin(labs, eq(labs.id, e.labId))
    .$dynamic();
}

/**
 * The amount funded of each item of a page, summed in one pass over the page's allocations after the page is cut
 * (ListQuery.page; inside the query `equipment` is the page), where `selectEquipment` sums them in a subquery for
 * each row: 0.48-0.50 ms a page of 25 on PostgreSQL against 0.19-0.25 ms (docs/api-performance.md, tenth round).
 */
const fundedPage: PageParts = {
  table: e,
  fields: { fundedTiyn: sql`coalesce(page_funding.funded, 0)` },
  joins: sql`left join (select al.equipment_id, sum(al.amount_tiyn) as funded from ${investmentAllocations} al
  where al.equipment_id in (select ${e.id} from ${e}) group by al.equipment_id) as page_funding
  on page_funding.equipment_id = ${e.id}`,
};

/** A page's rows as records (with the amount `fundedPage` adds to each). */
function presentRows(rows: Omit<Row, 'fundedTiyn'>[]): EquipmentRecord[] {
  return (rows as Row[]).map(toRecord);
}

/** The columns of an item's fields (the name is three columns). */
function toColumns({ name, ...rest }: EquipmentInput): typeof e.$inferInsert {
  return { ...rest, nameKk: name.kk, nameRu: name.ru, nameEn: name.en };
}

/** The columns of changed fields. */
function toPatch({ name, ...rest }: Partial<EquipmentInput>) {
  return { ...rest, ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}) };
}

/** SQL: the item has an allocation from an investment of the organisation. */
export function equipmentFundedBy(organisationId: number): SQL {
  return exists(
    sql`(select 1 from ${investmentAllocations} al join ${investments} i on i.id = al.investment_id
      where al.equipment_id = ${e.id} and i.organisation_id = ${organisationId})`,
  );
}

/** Reads and writes equipment. */
export const equipmentRepository = {
  async create(db: Db, input: EquipmentInput): Promise<EquipmentRecord> {
    const [row] = await db.insert(e).values(toColumns(input)).returning({ id: e.id });
    return (await equipmentRepository.findById(db, row!.id))!;
  },

  /** Inserts many items in one statement (imports); returns their ids in input order. */
  async createMany(db: Db, inputs: EquipmentInput[]): Promise<number[]> {
    if (inputs.length === 0) return [];
    const rows = await db.insert(e).values(inputs.map(toColumns)).returning({ id: e.id });
    return rows.map((r) => r.id);
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<EquipmentInput>,
    at: Date,
  ): Promise<EquipmentRecord | undefined> {
    const [row] = await db
      .update(e)
      .set({ ...toPatch(patch), updatedAt: at })
      .where(eq(e.id, id))
      .returning({ id: e.id });
    return row ? equipmentRepository.findById(db, row.id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(e).where(eq(e.id, id));
  },

  async findById(db: Db, id: number): Promise<EquipmentRecord | undefined> {
    const [row] = await selectEquipment(db).where(eq(e.id, id));
    return row ? toRecord(row) : undefined;
  },

  async findByIds(db: Db, ids: number[]): Promise<EquipmentRecord[]> {
    if (ids.length === 0) return [];
    return (await selectEquipment(db).where(inArray(e.id, ids)).orderBy(asc(e.inventoryNumber))).map(
      toRecord,
    );
  },

  /** True when an investment of the organisation has an allocation to this item. */
  async isFundedBy(db: Db, id: number, organisationId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(e)
      .where(and(eq(e.id, id), equipmentFundedBy(organisationId)));
    return (row?.n ?? 0) > 0;
  },

  /** Locks the item row until the transaction ends (serialises bookings of the item). */
  async lock(db: Db, id: number): Promise<boolean> {
    const rows = await db.select({ id: e.id }).from(e).where(eq(e.id, id)).for('update');
    return rows.length > 0;
  },

  /** Item ids by inventory number (for imports). */
  async idsByInventoryNumber(db: Db, numbers: string[]): Promise<Map<string, number>> {
    if (numbers.length === 0) return new Map();
    const rows = await db
      .select({ id: e.id, inventoryNumber: e.inventoryNumber })
      .from(e)
      .where(inArray(e.inventoryNumber, numbers));
    return new Map(rows.map((r) => [r.inventoryNumber, r.id]));
  },

  /** Every item, by inventory number. */
  async all(db: Db): Promise<EquipmentRecord[]> {
    return (await selectEquipment(db).orderBy(asc(e.inventoryNumber))).map(toRecord);
  },

  async list(db: Db, params: EquipmentListParams): Promise<RecordPage<EquipmentRecord>> {
    return listPage(params, {
      rows: { db, build: listRows },
      filters: [
        equalTo(e.labId, params.labId),
        equalTo(e.condition, params.condition),
        equalTo(labs.priorityArea, params.priorityArea),
        params.fundedBy === undefined ? undefined : equipmentFundedBy(params.fundedBy),
        search(params.q, e.inventoryNumber, e.nameKk, e.nameRu, e.nameEn),
      ],
      sortable: {
        inventoryNumber: e.inventoryNumber,
        name: e.nameRu,
        costTiyn: e.costTiyn,
        acquiredOn: e.acquiredOn,
        condition: e.condition,
      },
      fallback: ascending(e.inventoryNumber),
      id: e.id,
      present: presentRows,
      name: 'equipment',
      page: fundedPage,
    });
  },
};
