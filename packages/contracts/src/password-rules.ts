/**
 * The rules of a new password, without zod so that the web app can check a password as it is typed without
 * shipping zod (see packages/web/src/api/vocabulary.ts). passwordSchema in auth.ts applies them to the API.
 */
import { COMMON_PASSWORDS_TEXT } from './common-passwords.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from './password-limits.ts';

export {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_PROBLEMS,
  type PasswordProblem,
  passwordProblemMessages,
} from './password-limits.ts';

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
