/**
 * The approval of a programme version (issue 11): the coordinator submits a draft; each co-developer approves it
 * once, for its own organisation, in the account of one of its partner users; the approval of the last one
 * activates the version and supersedes the version active before it, in the same transaction. A programme without
 * co-developers is activated by the submission itself.
 *
 * Every step locks the programme row first, then the version, so that two approvals (or an approval and a
 * withdrawal) of versions of one programme never interleave: of two last approvals, exactly one activates.
 * The database backs the rules up: one approval per organisation (primary key) and one active version per
 * programme (a partial unique index).
 */
import type { ApproveVersionBody, ProgrammeVersion } from '@kadr/contracts';
import {
  type Db,
  type ProgrammeRecord,
  programmesRepository,
  programmeVersionsRepository,
  type VersionRecord,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, notFound, withUniqueCheck } from '../errors.ts';
import { organisationScope } from '../policy.ts';
import { programmeViewOf } from './programme-access.ts';
import { presentVersion } from './presenters.ts';
import { PROGRAMME_ENTITIES as ENTITY } from './version-removal.ts';

/** Locks the version's programme, then the version, and reads both under the locks. */
async function lockVersion(
  tx: Db,
  id: number,
): Promise<{ version: VersionRecord; programme: ProgrammeRecord }> {
  const unlocked = await programmeVersionsRepository.findById(tx, id);
  if (!unlocked) throw notFound('programme version', id);
  await programmesRepository.lock(tx, unlocked.programmeId);
  await programmeVersionsRepository.lock(tx, id);
  const version = (await programmeVersionsRepository.findById(tx, id))!;
  const programme = (await programmesRepository.findById(tx, version.programmeId))!;
  return { version, programme };
}

function refuse(message: string): AppError {
  return new AppError('INVALID_TRANSITION', { message });
}

/** Makes the version active and the previously active one superseded, both audited, in the caller's transaction. */
async function activate(tx: Db, ctx: ServiceContext, version: VersionRecord): Promise<VersionRecord> {
  const at = ctx.now();
  const previous = await programmeVersionsRepository.activeOf(tx, version.programmeId);
  if (previous) {
    // First: the partial unique index allows one active version per programme at any moment.
    const superseded = await programmeVersionsRepository.update(
      tx,
      previous.id,
      { status: 'superseded', supersededAt: at },
      at,
    );
    await recordChange(tx, ctx, {
      action: 'update',
      entity: ENTITY.version,
      entityId: previous.id,
      before: previous,
      after: superseded,
    });
  }
  const active = (await programmeVersionsRepository.update(
    tx,
    version.id,
    { status: 'active', activatedAt: at },
    at,
  ))!;
  await recordChange(tx, ctx, {
    action: 'update',
    entity: ENTITY.version,
    entityId: version.id,
    before: version,
    after: active,
  });
  return active;
}

/**
 * Submits a draft for the co-developers' approval (admin, coordinator); with no co-developers the version becomes
 * active at once. Refused for a draft without disciplines, one already submitted, and any other status.
 */
export async function submitVersion(ctx: ServiceContext, id: number): Promise<ProgrammeVersion> {
  return inTransaction(ctx, async (tx) => {
    const { version, programme } = await lockVersion(tx, id);
    if (version.status !== 'draft')
      throw refuse(`Version ${version.number} is ${version.status}, not a draft`);
    if (version.submittedAt !== null) throw refuse(`Version ${version.number} is already submitted`);
    if (version.disciplineCount === 0)
      throw new AppError('CONFLICT', {
        message: 'A version needs at least one discipline before it is submitted',
      });
    const submitted = (await programmeVersionsRepository.update(
      tx,
      id,
      { submittedAt: ctx.now() },
      ctx.now(),
    ))!;
    await recordChange(tx, ctx, {
      action: 'update',
      entity: ENTITY.version,
      entityId: id,
      before: version,
      after: submitted,
    });
    const result = programme.codevelopers.length === 0 ? await activate(tx, ctx, submitted) : submitted;
    return presentVersion(result, { kind: 'staff' });
  });
}

/**
 * Takes a submitted draft back for changes (admin, coordinator): the approvals given so far are removed (each
 * audited), since they approved content that is about to change.
 */
export async function withdrawVersion(ctx: ServiceContext, id: number): Promise<ProgrammeVersion> {
  return inTransaction(ctx, async (tx) => {
    const { version } = await lockVersion(tx, id);
    if (version.status !== 'draft' || version.submittedAt === null)
      throw refuse(`Version ${version.number} is not a submitted draft`);
    for (const a of version.approvals)
      await recordChange(tx, ctx, {
        action: 'delete',
        entity: ENTITY.approval,
        entityId: `${id}:${a.organisationId}`,
        before: a,
        after: null,
      });
    await programmeVersionsRepository.deleteApprovals(tx, id);
    const withdrawn = (await programmeVersionsRepository.update(tx, id, { submittedAt: null }, ctx.now()))!;
    await recordChange(tx, ctx, {
      action: 'update',
      entity: ENTITY.version,
      entityId: id,
      before: version,
      after: withdrawn,
    });
    return presentVersion(withdrawn, { kind: 'staff' });
  });
}

/**
 * A partner user approves a submitted draft for its own organisation, once. The version is NOT_FOUND for a
 * partner whose organisation does not co-develop the programme; the last approval activates it.
 */
export async function approveVersion(
  ctx: ServiceContext,
  id: number,
  body: ApproveVersionBody,
): Promise<ProgrammeVersion> {
  const organisationId = organisationScope(ctx.actor);
  if (ctx.actor.role !== 'partner' || organisationId === undefined)
    throw new AppError('FORBIDDEN', { message: 'Only a partner user approves, for its own organisation' });
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const { version, programme } = await lockVersion(tx, id);
        if (!programme.codevelopers.some((c) => c.organisationId === organisationId))
          throw notFound('programme version', id);
        if (version.status !== 'draft')
          throw refuse(`Version ${version.number} is ${version.status}, not a draft`);
        if (version.submittedAt === null)
          throw refuse(`Version ${version.number} has not been submitted for approval`);
        if (version.approvals.some((a) => a.organisationId === organisationId)) throw alreadyApproved();
        await programmeVersionsRepository.addApproval(
          tx,
          { versionId: id, organisationId, userId: ctx.actor.userId, comment: body.comment },
          ctx.now(),
        );
        const approved = (await programmeVersionsRepository.findById(tx, id))!;
        const approval = approved.approvals.find((a) => a.organisationId === organisationId);
        await recordChange(tx, ctx, {
          action: 'create',
          entity: ENTITY.approval,
          entityId: `${id}:${organisationId}`,
          before: null,
          after: approval,
        });
        const given = new Set(approved.approvals.map((a) => a.organisationId));
        const complete = programme.codevelopers.every((c) => given.has(c.organisationId));
        const result = complete ? await activate(tx, ctx, approved) : approved;
        return presentVersion(result, await programmeViewOf(ctx));
      }),
    alreadyApproved,
  );
}

function alreadyApproved(): AppError {
  return new AppError('CONFLICT', { message: 'Your organisation has already approved this version' });
}
