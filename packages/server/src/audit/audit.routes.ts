import { auditListQuerySchema, auditPageSchema } from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { listAuditEntries } from './audit.service.ts';

/** The audit log browser: admins only. */
export const auditRoutes = defineRoutes('audit', (api) => {
  api.get('/api/audit', ADMIN_ONLY, listAuditEntries, {
    summary: 'Browse the audit log',
    query: auditListQuerySchema,
    response: auditPageSchema,
  });
});
