import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import en from '../locales/en.json';
import ru from '../locales/ru.json';
import { errorMessage, errorWithReason } from './error-text';

// An instance of its own: the unit project runs its files in one process (vitest.config.ts, isolate: false).
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, ru: { translation: ru } }, lng: 'en' });
});

const apiError = (code: string, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
  new ApiError({ status: 400, code, message: 'server text', ...extra });

describe('errorMessage', () => {
  it('translates API errors by code', () => {
    expect(errorMessage(i18n.t, apiError('INVALID_CREDENTIALS'))).toBe('Wrong email or password.');
    expect(errorMessage(i18n.getFixedT('ru'), apiError('EMAIL_TAKEN'))).toBe(
      'Пользователь с такой почтой уже существует.',
    );
  });

  it('says how many minutes to wait after too many attempts', () => {
    const error = apiError('TOO_MANY_REQUESTS', { status: 429, retryAfterSeconds: 900 });
    expect(errorMessage(i18n.t, error)).toBe('Too many attempts; try again in 15 minutes.');
    expect(errorMessage(i18n.getFixedT('ru'), error)).toBe(
      'Слишком много попыток; повторите через 15 минут.',
    );
    expect(errorMessage(i18n.t, apiError('TOO_MANY_REQUESTS', { retryAfterSeconds: 30 }))).toBe(
      'Too many attempts; try again in 1 minute.',
    );
  });

  it('falls back to the server message for unknown codes, and to "unknown" for other errors', () => {
    expect(errorMessage(i18n.t, apiError('SOMETHING_NEW'))).toBe('server text');
    expect(errorMessage(i18n.t, new Error('boom'))).toBe('Something went wrong.');
  });
});

describe('errorWithReason', () => {
  it("adds the server's explanation to a translated 409", () => {
    const error = apiError('INVALID_TRANSITION', {
      status: 409,
      message: 'Cannot move from draft to terminated',
    });
    expect(errorWithReason(i18n.t, error)).toBe(
      'This status change is not allowed from the current status. — Cannot move from draft to terminated',
    );
  });

  it('leaves other errors as errorMessage gives them', () => {
    expect(errorWithReason(i18n.t, apiError('FORBIDDEN', { status: 403 }))).toBe(
      'You are not allowed to do this.',
    );
  });
});
