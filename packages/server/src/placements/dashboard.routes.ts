import {
  placementDashboardQuerySchema,
  placementDashboardSchema,
  placementDashboardXlsxQuerySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, routeOptions, sendAttachment } from '../plugins/route.ts';
import { CHART_READERS } from '../policy.ts';
import { renderDashboardXlsx } from './dashboard-xlsx.ts';
import { placementDashboard } from './dashboard.service.ts';

const route = routeOptions('placement dashboards');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Placement dashboards: staff everything, a partner its own offers, an observer aggregates. */
export const placementDashboardRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/placements/dashboard',
    route(CHART_READERS, 'Places needed and offered, rates, priority areas and hires of an academic year', {
      querystring: placementDashboardQuerySchema,
      response: { 200: placementDashboardSchema },
    }),
    async ({ ctx, query }) => placementDashboard(ctx, query),
  );
  app.get(
    '/api/placements/dashboard.xlsx',
    route(CHART_READERS, 'The placement dashboard as XLSX (lang=kk|ru|en), a sheet per table', {
      querystring: placementDashboardXlsxQuerySchema,
      produces: [XLSX_TYPE],
    }),
    async ({ ctx, query }, reply) => {
      const dashboard = await placementDashboard(ctx, query);
      const xlsx = await renderDashboardXlsx(dashboard, query.lang);
      return sendAttachment(
        reply,
        xlsx,
        XLSX_TYPE,
        `placements-${dashboard.academicYear}-${query.lang}.xlsx`,
      );
    },
  );
};
