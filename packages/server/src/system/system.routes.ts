import { z } from 'zod';
import type { App, RouteDeps } from '../deps.ts';
import { publicRoute } from '../policy.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migration: z.string(),
  version: z.string(),
});

/** GET /api/health: liveness with the database kind and the applied migration. */
export function registerSystemRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/health',
    {
      config: { policy: publicRoute('load balancers and monitors probe it') },
      schema: { tags: ['system'], summary: 'Health and database kind', response: { 200: healthSchema } },
    },
    async () => {
      await deps.db.execute('select 1');
      return {
        status: 'ok' as const,
        database: deps.database.kind,
        migration: deps.database.migration,
        version: '0.1.0',
      };
    },
  );
}
