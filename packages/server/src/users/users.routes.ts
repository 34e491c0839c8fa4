import {
  createUserBodySchema,
  idParamSchema,
  pageOf,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '@kadr/contracts';
import { usersRepository } from '@kadr/db';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { createUser, getUser, presentUser, resetPassword, updateUser } from './users.service.ts';

const tags = ['users'];
const adminOnly = { policy: roles('admin') };

/** Users: admins list, create, change, deactivate and reset passwords. */
export function registerUserRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'List users',
        querystring: userListQuerySchema,
        response: { 200: pageOf(userSchema) },
      },
    },
    async (request) => {
      const { active, ...query } = request.query;
      const page = await usersRepository.list(deps.db, {
        ...query,
        active: active === undefined ? undefined : active === 'true',
      });
      return { ...page, items: page.items.map(presentUser) };
    },
  );

  app.post(
    '/api/users',
    {
      config: adminOnly,
      schema: { tags, summary: 'Create a user', body: createUserBodySchema, response: { 201: userSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createUser(contextOf(request, deps.db, deps.now), request.body)),
  );

  app.get(
    '/api/users/:id',
    {
      config: adminOnly,
      schema: { tags, summary: 'One user', params: idParamSchema, response: { 200: userSchema } },
    },
    async (request) => getUser(contextOf(request, deps.db, deps.now), request.params.id),
  );

  app.patch(
    '/api/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Change or deactivate a user',
        params: idParamSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema },
      },
    },
    async (request) => updateUser(contextOf(request, deps.db, deps.now), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Reset a user's password",
        params: idParamSchema,
        body: resetPasswordBodySchema,
      },
    },
    async (request, reply) => {
      await resetPassword(contextOf(request, deps.db, deps.now), request.params.id, request.body.newPassword);
      return reply.status(204).send();
    },
  );
}
