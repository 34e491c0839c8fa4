/**
 * The limits and problem names of a new password, apart from the rules that check one (password-rules.ts): the
 * web's error texts import these on the first page, which must not carry the common-password list.
 */

/** The shortest and the longest password a user may set (OWASP ASVS 4.0.3 V2.1.1 and V2.1.2). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

/** Why a password may not be set; each has a message in the web locales under `validation.passwordRule.`. */
export const PASSWORD_PROBLEMS = ['tooShort', 'tooLong', 'blank', 'repeated', 'common'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** The English message of each problem, as the API answers it. */
export const passwordProblemMessages: Record<PasswordProblem, string> = {
  tooShort: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
  tooLong: `Use at most ${MAX_PASSWORD_LENGTH} characters`,
  blank: 'A password cannot be only spaces',
  repeated: 'A password cannot be one character or a short group of characters repeated',
  common: 'This password is among the most common ones; choose another',
};
