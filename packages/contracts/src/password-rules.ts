/**
 * The rules of a new password, without zod so that the web app can check a password as it is typed without
 * shipping zod (see packages/web/src/api/vocabulary.ts). passwordSchema in auth.ts applies them to the API.
 */
import { COMMON_PASSWORDS_TEXT } from './common-passwords.ts';

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

let commonPasswords: Set<string> | undefined;
function isCommon(password: string): boolean {
  commonPasswords ??= new Set(COMMON_PASSWORDS_TEXT.split(/\s+/).filter(Boolean));
  const lower = password.toLowerCase();
  // A common password with digits or symbols around it (`password1234`, `!!qwerty2024`) is as guessable.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return commonPasswords.has(lower) || (core.length >= 4 && commonPasswords.has(core));
}

/**
 * The first rule a new password breaks, or undefined when it may be set. Rules after OWASP ASVS (4.0.3 V2.1,
 * 5.0 V6.2): 12 to 128 characters, any characters, no composition rules, not only spaces, not one short group
 * repeated (`aaaaaaaaaaaa`, `abcabcabcabc`), not a common password (a list shipped in common-passwords.ts).
 * @example passwordProblem('password1234') // 'common'
 */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'tooLong';
  if (password.trim() === '') return 'blank';
  if (/^(.{1,4}?)\1+$/su.test(password)) return 'repeated';
  if (isCommon(password)) return 'common';
  return undefined;
}
