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

const settingsSchema = z.object({
  timeZone: z.string().describe('IANA time zone of the university; the web app shows times in it'),
});

/**
 * GET /api/health: liveness with the database kind and the applied migration.
 * GET /api/settings: what the web app needs before anyone signs in (the university's time zone).
 */
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
  app.get(
    '/api/settings',
    route(publicRoute('the sign-in page formats times too'), 'Settings the web app needs', {
      response: { 200: settingsSchema },
    }),
    async () => ({ timeZone: deps.config.timeZone }),
  );
};
