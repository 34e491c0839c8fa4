import type { Consent, ConsentOrganisation, CreateConsentBody } from '@kadr/contracts';
import { consentsRepository, organisationsRepository } from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError } from '../errors.ts';
import { presentConsent } from './presenters.ts';
import { requireVisibleStudent } from './student-access.ts';

/** The kinds of organisation a student may consent to. */
const CONSENT_KINDS: readonly string[] = ['partner_university', 'company'];

/** The partner universities and companies, by short name: whom a student may give a consent. */
export async function consentOrganisations(ctx: ServiceContext): Promise<ConsentOrganisation[]> {
  const found: ConsentOrganisation[] = [];
  for (const kind of ['partner_university', 'company'] as const) {
    for (let page = 1; ; page++) {
      const { items, total } = await organisationsRepository.list(ctx.db, { kind, page, pageSize: 200 });
      found.push(...items.map((o) => ({ id: o.id, shortName: o.shortName, name: o.name, kind })));
      if (page * 200 >= total) break;
    }
  }
  return found.sort((a, b) => a.shortName.localeCompare(b.shortName));
}

/**
 * A student's consents: staff and the student see them all; a partner that sees the student only its own
 * organisation's.
 */
export async function listConsents(ctx: ServiceContext, studentId: number): Promise<Consent[]> {
  const { view } = await requireVisibleStudent(ctx, studentId);
  const organisationId = view.full ? undefined : ctx.actor.organisationId;
  const today = todayOf(ctx);
  return (await consentsRepository.listForStudent(ctx.db, studentId, organisationId)).map((c) =>
    presentConsent(c, today),
  );
}

/** The student whose consents the actor may give or revoke: staff any, a student only themself; else NOT_FOUND. */
async function requireConsentingStudent(ctx: ServiceContext, studentId: number): Promise<void> {
  const { view } = await requireVisibleStudent(ctx, studentId);
  // A partner may see the student yet never consents on their behalf (the route's policy bars it too).
  if (!view.full) throw notFound('student', studentId);
}

/** Records a consent the student gave (staff, or the student themself), from today unless `givenOn` says. */
export async function createConsent(
  ctx: ServiceContext,
  studentId: number,
  body: CreateConsentBody,
): Promise<Consent> {
  await requireConsentingStudent(ctx, studentId);
  const organisation = await organisationsRepository.findById(ctx.db, body.organisationId);
  if (!organisation)
    throw validationError([
      fieldIssue('body.organisationId', 'exists', `No organisation ${body.organisationId}`),
    ]);
  const today = todayOf(ctx);
  const givenOn = body.givenOn ?? today;
  // Staff record consents given on paper (any organisation, any past day); a student consents here and now.
  if (ctx.actor.role === 'student') {
    if (!CONSENT_KINDS.includes(organisation.kind))
      throw validationError([
        fieldIssue('body.organisationId', 'partnerOrganisation', 'Choose a partner university or company'),
      ]);
    if (givenOn < today)
      throw validationError([
        fieldIssue('body.givenOn', 'notBackdated', `A consent you give starts on ${today} or later`),
      ]);
  }
  if (body.validUntil && body.validUntil < givenOn)
    throw validationError([
      fieldIssue('body.validUntil', 'periodInOrder', `The consent is given on ${givenOn}`),
    ]);
  return inTransaction(ctx, async (tx) => {
    const created = await consentsRepository.create(tx, {
      studentId,
      organisationId: body.organisationId,
      scopes: body.scopes,
      purpose: body.purpose,
      givenOn,
      validUntil: body.validUntil,
      recordedBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'consent',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentConsent(created, today);
  });
}

/** Revokes a consent at once (staff, or the student themself); INVALID_TRANSITION when already revoked. */
export async function revokeConsent(ctx: ServiceContext, id: number): Promise<Consent> {
  const consent = await consentsRepository.findById(ctx.db, id);
  if (!consent) throw notFound('consent', id);
  await requireConsentingStudent(ctx, consent.studentId).catch(() => {
    throw notFound('consent', id);
  });
  return inTransaction(ctx, async (tx) => {
    const after = await consentsRepository.revoke(tx, id, ctx.now());
    if (!after) throw new AppError('INVALID_TRANSITION', { message: 'This consent is already revoked' });
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'consent',
      entityId: id,
      before: consent,
      after,
    });
    return presentConsent(after, todayOf(ctx));
  });
}
