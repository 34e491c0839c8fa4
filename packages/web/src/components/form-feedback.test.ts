import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import en from '../locales/en.json';
import { errorAt, formAlert } from './form-feedback';

// An instance of its own: the unit project runs its files in one process (vitest.config.ts, isolate: false).
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en } }, lng: 'en' });
});

const taken = new ApiError({
  status: 409,
  code: 'CONFLICT',
  message: 'An agreement with this number exists',
  details: { issues: [{ path: 'body.number', message: 'already used' }] },
});

describe('errorAt', () => {
  it("prefers the client-side message and falls back to the server's verdict on the field", () => {
    const error = errorAt(i18n.t, { title: 'Fill in this field' }, taken);
    expect(error('title')).toBe('Fill in this field');
    expect(error('number')).toBe('already used');
    expect(error('titleKk', 'number')).toBe('already used');
    expect(error('notes')).toBeUndefined();
  });
});

describe('formAlert', () => {
  it('points to the fields when the server named some', () => {
    expect(formAlert(i18n.t, taken)).toBe('Some fields are not filled in correctly.');
  });

  it("shows a 409's reason when no field is named", () => {
    const refused = new ApiError({
      status: 409,
      code: 'INVALID_TRANSITION',
      message: 'A terminated agreement cannot be changed',
    });
    expect(formAlert(i18n.t, refused)).toContain('A terminated agreement cannot be changed');
    expect(formAlert(i18n.t, null)).toBeUndefined();
  });
});
