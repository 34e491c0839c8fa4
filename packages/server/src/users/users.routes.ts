import {
  createUserBodySchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import type { CapabilityRoutes } from '../plugins/route.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.ts';
import { declareRoutes } from '../plugins/declare-routes.ts';

const tag = 'users';

/** Users: admins list, create, change, deactivate and reset passwords. */
export const userRoutes: CapabilityRoutes = async (app) => {
  const api = declareRoutes(app, tag);
  resourceRoutes(app, '/api/users', { tag, read: ADMIN_ONLY, write: ADMIN_ONLY, item: userSchema })
    .list('List users', userListQuerySchema, listUsers)
    .create('Create a user', createUserBodySchema, createUser)
    .get('One user', getUser)
    .update('Change or deactivate a user', updateUserBodySchema, updateUser);
  api.post(
    '/api/users/:id/reset-password',
    ADMIN_ONLY,
    (ctx, id, body) => resetPassword(ctx, id, body.newPassword),
    {
      summary: "Reset a user's password",
      body: resetPasswordBodySchema,
    },
  );
};
