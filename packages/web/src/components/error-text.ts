import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordProblem,
} from '@kadr/contracts/password-limits';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * The translated message of any error: API errors by their code (`errors.CODE`), 429 with the
 * minutes to wait, anything else as "unexpected".
 * @example errorMessage(t, new ApiError({ status: 401, code: 'INVALID_CREDENTIALS', message: '' }))
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.UNKNOWN');
  if (error.code === 'TOO_MANY_REQUESTS' && error.retryAfterSeconds !== undefined) {
    const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
    return t('errors.tooManyAttemptsRetry', { count: minutes });
  }
  const key = `errors.${error.code}`;
  return t(key, { defaultValue: error.message || t('errors.UNKNOWN') });
}

/**
 * Like {@link errorMessage}, followed by the server's own explanation of a 409 (a refused status
 * change, a record still in use), which says what to do instead.
 * @example errorWithReason(t, error) // 'This status change is not allowed… — Cannot move an agreement from draft to terminated'
 */
export function errorWithReason(t: TFunction, error: unknown): string {
  const text = errorMessage(t, error);
  if (!(error instanceof ApiError) || error.status !== 409 || !error.message || text === error.message)
    return text;
  return `${text} — ${error.message}`;
}

/** The translated message of one password rule. */
export function passwordProblemText(t: TFunction, problem: PasswordProblem): string {
  return t(`validation.passwordRule.${problem}`, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
}

/** The hint under a new-password input: the rules in one line. */
export function passwordHint(t: TFunction): string {
  return t('validation.passwordHint', { min: MIN_PASSWORD_LENGTH });
}
