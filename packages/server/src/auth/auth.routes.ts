import {
  apiTokenSchema,
  changePasswordBodySchema,
  createdTokenSchema,
  createTokenBodySchema,
  idParamSchema,
  loginBodySchema,
  type Me,
  meSchema,
  updatePreferencesBodySchema,
} from '@kadr/contracts';
import { apiTokensRepository, usersRepository } from '@kadr/db';
import { z } from 'zod';
import { inTransaction, recordChange } from '../audit/audit.service.ts';
import type { Actor } from '../context.ts';
import type { App, RouteDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { clearSessionCookie, contextOf, setSessionCookie } from '../plugins/auth.ts';
import { anyRole, publicRoute } from '../policy.ts';
import { changeOwnPassword, signIn, signOut } from './auth.service.ts';
import { createToken, presentToken, revokeToken } from './tokens.service.ts';

async function presentMe(deps: RouteDeps, actor: Actor): Promise<Me> {
  const user = await usersRepository.findById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    role: actor.role,
    organisationId: user.organisationId,
    organisationName: user.organisationName,
    locale: user.locale as Me['locale'],
    csrfToken: actor.csrfToken ?? '',
  };
}

const tags = ['auth'];

/** Sign-in, sign-out, the current user, own password, preferences and API tokens. */
export function registerAuthRoutes(app: App, deps: RouteDeps): void {
  app.post(
    '/api/auth/login',
    {
      config: { policy: publicRoute('signing in needs no session') },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie',
        body: loginBodySchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { secret, actor } = await signIn(
        deps.db,
        deps.config,
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' },
        deps.now(),
      );
      setSessionCookie(reply, deps.config, secret);
      return presentMe(deps, actor);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { policy: anyRole() }, schema: { tags, summary: 'Sign out' } },
    async (request, reply) => {
      await signOut(deps.db, request.actor!);
      clearSessionCookie(reply, deps.config);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: anyRole() },
      schema: { tags, summary: 'The signed-in user', response: { 200: meSchema } },
    },
    async (request) => presentMe(deps, request.actor!),
  );

  app.post(
    '/api/auth/password',
    {
      config: { policy: anyRole() },
      schema: { tags, summary: 'Change own password', body: changePasswordBodySchema },
    },
    async (request, reply) => {
      await changeOwnPassword(contextOf(request, deps.db, deps.now), request.body);
      return reply.status(204).send();
    },
  );

  app.patch(
    '/api/auth/preferences',
    {
      config: { policy: anyRole() },
      schema: {
        tags,
        summary: 'Change own language',
        body: updatePreferencesBodySchema,
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request, deps.db, deps.now);
      await inTransaction(ctx, async (tx) => {
        const before = await usersRepository.findById(tx, ctx.actor.userId);
        const after = await usersRepository.update(tx, ctx.actor.userId, { locale: request.body.locale });
        await recordChange(tx, ctx, {
          action: 'update',
          entity: 'user',
          entityId: ctx.actor.userId,
          before,
          after,
        });
      });
      return presentMe(deps, request.actor!);
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      config: { policy: anyRole() },
      schema: { tags, summary: 'Own personal API tokens', response: { 200: z.array(apiTokenSchema) } },
    },
    async (request) =>
      (await apiTokensRepository.listForUser(deps.db, request.actor!.userId)).map(presentToken),
  );

  app.post(
    '/api/auth/tokens',
    {
      config: { policy: anyRole() },
      schema: {
        tags,
        summary: 'Create a personal API token (the secret is shown once)',
        body: createTokenBodySchema,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await createToken(contextOf(request, deps.db, deps.now), request.body);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/auth/tokens/:id',
    {
      config: { policy: anyRole() },
      schema: { tags, summary: 'Revoke an own token', params: idParamSchema },
    },
    async (request, reply) => {
      await revokeToken(contextOf(request, deps.db, deps.now), request.params.id);
      return reply.status(204).send();
    },
  );
}
