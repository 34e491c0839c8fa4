import type { DegreeType } from '@kadr/contracts';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jointProgrammes, organisations } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** A joint programme with a foreign partner university. */
export interface JointProgrammeRecord {
  id: number;
  organisationId: number;
  organisationShortName: string;
  agreementId: number | null;
  name: { kk: string; ru: string; en: string };
  degreeType: DegreeType;
  startYear: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields to create a joint programme. */
export type JointProgrammeInput = Omit<
  JointProgrammeRecord,
  'id' | 'organisationShortName' | 'createdAt' | 'updatedAt'
>;

const jp = jointProgrammes;

function toColumns(input: Partial<JointProgrammeInput>) {
  const { name, ...rest } = input;
  return { ...rest, ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}) };
}

function selectProgrammes(db: Db) {
  return db
    .select({
      id: jp.id,
      organisationId: jp.organisationId,
      organisationShortName: organisations.shortName,
      agreementId: jp.agreementId,
      nameKk: jp.nameKk,
      nameRu: jp.nameRu,
      nameEn: jp.nameEn,
      degreeType: jp.degreeType,
      startYear: jp.startYear,
      createdAt: jp.createdAt,
      updatedAt: jp.updatedAt,
    })
    .from(jp)
    .innerJoin(organisations, eq(organisations.id, jp.organisationId));
}

type Row = Awaited<ReturnType<typeof selectProgrammes>>[number];

function toRecord({ nameKk, nameRu, nameEn, ...rest }: Row): JointProgrammeRecord {
  return { ...rest, name: { kk: nameKk, ru: nameRu, en: nameEn } };
}

/** Reads and writes joint programmes. */
export const jointProgrammesRepository = {
  async create(db: Db, input: JointProgrammeInput): Promise<JointProgrammeRecord> {
    const [row] = await db
      .insert(jp)
      .values(toColumns(input) as typeof jp.$inferInsert)
      .returning({ id: jp.id });
    return (await jointProgrammesRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<JointProgrammeInput>,
    at: Date,
  ): Promise<JointProgrammeRecord | undefined> {
    const [row] = await db
      .update(jp)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(jp.id, id))
      .returning({ id: jp.id });
    return row ? jointProgrammesRepository.findById(db, row.id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(jp).where(eq(jp.id, id));
  },

  async findById(db: Db, id: number): Promise<JointProgrammeRecord | undefined> {
    const [row] = await selectProgrammes(db).where(eq(jp.id, id));
    return row ? toRecord(row) : undefined;
  },

  /** Counts by degree type, for aggregates. */
  async countByDegree(db: Db): Promise<Map<string, number>> {
    const rows = await db.select({ key: jp.degreeType, n: count() }).from(jp).groupBy(jp.degreeType);
    return new Map(rows.map((r) => [r.key, r.n]));
  },

  /** Lists joint programmes; `q` searches the three names. */
  async list(
    db: Db,
    params: ListParams & {
      q?: string | undefined;
      organisationId?: number | undefined;
      degreeType?: string | undefined;
    },
  ): Promise<RecordPage<JointProgrammeRecord>> {
    return listPage(params, {
      rows: selectProgrammes(db).$dynamic(),
      filters: [
        equalTo(jp.organisationId, params.organisationId),
        equalTo(jp.degreeType, params.degreeType),
        search(params.q, jp.nameKk, jp.nameRu, jp.nameEn),
      ],
      sortable: {
        name: jp.nameRu,
        startYear: jp.startYear,
        degreeType: jp.degreeType,
        createdAt: jp.createdAt,
      },
      fallback: ascending(jp.nameRu),
      id: jp.id,
      present: (rows) => rows.map(toRecord),
    });
  },
};
