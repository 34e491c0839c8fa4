import {
  createUserBodySchema,
  idParamSchema,
  pageOf,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.ts';

const route = routeOptions('users');

/** Users: admins list, create, change, deactivate and reset passwords. */
export const userRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/users',
    route(ADMIN_ONLY, 'List users', {
      querystring: userListQuerySchema,
      response: { 200: pageOf(userSchema) },
    }),
    async ({ ctx, query }) => listUsers(ctx, query),
  );
  app.post(
    '/api/users',
    route(ADMIN_ONLY, 'Create a user', { body: createUserBodySchema, response: { 201: userSchema } }),
    async ({ ctx, body }, reply) => created(reply, await createUser(ctx, body)),
  );
  app.get(
    '/api/users/:id',
    route(ADMIN_ONLY, 'One user', { params: idParamSchema, response: { 200: userSchema } }),
    async ({ ctx, params }) => getUser(ctx, params.id),
  );
  app.patch(
    '/api/users/:id',
    route(ADMIN_ONLY, 'Change or deactivate a user', {
      params: idParamSchema,
      body: updateUserBodySchema,
      response: { 200: userSchema },
    }),
    async ({ ctx, params, body }) => updateUser(ctx, params.id, body),
  );
  app.post(
    '/api/users/:id/reset-password',
    route(ADMIN_ONLY, "Reset a user's password", { params: idParamSchema, body: resetPasswordBodySchema }),
    async ({ ctx, params, body }, reply) => noContent(reply, resetPassword(ctx, params.id, body.newPassword)),
  );
};
