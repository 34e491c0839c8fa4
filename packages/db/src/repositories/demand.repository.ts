import type { EnrolmentStatus, PriorityArea, Region } from '@kadr/contracts';
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencies,
  competencyFrameworks,
  demandLineCompetencies,
  demandLines,
  demandPlans,
  disciplines,
  enrolments,
  learningOutcomes,
  organisations,
  programmes,
  programmeVersions,
  users,
} from '../schema/index.ts';
import { equalTo, type ListParams, listPage, type RecordPage, search } from './list.ts';

/** A plan version with its partner's short name, its author's email and its totals. */
export interface DemandPlanRecord {
  id: number;
  organisationId: number;
  organisationName: string;
  year: number;
  version: number;
  note: string;
  headcount: number;
  lineCount: number;
  createdBy: string | null;
  createdAt: Date;
  supersededAt: Date | null;
}

/** A line as written. */
export interface DemandLineInput {
  occupationUri: string;
  /** The occupation as named, in kk, ru and en (English may be empty). */
  occupationLabel: { kk: string; ru: string; en: string };
  nationalCode: string;
  programmeGroup: string;
  priorityArea: PriorityArea;
  region: Region;
  headcount: number;
  competencies: { competencyId: number; level: number }[];
}

/** A line as read, its competencies named. */
export interface DemandLineRecord extends Omit<DemandLineInput, 'competencies'> {
  id: number;
  competencies: {
    competencyId: number;
    code: string;
    name: { kk: string; ru: string; en: string };
    level: number;
  }[];
}

/** A line of a plan in force, with its plan, partner and year (what the gap report reads). */
export interface CurrentDemandLine extends DemandLineInput {
  planId: number;
  organisationId: number;
  organisationName: string;
  year: number;
}

/** Enrolments grouped by programme, admission year, status and the year they ended. */
export interface SupplyEnrolmentRow {
  programmeId: number;
  programmeGroup: string;
  priorityArea: PriorityArea;
  durationSemesters: number;
  admissionYear: number;
  status: EnrolmentStatus;
  endedYear: number | null;
  count: number;
}

/** An active programme version's disciplines and outcomes (what analyseProgramme reads for the taught levels). */
/** A programme's best level of one competency over its active versions (taughtLevels). */
export interface TaughtLevelRow {
  programmeId: number;
  code: string;
  programmeGroup: string;
  competencyId: number;
  level: number;
}

const plan = demandPlans;
const line = demandLines;

const totals = {
  headcount:
    sql<number>`coalesce((select sum(${line.headcount}) from ${line} where ${line.planId} = ${plan.id}), 0)`.mapWith(
      Number,
    ),
  lineCount: sql<number>`(select count(*) from ${line} where ${line.planId} = ${plan.id})`.mapWith(Number),
};

function selectPlans(db: Db) {
  return db
    .select({
      id: plan.id,
      organisationId: plan.organisationId,
      organisationName: organisations.shortName,
      year: plan.year,
      version: plan.version,
      note: plan.note,
      ...totals,
      createdBy: users.email,
      createdAt: plan.createdAt,
      supersededAt: plan.supersededAt,
    })
    .from(plan)
    .innerJoin(organisations, eq(organisations.id, plan.organisationId))
    .leftJoin(users, eq(users.id, plan.createdBy));
}

/** The columns of a line as read (the label in its three columns). */
const lineColumns = {
  occupationUri: line.occupationUri,
  occupationLabelKk: line.occupationLabelKk,
  occupationLabelRu: line.occupationLabelRu,
  occupationLabelEn: line.occupationLabelEn,
  nationalCode: line.nationalCode,
  programmeGroup: line.programmeGroup,
  priorityArea: line.priorityArea,
  region: line.region,
  headcount: line.headcount,
};

/** A line read with {@link lineColumns}, its label as one trilingual text. */
function withLabel<
  R extends { occupationLabelKk: string; occupationLabelRu: string; occupationLabelEn: string },
>(
  row: R,
): Omit<R, 'occupationLabelKk' | 'occupationLabelRu' | 'occupationLabelEn'> & {
  occupationLabel: { kk: string; ru: string; en: string };
} {
  const { occupationLabelKk: kk, occupationLabelRu: ru, occupationLabelEn: en, ...rest } = row;
  return { ...rest, occupationLabel: { kk, ru, en } };
}

