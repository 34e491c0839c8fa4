import * as contracts from '@kadr/contracts';
import * as core from '@kadr/core';
import { describe, expect, expectTypeOf, it } from 'vitest';

describe('the agreement rules of @kadr/core', () => {
  it('speak the API vocabulary of @kadr/contracts value for value', () => {
    expect(core.AGREEMENT_STATUSES).toEqual(contracts.AGREEMENT_STATUSES);
    expect(core.OBLIGATION_STATUSES).toEqual(contracts.OBLIGATION_STATUSES);
    expect(core.AGREEMENT_EXPIRING_DAYS).toBe(contracts.AGREEMENT_EXPIRING_DAYS);
    expectTypeOf<core.AgreementStatus>().toEqualTypeOf<contracts.AgreementStatus>();
    expectTypeOf<core.ObligationStatus>().toEqualTypeOf<contracts.ObligationStatus>();
  });
});
