import type { CompetencyType, ReuseLevel } from '@kadr/contracts';
import { and, asc, count, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import {
  competencies,
  competencyFrameworks,
  learningOutcomes,
  programmeCompetencies,
} from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { toNumber } from './sorting.ts';

/** Text in Kazakh, Russian and English; any may be empty. */
export interface Texts {
  kk: string;
  ru: string;
  en: string;
}

/** Lists of text in Kazakh, Russian and English; any may be empty. */
export interface TextLists {
  kk: string[];
  ru: string[];
  en: string[];
}

/** A competency with its framework's code, its broader competency's code and how many narrower ones it has. */
export interface CompetencyRecord {
  id: number;
  frameworkId: number;
  frameworkCode: string;
  code: string;
  uri: string;
  type: CompetencyType;
  name: Texts;
  description: Texts;
  /** Other names per language (ESCO altLabels). */
  altLabels: TextLists;
  reuseLevel: ReuseLevel | '';
  parentId: number | null;
  parentCode: string | null;
  childCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a competency. */
export type CompetencyInput = Omit<
  CompetencyRecord,
  'id' | 'frameworkCode' | 'parentCode' | 'childCount' | 'createdAt' | 'updatedAt'
>;

/** Filters of the competency list: text in code, names and alternative labels; type; framework; broader one. */
export interface CompetencyListParams extends ListParams {
  q?: string | undefined;
  type?: CompetencyType | undefined;
  frameworkId?: number | undefined;
  parentId?: number | undefined;
}

const c = competencies;
const f = competencyFrameworks;
const parent = alias(c, 'parent');

const competencyId = sql.raw('"competencies"."id"');
const selection = {
  ...getTableColumns(c),
  frameworkCode: f.code,
  parentCode: parent.code,
  childCount: sql<number>`(select count(*) from ${c} ch where ch.parent_id = ${competencyId})`,
};

function selectCompetencies(db: Db) {
  return db
    .select(selection)
    .from(c)
    .innerJoin(f, eq(f.id, c.frameworkId))
    .leftJoin(parent, eq(parent.id, c.parentId));
}

type Row = Awaited<ReturnType<typeof selectCompetencies>>[number];

/** A column of labels one a line as a list ('' is none). */
const linesOf = (text: string) => (text ? text.split('\n') : []);

function toRecord(row: Row): CompetencyRecord {
  return {
    id: row.id,
    frameworkId: row.frameworkId,
    frameworkCode: row.frameworkCode,
    code: row.code,
    uri: row.uri,
    type: row.type,
    name: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn },
    description: { kk: row.descriptionKk, ru: row.descriptionRu, en: row.descriptionEn },
    altLabels: { kk: linesOf(row.altLabelsKk), ru: linesOf(row.altLabelsRu), en: linesOf(row.altLabelsEn) },
    reuseLevel: row.reuseLevel as ReuseLevel | '',
    parentId: row.parentId,
    parentCode: row.parentCode,
    childCount: toNumber(row.childCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The columns of a (partial) competency input. */
export function competencyColumns(input: Partial<CompetencyInput>) {
  const { name, description, altLabels, ...rest } = input;
  return {
    ...rest,
    ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}),
    ...(description
      ? { descriptionKk: description.kk, descriptionRu: description.ru, descriptionEn: description.en }
      : {}),
    ...(altLabels
      ? {
          altLabelsKk: altLabels.kk.join('\n'),
          altLabelsRu: altLabels.ru.join('\n'),
          altLabelsEn: altLabels.en.join('\n'),
        }
      : {}),
  };
}

/** Rows per insert statement. */
const BATCH = 500;

/** Reads and writes competencies. */
export const competenciesRepository = {
  async create(db: Db, input: CompetencyInput, at: Date): Promise<CompetencyRecord> {
    const [row] = await db
      .insert(c)
      .values({ ...(competencyColumns(input) as typeof c.$inferInsert), createdAt: at, updatedAt: at })
      .returning({ id: c.id });
    return (await competenciesRepository.findById(db, row!.id))!;
  },

  /** Inserts many competencies (an import); returns their ids in input order. */
  async createMany(db: Db, inputs: CompetencyInput[], at: Date): Promise<number[]> {
    const ids: number[] = [];
    for (let start = 0; start < inputs.length; start += BATCH) {
      const rows = await db
        .insert(c)
        .values(
          inputs.slice(start, start + BATCH).map((input) => ({
            ...(competencyColumns(input) as typeof c.$inferInsert),
            createdAt: at,
            updatedAt: at,
          })),
        )
        .returning({ id: c.id });
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<CompetencyInput>,
    at: Date,
  ): Promise<CompetencyRecord | undefined> {
    const [row] = await db
      .update(c)
      .set({ ...competencyColumns(patch), updatedAt: at })
      .where(eq(c.id, id))
      .returning({ id: c.id });
    return row ? competenciesRepository.findById(db, row.id) : undefined;
  },

  /**
   * Changes many competencies in one statement per batch (an import): every field of each input, by id.
   * @param rows the id and the full new fields of each competency
   */
  async updateMany(db: Db, rows: { id: number; input: CompetencyInput }[], at: Date): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH * 10) {
      const batch = rows.slice(start, start + BATCH * 10);
      const column = (pick: (r: { id: number; input: CompetencyInput }) => unknown, type: string): SQL =>
        sql`${sql.param(batch.map(pick))}::${sql.raw(type)}[]`;
      await db.execute(sql`update ${c} set
          type = u.type, uri = u.uri, reuse_level = u.reuse_level,
          alt_labels_kk = u.alt_labels_kk, alt_labels_ru = u.alt_labels_ru, alt_labels_en = u.alt_labels_en,
          name_kk = u.name_kk, name_ru = u.name_ru, name_en = u.name_en,
          description_kk = u.description_kk, description_ru = u.description_ru, description_en = u.description_en,
          parent_id = u.parent_id, updated_at = ${at.toISOString()}::timestamptz
        from unnest(${sql.join(
          [
            column((r) => r.id, 'int'),
            column((r) => r.input.type, 'text'),
            column((r) => r.input.uri, 'text'),
            column((r) => r.input.reuseLevel, 'text'),
            column((r) => r.input.altLabels.kk.join('\n'), 'text'),
            column((r) => r.input.altLabels.ru.join('\n'), 'text'),
            column((r) => r.input.altLabels.en.join('\n'), 'text'),
            column((r) => r.input.name.kk, 'text'),
            column((r) => r.input.name.ru, 'text'),
            column((r) => r.input.name.en, 'text'),
            column((r) => r.input.description.kk, 'text'),
            column((r) => r.input.description.ru, 'text'),
            column((r) => r.input.description.en, 'text'),
            column((r) => r.input.parentId, 'int'),
          ],
          sql`, `,
        )}) as u(id, type, uri, reuse_level, alt_labels_kk, alt_labels_ru, alt_labels_en, name_kk, name_ru, name_en,
          description_kk, description_ru, description_en, parent_id)
        where ${c.id} = u.id`);
    }
  },

  /** Sets the broader competency of each listed competency (an import, once every row exists). */
  async setParents(db: Db, links: { id: number; parentId: number | null }[]): Promise<void> {
    if (links.length === 0) return;
    await db.execute(sql`update ${c} set parent_id = u.parent_id
      from unnest(${sql.param(links.map((l) => l.id))}::int[], ${sql.param(links.map((l) => l.parentId))}::int[])
        as u(id, parent_id)
      where ${c.id} = u.id`);
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(c).where(eq(c.id, id));
  },

  async findById(db: Db, id: number): Promise<CompetencyRecord | undefined> {
    const [row] = await selectCompetencies(db).where(eq(c.id, id));
    return row ? toRecord(row) : undefined;
  },

  async findByIds(db: Db, ids: number[]): Promise<CompetencyRecord[]> {
    if (ids.length === 0) return [];
    return (await selectCompetencies(db).where(inArray(c.id, ids)).orderBy(asc(c.code))).map(toRecord);
  },

  /** Every competency of a framework, by code (an import compares the file with them; a delete audits them). */
  async allOfFramework(db: Db, frameworkId: number): Promise<CompetencyRecord[]> {
    return (
      await selectCompetencies(db).where(eq(c.frameworkId, frameworkId)).orderBy(asc(c.code), asc(c.id))
    ).map(toRecord);
  },

  /** The ids of the competency's broader ones, nearest first (to refuse a cycle). */
  async ancestorIds(db: Db, id: number): Promise<number[]> {
    const result = await db.execute(sql`with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from ${c} where id = ${id}
        union all
        select p.id, p.parent_id, up.depth + 1 from ${c} p join up on p.id = up.parent_id where up.depth < 100
      ) select id from up where depth > 0 order by depth`);
    return ((result as unknown as { rows: { id: number }[] }).rows ?? []).map((r) => Number(r.id));
  },

  /** True when a programme version promises the competency or a learning outcome maps to it. */
  async isInUse(db: Db, id: number): Promise<boolean> {
    const result = await db.execute(sql`select
        exists (select 1 from ${programmeCompetencies} where competency_id = ${id})
        or exists (select 1 from ${learningOutcomes} where competency_id = ${id}) as used`);
    return Boolean((result as unknown as { rows: { used: boolean }[] }).rows[0]?.used);
  },

  async list(db: Db, params: CompetencyListParams): Promise<RecordPage<CompetencyRecord>> {
    return listPage(params, {
      rows: selectCompetencies(db).$dynamic(),
      filters: [
        equalTo(c.type, params.type),
        equalTo(c.frameworkId, params.frameworkId),
        equalTo(c.parentId, params.parentId),
        search(params.q, c.code, c.nameKk, c.nameRu, c.nameEn, c.altLabelsKk, c.altLabelsRu, c.altLabelsEn),
      ],
      sortable: { code: c.code, type: c.type, createdAt: c.createdAt },
      fallback: ascending(c.code),
      id: c.id,
      present: (rows) => rows.map(toRecord),
    });
  },

  /** The ids among `ids` that name a competency. */
  async existingIds(db: Db, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: c.id })
      .from(c)
      .where(inArray(c.id, [...new Set(ids)]));
    return new Set(rows.map((r) => r.id));
  },

  /** True when the competency belongs to the framework. */
  async isInFramework(db: Db, id: number, frameworkId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(c)
      .where(and(eq(c.id, id), eq(c.frameworkId, frameworkId)));
    return (row?.n ?? 0) > 0;
  },
};
