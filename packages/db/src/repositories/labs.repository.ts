import type { PriorityArea } from '@kadr/contracts';
import { and, getTableColumns, asc, count, eq, exists, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { equipment, investmentAllocations, investments, labs } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { toNumber } from './sorting.ts';

/** A lab with its equipment count and the investment allocated to the lab itself. */
export interface LabRecord {
  id: number;
  code: string;
  name: { kk: string; ru: string; en: string };
  priorityArea: PriorityArea;
  building: { kk: string; ru: string; en: string };
  room: string;
  capacity: number;
  active: boolean;
  equipmentCount: number;
  fundedTiyn: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a lab. */
export type LabInput = Omit<
  LabRecord,
  'id' | 'active' | 'equipmentCount' | 'fundedTiyn' | 'createdAt' | 'updatedAt'
>;

/** Filters of the lab list. `fundedBy` keeps labs with allocations from that organisation's investments. */
export interface LabListParams extends ListParams {
  q?: string | undefined;
  priorityArea?: PriorityArea | undefined;
  building?: string | undefined;
  active?: boolean | undefined;
  fundedBy?: number | undefined;
}

const l = labs;

// Qualified by hand: in a single-table SELECT list Drizzle writes bare "id", which a subquery would bind to its own table.
const labId = sql.raw('"labs"."id"');
const selection = {
  ...getTableColumns(l),
  equipmentCount: sql<number>`(select count(*) from ${equipment} e where e.lab_id = ${labId})`,
  fundedTiyn: sql<number>`(select coalesce(sum(al.amount_tiyn), 0) from ${investmentAllocations} al where al.lab_id = ${labId})`,
};

function toColumns(input: Partial<LabInput> & { active?: boolean }) {
  const { name, building, ...rest } = input;
  return {
    ...rest,
    ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}),
    ...(building ? { buildingKk: building.kk, buildingRu: building.ru, buildingEn: building.en } : {}),
  };
}

type Row = Awaited<ReturnType<typeof selectLabs>>[number];

function selectLabs(db: Db) {
  return db.select(selection).from(l);
}

function toRecord({ nameKk, nameRu, nameEn, buildingKk, buildingRu, buildingEn, ...rest }: Row): LabRecord {
  return {
    ...rest,
    name: { kk: nameKk, ru: nameRu, en: nameEn },
    building: { kk: buildingKk, ru: buildingRu, en: buildingEn },
    equipmentCount: toNumber(rest.equipmentCount),
    fundedTiyn: toNumber(rest.fundedTiyn),
  };
}

/** SQL: the lab has an allocation from an investment of the organisation. */
export function labFundedBy(organisationId: number): SQL {
  return exists(
    sql`(select 1 from ${investmentAllocations} al join ${investments} i on i.id = al.investment_id
      where al.lab_id = ${l.id} and i.organisation_id = ${organisationId})`,
  );
}

/** Reads and writes labs. */
export const labsRepository = {
  async create(db: Db, input: LabInput): Promise<LabRecord> {
    const [row] = await db
      .insert(l)
      .values(toColumns(input) as typeof l.$inferInsert)
      .returning({ id: l.id });
    return (await labsRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<LabInput> & { active?: boolean },
    at: Date,
  ): Promise<LabRecord | undefined> {
    const [row] = await db
      .update(l)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(l.id, id))
      .returning({ id: l.id });
    return row ? labsRepository.findById(db, row.id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(l).where(eq(l.id, id));
  },

  async findById(db: Db, id: number): Promise<LabRecord | undefined> {
    const [row] = await selectLabs(db).where(eq(l.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** True when an investment of the organisation has an allocation to this lab. */
  async isFundedBy(db: Db, id: number, organisationId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(l)
      .where(and(eq(l.id, id), labFundedBy(organisationId)));
    return (row?.n ?? 0) > 0;
  },

  /** Locks the lab row until the transaction ends (serialises bookings of the lab). */
  async lock(db: Db, id: number): Promise<boolean> {
    const rows = await db.select({ id: l.id }).from(l).where(eq(l.id, id)).for('update');
    return rows.length > 0;
  },

  async findByIds(db: Db, ids: number[]): Promise<LabRecord[]> {
    if (ids.length === 0) return [];
    return (await selectLabs(db).where(inArray(l.id, ids)).orderBy(asc(l.code))).map(toRecord);
  },

  /** Lab ids by code (for imports). */
  async idsByCode(db: Db, codes: string[]): Promise<Map<string, number>> {
    if (codes.length === 0) return new Map();
    const rows = await db.select({ id: l.id, code: l.code }).from(l).where(inArray(l.code, codes));
    return new Map(rows.map((r) => [r.code, r.id]));
  },

  /** Every lab, by code (a university has dozens, not thousands). */
  async all(db: Db): Promise<LabRecord[]> {
    return (await selectLabs(db).orderBy(asc(l.code))).map(toRecord);
  },

  async list(db: Db, params: LabListParams): Promise<RecordPage<LabRecord>> {
    return listPage(params, {
      rows: selectLabs(db).$dynamic(),
      filters: [
        equalTo(l.priorityArea, params.priorityArea),
        params.building === undefined
          ? undefined
          : or(
              eq(l.buildingKk, params.building),
              eq(l.buildingRu, params.building),
              eq(l.buildingEn, params.building),
            ),
        equalTo(l.active, params.active),
        params.fundedBy === undefined ? undefined : labFundedBy(params.fundedBy),
        search(params.q, l.code, l.nameKk, l.nameRu, l.nameEn, l.room),
      ],
      sortable: { code: l.code, capacity: l.capacity, priorityArea: l.priorityArea, createdAt: l.createdAt },
      fallback: ascending(l.code),
      id: l.id,
      present: (rows) => rows.map(toRecord),
    });
  },
};
