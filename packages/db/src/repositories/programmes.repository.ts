import type {
  ContributionKind,
  DegreeType,
  Locale,
  PriorityArea,
  ProgrammeLevel,
  ProgrammeVersionStatus,
} from '@kadr/contracts';
import { and, asc, count, eq, exists, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  agreements,
  enrolments,
  organisations,
  programmeCodevelopers,
  programmes,
  programmeVersions,
  students,
} from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

type Names = { kk: string; ru: string; en: string };

/** An organisation that co-develops a programme, with what it brought and its agreement. */
export interface CodeveloperRecord {
  organisationId: number;
  organisationShortName: string;
  organisationName: Names;
  contributions: ContributionKind[];
  note: string;
  agreementId: number | null;
  agreementNumber: string | null;
}

/** A co-developer to write. */
export interface CodeveloperInputRecord {
  organisationId: number;
  contributions: ContributionKind[];
  note: string;
  agreementId: number | null;
}

/** The short facts of a version. */
export interface VersionSummaryRecord {
  id: number;
  number: number;
  status: ProgrammeVersionStatus;
  startYear: number;
}

/** A programme with its co-developers, its active version and its open draft. */
export interface ProgrammeRecord {
  id: number;
  code: string;
  programmeGroup: string;
  level: ProgrammeLevel;
  priorityArea: PriorityArea;
  name: Names;
  languages: Locale[];
  credits: number;
  durationSemesters: number;
  degreeType: DegreeType;
  codevelopers: CodeveloperRecord[];
  activeVersion: VersionSummaryRecord | null;
  draftVersion: VersionSummaryRecord | null;
  versionCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a programme, without co-developers. */
export type ProgrammeInput = Pick<
  ProgrammeRecord,
  | 'code'
  | 'programmeGroup'
  | 'level'
  | 'priorityArea'
  | 'name'
  | 'languages'
  | 'credits'
  | 'durationSemesters'
  | 'degreeType'
>;

/**
 * Filters of the catalogue. `organisationId` keeps programmes that organisation co-develops; `onlyIds`, when
 * given, keeps only those programmes (a student's own).
 */
export interface ProgrammeListParams extends ListParams {
  q?: string | undefined;
  level?: ProgrammeLevel | undefined;
  priorityArea?: PriorityArea | undefined;
  programmeGroup?: string | undefined;
  degreeType?: DegreeType | undefined;
  organisationId?: number | undefined;
  onlyIds?: number[] | undefined;
}

const p = programmes;
const cd = programmeCodevelopers;
const v = programmeVersions;

function toColumns(input: Partial<ProgrammeInput>) {
  const { name, ...rest } = input;
  return { ...rest, ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}) };
}

type Row = typeof p.$inferSelect;

/** SQL: the programme is co-developed by the organisation. */
function codevelopedBy(organisationId: number): SQL {
  return exists(
    sql`(select 1 from ${cd} where ${cd.programmeId} = ${p.id} and ${cd.organisationId} = ${organisationId})`,
  );
}

async function codevelopersOf(db: Db, ids: number[]): Promise<Map<number, CodeveloperRecord[]>> {
  const byProgramme = new Map<number, CodeveloperRecord[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byProgramme;
  const rows = await db
    .select({
      programmeId: cd.programmeId,
      organisationId: cd.organisationId,
      contributions: cd.contributions,
      note: cd.note,
      agreementId: cd.agreementId,
      agreementNumber: agreements.number,
      shortName: organisations.shortName,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
      nameEn: organisations.nameEn,
    })
    .from(cd)
    .innerJoin(organisations, eq(organisations.id, cd.organisationId))
    .leftJoin(agreements, eq(agreements.id, cd.agreementId))
    .where(inArray(cd.programmeId, ids))
    .orderBy(asc(organisations.shortName));
  for (const r of rows) {
    byProgramme.get(r.programmeId)?.push({
      organisationId: r.organisationId,
      organisationShortName: r.shortName,
      organisationName: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn },
      contributions: r.contributions,
      note: r.note,
      agreementId: r.agreementId,
      agreementNumber: r.agreementNumber,
    });
  }
  return byProgramme;
}

async function versionsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      programmeId: v.programmeId,
      id: v.id,
      number: v.number,
      status: v.status,
      startYear: v.startYear,
    })
    .from(v)
    .where(inArray(v.programmeId, ids))
    .orderBy(asc(v.number));
}