/** Reads and writes demand plans; a plan's lines are written with it and never changed (a new version is). */
export const demandRepository = {
  /** The next version number of a partner's plan for a year (1 for the first). */
  async nextVersion(db: Db, organisationId: number, year: number): Promise<number> {
    const [row] = await db
      .select({ max: sql<number | null>`max(${plan.version})` })
      .from(plan)
      .where(and(eq(plan.organisationId, organisationId), eq(plan.year, year)));
    return Number(row?.max ?? 0) + 1;
  },

  /** Marks the current version of a partner's plan for a year superseded; returns its id, if there was one. */
  async supersede(db: Db, organisationId: number, year: number, at: Date): Promise<number | undefined> {
    const [row] = await db
      .update(plan)
      .set({ supersededAt: at })
      .where(and(eq(plan.organisationId, organisationId), eq(plan.year, year), isNull(plan.supersededAt)))
      .returning({ id: plan.id });
    return row?.id;
  },

  /** Writes a plan version and its lines; returns its id. */
  async create(
    db: Db,
    input: {
      organisationId: number;
      year: number;
      version: number;
      note: string;
      createdBy: number | null;
      createdAt: Date;
    },
    lines: DemandLineInput[],
  ): Promise<number> {
    const [row] = await db.insert(plan).values(input).returning({ id: plan.id });
    const planId = row!.id;
    if (lines.length === 0) return planId;
    const ids = await db
      .insert(line)
      .values(
        lines.map(({ competencies: _c, occupationLabel, ...l }) => ({
          ...l,
          occupationLabelKk: occupationLabel.kk,
          occupationLabelRu: occupationLabel.ru,
          occupationLabelEn: occupationLabel.en,
          planId,
        })),
      )
      .returning({ id: line.id });
    const required = lines.flatMap((l, i) =>
      l.competencies.map((c) => ({ lineId: ids[i]!.id, competencyId: c.competencyId, level: c.level })),
    );
    if (required.length > 0) await db.insert(demandLineCompetencies).values(required);
    return planId;
  },

  async findById(db: Db, id: number): Promise<DemandPlanRecord | undefined> {
    const [row] = await selectPlans(db).where(eq(plan.id, id));
    return row;
  },

  /** The lines of a plan, by id, with their competencies named. */
  async linesOf(db: Db, planId: number): Promise<DemandLineRecord[]> {
    const rows = await db
      .select({ id: line.id, ...lineColumns })
      .from(line)
      .where(eq(line.planId, planId))
      .orderBy(asc(line.id));
    const required = await competenciesOfLines(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...withLabel(r), competencies: required.get(r.id) ?? [] }));
  },

  /** Lists plan versions, newest year and version first unless sorted otherwise. */
  async list(
    db: Db,
    params: ListParams & {
      organisationId?: number | undefined;
      year?: number | undefined;
      current?: boolean | undefined;
      q?: string | undefined;
    },
  ): Promise<RecordPage<DemandPlanRecord>> {
    return listPage(params, {
      rows: selectPlans(db).$dynamic(),
      filters: [
        equalTo(plan.organisationId, params.organisationId),
        equalTo(plan.year, params.year),
        params.current === undefined
          ? undefined
          : params.current
            ? isNull(plan.supersededAt)
            : isNotNull(plan.supersededAt),
        params.q
          ? sql`exists (select 1 from ${line} where ${line.planId} = ${plan.id} and (${search(params.q, line.occupationLabelKk, line.occupationLabelRu, line.occupationLabelEn)} or ${line.programmeGroup} ilike ${params.q}))`
          : undefined,
      ],
      sortable: { year: plan.year, createdAt: plan.createdAt, version: plan.version },
      fallback: sql`${plan.year} desc, ${organisations.shortName} asc, ${plan.version} desc`,
      id: plan.id,
      present: (rows) => rows,
    });
  },

  /** The lines of the plans in force for years in [fromYear, toYear], with their competencies' ids and levels. */
  async currentLines(
    db: Db,
    filter: {
      fromYear: number;
      toYear: number;
      priorityArea?: PriorityArea | undefined;
      region?: Region | undefined;
    },
  ): Promise<CurrentDemandLine[]> {
    const rows = await db
      .select({
        id: line.id,
        planId: plan.id,
        organisationId: plan.organisationId,
        organisationName: organisations.shortName,
        year: plan.year,
        ...lineColumns,
      })
      .from(line)
      .innerJoin(plan, eq(plan.id, line.planId))
      .innerJoin(organisations, eq(organisations.id, plan.organisationId))
      .where(
        and(
          isNull(plan.supersededAt),
          gte(plan.year, filter.fromYear),
          lte(plan.year, filter.toYear),
          equalTo(line.priorityArea, filter.priorityArea),
          equalTo(line.region, filter.region),
        ),
      )
      .orderBy(asc(plan.year), asc(organisations.shortName), asc(line.id));
    const required = new Map<number, { competencyId: number; level: number }[]>();
    if (rows.length > 0) {
      const r = await db
        .select({
          lineId: demandLineCompetencies.lineId,
          competencyId: demandLineCompetencies.competencyId,
          level: demandLineCompetencies.level,
        })
        .from(demandLineCompetencies)
        .innerJoin(line, eq(line.id, demandLineCompetencies.lineId))
        .innerJoin(plan, eq(plan.id, line.planId))
        .where(and(isNull(plan.supersededAt), gte(plan.year, filter.fromYear), lte(plan.year, filter.toYear)))
        .orderBy(asc(demandLineCompetencies.competencyId));
      for (const { lineId, ...c } of r) required.set(lineId, [...(required.get(lineId) ?? []), c]);
    }
    return rows.map(({ id, ...r }) => ({ ...withLabel(r), competencies: required.get(id) ?? [] }));
  },

  /** The ids among `ids` that are competencies. */
  async existingCompetencyIds(db: Db, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: competencies.id })
      .from(competencies)
      .where(inArray(competencies.id, [...new Set(ids)]));
    return new Set(rows.map((r) => r.id));
  },

  /** Competency ids by `FRAMEWORK/CODE` (the framework's code, then the competency's), for the keys found. */
  async competencyIdsByCode(
    db: Db,
    keys: { framework: string; code: string }[],
  ): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows = await db
      .select({ id: competencies.id, code: competencies.code, framework: competencyFrameworks.code })
      .from(competencies)
      .innerJoin(competencyFrameworks, eq(competencyFrameworks.id, competencies.frameworkId))
      .where(inArray(competencies.code, [...new Set(keys.map((k) => k.code))]));
    return new Map(rows.map((r) => [`${r.framework}/${r.code}`.toLowerCase(), r.id]));
  },

  /** Competencies' codes and names by id. */
  competencyNames: (db: Db, ids: number[]) => codesAndNames(db, competencies, ids),

  /** Enrolments by programme, admission year, status and end year, counted (the supply projection's input). */
  async supplyEnrolments(db: Db): Promise<SupplyEnrolmentRow[]> {
    const endedYear = sql<number | null>`extract(year from ${enrolments.endedOn})::int`;
    const rows = await db
      .select({
        programmeId: programmes.id,
        programmeGroup: programmes.programmeGroup,
        priorityArea: programmes.priorityArea,
        durationSemesters: programmes.durationSemesters,
        admissionYear: enrolments.admissionYear,
        status: enrolments.status,
        endedYear,
        count: count(),
      })
      .from(enrolments)
      .innerJoin(programmeVersions, eq(programmeVersions.id, enrolments.versionId))
      .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .where(inArray(enrolments.status, ['active', 'graduated']))
      .groupBy(programmes.id, enrolments.admissionYear, enrolments.status, endedYear)
      .orderBy(asc(programmes.id), asc(enrolments.admissionYear));
    return rows.map((r) => ({ ...r, endedYear: r.endedYear === null ? null : Number(r.endedYear) }));
  },

  /** Programmes' codes and names by id. */
  programmeNames: (db: Db, ids: number[]) => codesAndNames(db, programmes, ids),

  /**
   * The best level each programme teaches each competency to over its active versions' matrices: the greatest
   * target level of an outcome of a discipline of the version, or of a practice (core's taughtLevels of
   * analyseProgramme, read as one aggregate; core/demand/gaps.ts taughtProgrammes groups the rows).
   */
  async taughtLevels(db: Db): Promise<TaughtLevelRow[]> {
    const lo = learningOutcomes;
    return db
      .select({
        programmeId: programmes.id,
        code: programmes.code,
        programmeGroup: programmes.programmeGroup,
        competencyId: lo.competencyId,
        level: sql<number>`max(${lo.targetLevel})`.mapWith(Number),
      })
      .from(lo)
      .innerJoin(programmeVersions, eq(programmeVersions.id, lo.versionId))
      .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .leftJoin(
        disciplines,
        and(eq(disciplines.id, lo.disciplineId), eq(disciplines.versionId, lo.versionId)),
      )
      .where(
        and(
          eq(programmeVersions.status, 'active'),
          or(isNotNull(disciplines.id), and(isNull(lo.disciplineId), isNotNull(lo.practiceType))),
        ),
      )
      .groupBy(programmes.id, programmes.code, programmes.programmeGroup, lo.competencyId)
      .orderBy(asc(programmes.id), asc(lo.competencyId));
  },
};

