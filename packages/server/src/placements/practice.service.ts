/**
 * The practice part of placements (issue 12): the lifecycle with an event per transition, the supervisor and the
 * mentor, the agreement and its sign-offs, the final grade and the hire. Who may see a placement: staff every one,
 * the student their own, a partner those at its offers, a mentor those they mentor; anyone else gets NOT_FOUND.
 */
import {
  type CreatePlacementBody,
  type FinalGradeBody,
  type HireBody,
  type Locale,
  type Page,
  type Placement,
  type PlacementDetail,
  type PlacementListQuery,
  type PlacementPeopleBody,
  type PlacementStatus,
  type PlacementTransitionBody,
  SIGNOFF_PARTIES,
  type SignoffBody,
  type SignoffParty,
} from '@kadr/contracts';
import {
  allowedPlacementTransitions,
  gradeOfPoints,
  type PlacementParty,
  planPlacementTransition,
} from '@kadr/core';
import {
  type Db,
  organisationsRepository,
  type PlacementRecord,
  type PlacementScope,
  practiceRepository,
  type SignoffRecord,
  studentsRepository,
  usersRepository,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { recomputeStudentPassport } from '../passport/passport.service.ts';
import { type Attachment, PDF_TYPE } from '../attachment.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError } from '../errors.ts';
import { seesAllStudents } from '../policy.ts';
import { type RenderedAgreement, renderAgreement } from './practice-agreement.ts';

const iso = (d: Date) => d.toISOString();

/** A placement as the API lists it. */
export function presentPlacement(p: PlacementRecord): Placement {
  return {
    id: p.id,
    roundId: p.roundId,
    status: p.status,
    choiceRank: p.choiceRank,
    respondBy: p.respondBy ? iso(p.respondBy) : null,
    offer: {
      id: p.offer.id,
      title: p.offer.title,
      organisationId: p.offer.organisationId,
      organisationName: p.offer.organisationName,
      practiceType: p.offer.practiceType,
      startsOn: p.offer.startsOn,
      endsOn: p.offer.endsOn,
      location: p.offer.location,
    },
    student: { id: p.student.id, fullName: p.student.fullName },
    supervisor: p.supervisor ? { id: p.supervisor.id, fullName: p.supervisor.fullName } : null,
    mentor: p.mentor,
    locale: p.locale,
    finalGrade:
      p.finalPoints === null || p.finalLetter === null
        ? null
        : { points: p.finalPoints, letter: p.finalLetter, gradePoint: p.finalGradePoint ?? 0 },
    hiredOn: p.hiredOn,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

/** The parts the actor plays on a placement; empty when it may not see it. */
export function partiesOf(ctx: ServiceContext, p: PlacementRecord): PlacementParty[] {
  const a = ctx.actor;
  const parties: PlacementParty[] = [];
  if (seesAllStudents(a)) parties.push('staff');
  if (p.supervisor?.id === a.userId && a.userId > 0) parties.push('supervisor');
  if (a.role === 'student' && p.student.userId === a.userId) parties.push('student');
  if (a.role === 'partner' && a.organisationId === p.offer.organisationId) parties.push('company');
  if (a.role === 'mentor' && p.mentor.userId === a.userId) parties.push('mentor');
  return parties;
}

/** The placement if the actor may see it (with the parts it plays), else NOT_FOUND. */
export async function visiblePlacement(
  ctx: ServiceContext,
  db: Db,
  id: number,
): Promise<{ placement: PlacementRecord; parties: PlacementParty[] }> {
  const placement = await practiceRepository.findById(db, id);
  const parties = placement ? partiesOf(ctx, placement) : [];
  if (!placement || parties.length === 0) throw notFound('placement', id);
  return { placement, parties };
}

/** Which agreement party each part of a placement signs for. */
const SIGNS_FOR: Record<SignoffParty, readonly PlacementParty[]> = {
  university: ['staff', 'supervisor'],
  company: ['company', 'mentor'],
  student: ['student'],
};

function canSignFor(parties: readonly PlacementParty[]): SignoffParty[] {
  return SIGNOFF_PARTIES.filter((party) => SIGNS_FOR[party].some((p) => parties.includes(p)));
}

async function homeUniversityName(db: Db) {
  const [home] = (await organisationsRepository.list(db, { page: 1, pageSize: 1, kind: 'home_university' }))
    .items;
  return home?.name ?? { kk: '', ru: '', en: '' };
}

/** The agreement of a placement as it reads now, in `lang` (default: the placement's language). */
export async function agreementOf(
  db: Db,
  placement: PlacementRecord,
  lang: Locale = placement.locale,
): Promise<RenderedAgreement> {
  const [university, competencies] = await Promise.all([
    homeUniversityName(db),
    practiceRepository.competencies(db, placement.id),
  ]);
  return renderAgreement({ placement, university, competencies }, lang);
}

/** True when each party signed the agreement as it reads now. */
function allSigned(signoffs: readonly SignoffRecord[], sha256: string): boolean {
  return SIGNOFF_PARTIES.every((party) =>
    signoffs.some((s) => s.party === party && s.documentSha256 === sha256),
  );
}

/** Lists the placements the actor may see. */
export async function listPlacements(
  ctx: ServiceContext,
  query: PlacementListQuery,
): Promise<Page<Placement>> {
  const a = ctx.actor;
  let scope: PlacementScope = {};
  if (!seesAllStudents(a)) {
    if (a.role === 'student') {
      const student = await studentsRepository.findByUserId(ctx.db, a.userId);
      if (!student) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
      scope = { studentId: student.id };
    } else if (a.role === 'partner') scope = { organisationId: a.organisationId };
    else if (a.role === 'mentor') scope = { mentorUserId: a.userId };
    else throw new AppError('FORBIDDEN');
  }
  const page = await practiceRepository.list(ctx.db, query, scope);
  return { ...page, items: page.items.map(presentPlacement) };
}

/** One placement with its timeline, sign-offs, competencies, journal totals and what the actor may do. */
export async function getPlacement(ctx: ServiceContext, id: number): Promise<PlacementDetail> {
  const { placement, parties } = await visiblePlacement(ctx, ctx.db, id);
  const [events, signoffs, competencies, journal, agreement] = await Promise.all([
    practiceRepository.events(ctx.db, id),
    practiceRepository.signoffs(ctx.db, id),
    practiceRepository.competencies(ctx.db, id),
    practiceRepository.journal(ctx.db, id),
    agreementOf(ctx.db, placement),
  ]);
  return {
    ...presentPlacement(placement),
    events: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      note: e.note,
      at: iso(e.at),
    })),
    signoffs: signoffs.map((s) => ({
      party: s.party,
      signedBy: s.signedBy,
      signedAt: iso(s.signedAt),
      documentSha256: s.documentSha256,
      current: s.documentSha256 === agreement.sha256,
    })),
    agreementSha256: agreement.sha256,
    agreementSigned: allSigned(signoffs, agreement.sha256),
    competencies: competencies.map(({ assessment, ...c }) => ({
      ...c,
      assessment: assessment
        ? {
            level: assessment.level,
            comment: assessment.comment,
            assessorName: assessment.assessorName,
            assessedOn: assessment.assessedOn,
          }
        : null,
    })),
    journal: {
      entries: journal.length,
      approvedHours: journal.filter((e) => e.status === 'approved').reduce((sum, e) => sum + e.hours, 0),
      pending: journal.filter((e) => e.status === 'submitted').length,
    },
    allowedTransitions: allowedPlacementTransitions(placement.status, parties),
    canSignFor: canSignFor(parties),
    parties,
  };
}

