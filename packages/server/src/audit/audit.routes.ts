import { auditListQuerySchema, auditPageSchema } from '@kadr/contracts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { listAuditEntries } from './audit.service.ts';

const route = routeOptions('audit');

/** The audit log browser: admins only. */
export const auditRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/audit',
    route(ADMIN_ONLY, 'Browse the audit log', {
      querystring: auditListQuerySchema,
      response: { 200: auditPageSchema },
    }),
    async ({ ctx, query }) => listAuditEntries(ctx, query),
  );
};