/** Codes and names in three languages of competencies or programmes, by id. */
async function codesAndNames(
  db: Db,
  table: typeof competencies | typeof programmes,
  ids: number[],
): Promise<Map<number, { code: string; name: { kk: string; ru: string; en: string } }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: table.id, code: table.code, kk: table.nameKk, ru: table.nameRu, en: table.nameEn })
    .from(table)
    .where(inArray(table.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: { kk: r.kk, ru: r.ru, en: r.en } }]));
}

async function competenciesOfLines(db: Db, lineIds: number[]) {
  const out = new Map<number, DemandLineRecord['competencies']>();
  if (lineIds.length === 0) return out;
  const rows = await db
    .select({
      lineId: demandLineCompetencies.lineId,
      competencyId: demandLineCompetencies.competencyId,
      level: demandLineCompetencies.level,
      code: competencies.code,
      nameKk: competencies.nameKk,
      nameRu: competencies.nameRu,
      nameEn: competencies.nameEn,
    })
    .from(demandLineCompetencies)
    .innerJoin(competencies, eq(competencies.id, demandLineCompetencies.competencyId))
    .where(inArray(demandLineCompetencies.lineId, lineIds))
    .orderBy(asc(demandLineCompetencies.competencyId));
  for (const { lineId, nameKk, nameRu, nameEn, ...c } of rows)
    out.set(lineId, [...(out.get(lineId) ?? []), { ...c, name: { kk: nameKk, ru: nameRu, en: nameEn } }]);
  return out;
}
