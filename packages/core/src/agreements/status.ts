/**
 * Agreement lifecycle rules. Stored statuses are draft, active and terminated; `expiring` and
 * `expired` are read from the valid-until date on the day given, so they never go stale and need
 * no daily job. The SQL twin used for filtering is `agreementStatusSql` in @kadr/db. Pure: the day
 * comes in as an argument.
 */
import { daysBetween } from '../calendar.ts';

/**
 * The lifecycle of an agreement: draft → active → expiring → expired, or terminated. The API's
 * `AGREEMENT_STATUSES` (@kadr/contracts) are the same values; a server test keeps the two equal.
 */
export const AGREEMENT_STATUSES = ['draft', 'active', 'expiring', 'expired', 'terminated'] as const;
/** A status of an agreement's lifecycle. */
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
/** The statuses of an obligation; `late` is derived from the due date, the others are stored. */
export const OBLIGATION_STATUSES = ['pending', 'met', 'late', 'waived'] as const;
/** A status of an obligation. */
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
/** Days before valid-until from which an active agreement reads as `expiring` (the API's default too). */
export const AGREEMENT_EXPIRING_DAYS = 90;

/** What the lifecycle rules read of an agreement. */
export interface StatusFacts {
  /** The stored status: draft, active or terminated. */
  status: Exclude<AgreementStatus, 'expiring' | 'expired'>;
  validUntil: string | null;
  signedOn: string | null;
}

/** The status of an agreement on `today`. */
export function effectiveAgreementStatus(
  a: Pick<StatusFacts, 'status' | 'validUntil'>,
  today: string,
  expiringDays = AGREEMENT_EXPIRING_DAYS,
): AgreementStatus {
  if (a.status !== 'active' || !a.validUntil) return a.status;
  const left = daysBetween(today, a.validUntil);
  if (left < 0) return 'expired';
  return left <= expiringDays ? 'expiring' : 'active';
}

const TRANSITIONS: Record<AgreementStatus, AgreementStatus[]> = {
  draft: ['active'],
  active: ['terminated'],
  expiring: ['terminated'],
  expired: [],
  terminated: [],
};

/** The statuses a client may move an agreement to from `current`. Renewal is a new valid-until date, not a transition. */
export function allowedAgreementTransitions(current: AgreementStatus): AgreementStatus[] {
  return TRANSITIONS[current];
}

/** The outcome of asking for a transition: the stored fields to write, or why not. */
export type TransitionPlan =
  | { ok: true; patch: { status: 'active' | 'terminated'; terminatedOn?: string } }
  | { ok: false; reason: string };

/**
 * Checks a requested transition on `today`.
 * @param on the termination date (default today)
 */
export function planAgreementTransition(
  a: StatusFacts,
  target: AgreementStatus,
  today: string,
  on?: string,
): TransitionPlan {
  const current = effectiveAgreementStatus(a, today);
  if (!TRANSITIONS[current].includes(target)) {
    const allowed = TRANSITIONS[current].join(', ') || 'none';
    return {
      ok: false,
      reason: `Cannot move an agreement from ${current} to ${target} (allowed: ${allowed})`,
    };
  }
  if (target === 'active') {
    if (!a.signedOn)
      return { ok: false, reason: 'An agreement needs its signing date before it becomes active' };
    return { ok: true, patch: { status: 'active' } };
  }
  const terminatedOn = on ?? today;
  if (a.signedOn && terminatedOn < a.signedOn)
    return { ok: false, reason: 'The termination date is before the signing date' };
  return { ok: true, patch: { status: 'terminated', terminatedOn } };
}

/** The status of an obligation on `today`: a pending obligation past its due date is late. */
export function effectiveObligationStatus(
  o: { status: Exclude<ObligationStatus, 'late'>; dueOn: string },
  today: string,
): ObligationStatus {
  return o.status === 'pending' && o.dueOn < today ? 'late' : o.status;
}
