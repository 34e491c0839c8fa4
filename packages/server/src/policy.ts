import type { Role } from '@kadr/contracts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

/**
 * Who may call a route. Every route under /api declares one (a test walks them all):
 * - `publicRoute(reason)`: anyone, signed in or not;
 * - `anyRole()`: any signed-in user;
 * - `roles('admin', ...)`: signed-in users with one of these roles.
 * Routes use the named policies below rather than listing roles. Organisation scope (a partner sees
 * only its own records) is enforced by the services, which receive the actor, through the scope
 * helpers at the end of this module.
 */
export type Policy = { kind: 'public'; reason: string } | { kind: 'roles'; roles: readonly Role[] | 'any' };

/** A route anyone may call; say why. */
export function publicRoute(reason: string): Policy {
  return { kind: 'public', reason };
}

/** A route any signed-in user may call. */
export function anyRole(): Policy {
  return { kind: 'roles', roles: 'any' };
}

/** A route for the given roles only. */
export function roles(...allowed: Role[]): Policy {
  return { kind: 'roles', roles: allowed };
}

/**
 * Applies a policy to the actor of a request.
 * @throws AppError UNAUTHENTICATED when a signed-in user is required, FORBIDDEN when the role is not allowed
 */
export function authorize(policy: Policy, actor: Actor | undefined, sessionExpired = false): void {
  if (policy.kind === 'public') return;
  if (!actor) throw new AppError(sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  if (policy.roles !== 'any' && !policy.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
}

/** Staff roles that read every partner's records of capabilities 1 and 3. */
const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'officer'];

/** Any signed-in user. */
export const SIGNED_IN: Policy = anyRole();
/** Administrators only: every write of capabilities 1 and 3, users, the audit log, imports. */
export const ADMIN_ONLY: Policy = roles('admin');
/** Staff (admin, coordinator, officer): records that name students, such as bookings. */
export const STAFF: Policy = roles(...STAFF_ROLES);
/** Readers of records: staff, and partners for their own organisation (scoped by the services). */
export const RECORD_READERS: Policy = roles(...STAFF_ROLES, 'partner');
/** Readers of aggregates without personal or per-partner data: staff and observers. */
export const AGGREGATE_READERS: Policy = roles(...STAFF_ROLES, 'observer');
/** Writers of strategy projects and their milestones: admin and coordinators (owners update their milestones in the service). */
export const PROJECT_WRITERS: Policy = roles('admin', 'coordinator');
/** Who declares workforce demand: admins and officers for any partner, a partner for its own organisation (service). */
export const DEMAND_WRITERS: Policy = roles('admin', 'officer', 'partner');
/** Readers of records or of aggregates: staff, partners (their own figures) and observers. */
export const CHART_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'observer');

/**
 * Readers of the programme catalogue: staff; partners (programmes they co-develop), students (the programme of
 * their enrolment) and observers (the catalogue without drafts or personal data), scoped by the services.
 */
export const PROGRAMME_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'student', 'observer');
/** Writers of programmes, versions and disciplines: administrators and coordinators. */
export const PROGRAMME_WRITERS: Policy = roles('admin', 'coordinator');
/** Who approves a programme version: a partner user, for its own organisation (checked by the service). */
export const PROGRAMME_APPROVERS: Policy = roles('partner');
/** Writers of the competency frameworks and their competencies, ESCO imports included: admins and coordinators. */
export const COMPETENCY_EDITORS: Policy = roles('admin', 'coordinator');

/**
 * Readers of student records: staff; a partner only students with a current consent for its organisation and
 * a student only themself (both scoped by the services, students/student-access.ts). Never observers or mentors.
 */
