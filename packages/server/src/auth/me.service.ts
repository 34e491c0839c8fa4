import type { ApiToken, Locale, Me } from '@kadr/contracts';
import { apiTokensRepository, type Db, usersRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { type Actor, inTransaction, type ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { presentToken } from './tokens.service.ts';

/** The signed-in user as `/api/auth/me` shows it, with the session's CSRF token. */
export async function presentMe(db: Db, actor: Actor): Promise<Me> {
  const user = await usersRepository.findById(db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: actor.role,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
    locale: user.locale,
    csrfToken: actor.csrfToken ?? '',
  };
}

/** Changes the actor's own preferences (the interface language), audited. */
export async function updatePreferences(ctx: ServiceContext, body: { locale: Locale }): Promise<Me> {
  await inTransaction(ctx, async (tx) => {
    const before = await usersRepository.findById(tx, ctx.actor.userId);
    const after = await usersRepository.update(tx, ctx.actor.userId, { locale: body.locale }, ctx.now());
    await recordChange(tx, ctx, {
      action: 'update',
      entity: 'user',
      entityId: ctx.actor.userId,
      before,
      after,
    });
  });
  return presentMe(ctx.db, ctx.actor);
}

/** The actor's own personal API tokens. */
export async function listOwnTokens(ctx: ServiceContext): Promise<ApiToken[]> {
  return (await apiTokensRepository.listForUser(ctx.db, ctx.actor.userId)).map(presentToken);
}
