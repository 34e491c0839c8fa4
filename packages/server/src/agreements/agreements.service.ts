import {
  AGREEMENT_EXPIRING_DAYS,
  type Agreement,
  type AgreementDetail,
  type AgreementListQuery,
  type AgreementStatus,
  type CreateAgreementBody,
  type UpdateAgreementBody,
} from '@kadr/contracts';
import {
  type AgreementRecord,
  agreementDocumentsRepository,
  agreementsRepository,
  type Db,
  obligationsRepository,
  organisationsRepository,
  type RecordPage,
} from '@kadr/db';
import { recordChange, recordDeletes } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, pgErrorCode, validationError, withUniqueCheck } from '../errors.ts';
import {
  addDays,
  allowedAgreementTransitions,
  calendarDateOf,
  effectiveAgreementStatus,
  planAgreementTransition,
} from '@kadr/core';
import { presentAgreement, presentDocument, presentObligation } from './presenters.ts';
import { placesOfferedThisYear } from '../placements/offers-progress.ts';
import { organisationScope } from '../policy.ts';

/** The last answer of todayOf: its zone, the whole second (ms since the epoch / 1000) and the date. */
let lastToday = { timeZone: '', second: Number.NaN, date: '' };

/**
 * Today in university time, from the context's clock and time zone. The zone's offset is a function of the whole
 * second (calendarDateOf reads the wall clock to the second), so the answer is kept for that second and zone: the
 * lists that need today (agreements, partners) spent about 0.05 ms of every request formatting the date in the
 * zone (Intl's formatToParts) to learn it (docs/api-performance.md).
 */
export function todayOf(ctx: ServiceContext): string {
  const now = ctx.now();
  const second = Math.floor(now.getTime() / 1000);
  if (lastToday.second !== second || lastToday.timeZone !== ctx.timeZone)
    lastToday = { timeZone: ctx.timeZone, second, date: calendarDateOf(now, ctx.timeZone) };
  return lastToday.date;
}

/** The agreement if it exists and the actor may see it (a partner only those it is party to), else NOT_FOUND. */
export async function requireVisibleAgreement(
  ctx: ServiceContext,
  id: number,
  db: Db = ctx.db,
): Promise<AgreementRecord> {
  const found = await agreementsRepository.findById(db, id);
  const scope = organisationScope(ctx.actor);
  if (!found || (scope !== undefined && !found.parties.some((p) => p.organisationId === scope))) {
    throw notFound('agreement', id);
  }
  return found;
}

/** Lists agreements (partners: those they are party to) with the status filter as of today. */
export async function listAgreements(
  ctx: ServiceContext,
  query: AgreementListQuery,
): Promise<RecordPage<Agreement>> {
  const today = todayOf(ctx);
  const page = await agreementsRepository.list(ctx.db, {
    ...query,
    today,
    expiringDays: AGREEMENT_EXPIRING_DAYS,
    onlyOrganisationId: organisationScope(ctx.actor),
  });
  return { ...page, items: page.items.map((a) => presentAgreement(a, today)) };
}

/** Active agreements whose valid-until falls within `days` from today: the renewal reminders. */
export async function listExpiringAgreements(
  ctx: ServiceContext,
  query: { page: number; pageSize: number; sort?: string | undefined; days: number },
): Promise<RecordPage<Agreement>> {
  const today = todayOf(ctx);
  const page = await agreementsRepository.expiring(ctx.db, {
    ...query,
    today,
    until: addDays(today, query.days),
    onlyOrganisationId: organisationScope(ctx.actor),
  });
  return { ...page, items: page.items.map((a) => presentAgreement(a, today)) };
}

/** One agreement with its documents, obligations (and their evidence) and allowed transitions. */
export async function getAgreement(ctx: ServiceContext, id: number): Promise<AgreementDetail> {
  const today = todayOf(ctx);
  const agreement = await requireVisibleAgreement(ctx, id);
  const obligations = await obligationsRepository.listForAgreement(ctx.db, id);
  const evidence = await agreementDocumentsRepository.listForObligations(
    ctx.db,
    obligations.map((o) => o.id),
  );
  const documents = await agreementDocumentsRepository.listForAgreement(ctx.db, id);
  const offered = await placesOfferedThisYear(ctx, obligations);
  return {
    ...presentAgreement(agreement, today),
    documents: documents.map(presentDocument),
    obligations: obligations.map((o) => presentObligation(o, today, evidence, offered)),
    allowedTransitions: allowedAgreementTransitions(effectiveAgreementStatus(agreement, today)),
  };
}

