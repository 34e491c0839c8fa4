import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import type { App, RouteDeps } from './deps.ts';
import { registerOrganisationRoutes } from './organisations/organisations.routes.ts';
import { registerSystemRoutes } from './system/system.routes.ts';
import { registerUserRoutes } from './users/users.routes.ts';

/**
 * The route modules of every capability, registered in this order. A new capability adds its
 * `register…Routes(app, deps)` here; each route in it declares its policy.
 */
export const routeModules: ((app: App, deps: RouteDeps) => void | Promise<void>)[] = [
  registerSystemRoutes,
  registerAuthRoutes,
  registerUserRoutes,
  registerOrganisationRoutes,
  registerAuditRoutes,
];
