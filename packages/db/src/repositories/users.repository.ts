import type { Locale, Role } from '@kadr/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { apiTokens, organisations, sessions, users } from '../schema/index.ts';
import { type ApiTokenRecord, apiTokenSelection } from './api-tokens.repository.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { prepared } from './prepared.ts';
import { type SessionRecord, sessionSelection } from './sessions.repository.ts';

/** A user as the rest of Kadr sees it (never with the password hash). */
export interface UserRecord {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  locale: Locale;
  active: boolean;
  lastLoginAt: Date | null;
  passwordChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields to create a user; the password arrives already hashed. */
export interface UserInput {
  email: string;
  fullName: string;
  role: Role;
  organisationId: number;
  locale: Locale;
  passwordHash: string;
}

/** Fields an admin may change. */
export type UserPatch = Partial<
  Pick<UserRecord, 'fullName' | 'role' | 'organisationId' | 'locale' | 'active'>
>;

const selection = {
  id: users.id,
  email: users.email,
  fullName: users.fullName,
  role: users.role,
  organisationId: users.organisationId,
  organisationName: organisations.shortName,
  locale: users.locale,
  active: users.active,
  lastLoginAt: users.lastLoginAt,
  passwordChangedAt: users.passwordChangedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

function selectUsers(db: Db) {
  return db
    .select(selection)
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId));
}

/** Reads and writes users. */
export const usersRepository = {
  async create(db: Db, input: UserInput): Promise<UserRecord> {
    const [row] = await db.insert(users).values(input).returning({ id: users.id });
    return (await usersRepository.findById(db, row!.id))!;
  },

  async update(db: Db, id: number, patch: UserPatch, at: Date): Promise<UserRecord | undefined> {
    const [row] = await db
      .update(users)
      .set({ ...patch, updatedAt: at })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    return row ? usersRepository.findById(db, row.id) : undefined;
  },

  /**
   * A session and its user, in one query: every cookie-authenticated request reads it, so it is a prepared
   * statement (built once, parsed once per connection).
   */
  async findBySession(
    db: Db,
    sessionId: string,
  ): Promise<{ session: SessionRecord; user: UserRecord } | undefined> {
    const query = prepared(db, 'kadr_user_by_session', (d, name) =>
      d
        .select({ user: selection, session: sessionSelection })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(eq(sessions.id, sql.placeholder('id')))
        .prepare(name),
    );
    const [row] = await query.execute({ id: sessionId });
    return row;
  },

  /** An API token (found by the hash of its secret) and its user, in one prepared query, as for sessions. */
  async findByToken(
    db: Db,
    tokenHash: string,
  ): Promise<{ token: ApiTokenRecord; user: UserRecord } | undefined> {
    const query = prepared(db, 'kadr_user_by_token', (d, name) =>
      d
        .select({ user: selection, token: apiTokenSelection })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .innerJoin(organisations, eq(organisations.id, users.organisationId))
        .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
        .prepare(name),
    );
    const [row] = await query.execute({ hash: tokenHash });
    return row;
  },

  async findById(db: Db, id: number): Promise<UserRecord | undefined> {
    const [row] = await selectUsers(db).where(eq(users.id, id));
    return row;
  },

  async findByEmail(db: Db, email: string): Promise<UserRecord | undefined> {
    const [row] = await selectUsers(db).where(eq(users.email, email.toLowerCase()));
    return row;
  },

  /** The stored password hash, for sign-in and password change only. */
  async findPasswordHash(db: Db, id: number): Promise<string | undefined> {
    const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
    return row?.hash;
  },

  async setPassword(db: Db, id: number, passwordHash: string, at: Date): Promise<void> {
    await db
      .update(users)
      .set({ passwordHash, passwordChangedAt: at, updatedAt: at })
      .where(eq(users.id, id));
  },

  async touchLogin(db: Db, id: number, at: Date): Promise<void> {
    await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
  },

  async list(
    db: Db,
    params: ListParams & {
      q?: string | undefined;
      role?: Role | undefined;
      organisationId?: number | undefined;
      active?: boolean | undefined;
    },
  ): Promise<RecordPage<UserRecord>> {
    return listPage(params, {
      rows: selectUsers(db).$dynamic(),
      filters: [
        equalTo(users.role, params.role),
        equalTo(users.organisationId, params.organisationId),
        equalTo(users.active, params.active),
        search(params.q, users.email, users.fullName),
      ],
      sortable: {
        email: users.email,
        fullName: users.fullName,
        role: users.role,
        createdAt: users.createdAt,
        lastLoginAt: users.lastLoginAt,
      },
      fallback: ascending(users.email),
      id: users.id,
      present: (rows) => rows,
    });
  },
};
