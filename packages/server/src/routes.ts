import { analysisRoutes } from './analysis/analysis.routes.ts';
import { agreementRoutes } from './agreements/agreements.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { bookingRoutes } from './bookings/bookings.routes.ts';
import { demandRoutes } from './demand/demand.routes.ts';
import { competencyRoutes } from './competencies/competencies.routes.ts';
import { impactRoutes } from './impact/impact.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { investmentRoutes } from './investments/investments.routes.ts';
import { materialBaseRoutes } from './material-base/material-base.routes.ts';
import { allocationRoutes } from './placements/allocation.routes.ts';
import { placementDashboardRoutes } from './placements/dashboard.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { passportRoutes } from './passport/passport.routes.ts';
import { practiceRoutes } from './placements/practice.routes.ts';
import { offersRoundsRoutes } from './placements/offers-rounds.routes.ts';
import { organisationRoutes } from './organisations/organisations.routes.ts';
import { partnerRoutes } from './partners/partners.routes.ts';
import type { CapabilityRoutes } from './plugins/route.ts';
import { programmeRoutes } from './programmes/programmes.routes.ts';
import { studentRoutes } from './students/students.routes.ts';
import { strategyRoutes } from './strategy/strategy.routes.ts';
import { systemRoutes } from './system/system.routes.ts';
import { userRoutes } from './users/users.routes.ts';

/**
 * The route plugins of every capability, registered in this order. A new capability copies
 * investments/investments.routes.ts (`defineRoutes`, plugins/declare-routes.ts) and adds its plugin here; each
 * route in it declares its policy.
 */
export const capabilityRoutes: CapabilityRoutes[] = [
  systemRoutes,
  authRoutes,
  userRoutes,
  organisationRoutes,
  auditRoutes,
  partnerRoutes,
  agreementRoutes,
  materialBaseRoutes,
  investmentRoutes,
  bookingRoutes,
  impactRoutes,
  competencyRoutes,
  importRoutes,
  programmeRoutes,
  studentRoutes,
  strategyRoutes,
  passportRoutes,
  analysisRoutes,
  allocationRoutes,
  practiceRoutes,
  notificationRoutes,
  placementDashboardRoutes,
  demandRoutes,
  offersRoundsRoutes,
];
