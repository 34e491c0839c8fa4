import type { Notification, NotificationListQuery, NotificationSummary, Page } from '@kadr/contracts';
import { type NotificationRecord, notificationsRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

/** A message as the outbox viewer shows it. */
export function presentNotification(m: NotificationRecord): Notification {
  return {
    ...m,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** The outbox, newest first by default (admins and officers, see policy OUTBOX_READERS). */
export async function listNotifications(
  ctx: ServiceContext,
  query: NotificationListQuery,
): Promise<Page<Notification>> {
  const page = await notificationsRepository.list(ctx.db, query);
  return { ...page, items: page.items.map(presentNotification) };
}

/** Messages by status, and whether they can be sent at all. */
export async function notificationSummary(
  ctx: ServiceContext,
  smtpConfigured: boolean,
): Promise<NotificationSummary> {
  return { ...(await notificationsRepository.countByStatus(ctx.db)), smtpConfigured };
}

/**
 * Puts a failed message back in the queue, due now with a fresh count of attempts; audited.
 * @throws AppError NOT_FOUND for no such message, CONFLICT when it is not failed (pending or sent)
 */
export async function retryNotification(ctx: ServiceContext, id: number): Promise<Notification> {
  return inTransaction(ctx, async (tx) => {
    const before = await notificationsRepository.findById(tx, id);
    if (!before) throw new AppError('NOT_FOUND', { message: `No notification ${id}` });
    const after = await notificationsRepository.retry(tx, id, ctx.now());
    if (!after) {
      throw new AppError('CONFLICT', {
        message: `Only a failed notification can be retried; this one is ${before.status}`,
        details: { field: 'status', status: before.status },
      });
    }
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'notification',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status, attempts: after.attempts },
    });
    return presentNotification(after);
  });
}
