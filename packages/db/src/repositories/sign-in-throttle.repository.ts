import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signInThrottle } from '../schema/index.ts';

/** How a throttle key counts: free attempts, then delays doubling from `delaySeconds` up to `maxDelaySeconds`. */
export interface ThrottleRule {
  /** Attempts allowed without delay. */
  freeAttempts: number;
  /** The delay after the last free attempt; each further attempt doubles it. */
  delaySeconds: number;
  maxDelaySeconds: number;
  /** A key left alone this long after its delay ended starts counting again from zero. */
  quietSeconds: number;
}

/** The outcome of a reservation: granted (with the count before it), or refused until `retryAt`. */
export type Reservation =
  | { granted: true; previousFailures: number; lastSuccessAt: Date | null }
  | { granted: false; retryAt: Date };

const t = signInThrottle;
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The time the attempt after `failures` counted attempts may be made, as SQL. */
function nextAllowed(failures: ReturnType<typeof sql>, now: Date, rule: ThrottleRule) {
  return sql`case when ${failures} < ${rule.freeAttempts} then ${ts(now)}
    else ${ts(now)} + least(${rule.maxDelaySeconds}::float8,
      ${rule.delaySeconds}::float8 * power(2::float8, (${failures} - ${rule.freeAttempts})::float8)) * interval '1 second' end`;
}

/**
 * Sign-in throttle counters. `reserve` is one INSERT … ON CONFLICT DO UPDATE … WHERE statement, so two
 * attempts racing for the last free slot (in one process or in two on one PostgreSQL) cannot both get it:
 * the row lock serialises them and the second re-evaluates the WHERE on the first one's result.
 */
export const signInThrottleRepository = {
  /**
   * Counts one attempt against `key` if it is allowed now: while under the free attempts always (so clocks
   * of two processes a little apart never refuse a free attempt), past them once the delay has run out.
   * Refused (with when to retry) otherwise.
   */
  async reserve(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<Reservation> {
    const quiet = sql`${t.nextAllowedAt} + ${rule.quietSeconds}::float8 * interval '1 second' < ${ts(now)}`;
    const counted = sql`(case when ${quiet} then 0 else ${t.failures} end) + 1`;
    const result = (await db.execute(sql`
      insert into ${t} (key, failures, last_attempt_at, next_allowed_at)
      values (${key}, 1, ${ts(now)}, ${nextAllowed(sql`1`, now, rule)})
      on conflict (key) do update set
        failures = ${counted},
        last_attempt_at = ${ts(now)},
        next_allowed_at = ${nextAllowed(counted, now, rule)}
      where (case when ${quiet} then 0 else ${t.failures} end) < ${rule.freeAttempts}
        or ${t.nextAllowedAt} <= ${ts(now)}
      returning failures, last_success_at`)) as unknown as {
      rows: { failures: number; last_success_at: string | Date | null }[];
    };
    const row = result.rows[0];
    if (row) {
      const lastSuccessAt = row.last_success_at === null ? null : new Date(row.last_success_at);
      return { granted: true, previousFailures: Number(row.failures) - 1, lastSuccessAt };
    }
    const [held] = await db.select({ nextAllowedAt: t.nextAllowedAt }).from(t).where(eq(t.key, key));
    return { granted: false, retryAt: held?.nextAllowedAt ?? now };
  },

  /**
   * Gives back one reserved attempt that turned out not to be a failure (right password, or refused by
   * another key before any check). Below the free count again, the key is allowed at once.
   */
  async release(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<void> {
    await db
      .update(t)
      .set({
        failures: sql`greatest(${t.failures} - 1, 0)`,
        nextAllowedAt: sql`case when ${t.failures} - 1 < ${rule.freeAttempts} then ${ts(now)} else ${t.nextAllowedAt} end`,
      })
      .where(eq(t.key, key));
  },

  /** A successful sign-in: the account-and-address key starts again from zero and remembers the success. */
  async succeed(db: Db, key: string, now: Date): Promise<void> {
    await db.update(t).set({ failures: 0, nextAllowedAt: now, lastSuccessAt: now }).where(eq(t.key, key));
  },

  /** Removes keys idle since `before` and never successful (housekeeping). */
  async deleteIdleSince(db: Db, before: Date): Promise<void> {
    await db.execute(
      sql`delete from ${t} where ${t.lastAttemptAt} < ${ts(before)} and ${t.lastSuccessAt} is null`,
    );
  },
};
