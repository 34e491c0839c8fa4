/**
 * During practice (issue 12): the student's journal, the mentor's reviews of its entries and assessments of the
 * offer's competencies, signed in (a `mentor` user, only their placements) or through a single-use, expiring link
 * for a mentor without an account (only the SHA-256 of its token is stored). Each assessment recomputes the
 * student's passport in the same transaction.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  AssessmentsBody,
  JournalEntry,
  JournalEntryBody,
  JournalReview,
  MentorLinkBody,
  MentorLinkIssued,
  MentorLinkOutcome,
  MentorLinkSubmitBody,
  MentorLinkView,
} from '@kadr/contracts';
import { journalEntryIssues, mentorLinkState, type PlacementParty, practiceIsOpen } from '@kadr/core';
import {
  type Db,
  type JournalEntryRecord,
  type MentorLinkRecord,
  type PlacementRecord,
  practiceRepository,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { type Actor, inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError } from '../errors.ts';
import { recomputeStudentPassport } from '../passport/passport.service.ts';
import { notifyJournalReview, notifyMentorLink } from './practice-notify.ts';
import { presentPlacement, visiblePlacement } from './practice.service.ts';

const iso = (d: Date) => d.toISOString();

/** A journal entry as the API answers it. */
export function presentEntry(e: JournalEntryRecord): JournalEntry {
  return {
    ...e,
    reviewedAt: e.reviewedAt ? iso(e.reviewedAt) : null,
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

function requireOpen(p: PlacementRecord, what: string) {
  if (!practiceIsOpen(p.status))
    throw new AppError('INVALID_TRANSITION', {
      message: `${what} only while the practice is in progress; this placement is ${p.status}`,
    });
}

/** What one party does during the practice: who (`party`), and what a refusal says (`only`, `what`). */
interface PracticeAct {
  party: PlacementParty;
  /** The FORBIDDEN message to anyone else who sees the placement. */
  only: string;
  /** What is done, for the INVALID_TRANSITION message once the practice is not in progress. */
  what: string;
}

/** The acts of the practice: the student's journal, the mentor's reviews and assessments, the staff's links. */
const ACTS = {
  keepJournal: { party: 'student', only: 'Only the student keeps the journal', what: 'The journal is kept' },
  reviewJournal: {
    party: 'mentor',
    only: "Only the placement's mentor reviews the journal",
    what: 'The journal is reviewed',
  },
  assess: {
    party: 'mentor',
    only: "Only the placement's mentor assesses the practice",
    what: 'Competencies are assessed',
  },
  issueLink: {
    party: 'staff',
    only: 'Only the university issues mentor links',
    what: 'A mentor link is issued',
  },
} as const satisfies Record<string, PracticeAct>;

/** The placement, when the actor plays the act's party in it and the practice is in progress; else a refusal. */
function placementFor(
  act: PracticeAct,
  found: { placement: PlacementRecord; parties: readonly PlacementParty[] },
): PlacementRecord {
  if (!found.parties.includes(act.party)) throw new AppError('FORBIDDEN', { message: act.only });
  requireOpen(found.placement, act.what);
  return found.placement;
}

/** The journal of a placement, for anyone who sees the placement. */
export async function placementJournal(ctx: ServiceContext, id: number): Promise<JournalEntry[]> {
  await visiblePlacement(ctx, ctx.db, id);
  return (await practiceRepository.journal(ctx.db, id)).map(presentEntry);
}

function entryIssues(body: JournalEntryBody, p: PlacementRecord, today: string) {
  return journalEntryIssues(body, p.offer, today).map((i) =>
    fieldIssue(`body.${i.field}`, i.field === 'hours' ? 'positive' : 'periodInOrder', i.message),
  );
}

/** The student adds a day to the journal of their running practice. */
export async function addJournalEntry(
  ctx: ServiceContext,
  id: number,
  body: JournalEntryBody,
): Promise<JournalEntry> {
  return inTransaction(ctx, async (tx) => {
    const placement = placementFor(ACTS.keepJournal, await visiblePlacement(ctx, tx, id));
    const issues = entryIssues(body, placement, todayOf(ctx));
    if (issues.length > 0) throw validationError(issues);
    const created = await practiceRepository.createJournalEntry(tx, { placementId: id, ...body });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'journal_entry',
      entityId: created.id,
      before: null,
      after: created,
    });
    return presentEntry(created);
  });
}

async function entryWithPlacement(ctx: ServiceContext, tx: Db, entryId: number) {
  const entry = await practiceRepository.findJournalEntry(tx, entryId);
  if (!entry) throw notFound('journal entry', entryId);
  try {
    return { entry, ...(await visiblePlacement(ctx, tx, entry.placementId)) };
  } catch {
    throw notFound('journal entry', entryId);
  }
}

