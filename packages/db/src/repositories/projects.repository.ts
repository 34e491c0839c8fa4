import type { ProjectKind, ProjectStatus } from '@kadr/contracts';
import { and, asc, count, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agreements, organisations, projectMilestones, strategyProjects, users } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** A stored milestone status; `overdue` is derived by the caller from the due date. */
export type StoredMilestoneStatus = 'pending' | 'in_progress' | 'done' | 'cancelled';

/** Milestone counts of a project: all, done, and open ones past their due date. */
export interface MilestoneCounts {
  total: number;
  done: number;
  overdue: number;
}

/** A branch or joint-programme project with its partner, agreement and milestone counts. */
export interface ProjectRecord {
  id: number;
  kind: ProjectKind;
  name: { kk: string; ru: string; en: string };
  organisationId: number | null;
  organisationShortName: string | null;
  agreementId: number | null;
  agreementNumber: string | null;
  status: ProjectStatus;
  startsOn: string;
  endsOn: string | null;
  /** In kk, ru and en (any may be empty). */
  description: { kk: string; ru: string; en: string };
  milestones: MilestoneCounts;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a project. */
export type ProjectInput = Pick<
  ProjectRecord,
  'kind' | 'name' | 'organisationId' | 'agreementId' | 'status' | 'startsOn' | 'endsOn' | 'description'
>;

/** A milestone with its project's name and its owner's name. */
export interface MilestoneRecord {
  id: number;
  projectId: number;
  projectName: { kk: string; ru: string; en: string };
  /** The title in kk, ru and en (English may be empty). */
  title: { kk: string; ru: string; en: string };
  ownerId: number;
  ownerName: string;
  dueOn: string;
  status: StoredMilestoneStatus;
  completedOn: string | null;
  /** Links, each labelled in kk, ru and en (English may be empty). */
  evidence: { label: { kk: string; ru: string; en: string }; url: string }[];
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a milestone. */
export type MilestoneInput = Pick<
  MilestoneRecord,
  'title' | 'ownerId' | 'dueOn' | 'status' | 'completedOn' | 'evidence'
>;

const p = strategyProjects;
const m = projectMilestones;
const OPEN: StoredMilestoneStatus[] = ['pending', 'in_progress'];

function projectColumns(input: Partial<ProjectInput>) {
  const { name, description, ...rest } = input;
  return {
    ...rest,
    ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}),
    ...(description
      ? { descriptionKk: description.kk, descriptionRu: description.ru, descriptionEn: description.en }
      : {}),
  };
}

/** The columns of a milestone's change: the title in its three columns. */
function milestoneColumns(input: Partial<MilestoneInput>) {
  const { title, ...rest } = input;
  return { ...rest, ...(title ? { titleKk: title.kk, titleRu: title.ru, titleEn: title.en } : {}) };
}

function selectProjects(db: Db) {
  return db
    .select({
      id: p.id,
      kind: p.kind,
      nameKk: p.nameKk,
      nameRu: p.nameRu,
      nameEn: p.nameEn,
      organisationId: p.organisationId,
      organisationShortName: organisations.shortName,
      agreementId: p.agreementId,
      agreementNumber: agreements.number,
      status: p.status,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      descriptionKk: p.descriptionKk,
      descriptionRu: p.descriptionRu,
      descriptionEn: p.descriptionEn,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })
    .from(p)
    .leftJoin(organisations, eq(organisations.id, p.organisationId))
    .leftJoin(agreements, eq(agreements.id, p.agreementId));
}

type ProjectRow = Awaited<ReturnType<typeof selectProjects>>[number];

