import type { CompetencyType, PracticeType, ProgrammeVersionStatus } from '@kadr/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencies,
  competencyFrameworks,
  disciplines,
  learningOutcomes,
  programmeCompetencies,
  programmes,
  programmeVersions,
} from '../schema/index.ts';
import type { Texts } from './competencies.repository.ts';

/** The programme version an outcomes mapping belongs to, with what the role rules need. */
export interface OutcomesVersion {
  id: number;
  number: number;
  status: ProgrammeVersionStatus;
  /** When a draft was submitted for approval (null while it is open for changes). */
  submittedAt: Date | null;
  programmeId: number;
  programmeCode: string;
  programmeName: Texts;
}

/** A discipline of the version, as the outcomes editor lists it. */
export interface OutcomesDiscipline {
  id: number;
  code: string;
  name: Texts;
  semester: number;
  credits: number;
}

/** A competency named by a mapping, with its framework's code. */
export interface MappedCompetency {
  competencyId: number;
  code: string;
  frameworkCode: string;
  type: CompetencyType;
  name: Texts;
}

/** A promised competency of a version and the level promised. */
export interface PromisedRecord {
  competencyId: number;
  targetLevel: number;
}

/** A learning outcome: of a discipline or of a practice type, mapped to a competency at a level. */
export interface OutcomeRecord {
  id: number;
  disciplineId: number | null;
  practiceType: PracticeType | null;
  competencyId: number;
  targetLevel: number;
  description: Texts;
}

/** Fields of a learning outcome. */
export type OutcomeInput = Omit<OutcomeRecord, 'id'>;

const lo = learningOutcomes;
const pc = programmeCompetencies;

const toOutcome = (row: typeof lo.$inferSelect): OutcomeRecord => ({
  id: row.id,
  disciplineId: row.disciplineId,
  practiceType: row.practiceType,
  competencyId: row.competencyId,
  targetLevel: row.targetLevel,
  description: { kk: row.descriptionKk, ru: row.descriptionRu, en: row.descriptionEn },
});

const outcomeColumns = (o: OutcomeInput) => ({
  disciplineId: o.disciplineId,
  practiceType: o.practiceType,
  competencyId: o.competencyId,
  targetLevel: o.targetLevel,
  descriptionKk: o.description.kk,
  descriptionRu: o.description.ru,
  descriptionEn: o.description.en,
});

/** Rows per insert statement. */
const BATCH = 500;

/**
 * Reads and writes the learning outcomes and promised competencies of programme versions, with the version's
 * programme and disciplines that the outcomes editor shows.
 */
