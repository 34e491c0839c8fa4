import type {
  AuditEntity,
  CreateVersionBody,
  Page,
  ProgrammeVersion,
  ProgrammeVersionDetail,
  UpdateVersionBody,
  VersionListQuery,
} from '@kadr/contracts';
import {
  type Db,
  disciplinesRepository,
  programmesRepository,
  programmeVersionsRepository,
  type VersionRecord,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import {
  assertProgrammeVisible,
  programmeViewOf,
  visibleStatuses,
  visibleVersion,
  equivalencesOf,
} from './programme-access.ts';
import { missingOf, presentDiscipline, presentVersion } from './presenters.ts';
import { auditVersionRemoval, PROGRAMME_ENTITIES as ENTITY } from './version-removal.ts';

/** A programme's version history, newest first: every reader of the programme (drafts only for staff and partners). */
export async function listVersions(
  ctx: ServiceContext,
  programmeId: number,
  query: VersionListQuery,
): Promise<Page<ProgrammeVersion>> {
  const view = await programmeViewOf(ctx);
  await assertProgrammeVisible(ctx.db, view, programmeId);
  if (!(await programmesRepository.findById(ctx.db, programmeId))) throw notFound('programme', programmeId);
  const page = await programmeVersionsRepository.list(ctx.db, programmeId, {
    ...query,
    statuses: visibleStatuses(view),
  });
  return { ...page, items: page.items.map((v) => presentVersion(v, view)) };
}

/** One version with its programme's facts, its disciplines and what it still lacks. */
export async function getVersion(ctx: ServiceContext, id: number): Promise<ProgrammeVersionDetail> {
  const { version, view } = await visibleVersion(ctx, id);
  const programme = (await programmesRepository.findById(ctx.db, version.programmeId))!;
  const disciplines = await disciplinesRepository.allOfVersion(ctx.db, id, equivalencesOf(ctx));
  return {
    ...presentVersion(version, view),
    programme: {
      id: programme.id,
      code: programme.code,
      name: programme.name,
      credits: programme.credits,
      durationSemesters: programme.durationSemesters,
    },
    disciplines: disciplines.map(presentDiscipline),
    missing: missingOf(version, programme),
  };
}

/**
 * Locks a version for a change of its content and checks that it may change: a draft not yet submitted.
 * @throws NOT_FOUND for no such version, INVALID_TRANSITION for a submitted, active or superseded one
 */
export async function lockEditableVersion(tx: Db, id: number): Promise<VersionRecord> {
  if (!(await programmeVersionsRepository.lock(tx, id))) throw notFound('programme version', id);
  const version = (await programmeVersionsRepository.findById(tx, id))!;
  if (version.status !== 'draft')
    throw new AppError('INVALID_TRANSITION', {
      message: `Version ${version.number} is ${version.status}: only drafts change`,
    });
  if (version.submittedAt !== null)
    throw new AppError('INVALID_TRANSITION', {
      message: `Version ${version.number} was submitted for approval: withdraw it to change it`,
    });
  return version;
}

/**
 * Opens a draft (admin, coordinator) as a copy of the programme's latest version: disciplines with their labs,
 * equipment and equivalences, learning outcomes and promised competencies, each copy audited. One draft at a time.
 */
export async function createVersion(
  ctx: ServiceContext,
  programmeId: number,
  body: CreateVersionBody,
): Promise<ProgrammeVersion> {
  return inTransaction(ctx, async (tx) => {
    if (!(await programmesRepository.lock(tx, programmeId))) throw notFound('programme', programmeId);
    const programme = (await programmesRepository.findById(tx, programmeId))!;
    if (programme.draftVersion)
      throw new AppError('CONFLICT', {
        message: `Version ${programme.draftVersion.number} is still a draft: finish or delete it first`,
      });
    const latest = await programmeVersionsRepository.latest(tx, programmeId);
    const draft = await programmeVersionsRepository.createDraft(
      tx,
      { programmeId, ...body, createdBy: ctx.actor.userId > 0 ? ctx.actor.userId : null },
      ctx.now(),
    );
    if (latest) await programmeVersionsRepository.copyContent(tx, latest.id, draft.id, ctx.now());
    const created = (await programmeVersionsRepository.findById(tx, draft.id))!;
    await auditCopies(tx, ctx, created, latest?.id ?? null);
    return presentVersion(created, { kind: 'staff' });
  });
}

/** Records the new draft and every record copied into it. */
async function auditCopies(tx: Db, ctx: ServiceContext, version: VersionRecord, copiedFrom: number | null) {
  const promised = await programmeVersionsRepository.promisedOf(tx, version.id);
  const create = (entity: AuditEntity, after: { id: number }) =>
    recordChange(tx, ctx, { action: 'create', entity, entityId: after.id, before: null, after });
  await recordChange(tx, ctx, {
    action: 'create',
    entity: ENTITY.version,
    entityId: version.id,
    before: null,
    after: { ...version, copiedFrom, promised },
  });
  const disciplines = await disciplinesRepository.allOfVersion(tx, version.id);
  for (const d of disciplines) await create(ENTITY.discipline, d);
  const ids = disciplines.map((d) => d.id);
  for (const e of await disciplinesRepository.equivalencesOf(tx, ids)) await create(ENTITY.equivalence, e);
  for (const o of await programmeVersionsRepository.outcomesOf(tx, version.id))
    await create(ENTITY.outcome, o);
}

/** Changes a draft's start year or note (admin, coordinator), before it is submitted. */
export async function updateVersion(
  ctx: ServiceContext,
  id: number,
  body: UpdateVersionBody,
): Promise<ProgrammeVersion> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockEditableVersion(tx, id);
    const after = (await programmeVersionsRepository.update(tx, id, body, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: ENTITY.version, entityId: id, before, after });
    return presentVersion(after, { kind: 'staff' });
  });
}

/**
 * Deletes a draft (admin, coordinator), submitted or not, with everything in it, each record audited. Active and
 * superseded versions are history and stay; a draft a student was enrolled in stays too.
 */
export async function deleteVersion(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const found = await programmeVersionsRepository.findById(tx, id);
    if (!found) throw notFound('programme version', id);
    await programmesRepository.lock(tx, found.programmeId);
    if (!(await programmeVersionsRepository.lock(tx, id))) throw notFound('programme version', id);
    const version = (await programmeVersionsRepository.findById(tx, id))!;
    if (version.status !== 'draft')
      throw new AppError('INVALID_TRANSITION', {
        message: `Version ${version.number} is ${version.status}: only drafts are deleted, history is kept`,
      });
    const enrolled = await programmeVersionsRepository.enrolmentCount(tx, id);
    if (enrolled > 0) throw new AppError('CONFLICT', { message: `${enrolled} enrolments name this version` });
    await auditVersionRemoval(tx, ctx, version);
    await programmeVersionsRepository.delete(tx, id);
  });
}
