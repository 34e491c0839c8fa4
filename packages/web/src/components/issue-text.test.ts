import {
  createEquipmentBodySchema,
  createLabBodySchema,
  createOrganisationBodySchema,
  createUserBodySchema,
  type ValidationRule,
  VALIDATION_RULES,
} from '@kadr/contracts';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import { checkBody, GENERIC_KEYS, PATTERN_KEYS, RULE_KEYS } from './issue-text';

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, kk: { translation: kk } }, lng: 'en' });
});

const lookup = (messages: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

const lab = {
  code: 'PCH-101',
  name: { kk: 'Зертхана', ru: 'Лаборатория' },
  priorityArea: 'petrochemistry',
  capacity: 20,
};

describe('checkBody', () => {
  it('has a translation in kk, ru and en for every rule, pattern and issue kind it may show', () => {
    const keys = [...Object.values(RULE_KEYS), ...Object.values(PATTERN_KEYS), ...GENERIC_KEYS];
    for (const messages of [en, ru, kk])
      for (const key of keys) expect(typeof lookup(messages, key), key).toBe('string');
    expect(Object.keys(RULE_KEYS).sort()).toEqual([...VALIDATION_RULES].sort() as ValidationRule[]);
  });

  it('returns the parsed body (trimmed, defaults filled) when the contract accepts it', () => {
    const checked = checkBody(i18n.t, createLabBodySchema, { ...lab, code: ' PCH-101 ' });
    expect(checked).toEqual({ data: { ...lab, name: { ...lab.name, en: '' }, building: '', room: '' } });
  });

  it('says what is wrong with each field in the interface language, keyed by its path', () => {
    const body = { ...lab, code: 'PCH 101', name: { kk: ' ', ru: 'Лаборатория' }, capacity: 0 };
    expect(checkBody(i18n.t, createLabBodySchema, body).errors).toEqual({
      code: en.material.codeRule,
      'name.kk': en.validation.required,
      capacity: 'At least 1',
    });
    expect(checkBody(i18n.getFixedT('kk'), createLabBodySchema, body).errors?.code).toBe(
      kk.material.codeRule,
    );
  });

  it('says the years a date may have, and why a new password is refused, in the interface language', () => {
    const item = {
      inventoryNumber: 'EQ-1',
      name: { kk: 'Зат', ru: 'Предмет', en: 'Item' },
      labId: 1,
      costTiyn: 100,
      acquiredOn: '0001-01-01',
    };
    expect(checkBody(i18n.t, createEquipmentBodySchema, item).errors).toEqual({
      acquiredOn: en.validation.yearRange,
    });
    const user = {
      email: 'a@b.kz',
      fullName: 'A',
      role: 'admin',
      organisationId: 1,
      password: 'password1234',
    };
    expect(checkBody(i18n.getFixedT('kk'), createUserBodySchema, user).errors).toEqual({
      password: kk.validation.passwordRule.common,
    });
  });

  it('reads amounts in tiyn as tenge the person typed, and a failed "empty or a web address" as an address', () => {
    const item = {
      inventoryNumber: 'EQ-1',
      name: { kk: 'Зат', ru: 'Предмет', en: 'Item' },
      labId: 1,
      acquiredOn: '2025-02-30',
    };
    expect(checkBody(i18n.t, createEquipmentBodySchema, item).errors).toEqual({
      costTiyn: en.validation.amount,
      acquiredOn: en.validation.date,
    });
    const organisation = {
      kind: 'company',
      name: lab.name,
      shortName: 'X',
      country: 'kz',
      website: 'ftp://x.kz',
    };
    expect(checkBody(i18n.t, createOrganisationBodySchema, organisation).errors).toEqual({
      country: en.validation.country,
      website: en.validation.url,
    });
  });
});