export const outcomesRepository = {
  async findVersion(db: Db, versionId: number): Promise<OutcomesVersion | undefined> {
    const [row] = await db
      .select({
        id: programmeVersions.id,
        number: programmeVersions.number,
        status: programmeVersions.status,
        submittedAt: programmeVersions.submittedAt,
        programmeId: programmes.id,
        programmeCode: programmes.code,
        kk: programmes.nameKk,
        ru: programmes.nameRu,
        en: programmes.nameEn,
      })
      .from(programmeVersions)
      .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .where(eq(programmeVersions.id, versionId));
    if (!row) return undefined;
    const { kk, ru, en, ...version } = row;
    return { ...version, programmeName: { kk, ru, en } };
  },

  /** Locks the version row until the transaction ends (two editors of one mapping do not interleave). */
  async lockVersion(
    db: Db,
    versionId: number,
  ): Promise<{ status: ProgrammeVersionStatus; submittedAt: Date | null } | undefined> {
    const [row] = await db
      .select({ status: programmeVersions.status, submittedAt: programmeVersions.submittedAt })
      .from(programmeVersions)
      .where(eq(programmeVersions.id, versionId))
      .for('update');
    return row;
  },

  /** The disciplines of the version, by semester and code. */
  async disciplinesOf(db: Db, versionId: number): Promise<OutcomesDiscipline[]> {
    const rows = await db
      .select()
      .from(disciplines)
      .where(eq(disciplines.versionId, versionId))
      .orderBy(asc(disciplines.semester), asc(disciplines.code), asc(disciplines.id));
    return rows.map((d) => ({
      id: d.id,
      code: d.code,
      name: { kk: d.nameKk, ru: d.nameRu, en: d.nameEn },
      semester: d.semester,
      credits: d.credits,
    }));
  },

  async promisedOf(db: Db, versionId: number): Promise<PromisedRecord[]> {
    return db
      .select({ competencyId: pc.competencyId, targetLevel: pc.targetLevel })
      .from(pc)
      .where(eq(pc.versionId, versionId))
      .orderBy(asc(pc.competencyId));
  },

  async outcomesOf(db: Db, versionId: number): Promise<OutcomeRecord[]> {
    const rows = await db.select().from(lo).where(eq(lo.versionId, versionId)).orderBy(asc(lo.id));
    return rows.map(toOutcome);
  },

  /** The learning outcomes of these disciplines (any version): the competency each trains and to which level. */
  async ofDisciplines(
    db: Db,
    disciplineIds: number[],
  ): Promise<{ disciplineId: number; competencyId: number; targetLevel: number }[]> {
    if (disciplineIds.length === 0) return [];
    const rows = await db
      .select({ disciplineId: lo.disciplineId, competencyId: lo.competencyId, targetLevel: lo.targetLevel })
      .from(lo)
      .where(inArray(lo.disciplineId, [...new Set(disciplineIds)]));
    return rows.map((r) => ({ ...r, disciplineId: r.disciplineId! }));
  },

  /** The competencies with these ids, with their framework's code, by framework and code. */
  async competenciesByIds(db: Db, ids: number[]): Promise<MappedCompetency[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        competencyId: competencies.id,
        code: competencies.code,
        frameworkCode: competencyFrameworks.code,
        type: competencies.type,
        kk: competencies.nameKk,
        ru: competencies.nameRu,
        en: competencies.nameEn,
      })
      .from(competencies)
      .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencies.frameworkId))
      .where(inArray(competencies.id, [...new Set(ids)]))
      .orderBy(asc(competencyFrameworks.code), asc(competencies.code));
    return rows.map(({ kk, ru, en, ...rest }) => ({ ...rest, name: { kk, ru, en } }));
  },

  /** Removes promised competencies of the version. */
  async deletePromised(db: Db, versionId: number, competencyIds: number[]): Promise<void> {
    if (competencyIds.length === 0) return;
    await db.delete(pc).where(and(eq(pc.versionId, versionId), inArray(pc.competencyId, competencyIds)));
  },

  /** Adds promised competencies, or changes the level of those already promised. */
  async upsertPromised(db: Db, versionId: number, promised: PromisedRecord[]): Promise<void> {
    for (let start = 0; start < promised.length; start += BATCH) {
      await db
        .insert(pc)
        .values(promised.slice(start, start + BATCH).map((p) => ({ versionId, ...p })))
        .onConflictDoUpdate({
          target: [pc.versionId, pc.competencyId],
          set: { targetLevel: sql.raw('excluded.target_level') },
        });
    }
  },

  async deleteOutcomes(db: Db, ids: number[]): Promise<void> {
    for (let start = 0; start < ids.length; start += BATCH * 10)
      await db.delete(lo).where(inArray(lo.id, ids.slice(start, start + BATCH * 10)));
  },

  /** Changes the level and description of an outcome. */
  async updateOutcome(
    db: Db,
    id: number,
    patch: Pick<OutcomeInput, 'targetLevel' | 'description'>,
    at: Date,
  ): Promise<void> {
    await db
      .update(lo)
      .set({
        targetLevel: patch.targetLevel,
        descriptionKk: patch.description.kk,
        descriptionRu: patch.description.ru,
        descriptionEn: patch.description.en,
        updatedAt: at,
      })
      .where(eq(lo.id, id));
  },

  /** Inserts outcomes of the version; returns them with their new ids, in input order. */
  async createOutcomes(
    db: Db,
    versionId: number,
    inputs: OutcomeInput[],
    at: Date,
  ): Promise<OutcomeRecord[]> {
    const created: OutcomeRecord[] = [];
    for (let start = 0; start < inputs.length; start += BATCH) {
      const rows = await db
        .insert(lo)
        .values(
          inputs
            .slice(start, start + BATCH)
            .map((o) => ({ versionId, ...outcomeColumns(o), createdAt: at, updatedAt: at })),
        )
        .returning();
      created.push(...rows.map(toOutcome));
    }
    return created;
  },
};
