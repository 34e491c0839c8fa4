import type { Role } from '@kadr/contracts';
import type { Actor } from '../context.ts';
import { AppError } from '../errors.ts';
import { seesAllOrganisations } from '../policy.ts';

/** Staff roles that read every partner's records of capabilities 1 and 3. */
export const STAFF_ROLES: Role[] = ['admin', 'coordinator', 'officer'];
/** Roles that read records: staff, and partners for their own organisation. */
export const RECORD_READERS: Role[] = [...STAFF_ROLES, 'partner'];
/** Roles that read aggregates without personal or per-partner data. */
export const AGGREGATE_READERS: Role[] = [...STAFF_ROLES, 'observer'];

/**
 * The organisation an actor is confined to: undefined for roles that see every organisation,
 * the actor's own organisation otherwise (partners).
 */
export function organisationScope(actor: Actor): number | undefined {
  return seesAllOrganisations(actor) ? undefined : actor.organisationId;
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

/** The NOT_FOUND error of a missing record. */
export function notFound(what: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', { message: `No ${what} ${id}` });
}
