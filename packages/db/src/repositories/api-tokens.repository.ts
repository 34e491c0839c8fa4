import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { apiTokens } from '../schema/index.ts';

/** A personal API token (never its secret). */
export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** `read` or `read-write`. */
  scope: string;
}

/** The columns of an ApiTokenRecord (also read joined with its user: usersRepository.findByToken). */
export const apiTokenSelection = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  scope: apiTokens.scope,
};

/** Reads and writes personal API tokens. */
export const apiTokensRepository = {
  async create(
    db: Db,
    input: {
      userId: number;
      name: string;
      prefix: string;
      tokenHash: string;
      expiresAt: Date;
      scope: string;
      at: Date;
    },
  ): Promise<ApiTokenRecord> {
    const { at, ...rest } = input;
    const [row] = await db
      .insert(apiTokens)
      .values({ ...rest, createdAt: at })
      .returning(apiTokenSelection);
    return row!;
  },

  async listForUser(db: Db, userId: number): Promise<ApiTokenRecord[]> {
    return db
      .select(apiTokenSelection)
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(desc(apiTokens.id));
  },

  async findForUser(db: Db, userId: number, id: number): Promise<ApiTokenRecord | undefined> {
    const [row] = await db
      .select(apiTokenSelection)
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)));
    return row;
  },

  async revoke(db: Db, id: number, at: Date): Promise<ApiTokenRecord | undefined> {
    const [row] = await db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(eq(apiTokens.id, id))
      .returning(apiTokenSelection);
    return row;
  },

  /** Revokes every unrevoked token of a user; answers the revoked ones. */
  async revokeAllForUser(db: Db, userId: number, at: Date): Promise<ApiTokenRecord[]> {
    return db
      .update(apiTokens)
      .set({ revokedAt: at })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning(apiTokenSelection);
  },

  async touch(db: Db, id: number, at: Date): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
  },
};
