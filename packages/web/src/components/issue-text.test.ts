import {
  createDemandPlanBodySchema,
  createEquipmentBodySchema,
  createLabBodySchema,
  createOrganisationBodySchema,
  createUserBodySchema,
  type IssueReason,
  PASSWORD_PROBLEMS,
  PATTERN_NAMES,
  type ValidationRule,
  VALIDATION_RULES,
} from '@kadr/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { addNumberFormat } from '../i18n';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import { checkBody, fieldErrors, GENERIC_KEYS, PATTERN_KEYS, RULE_KEYS, serverIssueText } from './issue-text';

// Its own instance: the app's (../i18n) sets the page title whenever the language changes.
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, kk: { translation: kk }, ru: { translation: ru } },
    lng: 'en',
  });
  addNumberFormat(i18n);
});

/** A text of the locale file, or the `_other` form of a plural text. */
const lookup = (messages: object, key: string): unknown => {
  const [parent, last] = [key.split('.').slice(0, -1), key.split('.').at(-1)!];
  const node = parent.reduce<unknown>((n, part) => (n as Record<string, unknown>)?.[part], messages) as
    | Record<string, unknown>
    | undefined;
  return node?.[last] ?? node?.[`${last}_other`];
};

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
    expect(checked).toEqual({
      data: { ...lab, name: { ...lab.name, en: '' }, building: { kk: '', ru: '', en: '' }, room: '' },
    });
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

  it("says what is wrong with a demand plan's lines in the interface language: the occupation, its code, its unit group", () => {
    const line = {
      occupationUri: 'http://data.europa.eu/esco/occupation/bcf8f332-c7e1-4a08-8651-28d668290eaf',
      occupationLabel: { kk: 'Металлург-инженер', ru: 'Инженер-металлург', en: 'metallurgist' },
      nationalCode: '2146',
      programmeGroup: 'B074',
      priorityArea: 'metallurgy',
      region: 'pavlodar',
      headcount: 5,
    };
    const body = {
      organisationId: 1,
      year: 2028,
      lines: [
        line,
        { ...line, nationalCode: '2144-2-004' },
        { ...line, occupationUri: 'esco:x', nationalCode: 'A1' },
      ],
    };
    for (const [lang, texts] of [
      ['en', en],
      ['kk', kk],
      ['ru', ru],
    ] as const)
      expect(checkBody(i18n.getFixedT(lang), createDemandPlanBodySchema, body).errors).toEqual({
        'lines.1.nationalCode': texts.demand.oneUnitGroup,
        'lines.2.occupationUri': texts.demand.occupationUriRule,
        'lines.2.nationalCode': texts.demand.nationalCodeRule,
      });
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

describe('serverIssueText', () => {
  /**
   * Every reason the server can send: each rule it checks or a contract names (with a limit, as rowLimit and
   * periodLength send one), each pattern and password problem, and the zod issue kinds of plain fields and cells.
   */
  const reasons: IssueReason[] = [
    ...VALIDATION_RULES.map((rule) => ({ code: 'custom', rule, maximum: 12 })),
    ...PATTERN_NAMES.map((pattern) => ({ code: 'invalid_format', format: 'regex', pattern })),
    ...PASSWORD_PROBLEMS.map((problem) => ({ code: 'custom', problem, minimum: 12, maximum: 64 })),
    ...['email', 'url', 'date', 'datetime', 'uuid'].map((format) => ({ code: 'invalid_format', format })),
    { code: 'too_small', origin: 'string', minimum: 3 },
    { code: 'too_big', origin: 'string', maximum: 200 },
    { code: 'too_small', origin: 'number', minimum: 0 },
    { code: 'too_big', origin: 'number', maximum: 100 },
    { code: 'too_big', origin: 'array', maximum: 5 },
    { code: 'invalid_type' },
    { code: 'invalid_value' },
    { code: 'unrecognized_keys' },
    { code: 'custom' },
  ];

  it('says every reason the server can send in kk, ru and en, never in the English of the message', () => {
    const message = 'the English message';
    for (const lng of ['en', 'ru', 'kk']) {
      const t = i18n.getFixedT(lng);
      for (const reason of reasons) {
        const text = serverIssueText(t, { path: 'row 2, column x', message, reason });
        const label = `${lng} ${JSON.stringify(reason)}`;
        expect(text, label).not.toBe(message);
        // A missing key comes back as the key itself (`validation.rowLimit`), a missing count as `{{`.
        expect(text, label).not.toMatch(/^[a-z]+\.[a-zA-Z.]+$|\{\{/);
        if (lng !== 'en')
          expect(text, label).not.toBe(serverIssueText(i18n.getFixedT('en'), { path: 'x', message, reason }));
      }
    }
  });
});

describe('fieldErrors', () => {
  const refused = (issues: object[], status = 400) =>
    new ApiError({ status, code: 'VALIDATION_FAILED', message: 'server text', details: { issues } });
  const nb = (text: string) => text.replaceAll(' ', '\u00a0');

  it("says the server's verdict on each field in the interface language, from the issue's reason", () => {
    const error = refused([
      {
        path: 'body.code',
        message: 'Invalid string: must match pattern',
        reason: { code: 'invalid_format', format: 'regex', pattern: 'assetCode' },
      },
      {
        path: 'body.name.kk',
        message: 'Too big',
        reason: { code: 'too_big', origin: 'string', maximum: 200 },
      },
      {
        path: 'body.capacity',
        message: 'Too small',
        reason: { code: 'too_small', origin: 'number', minimum: 1 },
      },
      { path: 'body.website', message: 'Invalid URL', reason: { code: 'invalid_format', format: 'url' } },
      { path: 'body.labId', message: 'No lab 7', reason: { code: 'custom', rule: 'exists' } },
      {
        path: 'body.validUntil',
        message: 'validUntil is before signedOn',
        reason: { code: 'custom', rule: 'datesInOrder' },
      },
      { path: 'body.password', message: 'common', reason: { code: 'custom', problem: 'common' } },
    ]);
    expect(fieldErrors(i18n.t, error)).toEqual({
      code: en.material.codeRule,
      'name.kk': 'At most 200 characters',
      name: 'At most 200 characters',
      capacity: 'At least 1',
      website: en.validation.url,
      labId: en.validation.exists,
      validUntil: en.agreements.datesOrder,
      password: en.validation.passwordRule.common,
    });
    expect(fieldErrors(i18n.getFixedT('kk'), error)).toMatchObject({
      code: kk.material.codeRule,
      'name.kk': 'Ең көбі 200 таңба',
      labId: kk.validation.exists,
      validUntil: kk.agreements.datesOrder,
    });
    expect(fieldErrors(i18n.getFixedT('ru'), error)).toMatchObject({
      code: ru.material.codeRule,
      'name.kk': 'Не больше 200 символов',
      capacity: 'Не меньше 1',
      labId: ru.validation.exists,
    });
  });

  it('counts the limit of a server rule in the language, and translates a taken number (409)', () => {
    const period = refused([
      {
        path: 'query.to',
        message: 'at most 3653 days',
        reason: { code: 'custom', rule: 'periodLength', maximum: 3653 },
      },
    ]);
    expect(fieldErrors(i18n.t, period).to).toBe('The period is at most 3,653 days long');
    expect(fieldErrors(i18n.getFixedT('ru'), period).to).toBe(`Период — не более ${nb('3 653')} дней`);
    expect(fieldErrors(i18n.getFixedT('kk'), period).to).toBe(`Кезең ұзақтығы ең көбі ${nb('3 653')} күн`);
    const taken = refused(
      [{ path: 'body.number', message: 'already used', reason: { code: 'custom', rule: 'unique' } }],
      409,
    );
    expect(fieldErrors(i18n.getFixedT('kk'), taken).number).toBe(kk.validation.unique);
  });

  it("keeps the server's words when an issue carries no reason, and ignores other errors", () => {
    expect(fieldErrors(i18n.t, refused([{ path: 'body.email', message: 'bad email' }]))).toEqual({
      email: 'bad email',
    });
    expect(fieldErrors(i18n.t, new Error('x'))).toEqual({});
  });
});
