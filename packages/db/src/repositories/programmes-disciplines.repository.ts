import type { DisciplineComponent, DisciplineCycle, EquivalenceRule } from '@kadr/contracts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  creditEquivalences,
  disciplineEquipment,
  disciplineLabs,
  disciplineResults,
  disciplines,
  equipment,
  labs,
  learningOutcomes,
  organisations,
} from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { toNumber } from './sorting.ts';

type Names = { kk: string; ru: string; en: string };

/** A lab or an equipment item a discipline uses: its id, code (inventory number) and names. */
export interface AssetRefRecord {
  id: number;
  code: string;
  name: Names;
}

/** A discipline with the labs and equipment it uses and its count of credit equivalences. */
export interface DisciplineRecord {
  id: number;
  versionId: number;
  code: string;
  name: Names;
  credits: number;
  ects: number;
  semester: number;
  cycle: DisciplineCycle;
  component: DisciplineComponent;
  labs: AssetRefRecord[];
  equipment: AssetRefRecord[];
  equivalenceCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a discipline, without labs and equipment. */
export type DisciplineInput = Pick<
  DisciplineRecord,
  'code' | 'name' | 'credits' | 'ects' | 'semester' | 'cycle' | 'component'
>;

/** The labs and equipment of a discipline, as ids; each list, when given, replaces the current one. */
export interface DisciplineAssets {
  labIds?: number[] | undefined;
  equipmentIds?: number[] | undefined;
}

/** Filters of a version's disciplines. */
export interface DisciplineListParams extends ListParams {
  q?: string | undefined;
  semester?: number | undefined;
  cycle?: DisciplineCycle | undefined;
  component?: DisciplineComponent | undefined;
  /** Count only this organisation's credit equivalences (a partner's view). */
  equivalencesOf?: number | undefined;
}

/** A partner course recognised as equivalent to a discipline. `partnerEcts` is a number (7.5). */
export interface EquivalenceRecord {
  id: number;
  disciplineId: number;
  organisationId: number;
  organisationShortName: string;
  courseCode: string;
  courseTitle: string;
  partnerEcts: number;
  rule: EquivalenceRule;
  note: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a credit equivalence. */
export type EquivalenceInput = Pick<
  EquivalenceRecord,
  'organisationId' | 'courseCode' | 'courseTitle' | 'partnerEcts' | 'rule' | 'note'
>;

const d = disciplines;
const ce = creditEquivalences;

const disciplineId = sql.raw('"disciplines"."id"');

/**
 * The columns of a discipline with its count of credit equivalences: every organisation's, or only those of
 * `equivalencesOf` (a partner counts only what it may list).
 */
const selectionOf = (equivalencesOf?: number) => ({
  id: d.id,
  versionId: d.versionId,
  code: d.code,
  nameKk: d.nameKk,
  nameRu: d.nameRu,
  nameEn: d.nameEn,
  credits: d.credits,
  ects: d.ects,
  semester: d.semester,
  cycle: d.cycle,
  component: d.component,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  equivalenceCount:
    equivalencesOf === undefined
      ? sql<number>`(select count(*) from ${ce} where ${ce.disciplineId} = ${disciplineId})`
      : sql<number>`(select count(*) from ${ce} where ${ce.disciplineId} = ${disciplineId} and ${ce.organisationId} = ${equivalencesOf})`,
});

type Row = Awaited<ReturnType<typeof selectDisciplines>>[number];

function selectDisciplines(db: Db, equivalencesOf?: number) {
  return db.select(selectionOf(equivalencesOf)).from(d);
}

function toColumns(input: Partial<DisciplineInput>) {
  const { name, ...rest } = input;
  return { ...rest, ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}) };
}

