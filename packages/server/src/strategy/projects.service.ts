import {
  type CreateMilestoneBody,
  type CreateProjectBody,
  MILESTONE_OWNER_ROLES,
  type MilestoneOwner,
  type Milestone,
  type MilestoneListQuery,
  OWNER_MILESTONE_FIELDS,
  type Page,
  type Project,
  type ProjectDetail,
  type ProjectListQuery,
  projectIssues,
  type UpdateMilestoneBody,
  type UpdateProjectBody,
} from '@kadr/contracts';
import {
  agreementsRepository,
  type Db,
  type MilestoneFileRecord,
  type MilestoneInput,
  type MilestoneRecord,
  milestoneFilesRepository,
  milestonesRepository,
  organisationsRepository,
  type ProjectInput,
  type ProjectRecord,
  projectsRepository,
  usersRepository,
} from '@kadr/db';
import { effectiveMilestoneStatus } from '@kadr/core';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange, recordDeletes } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { isWriter, presentMilestoneFile } from './milestone-files.service.ts';

type Issue = ReasonedIssue;

const iso = (d: Date) => d.toISOString();

/** A project as the API answers it. */
export function presentProject(p: ProjectRecord): Project {
  return { ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) };
}

/** A milestone as shown on `today` with its evidence files: open and past its due date reads as `overdue`. */
export function presentMilestone(
  m: MilestoneRecord,
  today: string,
  files: MilestoneFileRecord[] = [],
): Milestone {
  return {
    ...m,
    status: effectiveMilestoneStatus(m, today),
    storedStatus: m.status,
    files: files.map(presentMilestoneFile),
    createdAt: iso(m.createdAt),
    updatedAt: iso(m.updatedAt),
  };
}

/** Milestones as shown on `today`, with their evidence files (one read for all). */
async function presentMilestones(db: Db, milestones: MilestoneRecord[], today: string): Promise<Milestone[]> {
  const files = await milestoneFilesRepository.ofMilestones(
    db,
    milestones.map((m) => m.id),
  );
  return milestones.map((m) =>
    presentMilestone(
      m,
      today,
      files.filter((f) => f.milestoneId === m.id),
    ),
  );
}

/** Lists projects (staff). */
export async function listProjects(ctx: ServiceContext, query: ProjectListQuery): Promise<Page<Project>> {
  const page = await projectsRepository.list(ctx.db, query, todayOf(ctx));
  return { ...page, items: page.items.map(presentProject) };
}

/** One project with its milestones (staff). */
export async function getProject(ctx: ServiceContext, id: number): Promise<ProjectDetail> {
  const today = todayOf(ctx);
  const found = await projectsRepository.findById(ctx.db, id, today);
  if (!found) throw notFound('project', id);
  const milestones = await milestonesRepository.ofProject(ctx.db, id);
  return { ...presentProject(found), milestoneList: await presentMilestones(ctx.db, milestones, today) };
}

/** The partner organisation and the agreement exist, and the organisation is a party to the agreement. */
async function referenceIssues(
  db: Db,
  p: Pick<ProjectInput, 'organisationId' | 'agreementId'>,
): Promise<Issue[]> {
  const issues: Issue[] = [];
  if (p.organisationId && !(await organisationsRepository.findById(db, p.organisationId)))
    issues.push(fieldIssue('body.organisationId', 'exists', `No organisation ${p.organisationId}`));
  if (p.agreementId) {
    const agreement = await agreementsRepository.findById(db, p.agreementId);
    if (!agreement) issues.push(fieldIssue('body.agreementId', 'exists', `No agreement ${p.agreementId}`));
    else if (
      p.organisationId &&
      !agreement.parties.some((party) => party.organisationId === p.organisationId)
    )
      issues.push(
        fieldIssue(
          'body.agreementId',
          'partyToAgreement',
          'The organisation is not a party to this agreement',
        ),
      );
  }
  return issues;
}

/** Creates a project (admin, coordinator). */
export async function createProject(ctx: ServiceContext, body: CreateProjectBody): Promise<Project> {
  const issues = await referenceIssues(ctx.db, body);
  if (issues.length > 0) throw validationError(issues);
  return inTransaction(ctx, async (tx) => {
    const id = await projectsRepository.create(tx, body);
    const created = (await projectsRepository.findById(tx, id, todayOf(ctx)))!;
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'project',
      entityId: id,
      before: null,
      after: created,
    });
    return presentProject(created);
  });
}

/** Changes a project (admin, coordinator); the rules are checked on the merged project. */
export async function updateProject(
  ctx: ServiceContext,
  id: number,
  body: UpdateProjectBody,
): Promise<Project> {
  const today = todayOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await projectsRepository.findById(tx, id, today);
    if (!before) throw notFound('project', id);
    const merged = { ...before, ...body };
    const issues = [
      ...projectIssues(merged).map((i) => fieldIssue(`body.${i.path.join('.')}`, i.rule, i.message)),
      ...(await referenceIssues(tx, merged)),
    ];
    if (issues.length > 0) throw validationError(issues);
    await projectsRepository.update(tx, id, body, ctx.now());
    const after = (await projectsRepository.findById(tx, id, today))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'project', entityId: id, before, after });
    return presentProject(after);
  });
}

