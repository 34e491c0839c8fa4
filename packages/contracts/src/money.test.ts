import { describe, expect, it } from 'vitest';
import { createInvestmentBodySchema, investmentIssues } from './investments.ts';
import { agreesWithRate, formatKzt, parseKzt, tiynOf } from './money.ts';

describe('money', () => {
  it('converts a foreign amount to tiyn on integers, rounding half up', () => {
    expect(tiynOf({ amount: '900000.00', rate: '332.55' })).toBe(299_295_000_00);
    expect(tiynOf({ amount: '0.01', rate: '0.5' })).toBe(1);
    expect(tiynOf({ amount: '0.01', rate: '0.4' })).toBe(0);
    expect(tiynOf({ amount: '123456789.99', rate: '512.345678' })).toBe(6_325_255_277_113);
  });

  it('accepts a tenge amount within one tenge of amount × rate', () => {
    expect(agreesWithRate(100_100, { amount: '2.00', rate: '500' })).toBe(true);
    expect(agreesWithRate(100_101, { amount: '2.00', rate: '500' })).toBe(false);
  });

  it('parses and formats tenge without floating point', () => {
    expect(parseKzt('0.29')).toBe(29);
    expect(parseKzt('1 000 000,05')).toBe(100_000_005);
    expect(parseKzt('1e5')).toBeUndefined();
    expect(formatKzt(29)).toBe('0.29');
    expect(formatKzt(150_000_050)).toBe('1500000.50');
  });
});

describe('investment rules', () => {
  const body = {
    source: 'ppp_partner',
    organisationId: 6,
    agreementId: 2,
    amountTiyn: 1000,
    investedOn: '2024-01-10',
    allocations: [
      { labId: 1, amountTiyn: 600 },
      { equipmentId: 3, amountTiyn: 400 },
    ],
  };

  it('accepts a consistent PPP investment', () => {
    expect(createInvestmentBodySchema.safeParse(body).success).toBe(true);
  });

  it('names every broken rule: partner, agreement, conversion and allocation sum', () => {
    const issues = investmentIssues({
      source: 'ppp_partner',
      amountTiyn: 1000,
      original: { currency: 'EUR', amount: '1.00', rate: '500' },
      allocations: [{ amountTiyn: 999 }],
    });
    expect(issues.map((i) => i.path[0])).toEqual([
      'organisationId',
      'agreementId',
      'amountTiyn',
      'allocations',
    ]);
    const parsed = createInvestmentBodySchema.safeParse({
      ...body,
      allocations: [{ labId: 1, equipmentId: 2, amountTiyn: 1000 }],
    });
    expect(parsed.success).toBe(false);
  });
});
