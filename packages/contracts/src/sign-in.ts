import { z } from 'zod';
import { textSchema } from './common.ts';

/**
 * The sign-in body, in a module of its own: the sign-in page imports it as `@kadr/contracts/sign-in`, so the
 * first page a visitor loads carries neither the other contracts nor the common-password list that
 * `passwordSchema` (auth.ts) checks new passwords against.
 */
export const emailSchema = textSchema().toLowerCase().email().max(254);

/** What `POST /api/auth/login` takes. */
export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;
