import type {
  CreateObligationBody,
  Obligation,
  ObligationListQuery,
  UpdateObligationBody,
} from '@kadr/contracts';
import { obligationIssues } from '@kadr/contracts';
import {
  agreementDocumentsRepository,
  type ObligationRecord,
  obligationsRepository,
  type RecordPage,
} from '@kadr/db';
import { recordChange, recordDeletes } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, notFound, validationError } from '../errors.ts';
import { requireVisibleAgreement, todayOf } from './agreements.service.ts';
import { presentObligation } from './presenters.ts';
import { placesOfferedThisYear } from '../placements/offers-progress.ts';
import { organisationScope } from '../policy.ts';

async function present(ctx: ServiceContext, records: ObligationRecord[]): Promise<Obligation[]> {
  const evidence = await agreementDocumentsRepository.listForObligations(
    ctx.db,
    records.map((o) => o.id),
  );
  const today = todayOf(ctx);
  const offered = await placesOfferedThisYear(ctx, records);
  return records.map((o) => presentObligation(o, today, evidence, offered));
}

/** Lists obligations (partners: of agreements they are party to); `status=late` lists the overdue ones. */
export async function listObligations(
  ctx: ServiceContext,
  query: Partial<ObligationListQuery> & { page: number; pageSize: number },
): Promise<RecordPage<Obligation>> {
  const page = await obligationsRepository.list(ctx.db, {
    ...query,
    today: todayOf(ctx),
    onlyOrganisationId: organisationScope(ctx.actor),
  });
  return { ...page, items: await present(ctx, page.items) };
}

/** The obligation if its agreement is visible to the actor, else NOT_FOUND. */
export async function requireVisibleObligation(ctx: ServiceContext, id: number): Promise<ObligationRecord> {
  const found = await obligationsRepository.findById(ctx.db, id);
  if (!found) throw notFound('obligation', id);
  await requireVisibleAgreement(ctx, found.agreementId).catch(() => {
    throw notFound('obligation', id);
  });
  return found;
}

/** Adds an obligation to an agreement (admin). */
export async function createObligation(
  ctx: ServiceContext,
  agreementId: number,
  body: CreateObligationBody,
): Promise<Obligation> {
  await requireVisibleAgreement(ctx, agreementId);
  return inTransaction(ctx, async (tx) => {
    const created = await obligationsRepository.create(tx, {
      ...body,
      agreementId,
      status: 'pending',
      metOn: null,
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'obligation',
      entityId: created.id,
      before: null,
      after: created,
    });
    return (await present({ ...ctx, db: tx }, [created]))[0]!;
  });
}

/** Checks a merged obligation: `met` needs evidence, kind-specific fields stay present. */
async function checkMerged(
  ctx: ServiceContext,
  before: ObligationRecord,
  merged: ObligationRecord,
): Promise<void> {
  const needsDocuments = merged.status === 'met' && !merged.evidenceText && !merged.evidenceUrl;
  const documents = needsDocuments
    ? (await agreementDocumentsRepository.listForObligations(ctx.db, [before.id])).length
    : 0;
  const issues = obligationIssues(merged, documents).map((i) =>
    fieldIssue(`body.${i.path.join('.')}`, i.rule, i.message),
  );
  if (issues.length > 0) throw validationError(issues);
}

/** Changes an obligation (admin); marking it met records the evidence and the date (default today). */
export async function updateObligation(
  ctx: ServiceContext,
  id: number,
  body: UpdateObligationBody,
): Promise<Obligation> {
  return inTransaction(ctx, async (tx) => {
    const before = await obligationsRepository.findById(tx, id);
    if (!before) throw notFound('obligation', id);
    const patch: Partial<ObligationRecord> = { ...body };
    if (body.status === 'met' && body.metOn === undefined && !before.metOn) patch.metOn = todayOf(ctx);
    if (body.status && body.status !== 'met' && body.metOn === undefined) patch.metOn = null;
    await checkMerged({ ...ctx, db: tx }, before, { ...before, ...patch });
    const after = (await obligationsRepository.update(tx, id, patch, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'obligation', entityId: id, before, after });
    return (await present({ ...ctx, db: tx }, [after]))[0]!;
  });
}

/** Deletes an obligation and its evidence documents (admin), auditing each in the same transaction. */
export async function deleteObligation(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await obligationsRepository.lockForDelete(tx, id);
    const before = await obligationsRepository.findById(tx, id);
    if (!before) throw notFound('obligation', id);
    const documents = await agreementDocumentsRepository.deleteForObligation(tx, id);
    await recordDeletes(tx, ctx, 'agreement_document', documents);
    await obligationsRepository.delete(tx, id);
    await recordDeletes(tx, ctx, 'obligation', [before]);
  });
}