/** The supervisor must be an active staff user; the mentor's account an active mentor of the offer's company. */
async function peopleIssues(db: Db, body: PlacementPeopleBody, organisationId: number) {
  const issues = [];
  if (body.supervisorUserId) {
    const user = await usersRepository.findById(db, body.supervisorUserId);
    if (!user?.active || !['admin', 'coordinator', 'officer'].includes(user.role))
      issues.push(
        fieldIssue('body.supervisorUserId', 'exists', `No active staff user ${body.supervisorUserId}`),
      );
  }
  if (body.mentorUserId) {
    const user = await usersRepository.findById(db, body.mentorUserId);
    if (!user?.active || user.role !== 'mentor' || user.organisationId !== organisationId)
      issues.push(
        fieldIssue(
          'body.mentorUserId',
          'exists',
          `No active mentor ${body.mentorUserId} at the offer's company`,
        ),
      );
  }
  return issues;
}

/** The actor as a placement event names them. */
function actorName(ctx: ServiceContext): string {
  return ctx.actor.fullName || ctx.actor.email;
}

/** Arranges a placement directly, outside any round (staff): offered to the student, with an event. */
export async function createPlacement(
  ctx: ServiceContext,
  body: CreatePlacementBody,
): Promise<PlacementDetail> {
  const id = await inTransaction(ctx, async (tx) => {
    const issues = [];
    const offer = await practiceRepository.findOffer(tx, body.offerId);
    if (!offer) issues.push(fieldIssue('body.offerId', 'exists', `No offer ${body.offerId}`));
    if (!(await studentsRepository.findById(tx, body.studentId)))
      issues.push(fieldIssue('body.studentId', 'exists', `No student ${body.studentId}`));
    if (offer) issues.push(...(await peopleIssues(tx, body, offer.organisationId)));
    if (issues.length > 0) throw validationError(issues);
    const { studentId, offerId, ...people } = body;
    const id = await practiceRepository.create(tx, { studentId, offerId, ...people, status: 'offered' });
    const at = ctx.now();
    await practiceRepository.addEvent(tx, {
      placementId: id,
      fromStatus: null,
      toStatus: 'offered',
      actorUserId: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      actorName: actorName(ctx),
      note: '',
      at,
    });
    const after = await practiceRepository.findById(tx, id);
    await recordChange(tx, ctx, { action: 'create', entity: 'placement', entityId: id, before: null, after });
    return id;
  });
  return getPlacement(ctx, id);
}

