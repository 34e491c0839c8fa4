import { createInvestmentBodySchema } from '@kadr/contracts';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBody } from '../components/issue-text';
import en from '../locales/en.json';
import {
  emptyInvestmentDraft,
  type InvestmentDraft,
  investmentBodyOf,
  remainingTiyn,
} from './investment-draft';

// An instance of its own: the unit project runs its files in one process (vitest.config.ts, isolate: false).
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en } }, lng: 'en' });
});

/** A valid state-budget investment of 1 500 000 tenge, all to lab 1. */
function draft(patch: Partial<InvestmentDraft> = {}): InvestmentDraft {
  const d = emptyInvestmentDraft('2025-03-01');
  return {
    ...d,
    source: 'state_budget',
    amount: '1 500 000',
    allocations: [{ ...d.allocations[0]!, assetId: '1', amount: '1500000,00' }],
    ...patch,
  };
}

const errorsOf = (d: InvestmentDraft) =>
  checkBody(i18n.t, createInvestmentBodySchema, investmentBodyOf(d)).errors;

describe('the investment form', () => {
  it('sends the body the contract accepts, in tiyn', () => {
    const checked = checkBody(i18n.t, createInvestmentBodySchema, investmentBodyOf(draft()));
    expect(checked.data).toMatchObject({
      amountTiyn: 150_000_000,
      allocations: [{ labId: 1, amountTiyn: 150_000_000 }],
    });
  });

  it("checks a PPP investment's partner and agreement and the allocations' sum by the contract", () => {
    expect(errorsOf(draft({ source: 'ppp_partner' }))).toEqual({
      organisationId: en.validation.required,
      agreementId: en.validation.required,
    });
    const short = draft();
    short.allocations = [{ ...short.allocations[0]!, amount: '1 499 999,99' }];
    expect(errorsOf(short)).toEqual({ allocations: en.investments.allocationsMustSum });
    expect(remainingTiyn(short)).toBe(1);
  });

  it('checks the foreign amount against the rate and refuses tenge as a foreign currency, as the server does', () => {
    const foreign = { foreign: true, currency: 'EUR', originalAmount: '3000', rate: '400' };
    expect(errorsOf(draft(foreign))).toEqual({ amountTiyn: en.validation.rateMismatch });
    expect(errorsOf(draft({ ...foreign, rate: '500' }))).toBeUndefined();
    expect(errorsOf(draft({ ...foreign, currency: 'KZT', rate: '500' }))).toEqual({
      'original.currency': en.validation.notTenge,
    });
  });

  it('points at the allocation row whose asset or amount is missing', () => {
    const d = draft();
    d.allocations = [{ ...d.allocations[0]!, assetId: null, amount: 'abc' }];
    expect(errorsOf(d)).toEqual({
      'allocations.0.amountTiyn': en.validation.amount,
    });
    d.allocations = [{ ...d.allocations[0]!, assetId: null, amount: '1500000' }];
    expect(errorsOf(d)).toEqual({ 'allocations.0.labId': en.validation.required });
  });
});
