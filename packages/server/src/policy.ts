import type { Role } from '@kadr/contracts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

/**
 * Who may call a route. Every route under /api declares one (a test walks them all):
 * - `publicRoute(reason)`: anyone, signed in or not;
 * - `anyRole()`: any signed-in user;
 * - `roles('admin', ...)`: signed-in users with one of these roles.
 * Organisation scope (a partner sees only its own records) is enforced by the services, which
 * receive the actor.
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