/** Sets the supervisor, the mentor and the language of a placement (staff), before it ends. */
export async function updatePlacementPeople(
  ctx: ServiceContext,
  id: number,
  body: PlacementPeopleBody,
): Promise<PlacementDetail> {
  await inTransaction(ctx, async (tx) => {
    await practiceRepository.lock(tx, id);
    const { placement: before } = await visiblePlacement(ctx, tx, id);
    if (['completed', 'declined', 'withdrawn'].includes(before.status))
      throw new AppError('INVALID_TRANSITION', {
        message: `A ${before.status} placement cannot change its supervisor or mentor`,
      });
    const issues = await peopleIssues(tx, body, before.offer.organisationId);
    const mentorName = body.mentorName ?? before.mentor.name;
    const mentorEmail = body.mentorEmail ?? before.mentor.email;
    if (before.status === 'in-progress') {
      if (body.supervisorUserId === null)
        issues.push(fieldIssue('body.supervisorUserId', 'exists', 'A running practice keeps a supervisor'));
      if (!mentorName || !mentorEmail)
        issues.push(fieldIssue('body.mentorName', 'nameNeeded', 'A running practice keeps a named mentor'));
    }
    if (issues.length > 0) throw validationError(issues);
    await practiceRepository.update(tx, id, body, ctx.now());
    const after = await practiceRepository.findById(tx, id);
    await recordChange(tx, ctx, { action: 'update', entity: 'placement', entityId: id, before, after });
  });
  return getPlacement(ctx, id);
}

