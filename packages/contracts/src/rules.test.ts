import { describe, expect, it } from 'vitest';
import { createAgreementBodySchema, createObligationBodySchema } from './agreements.ts';
import { bookingUsageBodySchema, createBookingBodySchema } from './bookings.ts';
import { countrySchema, webAddressSchema } from './common.ts';
import { createInvestmentBodySchema } from './investments.ts';
import { assetCodeSchema, createLabBodySchema } from './material-base.ts';
import { foreignCurrencySchema } from './money.ts';
import { ASSET_CODE_PATTERN, COUNTRY_PATTERN, issueReasonOf, ruleOf, ruleReason } from './rules.ts';

/** The rules named by the issues of a failed parse, with the path of each. */
function rulesOf(result: { error?: { issues: { code: string; path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((i) => [ruleOf(i as never), i.path.join('.')]);
}

const investment = {
  source: 'state_budget',
  amountTiyn: 100_000,
  investedOn: '2025-03-01',
  allocations: [{ labId: 1, amountTiyn: 100_000 }],
};

describe('the rules of the contracts', () => {
  it('accepts asset codes by the one pattern and names it in the issue', () => {
    expect(assetCodeSchema.safeParse(' PCH-101 ').data).toBe('PCH-101');
    expect(assetCodeSchema.safeParse('KDTU/EQ_0001.a').success).toBe(true);
    for (const bad of ['', '-PCH', 'PCH 101', 'Ә-1', 'x'.repeat(41)]) {
      const issue = assetCodeSchema.safeParse(bad).error?.issues[0];
      expect(issue).toMatchObject({ code: 'invalid_format', pattern: String(ASSET_CODE_PATTERN) });
    }
    expect(createLabBodySchema.shape.code).toBe(assetCodeSchema);
    expect(countrySchema.safeParse('kz').error?.issues[0]).toMatchObject({
      pattern: String(COUNTRY_PATTERN),
    });
  });

  it('takes only the country codes ISO 3166-1 assigns, naming the rule for the others', () => {
    for (const code of ['KZ', 'GB', 'SE', 'ES', 'CN', 'DE'])
      expect(countrySchema.safeParse(code).success).toBe(true);
    for (const code of ['QQ', 'XX', 'AA', 'ZZ']) {
      expect(rulesOf(countrySchema.safeParse(code)), code).toEqual([['knownCountry', '']]);
    }
    // Lower case breaks the pattern only: one issue, not two.
    expect(countrySchema.safeParse('qq').error?.issues).toHaveLength(1);
  });

  it('names the PPP and allocation rules of an investment', () => {
    expect(createInvestmentBodySchema.safeParse(investment).success).toBe(true);
    expect(rulesOf(createInvestmentBodySchema.safeParse({ ...investment, source: 'ppp_partner' }))).toEqual([
      ['pppNeedsPartner', 'organisationId'],
      ['pppNeedsAgreement', 'agreementId'],
    ]);
    const short = { ...investment, allocations: [{ labId: 1, amountTiyn: 99_999 }] };
    expect(rulesOf(createInvestmentBodySchema.safeParse(short))).toEqual([['allocationsSum', 'allocations']]);
    const foreign = { ...investment, original: { currency: 'EUR', amount: '2.00', rate: '400' } };
    expect(rulesOf(createInvestmentBodySchema.safeParse(foreign))).toEqual([
      ['agreesWithRate', 'amountTiyn'],
    ]);
    const both = { ...investment, allocations: [{ labId: 1, equipmentId: 2, amountTiyn: 100_000 }] };
    expect(rulesOf(createInvestmentBodySchema.safeParse(both))).toEqual([
      ['oneAsset', 'allocations.0.labId'],
    ]);
    expect(rulesOf(foreignCurrencySchema.safeParse('KZT'))).toEqual([['notTenge', '']]);
  });

  it('names the date, kind and booking rules', () => {
    const agreement = {
      number: 'A-1',
      kind: 'ppp',
      title: { kk: 'a', ru: 'a' },
      partyIds: [1],
      signedOn: '2025-02-01',
      validUntil: '2025-01-01',
    };
    expect(rulesOf(createAgreementBodySchema.safeParse(agreement))).toEqual([['datesInOrder', 'validUntil']]);
    const obligation = { kind: 'instalment', title: { kk: 'x', ru: 'x', en: '' }, dueOn: '2025-01-01' };
    expect(rulesOf(createObligationBodySchema.safeParse(obligation))).toEqual([
      ['instalmentNeedsAmount', 'amountTiyn'],
    ]);
    const booking = {
      labId: 1,
      purpose: 'discipline_session',
      startsAt: '2025-03-01T10:00:00+05:00',
      endsAt: '2025-03-01T09:00:00+05:00',
    };
    expect(rulesOf(createBookingBodySchema.safeParse(booking))).toEqual([
      ['endsAfterStart', 'endsAt'],
      ['disciplineNeeded', 'disciplineName'],
    ]);
    const usage = {
      actualStart: '2025-03-01T10:00:00+05:00',
      actualEnd: '2025-03-01T11:00:00+05:00',
      attendeesCount: 1,
      attendeeIds: [1, 2],
    };
    expect(rulesOf(bookingUsageBodySchema.safeParse(usage))).toEqual([
      ['attendeesCoverIds', 'attendeesCount'],
    ]);
  });

  it('accepts only http and https web addresses', () => {
    expect(webAddressSchema.safeParse('https://nu.edu.kz').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://a.kz', 'nu.edu.kz'])
      expect(webAddressSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the machine reason of an issue', () => {
  const reasonsOf = (result: { error?: { issues: object[] } }) =>
    (result.error?.issues ?? []).map((i) => issueReasonOf(i as never));

  it('names the pattern, the size limits and the format a value missed', () => {
    const lab = {
      code: 'PCH 101',
      name: { kk: 'x'.repeat(301), ru: 'Лаб' },
      priorityArea: 'it',
      capacity: 0,
    };
    expect(reasonsOf(createLabBodySchema.safeParse(lab))).toEqual([
      { code: 'invalid_format', format: 'regex', pattern: 'assetCode', origin: 'string' },
      { code: 'too_big', origin: 'string', maximum: 300 },
      { code: 'too_small', origin: 'number', minimum: 1 },
    ]);
    expect(reasonsOf(countrySchema.safeParse('kz'))).toEqual([
      { code: 'invalid_format', format: 'regex', pattern: 'country', origin: 'string' },
    ]);
  });

  it("answers a failed union with its most telling branch, and a refinement with the contracts' rule", () => {
    // evidenceUrl is '' or a web address: a wrong address is reported as one, not as "not ''".
    const evidence = createObligationBodySchema.shape.evidenceUrl;
    expect(reasonsOf(evidence.safeParse('not a url'))).toEqual([{ code: 'invalid_format', format: 'url' }]);
    expect(reasonsOf(webAddressSchema.safeParse('ftp://x'))).toEqual([
      { code: 'invalid_format', format: 'url' },
    ]);
    const ppp = createInvestmentBodySchema.safeParse({ ...investment, source: 'ppp_partner' });
    expect(reasonsOf(ppp).map((r) => r.rule)).toEqual(['pppNeedsPartner', 'pppNeedsAgreement']);
    expect(ruleReason('periodLength', { maximum: 3653 })).toEqual({
      code: 'custom',
      rule: 'periodLength',
      maximum: 3653,
    });
  });
});
