import { describe, expect, it } from 'vitest';
import {
  type StatusFacts,
  allowedAgreementTransitions,
  effectiveAgreementStatus,
  effectiveObligationStatus,
  planAgreementTransition,
} from './status.ts';

const active = (validUntil: string | null): StatusFacts => ({
  status: 'active',
  validUntil,
  signedOn: '2020-01-01',
});

describe('agreement lifecycle', () => {
  it('reads an active agreement as expiring within 90 days of valid-until and expired after it', () => {
    expect(effectiveAgreementStatus(active('2025-12-31'), '2025-01-01')).toBe('active');
    expect(effectiveAgreementStatus(active('2025-03-31'), '2025-01-01')).toBe('expiring');
    expect(effectiveAgreementStatus(active('2025-01-01'), '2025-01-01')).toBe('expiring');
    expect(effectiveAgreementStatus(active('2024-12-31'), '2025-01-01')).toBe('expired');
    expect(effectiveAgreementStatus(active(null), '2099-01-01')).toBe('active');
    expect(effectiveAgreementStatus({ status: 'terminated', validUntil: '2000-01-01' }, '2025-01-01')).toBe(
      'terminated',
    );
    expect(effectiveAgreementStatus({ status: 'draft', validUntil: '2000-01-01' }, '2025-01-01')).toBe(
      'draft',
    );
  });

  it('allows draft → active and active or expiring → terminated only', () => {
    expect(allowedAgreementTransitions('draft')).toEqual(['active']);
    expect(allowedAgreementTransitions('expiring')).toEqual(['terminated']);
    expect(allowedAgreementTransitions('expired')).toEqual([]);
    expect(
      planAgreementTransition(
        { status: 'draft', validUntil: null, signedOn: '2024-01-01' },
        'active',
        '2025-01-01',
      ),
    ).toEqual({
      ok: true,
      patch: { status: 'active' },
    });
    expect(planAgreementTransition(active('2030-01-01'), 'terminated', '2025-01-01')).toEqual({
      ok: true,
      patch: { status: 'terminated', terminatedOn: '2025-01-01' },
    });
    for (const target of ['expiring', 'expired', 'draft', 'active'] as const)
      expect(planAgreementTransition(active('2030-01-01'), target, '2025-01-01').ok).toBe(false);
    expect(planAgreementTransition(active('2024-01-01'), 'terminated', '2025-01-01').ok).toBe(false);
  });

  it('refuses to activate an unsigned draft and to terminate before the signing date', () => {
    const plan = planAgreementTransition(
      { status: 'draft', validUntil: null, signedOn: null },
      'active',
      '2025-01-01',
    );
    expect(plan).toMatchObject({ ok: false, reason: expect.stringContaining('signing date') });
    expect(planAgreementTransition(active('2030-01-01'), 'terminated', '2025-01-01', '2019-01-01').ok).toBe(
      false,
    );
  });

  it('reads a pending obligation past its due date as late', () => {
    expect(effectiveObligationStatus({ status: 'pending', dueOn: '2024-12-31' }, '2025-01-01')).toBe('late');
    expect(effectiveObligationStatus({ status: 'pending', dueOn: '2025-01-01' }, '2025-01-01')).toBe(
      'pending',
    );
    expect(effectiveObligationStatus({ status: 'met', dueOn: '2020-01-01' }, '2025-01-01')).toBe('met');
    expect(effectiveObligationStatus({ status: 'waived', dueOn: '2020-01-01' }, '2025-01-01')).toBe('waived');
  });
});
