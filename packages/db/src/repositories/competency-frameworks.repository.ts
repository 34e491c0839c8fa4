import type { FrameworkSource } from '@kadr/contracts';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencies,
  competencyFrameworks,
  learningOutcomes,
  programmeCompetencies,
} from '../schema/index.ts';
import type { Texts } from './competencies.repository.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { toNumber } from './sorting.ts';

/** A competency framework with the number of its competencies and whether a programme uses one of them. */
export interface FrameworkRecord {
  id: number;
  code: string;
  source: FrameworkSource;
  name: Texts;
  sourceVersion: string;
  competencyCount: number;
  /** A programme version promises one of its competencies or a learning outcome maps to one. */
  inUse: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a framework. */
export type FrameworkInput = Pick<FrameworkRecord, 'code' | 'source' | 'name' | 'sourceVersion'>;

/** Filters of the framework list. */
export interface FrameworkListParams extends ListParams {
  q?: string | undefined;
  source?: FrameworkSource | undefined;
}

const f = competencyFrameworks;
const frameworkId = sql.raw('"competency_frameworks"."id"');
const selection = {
  ...getTableColumns(f),
  competencyCount: sql<number>`(select count(*) from ${competencies} c where c.framework_id = ${frameworkId})`,
  inUse: sql<boolean>`(exists (select 1 from ${programmeCompetencies} pc join ${competencies} c on c.id = pc.competency_id
      where c.framework_id = ${frameworkId})
    or exists (select 1 from ${learningOutcomes} lo join ${competencies} c on c.id = lo.competency_id
      where c.framework_id = ${frameworkId}))`,
};

function selectFrameworks(db: Db) {
  return db.select(selection).from(f);
}

type Row = Awaited<ReturnType<typeof selectFrameworks>>[number];

function toRecord({ nameKk, nameRu, nameEn, ...rest }: Row): FrameworkRecord {
  return {
    ...rest,
    name: { kk: nameKk, ru: nameRu, en: nameEn },
    competencyCount: toNumber(rest.competencyCount),
    inUse: Boolean(rest.inUse),
  };
}

function toColumns(input: Partial<FrameworkInput>) {
  const { name, ...rest } = input;
  return { ...rest, ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}) };
}

/** Reads and writes competency frameworks. */
export const competencyFrameworksRepository = {
  async create(db: Db, input: FrameworkInput, at: Date): Promise<FrameworkRecord> {
    const [row] = await db
      .insert(f)
      .values({ ...(toColumns(input) as typeof f.$inferInsert), createdAt: at, updatedAt: at })
      .returning({ id: f.id });
    return (await competencyFrameworksRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<FrameworkInput>,
    at: Date,
  ): Promise<FrameworkRecord | undefined> {
    const [row] = await db
      .update(f)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(f.id, id))
      .returning({ id: f.id });
    return row ? competencyFrameworksRepository.findById(db, row.id) : undefined;
  },

  /** Deletes the framework and, by cascade, its competencies. */
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(f).where(eq(f.id, id));
  },

  async findById(db: Db, id: number): Promise<FrameworkRecord | undefined> {
    const [row] = await selectFrameworks(db).where(eq(f.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** Locks the framework row until the transaction ends (an import and a delete do not interleave). */
  async lock(db: Db, id: number): Promise<boolean> {
    const rows = await db.select({ id: f.id }).from(f).where(eq(f.id, id)).for('update');
    return rows.length > 0;
  },

  async list(db: Db, params: FrameworkListParams): Promise<RecordPage<FrameworkRecord>> {
    return listPage(params, {
      rows: selectFrameworks(db).$dynamic(),
      filters: [
        equalTo(f.source, params.source),
        search(params.q, f.code, f.nameKk, f.nameRu, f.nameEn, f.sourceVersion),
      ],
      sortable: { code: f.code, createdAt: f.createdAt },
      fallback: ascending(f.code),
      id: f.id,
      present: (rows) => rows.map(toRecord),
    });
  },
};
