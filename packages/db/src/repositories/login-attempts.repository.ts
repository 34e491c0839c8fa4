import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { loginAttempts } from '../schema/index.ts';

/** The log of sign-in attempts (the throttle itself is signInThrottleRepository). */
export const loginAttemptsRepository = {
  async record(db: Db, input: { email: string; ip: string; succeeded: boolean; at: Date }): Promise<void> {
    await db.insert(loginAttempts).values(input);
  },

  /** Failures for an email since `since`. */
  async failuresForEmail(db: Db, email: string, since: Date): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)),
      );
    return row?.n ?? 0;
  },

  async failuresForIp(db: Db, ip: string, since: Date): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, since)));
    return row?.n ?? 0;
  },

  async deleteOlderThan(db: Db, before: Date): Promise<void> {
    await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
  },
};
