import type { Consent, Enrolment, Result, Student } from '@kadr/contracts';
import {
  type ConsentRecord,
  type EnrolmentRecord,
  isConsentCurrent,
  type ResultRecord,
  type StudentRecord,
} from '@kadr/db';
import type { StudentView } from './student-access.ts';

/** Presents an enrolment. */
export function presentEnrolment(e: EnrolmentRecord): Enrolment {
  return { ...e, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString() };
}

/** The enrolment a student is shown with: the current one (active or on leave), else the latest. */
export function shownEnrolment(enrolments: readonly EnrolmentRecord[]): EnrolmentRecord | null {
  const current = enrolments.find((e) => e.status === 'active' || e.status === 'on-leave');
  return current ?? enrolments.at(-1) ?? null;
}

/**
 * Presents a student as the view allows (DOMAIN §8): everything for staff and the student themself; for a partner
 * the name and the enrolment with `profile`, the e-mail and phone with `contacts`, never the IIN or the account.
 */
export function presentStudent(
  s: StudentRecord,
  enrolments: readonly EnrolmentRecord[],
  view: StudentView,
): Student {
  const enrolment = shownEnrolment(enrolments);
  const stamps = { id: s.id, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
  if (view.full)
    return {
      ...stamps,
      iin: s.iin,
      fullName: s.fullName,
      email: s.email,
      phone: s.phone,
      userId: s.userId,
      enrolment: enrolment ? presentEnrolment(enrolment) : null,
    };
  const profile = view.scopes.includes('profile');
  const contacts = view.scopes.includes('contacts');
  return {
    ...stamps,
    scopes: [...view.scopes],
    ...(profile ? { fullName: s.fullName, enrolment: enrolment ? presentEnrolment(enrolment) : null } : {}),
    ...(contacts ? { email: s.email, phone: s.phone } : {}),
  };
}

/** Presents a consent; `current` as of the day `today`. */
export function presentConsent(c: ConsentRecord, today: string): Consent {
  return {
    id: c.id,
    studentId: c.studentId,
    organisationId: c.organisationId,
    organisationName: c.organisationName,
    scopes: c.scopes,
    purpose: c.purpose,
    givenOn: c.givenOn,
    validUntil: c.validUntil,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    current: isConsentCurrent(c, today),
    createdAt: c.createdAt.toISOString(),
  };
}

/** Presents a discipline result. */
export function presentResult(r: ResultRecord): Result {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/**
 * The IIN as the audit log keeps it: the last four digits, the rest masked. The IIN is restricted-access data
 * (DOMAIN §8) and encodes the date of birth; the audit log records that it changed without repeating it.
 */
export function maskIin(iin: string): string {
  return `********${iin.slice(-4)}`;
}

/** A student as the audit log records it: every field (as contacts are audited), the IIN masked. */
export function auditedStudent<T extends { iin: string }>(s: T): T {
  return { ...s, iin: maskIin(s.iin) };
}
