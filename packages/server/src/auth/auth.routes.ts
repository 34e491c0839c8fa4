import {
  apiTokenSchema,
  changePasswordBodySchema,
  createdTokenSchema,
  createTokenBodySchema,
  loginBodySchema,
  meSchema,
  updatePreferencesBodySchema,
} from '@kadr/contracts';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { created, noContent, routeOptions } from '../plugins/route.ts';
import { publicRoute, SIGNED_IN } from '../policy.ts';
import { changeOwnPassword, signIn, signOut } from './auth.service.ts';
import { listOwnTokens, presentMe, updatePreferences } from './me.service.ts';
import { createToken, revokeToken } from './tokens.service.ts';

const route = routeOptions('auth');

/** Sign-in, sign-out, the current user, own password, preferences and API tokens. */
export const authRoutes = defineRoutes('auth', (api, app, deps) => {
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
  api.get('/api/auth/me', SIGNED_IN, (ctx) => presentMe(ctx.db, ctx.actor), {
    summary: 'The signed-in user',
    response: meSchema,
  });
  app.post(
    '/api/auth/password',
    route(SIGNED_IN, 'Change own password', { body: changePasswordBodySchema }),
    async ({ ctx, body, ip }, reply) =>
      noContent(reply, changeOwnPassword(ctx, body, { config: deps.config, ip })),
  );
  api.patch('/api/auth/preferences', SIGNED_IN, updatePreferences, {
    summary: 'Change own language',
    body: updatePreferencesBodySchema,
    response: meSchema,
  });
  api.get('/api/auth/tokens', SIGNED_IN, listOwnTokens, {
    summary: 'Own personal API tokens',
    list: apiTokenSchema,
  });
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
  api.delete('/api/auth/tokens/:id', SIGNED_IN, revokeToken, {
    summary: 'Revoke an own token',
  });
});
