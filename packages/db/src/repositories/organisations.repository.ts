import type { OrganisationKind, OrganisationSector, PriorityArea } from '@kadr/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { organisations } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** An organisation as the rest of Kadr sees it. */
export interface OrganisationRecord {
  id: number;
  kind: OrganisationKind;
  name: { kk: string; ru: string; en: string };
  shortName: string;
  country: string;
  /** In the three languages, any of which may be empty. */
  city: { kk: string; ru: string; en: string };
  sector: OrganisationSector | null;
  priorityAreas: PriorityArea[];
  website: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields to create an organisation. */
export type OrganisationInput = Omit<OrganisationRecord, 'id' | 'active' | 'createdAt' | 'updatedAt'>;

type Row = typeof organisations.$inferSelect;

/** A row as a record, field by field (a rest and spread copy cost more than the rest of a list page's mapping). */
function toRecord(row: Row): OrganisationRecord {
  return {
    id: row.id,
    kind: row.kind,
    shortName: row.shortName,
    country: row.country,
    sector: row.sector,
    priorityAreas: row.priorityAreas,
    website: row.website,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    name: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
    city: { kk: row.cityKk, ru: row.cityRu, en: row.cityEn },
  };
}

/** The list's rows, not yet filtered: a deferred list builds them once per shape (list.ts). */
function listRows(db: Db) {
  return db.select().from(organisations).$dynamic();
}

/** A page's rows as records. */
function presentRows(rows: Row[]): OrganisationRecord[] {
  return rows.map(toRecord);
}

/** The columns of a new organisation (its name and city in three columns each). */
export function organisationColumns({ name, city, ...rest }: OrganisationInput) {
  return {
    ...rest,
    nameKk: name.kk,
    nameRu: name.ru,
    nameEn: name.en,
    cityKk: city.kk,
    cityRu: city.ru,
    cityEn: city.en,
  };
}

function toColumns(input: Partial<OrganisationInput> & { active?: boolean }) {
  const { name, city, ...rest } = input;
  return {
    ...rest,
    ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}),
    ...(city ? { cityKk: city.kk, cityRu: city.ru, cityEn: city.en } : {}),
  };
}

/** Reads and writes organisations. */
export const organisationsRepository = {
  async create(db: Db, input: OrganisationInput): Promise<OrganisationRecord> {
    const [row] = await db.insert(organisations).values(organisationColumns(input)).returning();
    return toRecord(row!);
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<OrganisationInput> & { active?: boolean },
    at: Date,
  ): Promise<OrganisationRecord | undefined> {
    const [row] = await db
      .update(organisations)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(organisations.id, id))
      .returning();
    return row ? toRecord(row) : undefined;
  },

  async findById(db: Db, id: number): Promise<OrganisationRecord | undefined> {
    const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** The short names of the organisations with these ids, in one query (ids not found are left out). */
  async shortNames(db: Db, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: organisations.id, shortName: organisations.shortName })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    return new Map(rows.map((r) => [r.id, r.shortName]));
  },

  async findByShortName(db: Db, shortName: string): Promise<OrganisationRecord | undefined> {
    const [row] = await db.select().from(organisations).where(eq(organisations.shortName, shortName));
    return row ? toRecord(row) : undefined;
  },

  /** Lists organisations; `onlyId` restricts the list to one organisation (a partner's own). */
  async list(
    db: Db,
    params: ListParams & {
      q?: string | undefined;
      kind?: string | undefined;
      onlyId?: number | undefined;
    },
  ): Promise<RecordPage<OrganisationRecord>> {
    const o = organisations;
    return listPage(params, {
      rows: { db, build: listRows },
      filters: [
        equalTo(o.kind, params.kind),
        equalTo(o.id, params.onlyId),
        search(params.q, o.shortName, o.nameKk, o.nameRu, o.nameEn, o.cityKk, o.cityRu, o.cityEn),
      ],
      sortable: { shortName: o.shortName, kind: o.kind, country: o.country, createdAt: o.createdAt },
      fallback: ascending(o.shortName),
      id: o.id,
      present: presentRows,
      name: 'organisations',
    });
  },
};
