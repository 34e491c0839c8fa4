import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions } from '../schema/index.ts';

/** A stored session (the id is the SHA-256 of the cookie secret). */
export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** The columns of a SessionRecord (also read joined with its user: usersRepository.findBySession). */
export const sessionSelection = {
  id: sessions.id,
  userId: sessions.userId,
  csrfToken: sessions.csrfToken,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
};

/** Reads and writes server-side sessions. */
export const sessionsRepository = {
  async create(
    db: Db,
    input: {
      id: string;
      userId: number;
      csrfToken: string;
      expiresAt: Date;
      ip: string;
      userAgent: string;
      at: Date;
    },
  ): Promise<void> {
    const { at, ...rest } = input;
    await db.insert(sessions).values({ ...rest, createdAt: at, lastSeenAt: at });
  },

  async findById(db: Db, id: string): Promise<SessionRecord | undefined> {
    const [row] = await db.select(sessionSelection).from(sessions).where(eq(sessions.id, id));
    return row;
  },

  async touch(db: Db, id: string, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  /** Ends every session of a user, except `keepId` when given (the one changing its password). */
  async deleteForUser(db: Db, userId: number, keepId?: string): Promise<void> {
    await db
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          keepId ? or(lt(sessions.id, keepId), gt(sessions.id, keepId)) : undefined,
        ),
      );
  },

  /** Removes sessions past their absolute expiry or idle since `idleBefore`. */
  async deleteStale(db: Db, now: Date, idleBefore: Date): Promise<void> {
    await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleBefore)));
  },
};

/**
 * The channel on which the database notifies changes to sessions and users (migration 0015's triggers:
 * 's:<session id>' for a deleted session, 'u:<user id>' for a user updated or deleted), for the API processes'
 * session caches (ADR 0013).
 */
export const AUTH_CHANNEL = 'kadr_auth';

/** Sends `payload` on {@link AUTH_CHANNEL} (delivered at commit, after every notification committed before). */
export async function notifyAuthChannel(db: Db, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${AUTH_CHANNEL}, ${payload})`);
}