export const STUDENT_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'student');
/** Writers of students, enrolments and results: admins and coordinators. */
export const STUDENT_WRITERS: Policy = roles('admin', 'coordinator');
/** Who records and revokes consents: staff, and a student for themself (checked by the service). */
export const CONSENT_WRITERS: Policy = roles(...STAFF_ROLES, 'student');
/**
 * Readers of placements: staff every one; a student their own, a partner those at its offers, a mentor those
 * they mentor (scoped by the services, placements/practice.service.ts). Never observers.
 */
export const PLACEMENT_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'mentor', 'student');
/** The notification outbox (it holds every recipient's address and the mentors' links): admins and officers. */
export const OUTBOX_READERS: Policy = roles('admin', 'officer');
/** Students only: their own record. */
export const STUDENTS_ONLY: Policy = roles('student');

/** True when the actor's role sees every student's personal data (IIN, contacts): admin, coordinator, officer. */
export function seesAllStudents(actor: Actor): boolean {
  return STAFF_ROLES.includes(actor.role);
}

/**
 * Readers of competency passports: staff any student's, a student their own, a partner a student who consented
 * (the passport service checks the last two).
 */
export const PASSPORT_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'student');

/** Roles that see every organisation's own data; the others see only their organisation's. */
export const CROSS_ORGANISATION_ROLES: readonly Role[] = [
  'admin',
  'coordinator',
  'officer',
  'admissions',
  'observer',
];

/** True when the actor may see records of every organisation, not only its own. */
export function seesAllOrganisations(actor: Actor): boolean {
  return CROSS_ORGANISATION_ROLES.includes(actor.role);
}

/**
 * The organisation an actor is confined to: undefined for roles that see every organisation,
 * the actor's own organisation otherwise (partners).
 */
export function organisationScope(actor: Actor): number | undefined {
  return seesAllOrganisations(actor) ? undefined : actor.organisationId;
}

/**
 * The organisation filter of a list as the actor may apply it: a partner always gets its own organisation
 * (NOT_FOUND when it asks for another's); roles that see every organisation get what they asked for.
 */
export function organisationFilter(actor: Actor, requested: number | undefined): number | undefined {
  const scope = organisationScope(actor);
  if (scope !== undefined && requested !== undefined) assertOrganisationVisible(actor, requested);
  return scope ?? requested;
}

/** True when the actor may see the personal data (contacts) of an organisation. */
export function canSeeContacts(actor: Actor, organisationId: number): boolean {
  if (STAFF_ROLES.includes(actor.role)) return true;
  return actor.role === 'partner' && actor.organisationId === organisationId;
}

/** NOT_FOUND (never FORBIDDEN, which would confirm that the record exists) for an organisation outside the scope. */
export function assertOrganisationVisible(actor: Actor, organisationId: number, what = 'organisation'): void {
  const scope = organisationScope(actor);
  if (scope !== undefined && scope !== organisationId) {
    throw new AppError('NOT_FOUND', { message: `No ${what} ${organisationId}` });
  }
}

/** Who runs, previews and publishes the allocation of a placement round and opens the next one: admin, officers. */
export const ALLOCATION_OFFICERS: Policy = roles('admin', 'officer');
/** Readers of practice offers: staff every offer, a partner its own, a student the published ones (offers.service). */
export const OFFER_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'student');
/** Writers of practice offers: the practice officer and admins for any partner, a partner for itself. */
export const OFFER_WRITERS: Policy = roles('admin', 'officer', 'partner');
/** Who sets up, opens and closes allocation rounds: the practice officer and admins. */
export const ROUND_OFFICERS: Policy = roles('admin', 'officer');
/** Readers of rounds: staff and observers (counts), students their rounds, partners rounds with their offers. */
export const ROUND_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'student', 'observer');
/** Readers of a round's offers: staff, partners (their own), students (those open to them). */
export const ROUND_OFFER_READERS: Policy = roles(...STAFF_ROLES, 'partner', 'student');
/** Who ranks applicants or picks a scoring policy: the offer's partner, and staff on its behalf. */
export const APPLICANT_RANKERS: Policy = roles('admin', 'officer', 'partner');
