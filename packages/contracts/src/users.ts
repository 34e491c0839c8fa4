import { z } from 'zod';
import { emailSchema, passwordSchema, roleSchema } from './auth.ts';
import { idQuerySchema, idSchema, localeSchema, textSchema } from './common.ts';
import { listQuery } from './lists.ts';

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  organisationId: z.number().int(),
  organisationName: z.string(),
  locale: localeSchema,
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserBodySchema = z.object({
  email: emailSchema,
  fullName: textSchema().min(1).max(200),
  role: roleSchema,
  organisationId: idSchema,
  locale: localeSchema.default('ru'),
  password: passwordSchema,
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    fullName: textSchema().min(1).max(200),
    role: roleSchema,
    organisationId: idSchema,
    locale: localeSchema,
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const resetPasswordBodySchema = z.object({ newPassword: passwordSchema });
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const userListQuerySchema = listQuery([
  'email',
  'fullName',
  'role',
  'createdAt',
  'lastLoginAt',
]).extend({
  role: roleSchema.optional(),
  organisationId: idQuerySchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;
