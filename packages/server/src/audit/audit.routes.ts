import { type AuditEntry, auditEntrySchema, auditListQuerySchema, pageOf } from '@kadr/contracts';
import { type AuditRecord, auditRepository } from '@kadr/db';
import type { App, RouteDeps } from '../deps.ts';
import { roles } from '../policy.ts';

function presentAudit(r: AuditRecord): AuditEntry {
  return { ...r, action: r.action as AuditEntry['action'], at: r.at.toISOString() };
}

/** The audit log browser: admins only. */
export function registerAuditRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/audit',
    {
      config: { policy: roles('admin') },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log',
        querystring: auditListQuerySchema,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (request) => {
      const { from, to, ...query } = request.query;
      const page = await auditRepository.list(deps.db, {
        ...query,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return { ...page, items: page.items.map(presentAudit) };
    },
  );
}