/** Rows with their co-developers and version summaries, three queries for a whole page. */
async function present(db: Db, rows: Row[]): Promise<ProgrammeRecord[]> {
  const ids = rows.map((r) => r.id);
  const [codevelopers, versions] = await Promise.all([codevelopersOf(db, ids), versionsOf(db, ids)]);
  return rows.map(({ nameKk, nameRu, nameEn, ...rest }) => {
    const own = versions.filter((x) => x.programmeId === rest.id).map(({ programmeId: _, ...s }) => s);
    return {
      ...rest,
      name: { kk: nameKk, ru: nameRu, en: nameEn },
      codevelopers: codevelopers.get(rest.id) ?? [],
      activeVersion: own.find((x) => x.status === 'active') ?? null,
      draftVersion: own.find((x) => x.status === 'draft') ?? null,
      versionCount: own.length,
    };
  });
}

async function replaceCodevelopers(db: Db, programmeId: number, list: CodeveloperInputRecord[]) {
  await db.delete(cd).where(eq(cd.programmeId, programmeId));
  if (list.length > 0) await db.insert(cd).values(list.map((c) => ({ ...c, programmeId })));
}

/** Reads and writes programmes and their co-developers. */
export const programmesRepository = {
  async create(
    db: Db,
    input: ProgrammeInput,
    codevelopers: CodeveloperInputRecord[],
  ): Promise<ProgrammeRecord> {
    const [row] = await db
      .insert(p)
      .values(toColumns(input) as typeof p.$inferInsert)
      .returning({ id: p.id });
    await replaceCodevelopers(db, row!.id, codevelopers);
    return (await programmesRepository.findById(db, row!.id))!;
  },

  /** Changes a programme; `codevelopers`, when given, replace them all. */
  async update(
    db: Db,
    id: number,
    patch: Partial<ProgrammeInput>,
    at: Date,
    codevelopers?: CodeveloperInputRecord[],
  ): Promise<ProgrammeRecord | undefined> {
    const [row] = await db
      .update(p)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(p.id, id))
      .returning({ id: p.id });
    if (!row) return undefined;
    if (codevelopers) await replaceCodevelopers(db, id, codevelopers);
    return programmesRepository.findById(db, id);
  },

  /** Deletes a programme; its co-developers and versions go with it (ON DELETE CASCADE). */
  async delete(db: Db, id: number): Promise<void> {
    await db.delete(p).where(eq(p.id, id));
  },

  async findById(db: Db, id: number): Promise<ProgrammeRecord | undefined> {
    const rows = await db.select().from(p).where(eq(p.id, id));
    return (await present(db, rows))[0];
  },

  /** Locks the programme row until the transaction ends: serialises the approvals and activations of its versions. */
  async lock(db: Db, id: number): Promise<boolean> {
    const rows = await db.select({ id: p.id }).from(p).where(eq(p.id, id)).for('update');
    return rows.length > 0;
  },

  /** True when the organisation co-develops the programme. */
  async isCodevelopedBy(db: Db, id: number, organisationId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(cd)
      .where(and(eq(cd.programmeId, id), eq(cd.organisationId, organisationId)));
    return (row?.n ?? 0) > 0;
  },

  /** The programmes a student user is or was enrolled in (through any enrolment of their student record). */
  async idsOfStudentUser(db: Db, userId: number): Promise<number[]> {
    const rows = await db
      .selectDistinct({ id: v.programmeId })
      .from(students)
      .innerJoin(enrolments, eq(enrolments.studentId, students.id))
      .innerJoin(v, eq(v.id, enrolments.versionId))
      .where(eq(students.userId, userId));
    return rows.map((r) => r.id);
  },

  /** How many enrolments name a version of the programme. */
  async enrolmentCount(db: Db, id: number): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(enrolments)
      .innerJoin(v, eq(v.id, enrolments.versionId))
      .where(eq(v.programmeId, id));
    return row?.n ?? 0;
  },

  async list(db: Db, params: ProgrammeListParams): Promise<RecordPage<ProgrammeRecord>> {
    return listPage(params, {
      rows: db.select().from(p).$dynamic(),
      filters: [
        equalTo(p.level, params.level),
        equalTo(p.priorityArea, params.priorityArea),
        equalTo(p.programmeGroup, params.programmeGroup),
        equalTo(p.degreeType, params.degreeType),
        params.organisationId === undefined ? undefined : codevelopedBy(params.organisationId),
        params.onlyIds === undefined
          ? undefined
          : params.onlyIds.length > 0
            ? inArray(p.id, params.onlyIds)
            : sql`false`,
        search(params.q, p.code, p.programmeGroup, p.nameKk, p.nameRu, p.nameEn),
      ],
      sortable: {
        code: p.code,
        programmeGroup: p.programmeGroup,
        credits: p.credits,
        priorityArea: p.priorityArea,
        createdAt: p.createdAt,
      },
      fallback: ascending(p.code),
      id: p.id,
      present: (rows) => present(db, rows),
    });
  },
};
