import {
  createUserBodySchema,
  resetPasswordBodySchema,
  updateUserBodySchema,
  userListQuerySchema,
  userSchema,
} from '@kadr/contracts';
import { ADMIN_ONLY } from '../policy.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.ts';
import { defineRoutes } from '../plugins/declare-routes.ts';

/** Users: admins list, create, change, deactivate and reset passwords. */
export const userRoutes = defineRoutes('users', (api) => {
  api
    .resource('/api/users', { read: ADMIN_ONLY, write: ADMIN_ONLY, item: userSchema })
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
});
