import {
  apiTokenSchema,
  changePasswordBodySchema,
  createdTokenSchema,
  createTokenBodySchema,
  idParamSchema,
  loginBodySchema,
  meSchema,
  updatePreferencesBodySchema,
} from '@kadr/contracts';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
import { publicRoute, SIGNED_IN } from '../policy.ts';
import { changeOwnPassword, signIn, signOut } from './auth.service.ts';
import { listOwnTokens, presentMe, updatePreferences } from './me.service.ts';
import { createToken, revokeToken } from './tokens.service.ts';

const route = routeOptions('auth');

/** Sign-in, sign-out, the current user, own password, preferences and API tokens. */
export const authRoutes: CapabilityRoutes = async (app, deps) => {
  app.post(
    '/api/auth/login',
    route(publicRoute('signing in needs no session'), 'Sign in; sets the session cookie', {
      body: loginBodySchema,
      response: { 200: meSchema },
    }),
    async (request, reply) => {
      const attempt = { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
      const { secret, actor } = await signIn(deps.db, deps.config, attempt, deps.now());
      setSessionCookie(reply, deps.config, secret);
      return presentMe(deps.db, actor);
    },
  );
  app.post('/api/auth/logout', route(SIGNED_IN, 'Sign out'), async ({ ctx }, reply) => {
    clearSessionCookie(reply, deps.config);
    return noContent(reply, signOut(ctx.db, ctx.actor));
  });
  app.get(
    '/api/auth/me',
    route(SIGNED_IN, 'The signed-in user', { response: { 200: meSchema } }),
    async ({ ctx }) => presentMe(ctx.db, ctx.actor),
  );
  app.post(
    '/api/auth/password',
    route(SIGNED_IN, 'Change own password', { body: changePasswordBodySchema }),
    async ({ ctx, body, ip }, reply) =>
      noContent(reply, changeOwnPassword(ctx, body, { config: deps.config, ip })),
  );
  app.patch(
    '/api/auth/preferences',
    route(SIGNED_IN, 'Change own language', {
      body: updatePreferencesBodySchema,
      response: { 200: meSchema },
    }),
    async ({ ctx, body }) => updatePreferences(ctx, body),
  );
  app.get(
    '/api/auth/tokens',
    route(SIGNED_IN, 'Own personal API tokens', { response: { 200: z.array(apiTokenSchema) } }),
    async ({ ctx }) => listOwnTokens(ctx),
  );
  app.post(
    '/api/auth/tokens',
    route(
      SIGNED_IN,
      'Create a personal API token (the secret is shown once): from a signed-in session only, with the ' +
        'password entered again; read or read-write scope; expires in 1-365 days (90 by default)',
      {
        body: createTokenBodySchema,
        response: { 201: createdTokenSchema },
      },
    ),
    async ({ ctx, body, ip }, reply) =>
      created(reply, await createToken(ctx, body, { config: deps.config, ip })),
  );
  app.delete(
    '/api/auth/tokens/:id',
    route(SIGNED_IN, 'Revoke an own token', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, revokeToken(ctx, params.id)),
  );
};
