/**
 * Practice offers (issue 12 item 1): a partner posts places for its own organisation, the practice officer or an
 * admin for any partner. Drafted, published (it may then enter rounds), withdrawn. Each offer counts against the
 * organisation's practice-places obligation (the one named, else the current one found when it is created).
 * Staff read every offer, a partner its own, a student published ones; every change is audited.
 */
import {
  type CreateOfferBody,
  type Offer,
  type OfferListQuery,
  type OfferStatus,
  offerIssues,
  type UpdateOfferBody,
} from '@kadr/contracts';
import {
  competenciesRepository,
  type Db,
  type OfferInput,
  type OfferRecord,
  organisationsRepository,
  placementOffersRepository,
  programmesRepository,
  type RecordPage,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { type Actor, inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { organisationScope } from '../policy.ts';
import { roundsHoldingOffer } from './rounds.service.ts';

/** Presents an offer (the record without its author). */
export function presentOffer(r: OfferRecord): Offer {
  const { createdBy: _createdBy, ...rest } = r;
  return { ...rest, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** The statuses of offers the actor may see: students only published ones. */
function visibleStatuses(actor: Actor): OfferStatus[] | undefined {
  return actor.role === 'student' ? ['published'] : undefined;
}

/** True when the actor may see the offer. */
export function canSeeOffer(actor: Actor, offer: OfferRecord): boolean {
  const scope = organisationScope(actor);
  if (scope !== undefined && actor.role === 'partner') return offer.organisationId === scope;
  if (actor.role === 'student') return offer.status === 'published';
  return scope === undefined;
}

/** Lists offers: staff every offer, a partner its own, a student the published ones. */
export async function listOffers(ctx: ServiceContext, query: OfferListQuery): Promise<RecordPage<Offer>> {
  const partner = ctx.actor.role === 'partner';
  if (partner && query.organisationId !== undefined && query.organisationId !== ctx.actor.organisationId)
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const page = await placementOffersRepository.list(ctx.db, {
    ...query,
    organisationId: partner ? ctx.actor.organisationId : query.organisationId,
    statuses: visibleStatuses(ctx.actor),
  });
  return { ...page, items: page.items.map(presentOffer) };
}

/** The offer when the actor may see it, else NOT_FOUND. */
export async function requireVisibleOffer(
  ctx: ServiceContext,
  id: number,
  db: Db = ctx.db,
): Promise<OfferRecord> {
  const found = await placementOffersRepository.findById(db, id);
  if (!found || !canSeeOffer(ctx.actor, found)) throw notFound('offer', id);
  return found;
}

/** One offer. */
export async function getOffer(ctx: ServiceContext, id: number): Promise<Offer> {
  return presentOffer(await requireVisibleOffer(ctx, id));
}

/** The offer when the actor may change it (a partner its own organisation's), else NOT_FOUND. */
async function requireWritableOffer(ctx: ServiceContext, tx: Db, id: number): Promise<OfferRecord> {
  const found = await placementOffersRepository.findById(tx, id);
  const scope = organisationScope(ctx.actor);
  if (!found || (scope !== undefined && found.organisationId !== scope)) throw notFound('offer', id);
  return found;
}

/** Checks that the programmes, competencies and the obligation exist and fit the organisation. */
async function referenceIssues(
  db: Db,
  organisationId: number,
  o: { programmeIds?: number[]; competencies?: { competencyId: number }[]; obligationId?: number | null },
): Promise<ReasonedIssue[]> {
  const issues: ReasonedIssue[] = [];
  for (const [i, id] of (o.programmeIds ?? []).entries())
    if (!(await programmesRepository.findById(db, id)))
      issues.push(fieldIssue(`body.programmeIds.${i}`, 'exists', `No programme ${id}`));
  for (const [i, c] of (o.competencies ?? []).entries())
    if (!(await competenciesRepository.findById(db, c.competencyId)))
      issues.push(
        fieldIssue(`body.competencies.${i}.competencyId`, 'exists', `No competency ${c.competencyId}`),
      );
  if (o.obligationId) {
    const obligation = await placementOffersRepository.obligationOf(db, o.obligationId, organisationId);
    if (!obligation)
      issues.push(
        fieldIssue(
          'body.obligationId',
          'partyToAgreement',
          'The organisation is not a party to this obligation',
        ),
      );
    else if (obligation.kind !== 'practice_places')
      issues.push(fieldIssue('body.obligationId', 'exists', 'The obligation is not one of practice places'));
  }
  return issues;
}

/** The organisation a new offer is for: a partner's own; staff name one (NOT_FOUND for a partner naming another). */
async function organisationOf(ctx: ServiceContext, requested: number | undefined): Promise<number> {
  if (ctx.actor.role === 'partner') {
    if (requested !== undefined && requested !== ctx.actor.organisationId)
      throw notFound('organisation', requested);
    return ctx.actor.organisationId;
  }
  if (requested === undefined)
    throw validationError([fieldIssue('body.organisationId', 'exists', 'Name the partner organisation')]);
  if (!(await organisationsRepository.findById(ctx.db, requested)))
    throw validationError([fieldIssue('body.organisationId', 'exists', `No organisation ${requested}`)]);
  return requested;
}

/** Drafts an offer. Without an obligation named, it counts against the organisation's current one. */
export async function createOffer(ctx: ServiceContext, body: CreateOfferBody): Promise<Offer> {
  const organisationId = await organisationOf(ctx, body.organisationId);
  const issues = await referenceIssues(ctx.db, organisationId, body);
  if (issues.length > 0) throw validationError(issues);
  const { organisationId: _o, obligationId, ...fields } = body;
  return inTransaction(ctx, async (tx) => {
    const input: OfferInput = {
      ...fields,
      organisationId,
      obligationId:
        obligationId !== undefined
          ? obligationId
          : await placementOffersRepository.defaultObligation(tx, organisationId, todayOf(ctx)),
    };
    const created = await placementOffersRepository.create(
      tx,
      input,
      ctx.actor.userId > 0 ? ctx.actor.userId : null,
    );
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'practice_offer',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentOffer(created);
  });
}

/** Changes an offer that is not withdrawn; the cross-field rules are checked on the merged offer. */
export async function updateOffer(ctx: ServiceContext, id: number, body: UpdateOfferBody): Promise<Offer> {
  return inTransaction(ctx, async (tx) => {
    const before = await requireWritableOffer(ctx, tx, id);
    if (before.status === 'withdrawn')
      throw new AppError('INVALID_TRANSITION', { message: 'A withdrawn offer cannot change' });
    const merged = {
      title: body.title ?? before.title,
      practiceType: body.practiceType ?? before.practiceType,
      startsOn: body.startsOn ?? before.startsOn,
      endsOn: body.endsOn ?? before.endsOn,
      dualEnterpriseShare:
        body.dualEnterpriseShare !== undefined ? body.dualEnterpriseShare : before.dualEnterpriseShare,
      mentorPayTiyn: body.mentorPayTiyn !== undefined ? body.mentorPayTiyn : before.mentorPayTiyn,
      programmeIds: body.programmeIds,
      eligibleYears: body.eligibleYears,
      competencies: body.competencies,
    };
    const issues = [
      ...offerIssues(merged).map((i) => fieldIssue(`body.${i.path.join('.')}`, i.rule, i.message)),
      ...(await referenceIssues(tx, before.organisationId, body)),
    ];
    if (issues.length > 0) throw validationError(issues);
    const after = (await placementOffersRepository.update(tx, id, body, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'practice_offer', entityId: id, before, after });
    return presentOffer(after);
  });
}

const TRANSITIONS: Record<'publish' | 'withdraw', { from: OfferStatus[]; to: OfferStatus }> = {
  publish: { from: ['draft'], to: 'published' },
  withdraw: { from: ['draft', 'published'], to: 'withdrawn' },
};

/**
 * Publishes a draft (it may then enter rounds) or withdraws an offer. An offer in a round that is open or closed
 * (students ranked it) is not withdrawn until the officer takes it out of the round.
 */
export async function transitionOffer(
  ctx: ServiceContext,
  id: number,
  action: 'publish' | 'withdraw',
): Promise<Offer> {
  const { from, to } = TRANSITIONS[action];
  return inTransaction(ctx, async (tx) => {
    const before = await requireWritableOffer(ctx, tx, id);
    if (!from.includes(before.status))
      throw new AppError('INVALID_TRANSITION', {
        message: `An offer ${before.status} cannot be ${to}`,
        details: { from: before.status, to },
      });
    if (action === 'withdraw') {
      const rounds = await roundsHoldingOffer(tx, id);
      if (rounds.length > 0)
        throw new AppError('CONFLICT', {
          message: `The offer is in round ${rounds.join(', ')}; the officer takes it out of the round first`,
          details: { roundIds: rounds },
        });
    }
    const after = (await placementOffersRepository.setStatus(tx, id, to, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'practice_offer', entityId: id, before, after });
    return presentOffer(after);
  });
}
