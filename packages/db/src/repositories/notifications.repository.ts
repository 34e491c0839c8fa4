import type { Locale, NotificationStatus } from '@kadr/contracts';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { MissingReferenceError } from '../bulk-references.ts';
import type { Db } from '../client.ts';
import { notifications } from '../schema/index.ts';
import { descending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { chunks } from './unnest.ts';

/** A message of the outbox. */
export type NotificationRecord = typeof notifications.$inferSelect;

/** What a capability writes to the outbox. */
export interface NotificationInput {
  kind: string;
  recipientUserId?: number | null | undefined;
  recipientEmail: string;
  locale: Locale;
  subject: string;
  body: string;
  ref?: string | undefined;
}

/** Filters of the outbox list. */
export interface NotificationListParams extends ListParams {
  q?: string | undefined;
  status?: NotificationStatus | undefined;
  kind?: string | undefined;
  recipientUserId?: number | undefined;
}

const n = notifications;

/** Reads and writes the notification outbox. */
export const notificationsRepository = {
  /** Adds a pending message, due at `now`. */
  async enqueue(db: Db, input: NotificationInput, now: Date): Promise<NotificationRecord> {
    const [row] = await db
      .insert(n)
      .values({
        kind: input.kind,
        recipientUserId: input.recipientUserId ?? null,
        recipientEmail: input.recipientEmail,
        locale: input.locale,
        subject: input.subject,
        body: input.body,
        ref: input.ref ?? '',
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning();
    return row!;
  },

  /**
   * Adds many pending messages, due at `now`: each batch one JSON document the server parses. A subject and body
   * many messages share (a round's results to thousands of students, one text per language) is sent once per
   * batch and joined to its recipients, not repeated in every row.
   */
  async enqueueMany(db: Db, inputs: readonly NotificationInput[], now: Date): Promise<void> {
    const at = now.toISOString();
    for (const batch of chunks([...inputs])) {
      const texts: [string, string][] = [];
      const textIndex = new Map<string, number>();
      const recipients = batch.map((m) => {
        const key = `${m.subject}\u0000${m.body}`;
        let t = textIndex.get(key);
        if (t === undefined) {
          t = texts.push([m.subject, m.body]) - 1;
          textIndex.set(key, t);
        }
        return {
          k: m.kind,
          u: m.recipientUserId ?? null,
          e: m.recipientEmail,
          l: m.locale,
          r: m.ref ?? '',
          t,
        };
      });
      // The recipients' accounts are checked as a set, so that the per-row foreign-key triggers may be off on
      // PGlite (withSetCheckedReferences).
      const result = await db.execute(
        sql`with t as (
          select (n - 1)::int as i, v->>0 as subject, v->>1 as body
          from jsonb_array_elements(${JSON.stringify(texts)}::jsonb) with ordinality as x(v, n)),
        ins as (
          insert into notifications (kind, recipient_user_id, recipient_email, locale, subject, body, ref, status,
            next_attempt_at, created_at)
          select e->>'k', (e->>'u')::int, e->>'e', e->>'l', t.subject, t.body, e->>'r', 'pending',
            ${at}::timestamptz, ${at}::timestamptz
          from jsonb_array_elements(${JSON.stringify(recipients)}::jsonb) as r(e) join t on t.i = (e->>'t')::int
          where e->>'u' is null or exists (select 1 from users u where u.id = (e->>'u')::int)
          returning 1)
        select count(*)::int as count from ins`,
      );
      const [written] = (result as unknown as { rows: { count: number }[] }).rows;
      if (Number(written?.count) !== batch.length) throw new MissingReferenceError('a recipient account');
    }
  },

  async findById(db: Db, id: number): Promise<NotificationRecord | undefined> {
    const [row] = await db.select().from(n).where(eq(n.id, id));
    return row;
  },

  /**
   * Claims up to `limit` pending messages due at `now`, oldest first, locked until the transaction ends
   * (`skip locked`: two deliverers on one PostgreSQL never claim the same message).
   */
  async claimDue(db: Db, now: Date, limit: number): Promise<NotificationRecord[]> {
    return db
      .select()
      .from(n)
      .where(and(eq(n.status, 'pending'), lte(n.nextAttemptAt, now)))
      .orderBy(asc(n.nextAttemptAt), asc(n.id))
      .limit(limit)
      .for('update', { skipLocked: true });
  },

  /** Holds claimed messages until `until` (their next attempt), so that no other run claims them meanwhile. */
  async lease(db: Db, ids: number[], until: Date): Promise<void> {
    if (ids.length === 0) return;
    await db.update(n).set({ nextAttemptAt: until }).where(inArray(n.id, ids));
  },

  async markSent(db: Db, id: number, at: Date): Promise<void> {
    await db
      .update(n)
      .set({ status: 'sent', sentAt: at, attempts: sql`${n.attempts} + 1`, lastError: '' })
      .where(eq(n.id, id));
  },

  /** Records a failed attempt: pending again at `nextAttemptAt`, or `failed` when `giveUp`. */
  async markAttemptFailed(
    db: Db,
    id: number,
    error: string,
    outcome: { giveUp: boolean; nextAttemptAt: Date },
  ): Promise<void> {
    await db
      .update(n)
      .set({
        status: outcome.giveUp ? 'failed' : 'pending',
        attempts: sql`${n.attempts} + 1`,
        lastError: error,
        nextAttemptAt: outcome.nextAttemptAt,
      })
      .where(eq(n.id, id));
  },

  /** Puts a failed message back in the queue, due at `now`, with a fresh count of attempts. */
  async retry(db: Db, id: number, now: Date): Promise<NotificationRecord | undefined> {
    const [row] = await db
      .update(n)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(and(eq(n.id, id), eq(n.status, 'failed')))
      .returning();
    return row;
  },

  /** Counts by status (the viewer's summary). */
  async countByStatus(db: Db): Promise<Record<NotificationStatus, number>> {
    const rows = await db
      .select({ status: n.status, count: sql<number>`count(*)`.mapWith(Number) })
      .from(n)
      .groupBy(n.status);
    const counts: Record<NotificationStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  },

  async list(db: Db, params: NotificationListParams): Promise<RecordPage<NotificationRecord>> {
    return listPage(params, {
      rows: db.select().from(n).$dynamic(),
      filters: [
        equalTo(n.status, params.status),
        equalTo(n.kind, params.kind),
        equalTo(n.recipientUserId, params.recipientUserId),
        search(params.q, n.recipientEmail, n.subject, n.ref),
      ],
      sortable: {
        createdAt: n.createdAt,
        nextAttemptAt: n.nextAttemptAt,
        attempts: n.attempts,
        status: n.status,
      },
      fallback: descending(n.createdAt),
      id: n.id,
      present: (rows) => rows,
    });
  },
};