/**
 * Moves a placement along its lifecycle (core's planPlacementTransition decides who may and what must hold),
 * recording the event with who and when, in one transaction. Refusals answer 409 INVALID_TRANSITION with the
 * core's refusal in `details.refusal`.
 */
export async function transitionPlacement(
  ctx: ServiceContext,
  id: number,
  body: PlacementTransitionBody,
): Promise<PlacementDetail> {
  await inTransaction(ctx, (tx) => applyTransition(ctx, tx, id, body.to, body.note));
  return getPlacement(ctx, id);
}

/**
 * Applies a transition in the caller's transaction `tx` (the allocation's accept and decline call it too):
 * locks the placement, checks the actor's parts and the facts, writes the status, the event and the audit record.
 * @throws AppError NOT_FOUND outside the actor's scope, INVALID_TRANSITION when core refuses
 */
export async function applyTransition(
  ctx: ServiceContext,
  tx: Db,
  id: number,
  to: PlacementStatus,
  note = '',
): Promise<void> {
  await practiceRepository.lock(tx, id);
  const { placement: before, parties } = await visiblePlacement(ctx, tx, id);
  const needsAgreement = to === 'in-progress';
  const agreementSigned = needsAgreement
    ? allSigned(await practiceRepository.signoffs(tx, id), (await agreementOf(tx, before)).sha256)
    : false;
  const plan = planPlacementTransition(
    {
      status: before.status,
      hasSupervisor: before.supervisor !== null,
      hasMentor: before.mentor.name !== '' && before.mentor.email !== '',
      agreementSigned,
      hasFinalGrade: before.finalPoints !== null,
      respondBy: before.respondBy ? iso(before.respondBy) : null,
    },
    to,
    parties,
    iso(ctx.now()),
  );
  if (!plan.ok)
    throw new AppError('INVALID_TRANSITION', { message: plan.reason, details: { refusal: plan.refusal } });
  const at = ctx.now();
  await practiceRepository.update(tx, id, { status: to }, at);
  await practiceRepository.addEvent(tx, {
    placementId: id,
    fromStatus: before.status,
    toStatus: to,
    actorUserId: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    actorName: actorName(ctx),
    note,
    at,
  });
  await recordChange(tx, ctx, {
    action: 'update',
    entity: 'placement',
    entityId: id,
    before: { status: before.status },
    after: { status: to, note },
  });
  // A completed practice is the mentor's sign-off of what was assessed: new evidence on the student's passport.
  if (to === 'completed') await recomputeStudentPassport(tx, before.student.id, at, ctx.timeZone);
}

/**
 * The agreement PDF of a placement in a language (default the placement's), for anyone who sees it, with its
 * SHA-256 in the X-Document-Sha256 header.
 */
export async function placementAgreement(
  ctx: ServiceContext,
  id: number,
  { lang }: { lang?: Locale },
): Promise<Attachment> {
  const { placement } = await visiblePlacement(ctx, ctx.db, id);
  const rendered = await agreementOf(ctx.db, placement, lang ?? placement.locale);
  const fileName = `agreement-P-${id}-${lang ?? placement.locale}.pdf`;
  return { body: rendered.pdf, type: PDF_TYPE, fileName, headers: { 'x-document-sha256': rendered.sha256 } };
}

/**
 * Signs off the agreement for a party (the university: staff or the supervisor; the company: its partner users or
 * the mentor; the student: themself), with the SHA-256 of the PDF the signer saw, which must be the agreement as
 * it reads now in the placement's language (409 CONFLICT otherwise: the terms changed since).
 */