/** Changes a journal entry and records the change in the audit log. */
async function changeEntry(
  ctx: ServiceContext,
  tx: Db,
  before: JournalEntryRecord,
  change: Parameters<typeof practiceRepository.updateJournalEntry>[2],
): Promise<JournalEntryRecord> {
  const after = await practiceRepository.updateJournalEntry(tx, before.id, change, ctx.now());
  await recordChange(tx, ctx, {
    action: 'update',
    entity: 'journal_entry',
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/** The student corrects a submitted or returned entry; it is submitted again for review. */
export async function updateJournalEntry(
  ctx: ServiceContext,
  entryId: number,
  body: JournalEntryBody,
): Promise<JournalEntry> {
  return inTransaction(ctx, async (tx) => {
    const found = await entryWithPlacement(ctx, tx, entryId);
    const placement = placementFor(ACTS.keepJournal, found);
    const before = found.entry;
    if (before.status === 'approved')
      throw new AppError('INVALID_TRANSITION', { message: 'An approved entry cannot change' });
    const issues = entryIssues(body, placement, todayOf(ctx));
    if (issues.length > 0) throw validationError(issues);
    return presentEntry(await changeEntry(ctx, tx, before, { ...body, status: 'submitted' }));
  });
}

/** Applies a mentor's decision on a submitted entry of the placement, with the notice to the student. */
async function reviewEntry(
  ctx: ServiceContext,
  tx: Db,
  placement: PlacementRecord,
  entryId: number,
  review: JournalReview,
  reviewer: string,
  path: string,
): Promise<JournalEntryRecord> {
  const before = await practiceRepository.findJournalEntry(tx, entryId);
  if (!before || before.placementId !== placement.id)
    throw validationError([fieldIssue(path, 'exists', `No journal entry ${entryId} on this placement`)]);
  if (before.status !== 'submitted')
    throw new AppError('INVALID_TRANSITION', {
      message: `Entry ${entryId} is ${before.status}; only a submitted entry is reviewed`,
    });
  const after = await changeEntry(ctx, tx, before, {
    status: review.decision === 'approve' ? 'approved' : 'returned',
    reviewComment: review.comment,
    reviewedBy: reviewer,
    reviewedAt: ctx.now(),
  });
  await notifyJournalReview(tx, ctx, placement, after, reviewer);
  return after;
}

/** The signed-in mentor of the placement approves or returns a submitted entry. */
export async function reviewJournalEntry(
  ctx: ServiceContext,
  entryId: number,
  review: JournalReview,
): Promise<JournalEntry> {
  return inTransaction(ctx, async (tx) => {
    const placement = placementFor(ACTS.reviewJournal, await entryWithPlacement(ctx, tx, entryId));
    return presentEntry(
      await reviewEntry(ctx, tx, placement, entryId, review, ctx.actor.fullName, 'params.id'),
    );
  });
}

/** Records assessments of the offer's required competencies, then recomputes the student's passport. */
async function recordAssessments(
  ctx: ServiceContext,
  tx: Db,
  placement: PlacementRecord,
  body: AssessmentsBody,
  assessor: { name: string; userId: number | null; linkId: number | null },
): Promise<number> {
  const required = new Set((await practiceRepository.competencies(tx, placement.id)).map((c) => c.id));
  const seen = new Set<number>();
  const issues = body.assessments.flatMap((a, i) => {
    const path = `body.assessments.${i}.competencyId`;
    if (!required.has(a.competencyId))
      return [fieldIssue(path, 'exists', `Competency ${a.competencyId} is not required by this offer`)];
    if (seen.has(a.competencyId)) return [fieldIssue(path, 'unique', 'Each competency is assessed once')];
    seen.add(a.competencyId);
    return [];
  });
  if (issues.length > 0) throw validationError(issues);
  const today = todayOf(ctx);
  for (const a of body.assessments) {
    const input = {
      placementId: placement.id,
      competencyId: a.competencyId,
      level: a.level,
      comment: a.comment,
      assessorName: assessor.name,
      assessorUserId: assessor.userId,
      mentorLinkId: assessor.linkId,
      assessedOn: today,
    };
    const id = await practiceRepository.saveAssessment(tx, input, ctx.now());
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'practice_assessment',
      entityId: id,
      before: null,
      after: input,
    });
  }
  if (body.assessments.length > 0)
    await recomputeStudentPassport(tx, placement.student.id, ctx.now(), ctx.timeZone);
  return body.assessments.length;
}

/** The signed-in mentor assesses the required competencies of their placement (level 1-5 and a comment). */
export async function assessPlacement(ctx: ServiceContext, id: number, body: AssessmentsBody) {
  await inTransaction(ctx, async (tx) => {
    await practiceRepository.lock(tx, id);
    const placement = placementFor(ACTS.assess, await visiblePlacement(ctx, tx, id));
    await recordAssessments(ctx, tx, placement, body, {
      name: ctx.actor.fullName,
      userId: ctx.actor.userId,
      linkId: null,
    });
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Issues a single-use link for the placement's mentor (staff, the supervisor among them), valid `days` days: the
 * token is answered once and emailed to the mentor; the database keeps only its SHA-256.
 */
export async function issueMentorLink(
  ctx: ServiceContext,
  id: number,
  body: MentorLinkBody,
): Promise<MentorLinkIssued> {
  return inTransaction(ctx, async (tx) => {
    const placement = placementFor(ACTS.issueLink, await visiblePlacement(ctx, tx, id));
    if (!placement.mentor.email)
      throw validationError([fieldIssue('body', 'nameNeeded', "The placement's mentor has no email yet")]);
    const token = randomBytes(32).toString('base64url');
    const now = ctx.now();
    const link = await practiceRepository.createMentorLink(tx, {
      placementId: id,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + body.days * 86_400_000),
      createdBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      createdAt: now,
    });
    const { tokenHash: _hash, ...audited } = link;
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'mentor_link',
      entityId: link.id,
      before: null,
      after: audited,
    });
    const path = `/mentor/${token}`;
    const emailed = await notifyMentorLink(tx, ctx, placement, path, link.expiresAt);
    return { id: link.id, token, path, expiresAt: iso(link.expiresAt), emailed };
  });
}

/** The link of a token if it can still be used, else NOT_FOUND, LINK_USED or LINK_EXPIRED. */
async function usableLink(db: Db, token: string, now: Date): Promise<MentorLinkRecord> {
  const link = await practiceRepository.findMentorLinkByHash(db, sha256(token));
  if (!link) throw new AppError('NOT_FOUND', { message: 'No such mentor link' });
  const state = mentorLinkState(link, now);
  if (state === 'used') throw new AppError('LINK_USED');
  if (state === 'expired')
    throw new AppError('LINK_EXPIRED', { details: { expiresAt: iso(link.expiresAt) } });
  return link;
}

/** The actor of a submission through a link: no user, named by the mentor, audited as `mentor-link:<id>`. */
function linkActor(link: MentorLinkRecord, name: string, locale: string): Actor {
  return {
    userId: 0,
    email: `mentor-link:${link.id}`,
    fullName: name,
    role: 'mentor',
    organisationId: 0,
    locale,
    via: 'token',
  };
}

/** What the mentor sees through a valid link. */
export async function mentorLinkView(
  deps: { db: Db; now: () => Date },
  token: string,
): Promise<MentorLinkView> {
  const link = await usableLink(deps.db, token, deps.now());
  const placement = (await practiceRepository.findById(deps.db, link.placementId))!;
  const [journal, competencies] = await Promise.all([
    practiceRepository.journal(deps.db, placement.id),
    practiceRepository.competencies(deps.db, placement.id),
  ]);
  return {
    expiresAt: iso(link.expiresAt),
    placementId: placement.id,
    locale: placement.locale,
    studentName: placement.student.fullName,
    mentorName: placement.mentor.name,
    offer: presentPlacement(placement).offer,
    journal: journal.map(presentEntry),
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
  };
}

/**
 * A mentor's one submission through a link: decisions on submitted entries and the assessments, all or nothing;
 * the link is used up by it (a second submission, even a concurrent one, answers LINK_USED).
 */
export async function submitThroughMentorLink(
  deps: { db: Db; now: () => Date; timeZone: string; requestId: string },
  token: string,
  body: MentorLinkSubmitBody,
): Promise<MentorLinkOutcome> {
  const link = await usableLink(deps.db, token, deps.now());
  const placement = (await practiceRepository.findById(deps.db, link.placementId))!;
  const ctx: ServiceContext = {
    db: deps.db,
    actor: linkActor(link, body.assessorName, placement.locale),
    requestId: deps.requestId,
    now: deps.now,
    timeZone: deps.timeZone,
  };
  if (body.reviews.length === 0 && body.assessments.length === 0)
    throw validationError([fieldIssue('body.reviews', 'exists', 'Review an entry or assess a competency')]);
  return inTransaction(ctx, async (tx) => {
    if (!(await practiceRepository.useMentorLink(tx, link.id, ctx.now()))) throw new AppError('LINK_USED');
    await practiceRepository.lock(tx, placement.id);
    const current = (await practiceRepository.findById(tx, placement.id))!;
    requireOpen(current, 'The practice is reviewed');
    const seen = new Set<number>();
    for (const [i, { entryId, ...review }] of body.reviews.entries()) {
      if (seen.has(entryId))
        throw validationError([
          fieldIssue(`body.reviews.${i}.entryId`, 'unique', 'Each entry is reviewed once'),
        ]);
      seen.add(entryId);
      await reviewEntry(ctx, tx, current, entryId, review, body.assessorName, `body.reviews.${i}.entryId`);
    }
    const assessed = await recordAssessments(
      ctx,
      tx,
      current,
      { assessments: body.assessments },
      {
        name: body.assessorName,
        userId: null,
        linkId: link.id,
      },
    );
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'mentor_link',
      entityId: link.id,
      before: { usedAt: null },
      after: { usedAt: ctx.now() },
    });
    return { reviewed: body.reviews.length, assessed };
  });
}
