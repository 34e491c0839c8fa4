import {
  type Db,
  loginAttemptsRepository,
  sessionsRepository,
  type UserRecord,
  usersRepository,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import type { ServerConfig } from '../config.ts';
import { type Actor, inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, validationError } from '../errors.ts';
import { hashPassword, verifyDummy, verifyPassword } from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';
import type { ResolvedSession, SessionCache } from './session-cache.ts';
import { reserveSignIn } from './sign-in-throttle.ts';
import { revokeUserTokens } from './tokens.service.ts';

const MINUTE = 60_000;

/** Builds the actor of a user. */
export function actorOf(user: UserRecord, via: Actor['via'], extra: Partial<Actor> = {}): Actor {
  return {
    userId: user.id,
    email: user.email,
    fullName: user.fullName,
    role: user.role,
    organisationId: user.organisationId,
    locale: user.locale,
    via,
    ...extra,
  };
}

/**
 * Signs a user in: reserves the attempt against the sign-in limits first (so a throttled attempt costs no
 * hashing, and parallel attempts cannot overrun the limit), then checks the password; on success opens a
 * new session (never reusing one: no fixation).
 * @returns the session secret for the cookie and the actor
 */
export async function signIn(
  db: Db,
  config: ServerConfig,
  input: { email: string; password: string; ip: string; userAgent: string },
  now: Date,
): Promise<{ secret: string; actor: Actor }> {
  const email = input.email.toLowerCase();
  const reservation = await reserveSignIn(db, config, email, input.ip, now);
  const user = await usersRepository.findByEmail(db, email);
  const passwordHash = user ? await usersRepository.findPasswordHash(db, user.id) : undefined;
  let ok = false;
  if (passwordHash) ok = await verifyPassword(passwordHash, input.password);
  else await verifyDummy(input.password);
  // A deactivated account answers as a wrong password does, right password or not: the answer never tells
  // which accounts exist or that a guessed password was right.
  if (!user || !ok || !user.active) {
    await loginAttemptsRepository.record(db, { email, ip: input.ip, succeeded: false, at: now });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await reservation.succeeded();
  const secret = newSecret();
  const csrfToken = newSecret(24);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await loginAttemptsRepository.record(t, { email, ip: input.ip, succeeded: true, at: now });
    await sessionsRepository.create(t, {
      id: hashSecret(secret),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 60 * MINUTE),
      ip: input.ip,
      userAgent: input.userAgent.slice(0, 300),
      at: now,
    });
    await usersRepository.touchLogin(t, user.id, now);
  });
  return { secret, actor: actorOf(user, 'session', { sessionId: hashSecret(secret), csrfToken }) };
}

/**
 * The actor of a session cookie when the session cache (ADR 0013) answers for it, without the database: read in
 * the last seconds, not changed since, and the database would answer it the same and write nothing (not
 * expired, not idle, no touch due). Undefined otherwise: {@link resolveSession} reads it.
 */
export function cachedSessionActor(
  config: ServerConfig,
  secret: string,
  now: Date,
  cache: SessionCache,
): Actor | undefined {
  return cachedActor(config, hashSecret(secret), now, cache);
}

function cachedActor(config: ServerConfig, id: string, now: Date, cache: SessionCache): Actor | undefined {
  const cached = cache.get(id);
  if (
    cached &&
    isCurrent(cached, now, idleLimitOf(config, now)) &&
    now.getTime() - cached.session.lastSeenAt.getTime() <= MINUTE
  )
    return actorOf(cached.user, 'session', { sessionId: id, csrfToken: cached.session.csrfToken });
  return undefined;
}

/** The oldest last use (ms since the epoch) a session may have and still be current at `now`. */
function idleLimitOf(config: ServerConfig, now: Date): number {
  return now.getTime() - config.sessionIdleMinutes * MINUTE;
}

/**
 * Resolves a session cookie to its actor. Sessions past their idle or absolute expiry, and
 * sessions of deactivated users, are deleted and reported as expired.
 */
