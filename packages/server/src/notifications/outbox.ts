/**
 * The notification outbox API for every capability: a message is written in the transaction of the change it
 * reports (so it exists exactly when the change does) and the server's deliverer sends it later
 * (docs/capabilities/notifications.md).
 */
import type { Locale, NotificationKind } from '@kadr/contracts';
import { type Db, type NotificationInput, type NotificationRecord, notificationsRepository } from '@kadr/db';
import { composeNotification, type NotificationParams } from './templates.ts';

/** A message to write to the outbox. */
export interface OutgoingNotification {
  /** What it is about: one of NOTIFICATION_KINDS. */
  kind: NotificationKind;
  /** The user it is for, when it is for one (a mentor reached through a link has none). */
  recipientUserId?: number | null | undefined;
  recipientEmail: string;
  /** The reader's language (the user's locale). */
  locale: Locale;
  subject: string;
  body: string;
  /** The record it is about, `entity:id` such as `round:3` or `placement:12`. */
  ref: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Writes a pending message to the outbox in the caller's transaction `tx`, due at `now`: if the transaction rolls
 * back, the message was never written. The subject is kept to one line (no header can be smuggled in).
 * @throws Error when the recipient's address, the subject or the body is unusable (a bug of the caller)
 * @example await inTransaction(ctx, async (tx) => { ...; await enqueueNotification(tx, { kind: 'round-opened', ... }, ctx.now()); })
 */
export async function enqueueNotification(
  tx: Db,
  message: OutgoingNotification,
  now: Date,
): Promise<NotificationRecord> {
  return notificationsRepository.enqueue(tx, outboxInput(message), now);
}

/** The row of a message, its address and subject checked (see {@link enqueueNotification}). */
function outboxInput(message: OutgoingNotification): NotificationInput {
  const recipientEmail = message.recipientEmail.trim();
  if (!EMAIL.test(recipientEmail) || recipientEmail.length > 320) {
    throw new Error(`enqueueNotification: "${recipientEmail}" is not an email address`);
  }
  const subject = message.subject.replace(/[\r\n]+/g, ' ').trim();
  if (subject === '' || message.body.trim() === '') {
    throw new Error('enqueueNotification: a message needs a subject and a body');
  }
  return {
    kind: message.kind,
    recipientUserId: message.recipientUserId ?? null,
    recipientEmail,
    locale: message.locale,
    subject: subject.slice(0, 300),
    body: message.body,
    ref: message.ref,
  };
}

/** A message of a template (templates.ts) to write to the outbox. */
export type TemplatedNotification<K extends NotificationKind> = Omit<
  OutgoingNotification,
  'subject' | 'body'
> & {
  kind: K;
  params: NotificationParams[K];
};

/**
 * Composes the message of `kind` in the recipient's language (times in `timeZone`, the service context's) and
 * writes it to the outbox in `tx`.
 * @example await enqueueTemplated(tx, { kind: 'round-results', recipientUserId: u.id, recipientEmail: u.email,
 *   locale: u.locale, ref: `round:${round.id}`, params: { roundName, respondBy, link: '/placements/my' } }, ctx.now(), ctx.timeZone);
 */
export async function enqueueTemplated<K extends NotificationKind>(
  tx: Db,
  message: TemplatedNotification<K>,
  now: Date,
  timeZone: string,
): Promise<NotificationRecord> {
  const { params, ...rest } = message;
  return enqueueNotification(
    tx,
    { ...rest, ...composeNotification(message.kind, message.locale, params, timeZone) },
    now,
  );
}

/**
 * Composes and writes many templated messages in `tx` with a few statements (a round's results reach thousands of
 * students inside its publication's transaction); checked as {@link enqueueNotification} checks one. Messages that
 * share one params object are composed once per kind and language.
 * @returns how many were written
 */
export async function enqueueTemplatedMany<K extends NotificationKind>(
  tx: Db,
  messages: readonly TemplatedNotification<K>[],
  now: Date,
  timeZone: string,
): Promise<number> {
  const composed = new Map<NotificationParams[K], Map<string, ReturnType<typeof composeNotification>>>();
  const compose = (kind: K, locale: Locale, params: NotificationParams[K]) => {
    let byLanguage = composed.get(params);
    if (!byLanguage) {
      byLanguage = new Map();
      composed.set(params, byLanguage);
    }
    const key = `${kind}|${locale}`;
    let text = byLanguage.get(key);
    if (!text) {
      text = composeNotification(kind, locale, params, timeZone);
      byLanguage.set(key, text);
    }
    return text;
  };
  const inputs = messages.map(({ params, ...rest }) =>
    outboxInput({ ...rest, ...compose(rest.kind, rest.locale, params) }),
  );
  await notificationsRepository.enqueueMany(tx, inputs, now);
  return inputs.length;
}
