import type { ProgrammeVersionStatus } from '@kadr/contracts';
import { and, asc, count, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  creditEquivalences,
  disciplineEquipment,
  disciplineLabs,
  disciplineResults,
  disciplines,
  enrolments,
  learningOutcomes,
  organisations,
  programmeCompetencies,
  programmeVersionApprovals,
  programmeVersions,
  users,
} from '../schema/index.ts';
import { descending, equalTo, listPage, type ListParams, type RecordPage } from './list.ts';
import { toNumber } from './sorting.ts';

/** A co-developer's approval of a version. */
export interface ApprovalRecord {
  versionId: number;
  organisationId: number;
  organisationShortName: string;
  userId: number;
  userName: string;
  approvedAt: Date;
  comment: string;
}

/** A programme version with its approvals and its disciplines' totals. */
export interface VersionRecord {
  id: number;
  programmeId: number;
  number: number;
  status: ProgrammeVersionStatus;
  startYear: number;
  note: string;
  createdBy: number | null;
  submittedAt: Date | null;
  activatedAt: Date | null;
  supersededAt: Date | null;
  approvals: ApprovalRecord[];
  disciplineCount: number;
  credits: number;
  ects: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A version's promised competency (part of the version's own audit record). */
export interface PromisedCompetencyRecord {
  competencyId: number;
  targetLevel: number;
}

/** Filters of a programme's version history; `statuses` limits what a reader may see (no drafts for some). */
export interface VersionListParams extends ListParams {
  status?: ProgrammeVersionStatus | undefined;
  statuses?: readonly ProgrammeVersionStatus[] | undefined;
}

const v = programmeVersions;
const a = programmeVersionApprovals;
const d = disciplines;

const versionId = sql.raw('"programme_versions"."id"');

function selectVersions(db: Db) {
  return db
    .select({
      id: v.id,
      programmeId: v.programmeId,
      number: v.number,
      status: v.status,
      startYear: v.startYear,
      note: v.note,
      createdBy: v.createdBy,
      submittedAt: v.submittedAt,
      activatedAt: v.activatedAt,
      supersededAt: v.supersededAt,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      disciplineCount: sql<number>`(select count(*) from ${d} where ${d.versionId} = ${versionId})`,
      credits: sql<number>`(select coalesce(sum(${d.credits}), 0) from ${d} where ${d.versionId} = ${versionId})`,
      ects: sql<number>`(select coalesce(sum(${d.ects}), 0) from ${d} where ${d.versionId} = ${versionId})`,
    })
    .from(v);
}

type Row = Awaited<ReturnType<typeof selectVersions>>[number];

async function approvalsOf(db: Db, ids: number[]): Promise<ApprovalRecord[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      versionId: a.versionId,
      organisationId: a.organisationId,
      organisationShortName: organisations.shortName,
      userId: a.userId,
      userName: users.fullName,
      approvedAt: a.approvedAt,
      comment: a.comment,
    })
    .from(a)
    .innerJoin(organisations, eq(organisations.id, a.organisationId))
    .innerJoin(users, eq(users.id, a.userId))
    .where(inArray(a.versionId, ids))
    .orderBy(asc(a.approvedAt), asc(a.organisationId));
}

async function present(db: Db, rows: Row[]): Promise<VersionRecord[]> {
  const approvals = await approvalsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    disciplineCount: toNumber(r.disciplineCount),
    credits: toNumber(r.credits),
    ects: toNumber(r.ects),
    approvals: approvals.filter((x) => x.versionId === r.id),
  }));
}

