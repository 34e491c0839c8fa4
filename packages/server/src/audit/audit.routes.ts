import { auditListQuerySchema, auditPageSchema } from '@kadr/contracts';
import { declareRoutes } from '../plugins/declare-routes.ts';
import type { CapabilityRoutes } from '../plugins/route.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { listAuditEntries } from './audit.service.ts';

/** The audit log browser: admins only. */
export const auditRoutes: CapabilityRoutes = async (app) => {
  const api = declareRoutes(app, 'audit');
  api.get('/api/audit', ADMIN_ONLY, listAuditEntries, {
    summary: 'Browse the audit log',
    query: auditListQuerySchema,
    response: auditPageSchema,
  });
};
