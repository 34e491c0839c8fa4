import {
  createUserBodySchema,
  idParamSchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, noContent, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.ts';

const tag = 'users';
const route = routeOptions(tag);

/** Users: admins list, create, change, deactivate and reset passwords. */
export const userRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/users', { tag, read: ADMIN_ONLY, write: ADMIN_ONLY, item: userSchema })
    .list('List users', userListQuerySchema, listUsers)
    .create('Create a user', createUserBodySchema, createUser)
    .get('One user', getUser)
    .update('Change or deactivate a user', updateUserBodySchema, updateUser);
  app.post(
    '/api/users/:id/reset-password',
    route(ADMIN_ONLY, "Reset a user's password", { params: idParamSchema, body: resetPasswordBodySchema }),
    async ({ ctx, params, body }, reply) => noContent(reply, resetPassword(ctx, params.id, body.newPassword)),
  );
};