/** Reads and writes programme versions, their approvals and their life (submit, activate, supersede). */
export const programmeVersionsRepository = {
  async findById(db: Db, id: number): Promise<VersionRecord | undefined> {
    return (await present(db, await selectVersions(db).where(eq(v.id, id))))[0];
  },

  /** The programme's version with the highest number (the one a new draft copies). */
  async latest(db: Db, programmeId: number): Promise<VersionRecord | undefined> {
    const rows = await selectVersions(db)
      .where(eq(v.programmeId, programmeId))
      .orderBy(desc(v.number))
      .limit(1);
    return (await present(db, rows))[0];
  },

  /** Every version of the programmes, oldest first (for deleting a programme with its history). */
  async allOfProgramme(db: Db, programmeId: number): Promise<VersionRecord[]> {
    return present(db, await selectVersions(db).where(eq(v.programmeId, programmeId)).orderBy(asc(v.number)));
  },

  /** The programme's active version, if any. */
  async activeOf(db: Db, programmeId: number): Promise<VersionRecord | undefined> {
    const rows = await selectVersions(db).where(and(eq(v.programmeId, programmeId), eq(v.status, 'active')));
    return (await present(db, rows))[0];
  },

  async list(db: Db, programmeId: number, params: VersionListParams): Promise<RecordPage<VersionRecord>> {
    return listPage(params, {
      rows: selectVersions(db).$dynamic(),
      filters: [
        eq(v.programmeId, programmeId),
        equalTo(v.status, params.status),
        params.statuses ? inArray(v.status, [...params.statuses]) : undefined,
      ],
      sortable: { number: v.number, startYear: v.startYear, createdAt: v.createdAt },
      fallback: descending(v.number),
      id: v.id,
      present: (rows) => present(db, rows),
    });
  },

  /** Creates a draft numbered after the programme's last version. */
  async createDraft(
    db: Db,
    input: { programmeId: number; startYear: number; note: string; createdBy: number | null },
    at: Date,
  ): Promise<VersionRecord> {
    const [last] = await db
      .select({ n: max(v.number) })
      .from(v)
      .where(eq(v.programmeId, input.programmeId));
    const [row] = await db
      .insert(v)
      .values({ ...input, number: (last?.n ?? 0) + 1, status: 'draft', createdAt: at, updatedAt: at })
      .returning({ id: v.id });
    return (await programmeVersionsRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<
      Pick<VersionRecord, 'startYear' | 'note' | 'status' | 'submittedAt' | 'activatedAt' | 'supersededAt'>
    >,
    at: Date,
  ): Promise<VersionRecord | undefined> {
    const [row] = await db
      .update(v)
      .set({ ...patch, updatedAt: at })
      .where(eq(v.id, id))
      .returning({ id: v.id });
    return row ? programmeVersionsRepository.findById(db, row.id) : undefined;
  },

  /** Deletes a version; its disciplines, outcomes, promised competencies and approvals go with it. */
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(v).where(eq(v.id, id));
  },

  /** Locks the version row until the transaction ends. */
  async lock(db: Db, id: number): Promise<boolean> {
    return (await db.select({ id: v.id }).from(v).where(eq(v.id, id)).for('update')).length > 0;
  },

  /** Records an organisation's approval (the primary key refuses a second one for the same organisation). */
  async addApproval(
    db: Db,
    input: { versionId: number; organisationId: number; userId: number; comment: string },
    at: Date,
  ): Promise<void> {
    await db.insert(a).values({ ...input, approvedAt: at });
  },

  /** Removes every approval of a version (a draft withdrawn for changes). */
  async deleteApprovals(db: Db, versionId: number): Promise<void> {
    await db.delete(a).where(eq(a.versionId, versionId));
  },

  /** The competencies a version promises (part of its audit record). */
  async promisedOf(db: Db, versionId: number): Promise<PromisedCompetencyRecord[]> {
    return db
      .select({
        competencyId: programmeCompetencies.competencyId,
        targetLevel: programmeCompetencies.targetLevel,
      })
      .from(programmeCompetencies)
      .where(eq(programmeCompetencies.versionId, versionId))
      .orderBy(asc(programmeCompetencies.competencyId));
  },

  /** The learning outcomes of a version (for auditing their removal). */
  async outcomesOf(db: Db, versionId: number) {
    return db.select().from(learningOutcomes).where(eq(learningOutcomes.versionId, versionId));
  },

  /** How many enrolments name the version. */
  async enrolmentCount(db: Db, id: number): Promise<number> {
    const [row] = await db.select({ n: count() }).from(enrolments).where(eq(enrolments.versionId, id));
    return row?.n ?? 0;
  },

  /** How many discipline results name a discipline of the version. */
  async resultCount(db: Db, id: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(disciplineResults)
      .innerJoin(d, eq(d.id, disciplineResults.disciplineId))
      .where(eq(d.versionId, id));
    return row?.n ?? 0;
  },

  /**
   * Copies a version's content into another: its disciplines with their labs, equipment and credit
   * equivalences, its learning outcomes (pointed at the copied disciplines) and its promised competencies.
   * Set-based: a handful of statements whatever the size of the curriculum.
   * @returns the ids of the copied disciplines, old → new
   */
  async copyContent(db: Db, fromId: number, toId: number, at: Date): Promise<Map<number, number>> {
    const source = await db.select().from(d).where(eq(d.versionId, fromId)).orderBy(asc(d.id));
    const mapping = new Map<number, number>();
    if (source.length > 0) {
      const inserted = await db
        .insert(d)
        .values(
          source.map(({ id: _, ...row }) => ({ ...row, versionId: toId, createdAt: at, updatedAt: at })),
        )
        .returning({ id: d.id, code: d.code });
      const byCode = new Map(inserted.map((r) => [r.code, r.id]));
      for (const s of source) mapping.set(s.id, byCode.get(s.code)!);
      const oldIds = source.map((s) => s.id);
      const to = (id: number) => mapping.get(id)!;
      const labs = await db.select().from(disciplineLabs).where(inArray(disciplineLabs.disciplineId, oldIds));
      if (labs.length > 0)
        await db.insert(disciplineLabs).values(labs.map((l) => ({ ...l, disciplineId: to(l.disciplineId) })));
      const items = await db
        .select()
        .from(disciplineEquipment)
        .where(inArray(disciplineEquipment.disciplineId, oldIds));
      if (items.length > 0)
        await db
          .insert(disciplineEquipment)
          .values(items.map((e) => ({ ...e, disciplineId: to(e.disciplineId) })));
      const equivalences = await db
        .select()
        .from(creditEquivalences)
        .where(inArray(creditEquivalences.disciplineId, oldIds));
      if (equivalences.length > 0)
        await db.insert(creditEquivalences).values(
          equivalences.map(({ id: _, ...e }) => ({
            ...e,
            disciplineId: to(e.disciplineId),
            createdAt: at,
            updatedAt: at,
          })),
        );
    }
    const outcomes = await db.select().from(learningOutcomes).where(eq(learningOutcomes.versionId, fromId));
    if (outcomes.length > 0)
      await db.insert(learningOutcomes).values(
        outcomes.map(({ id: _, ...o }) => ({
          ...o,
          versionId: toId,
          disciplineId: o.disciplineId === null ? null : (mapping.get(o.disciplineId) ?? null),
          createdAt: at,
          updatedAt: at,
        })),
      );
    const promised = await db
      .select()
      .from(programmeCompetencies)
      .where(eq(programmeCompetencies.versionId, fromId));
    if (promised.length > 0)
      await db.insert(programmeCompetencies).values(promised.map((c) => ({ ...c, versionId: toId })));
    return mapping;
  },
};