export async function signOffAgreement(
  ctx: ServiceContext,
  id: number,
  body: SignoffBody,
): Promise<PlacementDetail> {
  await inTransaction(ctx, async (tx) => {
    await practiceRepository.lock(tx, id);
    const { placement, parties } = await visiblePlacement(ctx, tx, id);
    if (!canSignFor(parties).includes(body.party))
      throw new AppError('FORBIDDEN', { message: `You may not sign off for the ${body.party}` });
    if (!['offered', 'confirmed'].includes(placement.status))
      throw new AppError('INVALID_TRANSITION', {
        message: `The agreement of a ${placement.status} placement cannot be signed off any more`,
      });
    const { sha256 } = await agreementOf(tx, placement);
    if (body.documentSha256 !== sha256)
      throw new AppError('CONFLICT', {
        message: 'The agreement changed since you opened it: open it again and sign off what it says now',
        details: { issues: [fieldIssue('body.documentSha256', 'exists', 'Not the current agreement')] },
      });
    const signoff = {
      placementId: id,
      party: body.party,
      userId: ctx.actor.userId,
      documentSha256: sha256,
      signedAt: ctx.now(),
    };
    await practiceRepository.saveSignoff(tx, signoff);
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'placement_signoff',
      entityId: `${id}:${body.party}`,
      before: null,
      after: signoff,
    });
  });
  return getPlacement(ctx, id);
}

/** Records the final grade of a running or completed practice (staff): the letter and grade point follow. */
export async function gradePlacement(
  ctx: ServiceContext,
  id: number,
  body: FinalGradeBody,
): Promise<PlacementDetail> {
  await inTransaction(ctx, async (tx) => {
    await practiceRepository.lock(tx, id);
    const { placement: before } = await visiblePlacement(ctx, tx, id);
    if (before.status !== 'in-progress' && before.status !== 'completed')
      throw new AppError('INVALID_TRANSITION', {
        message: `A ${before.status} placement cannot be graded; the practice must have started`,
      });
    const band = gradeOfPoints(body.points);
    const patch = { finalPoints: body.points, finalLetter: band.letter, finalGradePoint: band.gradePoint };
    await practiceRepository.update(tx, id, patch, ctx.now());
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'placement',
      entityId: id,
      before: { finalPoints: before.finalPoints, finalLetter: before.finalLetter },
      after: patch,
    });
  });
  return getPlacement(ctx, id);
}

/** Marks (or unmarks) that the company hired the student after a completed practice (staff or the company). */
export async function markHired(ctx: ServiceContext, id: number, body: HireBody): Promise<PlacementDetail> {
  await inTransaction(ctx, async (tx) => {
    await practiceRepository.lock(tx, id);
    const { placement: before, parties } = await visiblePlacement(ctx, tx, id);
    if (!parties.includes('staff') && !parties.includes('company'))
      throw new AppError('FORBIDDEN', { message: 'Only the university or the company may mark a hire' });
    if (before.status !== 'completed')
      throw new AppError('INVALID_TRANSITION', { message: 'Only a completed practice can lead to a hire' });
    if (body.hiredOn !== null && (body.hiredOn < before.offer.startsOn || body.hiredOn > todayOf(ctx)))
      throw validationError([
        fieldIssue(
          'body.hiredOn',
          'periodInOrder',
          `The hiring date must be from the practice start (${before.offer.startsOn}) to today`,
        ),
      ]);
    await practiceRepository.update(tx, id, { hiredOn: body.hiredOn }, ctx.now());
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'placement',
      entityId: id,
      before: { hiredOn: before.hiredOn },
      after: { hiredOn: body.hiredOn },
    });
  });
  return getPlacement(ctx, id);
}

/** Staff users who may supervise practice (admin, coordinators, officers), active ones. */
export async function supervisorOptions(ctx: ServiceContext) {
  const rows = [];
  for (const role of ['officer', 'coordinator', 'admin'] as const) {
    const page = await usersRepository.list(ctx.db, { page: 1, pageSize: 200, role, active: true });
    rows.push(...page.items.map((u) => ({ id: u.id, fullName: u.fullName, role: u.role })));
  }
  return rows;
}
