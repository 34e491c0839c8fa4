/**
 * The practice's messages, written to the notification outbox in the caller's transaction: the mentor's link,
 * and the notice to the student when the mentor approves or returns a journal entry.
 */
import { type Db, type JournalEntryRecord, type PlacementRecord, usersRepository } from '@kadr/db';
import type { ServiceContext } from '../context.ts';
import { enqueueTemplated } from '../notifications/outbox.ts';

/** Queues the link for the placement's mentor, in the placement's language; true when a message was queued. */
export async function notifyMentorLink(
  tx: Db,
  ctx: ServiceContext,
  placement: PlacementRecord,
  path: string,
  expiresAt: Date,
): Promise<boolean> {
  if (!placement.mentor.email) return false;
  const title = placement.offer.title;
  await enqueueTemplated(
    tx,
    {
      kind: 'mentor-link',
      recipientUserId: placement.mentor.userId,
      recipientEmail: placement.mentor.email,
      locale: placement.locale,
      ref: `placement:${placement.id}`,
      params: {
        studentName: placement.student.fullName,
        practiceTitle: title[placement.locale] || title.en || title.ru,
        expiresAt,
        link: path,
      },
    },
    ctx.now(),
    ctx.timeZone,
  );
  return true;
}

/** Queues the notice of a reviewed journal entry for the student, when the student has an account. */
export async function notifyJournalReview(
  tx: Db,
  ctx: ServiceContext,
  placement: PlacementRecord,
  entry: JournalEntryRecord,
  reviewer: string,
): Promise<boolean> {
  const user = placement.student.userId
    ? await usersRepository.findById(tx, placement.student.userId)
    : undefined;
  if (!user?.active) return false;
  const common = {
    recipientUserId: user.id,
    recipientEmail: user.email,
    locale: user.locale,
    ref: `placement:${placement.id}`,
  };
  const link = `/placements/${placement.id}/journal`;
  if (entry.status === 'approved')
    await enqueueTemplated(
      tx,
      {
        ...common,
        kind: 'journal-approved',
        params: { entryDate: entry.entryDate, mentorName: reviewer, link },
      },
      ctx.now(),
      ctx.timeZone,
    );
  else
    await enqueueTemplated(
      tx,
      {
        ...common,
        kind: 'journal-returned',
        params: { entryDate: entry.entryDate, mentorName: reviewer, comment: entry.reviewComment, link },
      },
      ctx.now(),
      ctx.timeZone,
    );
  return true;
}