/** The party ids to store: the home university plus the given organisations, each checked to exist. */
async function partiesWithHome(db: Db, partyIds: number[]): Promise<number[]> {
  const home = (await organisationsRepository.list(db, { page: 1, pageSize: 1, kind: 'home_university' }))
    .items[0];
  if (!home) throw new AppError('CONFLICT', { message: 'No home university is registered' });
  const issues = [];
  for (const [index, id] of partyIds.entries()) {
    if (!(await organisationsRepository.findById(db, id)))
      issues.push(fieldIssue(`body.partyIds.${index}`, 'exists', `No organisation ${id}`));
  }
  if (issues.length > 0) throw validationError(issues);
  const others = [...new Set(partyIds)].filter((id) => id !== home.id);
  if (others.length === 0)
    throw validationError([
      fieldIssue('body.partyIds', 'otherParty', 'Name at least one party besides the home university'),
    ]);
  return [home.id, ...others];
}

function numberTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'An agreement with this number exists',
    details: { issues: [fieldIssue('body.number', 'unique', 'already used')] },
  });
}

/** Creates a draft agreement (admin); the home university becomes a party. */
export async function createAgreement(ctx: ServiceContext, body: CreateAgreementBody): Promise<Agreement> {
  const { partyIds, ...fields } = body;
  const parties = await partiesWithHome(ctx.db, partyIds);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await agreementsRepository.create(
          tx,
          { ...fields, status: 'draft', terminatedOn: null },
          parties,
        );
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'agreement',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentAgreement(created, todayOf(ctx));
      }),
    numberTaken,
  );
}

/** Changes an agreement (admin). A new valid-until renews it; a terminated agreement is closed. */
export async function updateAgreement(
  ctx: ServiceContext,
  id: number,
  body: UpdateAgreementBody,
): Promise<Agreement> {
  const { partyIds, ...patch } = body;
  const parties = partyIds ? await partiesWithHome(ctx.db, partyIds) : undefined;
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await agreementsRepository.findById(tx, id);
        if (!before) throw notFound('agreement', id);
        if (before.status === 'terminated')
          throw new AppError('INVALID_TRANSITION', { message: 'A terminated agreement cannot be changed' });
        const signedOn = patch.signedOn !== undefined ? patch.signedOn : before.signedOn;
        const validUntil = patch.validUntil !== undefined ? patch.validUntil : before.validUntil;
        if (signedOn && validUntil && validUntil < signedOn)
          throw validationError([
            fieldIssue('body.validUntil', 'datesInOrder', 'validUntil is before signedOn'),
          ]);
        const after = (await agreementsRepository.update(tx, id, patch, ctx.now(), parties))!;
        await recordChange(tx, ctx, { action: 'update', entity: 'agreement', entityId: id, before, after });
        return presentAgreement(after, todayOf(ctx));
      }),
    numberTaken,
  );
}

/** Moves an agreement along its lifecycle (admin); 409 INVALID_TRANSITION when not allowed. */
export async function transitionAgreement(
  ctx: ServiceContext,
  id: number,
  body: { status: AgreementStatus; on?: string | undefined },
): Promise<Agreement> {
  const today = todayOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await agreementsRepository.findById(tx, id);
    if (!before) throw notFound('agreement', id);
    const plan = planAgreementTransition(before, body.status, today, body.on);
    if (!plan.ok) {
      const current = effectiveAgreementStatus(before, today);
      throw new AppError('INVALID_TRANSITION', {
        message: plan.reason,
        details: { from: current, to: body.status, allowed: allowedAgreementTransitions(current) },
      });
    }
    const after = (await agreementsRepository.update(tx, id, plan.patch, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'agreement', entityId: id, before, after });
    return presentAgreement(after, today);
  });
}

/**
 * Deletes a draft agreement (admin) with its obligations and documents, each audited in the same transaction
 * (its parties are part of the agreement's own record); signed agreements are terminated instead.
 */
export async function deleteAgreement(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await agreementsRepository.lockForDelete(tx, id);
    const before = await agreementsRepository.findById(tx, id);
    if (!before) throw notFound('agreement', id);
    if (before.status !== 'draft')
      throw new AppError('INVALID_TRANSITION', {
        message: 'Only a draft can be deleted; terminate a signed agreement',
      });
    const obligations = await obligationsRepository.listForAgreement(tx, id);
    const documents = await agreementDocumentsRepository.deleteForAgreement(tx, id);
    await recordDeletes(tx, ctx, 'agreement_document', documents);
    await obligationsRepository.deleteForAgreement(tx, id);
    await recordDeletes(tx, ctx, 'obligation', obligations);
    await agreementsRepository.delete(tx, id).catch((error: unknown) => {
      if (pgErrorCode(error) === '23503')
        throw new AppError('CONFLICT', { message: 'Investments refer to this agreement; change them first' });
      throw error;
    });
    await recordChange(tx, ctx, { action: 'delete', entity: 'agreement', entityId: id, before, after: null });
  });
}
