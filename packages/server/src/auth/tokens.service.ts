import type { ApiToken, TokenScope } from '@kadr/contracts';
import { type ApiTokenRecord, apiTokensRepository, type Db, usersRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { type Actor, inTransaction, type ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { actorOf, type PasswordAttempt, requireOwnPassword } from './auth.service.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Token secrets start with this, so that leaked ones are easy to recognise and scan for. */
export const TOKEN_PREFIX = 'kadr_';

/** Presents a token without its secret. */
export function presentToken(t: ApiTokenRecord): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope as TokenScope,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Creates a personal API token for the actor; the secret is returned once and stored only hashed. Only a
 * signed-in session that enters the password again may do it: a token cannot mint tokens (which would outlive
 * its own revocation), and a stolen session alone cannot mint a long-lived credential. The password goes
 * through the sign-in limits (requireOwnPassword), so minting cannot be used to guess it.
 * @throws AppError FORBIDDEN for a token-authenticated request, VALIDATION_FAILED for a wrong password,
 *   TOO_MANY_REQUESTS while the account and address wait
 */
export async function createToken(
  ctx: ServiceContext,
  input: { name: string; scope: TokenScope; expiresInDays: number; password: string },
  attempt: PasswordAttempt,
): Promise<ApiToken & { token: string }> {
  if (ctx.actor.via !== 'session')
    throw new AppError('FORBIDDEN', {
      message: 'API tokens are created from a signed-in session, not with a token',
    });
  await requireOwnPassword(ctx, input.password, 'body.password', attempt);
  const token = `${TOKEN_PREFIX}${newSecret(30)}`;
  const now = ctx.now();
  const record = await inTransaction(ctx, async (tx) => {
    const created = await apiTokensRepository.create(tx, {
      userId: ctx.actor.userId,
      name: input.name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashSecret(token),
      scope: input.scope,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      at: now,
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'api_token',
      entityId: created.id,
      before: null,
      after: created,
    });
    return created;
  });
  return { ...presentToken(record), token };
}

/**
 * Revokes every live token of a user, auditing each, in the caller's transaction: a password change or reset
 * and a deactivation end the user's tokens as they end the sessions.
 */
export async function revokeUserTokens(tx: Db, ctx: ServiceContext, userId: number): Promise<void> {
  for (const after of await apiTokensRepository.revokeAllForUser(tx, userId, ctx.now())) {
    const before = { ...after, revokedAt: null };
    await recordChange(tx, ctx, { action: 'update', entity: 'api_token', entityId: after.id, before, after });
  }
}

/** Revokes one of the actor's own tokens. */
export async function revokeToken(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await apiTokensRepository.findForUser(tx, ctx.actor.userId, id);
    if (!before) throw new AppError('NOT_FOUND', { message: `No token ${id}` });
    if (before.revokedAt) return;
    const after = await apiTokensRepository.revoke(tx, id, ctx.now());
    await recordChange(tx, ctx, { action: 'update', entity: 'api_token', entityId: id, before, after });
  });
}

/**
 * Resolves a bearer token to its actor, or undefined when unknown, revoked, expired or its user inactive. The
 * token and its user are read in one query, as a session and its user are.
 */
export async function resolveToken(db: Db, token: string, now: Date): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const found = await usersRepository.findByToken(db, hashSecret(token));
  if (!found) return undefined;
  const { token: record, user } = found;
  if (record.revokedAt || (record.expiresAt && record.expiresAt.getTime() <= now.getTime()) || !user.active)
    return undefined;
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await apiTokensRepository.touch(db, record.id, now);
  }
  return actorOf(user, 'token', { tokenScope: record.scope as TokenScope });
}
