import { z } from 'zod';
import { localeSchema, textSchema } from './common.ts';
import { passwordProblem, passwordProblemMessages } from './password-rules.ts';
import { CSRF_HEADER, ROLES, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { ROLES, CSRF_HEADER };

export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export { emailSchema, type LoginBody, loginBodySchema } from './sign-in.ts';

/** A password a user may set (passwordProblem); the issue carries `params.problem` for a translated message. */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem)
    ctx.addIssue({ code: 'custom', message: passwordProblemMessages[problem], params: { problem } });
});

/** The signed-in user as the API presents it. */
export const meSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  organisationId: z.number().int(),
  organisationName: z.string(),
  locale: localeSchema,
  /** Send this value in the `x-csrf-token` header with every cookie-authenticated write. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const updatePreferencesBodySchema = z.object({ locale: localeSchema });

/** What a personal API token may do: `read` (GET and HEAD only) or `read-write` (every route its user may call). */
export const tokenScopeSchema = z.enum(['read', 'read-write']);
export type TokenScope = z.infer<typeof tokenScopeSchema>;
// The days a token lives by default and at most live in vocabularies.ts, which loads no zod.
export { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS };

/** A new personal API token: made from a signed-in session, with the user's password entered again. */
export const createTokenBodySchema = z.object({
  name: textSchema().min(1).max(100),
  scope: tokenScopeSchema.default('read'),
  /** Days until the token expires (default 90, at most 365); every token expires. */
  expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).default(TOKEN_DEFAULT_DAYS),
  /** The user's current password, entered again. */
  password: z.string().min(1).max(200),
});
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;
export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  scope: tokenScopeSchema,
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
/** Answer to token creation: the secret is shown once and never stored in clear. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

export const SESSION_COOKIE = 'kadr_session';