/** Deletes a project and its milestones, each audited (admin, coordinator). */
export async function deleteProject(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await projectsRepository.findById(tx, id, todayOf(ctx));
    if (!before) throw notFound('project', id);
    await recordDeletes(
      tx,
      ctx,
      'milestone_file',
      await milestoneFilesRepository.deleteOf(tx, { projectId: id }),
    );
    await recordDeletes(tx, ctx, 'milestone', await milestonesRepository.ofProject(tx, id));
    await projectsRepository.delete(tx, id);
    await recordChange(tx, ctx, { action: 'delete', entity: 'project', entityId: id, before, after: null });
  });
}

/** A project's milestones (staff). */
export async function listMilestones(ctx: ServiceContext, projectId: number): Promise<Milestone[]> {
  const today = todayOf(ctx);
  if (!(await projectsRepository.findById(ctx.db, projectId, today))) throw notFound('project', projectId);
  return presentMilestones(ctx.db, await milestonesRepository.ofProject(ctx.db, projectId), today);
}

async function ownerIssues(db: Db, ownerId: number | undefined): Promise<Issue[]> {
  if (ownerId === undefined) return [];
  const owner = await usersRepository.findById(db, ownerId);
  return owner?.active ? [] : [fieldIssue('body.ownerId', 'exists', `No active user ${ownerId}`)];
}

/** completedOn follows the status: set to today when a milestone is done without a date, cleared when reopened. */
function withCompletion<T extends Partial<MilestoneInput>>(
  body: T,
  before: MilestoneRecord | null,
  today: string,
): T {
  const status = body.status ?? before?.status;
  if (status === 'done' && body.completedOn === undefined && !before?.completedOn)
    return { ...body, completedOn: today };
  if (status !== 'done' && body.status !== undefined && body.completedOn === undefined)
    return { ...body, completedOn: null };
  return body;
}

/** Adds a milestone to a project (admin, coordinator). */
export async function createMilestone(
  ctx: ServiceContext,
  projectId: number,
  body: CreateMilestoneBody,
): Promise<Milestone> {
  const today = todayOf(ctx);
  return inTransaction(ctx, async (tx) => {
    if (!(await projectsRepository.findById(tx, projectId, today))) throw notFound('project', projectId);
    const issues = await ownerIssues(tx, body.ownerId);
    if (issues.length > 0) throw validationError(issues);
    const created = await milestonesRepository.create(tx, projectId, withCompletion(body, null, today));
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'milestone',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentMilestone(created, today);
  });
}

/**
 * Changes a milestone: admin and coordinators change anything; its owner changes only status, completedOn and
 * evidence. Anyone else gets NOT_FOUND, except staff who may read it (FORBIDDEN).
 */
export async function updateMilestone(
  ctx: ServiceContext,
  id: number,
  body: UpdateMilestoneBody,
): Promise<Milestone> {
  const today = todayOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await milestonesRepository.findById(tx, id);
    const isOwner = before?.ownerId === ctx.actor.userId;
    if (!before || (!isWriter(ctx) && !isOwner && ctx.actor.role !== 'officer'))
      throw notFound('milestone', id);
    if (!isWriter(ctx)) {
      const others = Object.keys(body).filter(
        (k) => !(OWNER_MILESTONE_FIELDS as readonly string[]).includes(k),
      );
      if (!isOwner || others.length > 0)
        throw new AppError('FORBIDDEN', {
          message: isOwner
            ? `A milestone's owner may change only ${OWNER_MILESTONE_FIELDS.join(', ')}, not ${others.join(', ')}`
            : 'Only the owner, an admin or a coordinator may change a milestone',
        });
    }
    const issues = await ownerIssues(tx, body.ownerId);
    if (issues.length > 0) throw validationError(issues);
    const after = (await milestonesRepository.update(
      tx,
      id,
      withCompletion(body, before, today),
      ctx.now(),
    ))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'milestone', entityId: id, before, after });
    return (await presentMilestones(tx, [after], today))[0]!;
  });
}

/** Deletes a milestone (admin, coordinator). */
export async function deleteMilestone(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await milestonesRepository.findById(tx, id);
    if (!before) throw notFound('milestone', id);
    await recordDeletes(
      tx,
      ctx,
      'milestone_file',
      await milestoneFilesRepository.deleteOf(tx, { milestoneId: id }),
    );
    await milestonesRepository.delete(tx, id);
    await recordChange(tx, ctx, { action: 'delete', entity: 'milestone', entityId: id, before, after: null });
  });
}

/** The signed-in user's milestones; `overdue=true` keeps the ones open after their due date (the home page). */
export async function myMilestones(ctx: ServiceContext, query: MilestoneListQuery): Promise<Page<Milestone>> {
  const today = todayOf(ctx);
  const page = await milestonesRepository.ofOwner(ctx.db, ctx.actor.userId, {
    ...query,
    overdueOn: query.overdue === 'true' ? today : undefined,
  });
  return { ...page, items: await presentMilestones(ctx.db, page.items, today) };
}

/** The active users who may own milestones (admin, coordinators, officers, partners' users), by name. */
export async function milestoneOwners(ctx: ServiceContext): Promise<MilestoneOwner[]> {
  const owners: MilestoneOwner[] = [];
  for (const role of MILESTONE_OWNER_ROLES) {
    const page = await usersRepository.list(ctx.db, {
      role,
      active: true,
      page: 1,
      pageSize: 200,
      sort: 'fullName',
    });
    owners.push(...page.items.map((u) => ({ id: u.id, fullName: u.fullName, role: u.role })));
  }
  return owners;
}