/** Rows with their labs and equipment: two more queries for any number of disciplines. */
async function present(db: Db, rows: Row[]): Promise<DisciplineRecord[]> {
  const ids = rows.map((r) => r.id);
  const [labRows, itemRows] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              disciplineId: disciplineLabs.disciplineId,
              id: labs.id,
              code: labs.code,
              kk: labs.nameKk,
              ru: labs.nameRu,
              en: labs.nameEn,
            })
            .from(disciplineLabs)
            .innerJoin(labs, eq(labs.id, disciplineLabs.labId))
            .where(inArray(disciplineLabs.disciplineId, ids))
            .orderBy(asc(labs.code)),
          db
            .select({
              disciplineId: disciplineEquipment.disciplineId,
              id: equipment.id,
              code: equipment.inventoryNumber,
              kk: equipment.nameKk,
              ru: equipment.nameRu,
              en: equipment.nameEn,
            })
            .from(disciplineEquipment)
            .innerJoin(equipment, eq(equipment.id, disciplineEquipment.equipmentId))
            .where(inArray(disciplineEquipment.disciplineId, ids))
            .orderBy(asc(equipment.inventoryNumber)),
        ]);
  const refs = (list: typeof labRows, id: number) =>
    list
      .filter((x) => x.disciplineId === id)
      .map((x) => ({ id: x.id, code: x.code, name: { kk: x.kk, ru: x.ru, en: x.en } }));
  return rows.map(({ nameKk, nameRu, nameEn, ...rest }) => ({
    ...rest,
    name: { kk: nameKk, ru: nameRu, en: nameEn },
    equivalenceCount: toNumber(rest.equivalenceCount),
    labs: refs(labRows, rest.id),
    equipment: refs(itemRows, rest.id),
  }));
}

async function replaceAssets(db: Db, id: number, assets: DisciplineAssets) {
  if (assets.labIds) {
    await db.delete(disciplineLabs).where(eq(disciplineLabs.disciplineId, id));
    if (assets.labIds.length > 0)
      await db.insert(disciplineLabs).values(assets.labIds.map((labId) => ({ disciplineId: id, labId })));
  }
  if (assets.equipmentIds) {
    await db.delete(disciplineEquipment).where(eq(disciplineEquipment.disciplineId, id));
    if (assets.equipmentIds.length > 0)
      await db
        .insert(disciplineEquipment)
        .values(assets.equipmentIds.map((equipmentId) => ({ disciplineId: id, equipmentId })));
  }
}

const equivalenceSelection = {
  id: ce.id,
  disciplineId: ce.disciplineId,
  organisationId: ce.organisationId,
  organisationShortName: organisations.shortName,
  courseCode: ce.courseCode,
  courseTitle: ce.courseTitle,
  partnerEcts: ce.partnerEcts,
  rule: ce.rule,
  note: ce.note,
  createdAt: ce.createdAt,
  updatedAt: ce.updatedAt,
};

function selectEquivalences(db: Db) {
  return db
    .select(equivalenceSelection)
    .from(ce)
    .innerJoin(organisations, eq(organisations.id, ce.organisationId));
}

function toEquivalence(row: Awaited<ReturnType<typeof selectEquivalences>>[number]): EquivalenceRecord {
  return { ...row, partnerEcts: Number(row.partnerEcts) };
}

function equivalenceColumns(input: Partial<EquivalenceInput>) {
  const { partnerEcts, ...rest } = input;
  return { ...rest, ...(partnerEcts === undefined ? {} : { partnerEcts: partnerEcts.toFixed(1) }) };
}

