import { registerAgreementRoutes } from './agreements/agreements.routes.ts';
import { registerAuditRoutes } from './audit/audit.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerBookingRoutes } from './bookings/bookings.routes.ts';
import type { App, RouteDeps } from './deps.ts';
import { registerImpactRoutes } from './impact/impact.routes.ts';
import { registerImportRoutes } from './imports/imports.routes.ts';
import { registerInvestmentRoutes } from './investments/investments.routes.ts';
import { registerMaterialBaseRoutes } from './material-base/material-base.routes.ts';
import { registerOrganisationRoutes } from './organisations/organisations.routes.ts';
import { registerPartnerRoutes } from './partners/partners.routes.ts';
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
  registerPartnerRoutes,
  registerAgreementRoutes,
  registerMaterialBaseRoutes,
  registerInvestmentRoutes,
  registerBookingRoutes,
  registerImpactRoutes,
  registerImportRoutes,
];
