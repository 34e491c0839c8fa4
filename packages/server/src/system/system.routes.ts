import { z } from 'zod';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { publicRoute } from '../policy.ts';

const route = routeOptions('system');
const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  migration: z.string(),
  version: z.string(),
});

/** GET /api/health: liveness with the database kind and the applied migration. */
export const systemRoutes: CapabilityRoutes = async (app, deps) => {
  app.get(
    '/api/health',
    route(publicRoute('load balancers and monitors probe it'), 'Health and database kind', {
      response: { 200: healthSchema },
    }),
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
};