/** Milestone counts of the projects, as of `today` (overdue: open and due before today). */
async function countsOf(db: Db, ids: number[], today: string): Promise<Map<number, MilestoneCounts>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      projectId: m.projectId,
      total: count(),
      done: sql<number>`count(*) filter (where ${m.status} = 'done')`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${m.status} in ('pending', 'in_progress') and ${m.dueOn} < ${today})`.mapWith(
          Number,
        ),
    })
    .from(m)
    .where(inArray(m.projectId, ids))
    .groupBy(m.projectId);
  return new Map(rows.map(({ projectId, ...counts }) => [projectId, counts]));
}

async function present(db: Db, rows: ProjectRow[], today: string): Promise<ProjectRecord[]> {
  const counts = await countsOf(
    db,
    rows.map((r) => r.id),
    today,
  );
  return rows.map(({ nameKk, nameRu, nameEn, descriptionKk, descriptionRu, descriptionEn, ...rest }) => ({
    ...rest,
    name: { kk: nameKk, ru: nameRu, en: nameEn },
    description: { kk: descriptionKk, ru: descriptionRu, en: descriptionEn },
    milestones: counts.get(rest.id) ?? { total: 0, done: 0, overdue: 0 },
  }));
}

function selectMilestones(db: Db) {
  return db
    .select({
      id: m.id,
      projectId: m.projectId,
      nameKk: p.nameKk,
      nameRu: p.nameRu,
      nameEn: p.nameEn,
      titleKk: m.titleKk,
      titleRu: m.titleRu,
      titleEn: m.titleEn,
      ownerId: m.ownerId,
      ownerName: users.fullName,
      dueOn: m.dueOn,
      status: m.status,
      completedOn: m.completedOn,
      evidence: m.evidence,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })
    .from(m)
    .innerJoin(p, eq(p.id, m.projectId))
    .innerJoin(users, eq(users.id, m.ownerId));
}

type MilestoneRow = Awaited<ReturnType<typeof selectMilestones>>[number];

function toMilestone({
  nameKk,
  nameRu,
  nameEn,
  titleKk,
  titleRu,
  titleEn,
  ...rest
}: MilestoneRow): MilestoneRecord {
  return {
    ...rest,
    projectName: { kk: nameKk, ru: nameRu, en: nameEn },
    title: { kk: titleKk, ru: titleRu, en: titleEn },
  };
}

/** Reads and writes strategy projects. Milestone counts are as of `today`, which the caller passes. */
export const projectsRepository = {
  async create(db: Db, input: ProjectInput): Promise<number> {
    const [row] = await db
      .insert(p)
      .values(projectColumns(input) as typeof p.$inferInsert)
      .returning({ id: p.id });
    return row!.id;
  },

  async update(db: Db, id: number, patch: Partial<ProjectInput>, at: Date): Promise<boolean> {
    const rows = await db
      .update(p)
      .set({ ...projectColumns(patch), updatedAt: at })
      .where(eq(p.id, id))
      .returning({ id: p.id });
    return rows.length > 0;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(p).where(eq(p.id, id));
  },

  async findById(db: Db, id: number, today: string): Promise<ProjectRecord | undefined> {
    const rows = await selectProjects(db).where(eq(p.id, id));
    return (await present(db, rows, today))[0];
  },

  /** Lists projects; `q` searches the three names. */
  async list(
    db: Db,
    params: ListParams & {
      q?: string | undefined;
      kind?: ProjectKind | undefined;
      status?: ProjectStatus | undefined;
      organisationId?: number | undefined;
      agreementId?: number | undefined;
    },
    today: string,
  ): Promise<RecordPage<ProjectRecord>> {
    return listPage(params, {
      rows: selectProjects(db).$dynamic(),
      filters: [
        equalTo(p.kind, params.kind),
        equalTo(p.status, params.status),
        equalTo(p.organisationId, params.organisationId),
        equalTo(p.agreementId, params.agreementId),
        search(params.q, p.nameKk, p.nameRu, p.nameEn),
      ],
      sortable: { startsOn: p.startsOn, createdAt: p.createdAt },
      fallback: ascending(p.startsOn),
      id: p.id,
      present: (rows) => present(db, rows, today),
    });
  },

  /** Every project, for the annual report. */
  async all(db: Db, today: string): Promise<ProjectRecord[]> {
    return present(db, await selectProjects(db).orderBy(asc(p.startsOn), asc(p.id)), today);
  },
};

/** Reads and writes project milestones. */
export const milestonesRepository = {
  async create(db: Db, projectId: number, input: MilestoneInput): Promise<MilestoneRecord> {
    const { title, ...rest } = input;
    const [row] = await db
      .insert(m)
      .values({ ...rest, titleKk: title.kk, titleRu: title.ru, titleEn: title.en, projectId })
      .returning({ id: m.id });
    return (await milestonesRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<MilestoneInput>,
    at: Date,
  ): Promise<MilestoneRecord | undefined> {
    const rows = await db
      .update(m)
      .set({ ...milestoneColumns(patch), updatedAt: at })
      .where(eq(m.id, id))
      .returning({ id: m.id });
    return rows.length > 0 ? milestonesRepository.findById(db, id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(m).where(eq(m.id, id));
  },

  async findById(db: Db, id: number): Promise<MilestoneRecord | undefined> {
    const [row] = await selectMilestones(db).where(eq(m.id, id));
    return row ? toMilestone(row) : undefined;
  },

  /** A project's milestones by due date. */
  async ofProject(db: Db, projectId: number): Promise<MilestoneRecord[]> {
    const rows = await selectMilestones(db)
      .where(eq(m.projectId, projectId))
      .orderBy(asc(m.dueOn), asc(m.id));
    return rows.map(toMilestone);
  },

  /** A user's milestones by due date; with `overdueOn`, only the open ones due before that day. */
  async ofOwner(
    db: Db,
    ownerId: number,
    params: ListParams & { overdueOn?: string | undefined },
  ): Promise<RecordPage<MilestoneRecord>> {
    return listPage(params, {
      rows: selectMilestones(db).$dynamic(),
      filters: [
        eq(m.ownerId, ownerId),
        params.overdueOn ? and(inArray(m.status, OPEN), lt(m.dueOn, params.overdueOn)) : undefined,
      ],
      sortable: { dueOn: m.dueOn },
      fallback: ascending(m.dueOn),
      id: m.id,
      present: (rows) => rows.map(toMilestone),
    });
  },
};