/** Reads and writes the disciplines of programme versions and their credit equivalences. */
export const disciplinesRepository = {
  async create(
    db: Db,
    versionId: number,
    input: DisciplineInput,
    assets: DisciplineAssets,
    at: Date,
  ): Promise<DisciplineRecord> {
    const [row] = await db
      .insert(d)
      .values({
        ...(toColumns(input) as DisciplineInput & typeof d.$inferInsert),
        versionId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: d.id });
    await replaceAssets(db, row!.id, assets);
    return (await disciplinesRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<DisciplineInput>,
    assets: DisciplineAssets,
    at: Date,
  ): Promise<DisciplineRecord | undefined> {
    const [row] = await db
      .update(d)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(d.id, id))
      .returning({ id: d.id });
    if (!row) return undefined;
    await replaceAssets(db, id, assets);
    return disciplinesRepository.findById(db, id);
  },

  /** Deletes a discipline; its labs, equipment, equivalences and outcomes go with it (ON DELETE CASCADE). */
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(d).where(eq(d.id, id));
  },

  /** One discipline; `equivalencesOf`: count only that organisation's credit equivalences. */
  async findById(db: Db, id: number, equivalencesOf?: number): Promise<DisciplineRecord | undefined> {
    return (await present(db, await selectDisciplines(db, equivalencesOf).where(eq(d.id, id))))[0];
  },

  /** Every discipline of a version, by semester then code (a curriculum has dozens). */
  async allOfVersion(db: Db, versionId: number, equivalencesOf?: number): Promise<DisciplineRecord[]> {
    const rows = await selectDisciplines(db, equivalencesOf)
      .where(eq(d.versionId, versionId))
      .orderBy(asc(d.semester), asc(d.code), asc(d.id));
    return present(db, rows);
  },

  async list(db: Db, versionId: number, params: DisciplineListParams): Promise<RecordPage<DisciplineRecord>> {
    return listPage(params, {
      rows: selectDisciplines(db, params.equivalencesOf).$dynamic(),
      filters: [
        eq(d.versionId, versionId),
        equalTo(d.semester, params.semester),
        equalTo(d.cycle, params.cycle),
        equalTo(d.component, params.component),
        search(params.q, d.code, d.nameKk, d.nameRu, d.nameEn),
      ],
      sortable: { code: d.code, semester: d.semester, credits: d.credits },
      fallback: sql`${d.semester}, ${d.code}`,
      id: d.id,
      present: (rows) => present(db, rows),
    });
  },

  /** True when another discipline of the version has this code. */
  async isCodeTaken(db: Db, versionId: number, code: string, exceptId?: number): Promise<boolean> {
    const rows = await db
      .select({ id: d.id })
      .from(d)
      .where(and(eq(d.versionId, versionId), eq(d.code, code)));
    return rows.some((r) => r.id !== exceptId);
  },

  /** How many discipline results name the discipline. */
  async resultCount(db: Db, id: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(disciplineResults)
      .where(eq(disciplineResults.disciplineId, id));
    return row?.n ?? 0;
  },

  /** The learning outcomes of the disciplines (for auditing their removal). */
  async outcomesOf(db: Db, ids: number[]) {
    if (ids.length === 0) return [];
    return db.select().from(learningOutcomes).where(inArray(learningOutcomes.disciplineId, ids));
  },

  async findEquivalence(db: Db, id: number): Promise<EquivalenceRecord | undefined> {
    const [row] = await selectEquivalences(db).where(eq(ce.id, id));
    return row ? toEquivalence(row) : undefined;
  },

  /** The equivalences of the disciplines (for auditing their removal). */
  async equivalencesOf(db: Db, ids: number[]): Promise<EquivalenceRecord[]> {
    if (ids.length === 0) return [];
    return (await selectEquivalences(db).where(inArray(ce.disciplineId, ids)).orderBy(asc(ce.id))).map(
      toEquivalence,
    );
  },

  async listEquivalences(
    db: Db,
    disciplineId: number,
    params: ListParams & { q?: string | undefined; organisationId?: number | undefined },
  ): Promise<RecordPage<EquivalenceRecord>> {
    return listPage(params, {
      rows: selectEquivalences(db).$dynamic(),
      filters: [
        eq(ce.disciplineId, disciplineId),
        equalTo(ce.organisationId, params.organisationId),
        search(params.q, ce.courseCode, ce.courseTitle),
      ],
      sortable: { courseCode: ce.courseCode, createdAt: ce.createdAt },
      fallback: ascending(ce.courseCode),
      id: ce.id,
      present: (rows) => rows.map(toEquivalence),
    });
  },

  async createEquivalence(
    db: Db,
    disciplineId: number,
    input: EquivalenceInput,
    at: Date,
  ): Promise<EquivalenceRecord> {
    const [row] = await db
      .insert(ce)
      .values({
        ...(equivalenceColumns(input) as typeof ce.$inferInsert),
        disciplineId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: ce.id });
    return (await disciplinesRepository.findEquivalence(db, row!.id))!;
  },

  async updateEquivalence(
    db: Db,
    id: number,
    patch: Partial<EquivalenceInput>,
    at: Date,
  ): Promise<EquivalenceRecord | undefined> {
    const [row] = await db
      .update(ce)
      .set({ ...equivalenceColumns(patch), updatedAt: at })
      .where(eq(ce.id, id))
      .returning({ id: ce.id });
    return row ? disciplinesRepository.findEquivalence(db, row.id) : undefined;
  },

  async deleteEquivalence(db: Db, id: number): Promise<void> {
    await db.delete(ce).where(eq(ce.id, id));
  },
};