export async function resolveSession(
  db: Db,
  config: ServerConfig,
  secret: string,
  now: Date,
  cache?: SessionCache,
): Promise<Actor | 'expired'> {
  const id = hashSecret(secret);
  const cached = cache && cachedActor(config, id, now, cache);
  if (cached) return cached;
  const found = cache
    ? await cache.shared(id, () => readSession(db, config, id, now, cache))
    : await readSession(db, config, id, now);
  if (found === 'expired') return 'expired';
  return actorOf(found.user, 'session', { sessionId: id, csrfToken: found.session.csrfToken });
}

/** Reads session `id` with its user, deletes it when no longer current, and keeps it in the cache. */
async function readSession(
  db: Db,
  config: ServerConfig,
  id: string,
  now: Date,
  cache?: SessionCache,
): Promise<ResolvedSession | 'expired'> {
  const mark = cache?.mark() ?? 0;
  const found = await usersRepository.findBySession(db, id);
  if (!found) return 'expired';
  const { session, user } = found;
  if (!isCurrent(found, now, idleLimitOf(config, now))) {
    await sessionsRepository.delete(db, id);
    return 'expired';
  }
  // Writing on every request would serialise reads on PGlite; a minute of precision is enough.
  let lastSeenAt = session.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() > MINUTE) {
    await sessionsRepository.touch(db, id, now);
    lastSeenAt = now;
  }
  const resolved = { user, session: { ...session, lastSeenAt } };
  cache?.put(id, resolved, mark);
  return resolved;
}

/** Not past its absolute expiry, not idle past `idleLimit`, and its user active. */
function isCurrent({ session, user }: ResolvedSession, now: Date, idleLimit: number): boolean {
  return (
    session.expiresAt.getTime() > now.getTime() && session.lastSeenAt.getTime() >= idleLimit && user.active
  );
}

/** Ends the actor's session. */
export async function signOut(db: Db, actor: Actor): Promise<void> {
  if (actor.sessionId) await sessionsRepository.delete(db, actor.sessionId);
}

/** Where a re-entered password comes from: the sign-in limits and the caller's address. */
export interface PasswordAttempt {
  config: ServerConfig;
  ip: string;
}

/**
 * Checks the actor's own password, entered again for a sensitive step. It counts as a sign-in attempt of the
 * account from the caller's address, under the same limits (ADR 0008): a stolen session cannot be used to guess
 * the password, and a wrong guess here delays sign-in there as well.
 * @throws AppError TOO_MANY_REQUESTS while the account and address wait, VALIDATION_FAILED naming `path`
 *   when the password is wrong
 */
export async function requireOwnPassword(
  ctx: ServiceContext,
  password: string,
  path: string,
  attempt: PasswordAttempt,
): Promise<void> {
  const email = ctx.actor.email.toLowerCase();
  const reservation = await reserveSignIn(ctx.db, attempt.config, email, attempt.ip, ctx.now());
  const hash = await usersRepository.findPasswordHash(ctx.db, ctx.actor.userId);
  if (!hash || !(await verifyPassword(hash, password))) {
    const message = 'The current password is wrong';
    throw validationError([fieldIssue(path, 'currentPassword', message)], message);
  }
  await reservation.succeeded();
}

/** Changes the actor's own password after checking the current one; ends the user's other sessions. */
export async function changeOwnPassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
  attempt: PasswordAttempt,
): Promise<void> {
  await requireOwnPassword(ctx, input.currentPassword, 'body.currentPassword', attempt);
  await setPassword(ctx, ctx.actor.userId, input.newPassword, ctx.actor.sessionId);
}

/**
 * Sets a user's password (own change or admin reset), ends their sessions but `keepSessionId`, revokes
 * their API tokens, audits it.
 */
export async function setPassword(
  ctx: ServiceContext,
  userId: number,
  newPassword: string,
  keepSessionId?: string,
): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (tx) => {
    const before = await usersRepository.findById(tx, userId);
    if (!before) throw new AppError('NOT_FOUND', { message: `No user ${userId}` });
    const at = ctx.now();
    await usersRepository.setPassword(tx, userId, passwordHash, at);
    await sessionsRepository.deleteForUser(tx, userId, keepSessionId);
    await revokeUserTokens(tx, ctx, userId);
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'user',
      entityId: userId,
      before: { passwordChangedAt: before.passwordChangedAt },
      after: { passwordChangedAt: at },
    });
  });
}
