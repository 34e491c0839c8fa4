import {
  placementDashboardQuerySchema,
  placementDashboardSchema,
  placementDashboardXlsxQuerySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { CHART_READERS } from '../policy.ts';
import { placementDashboard } from './dashboard.service.ts';
import { XLSX_TYPE } from '../attachment.ts';
import { placementDashboardXlsx } from './dashboard-xlsx.ts';

/** Placement dashboards: staff everything, a partner its own offers, an observer aggregates. */
export const placementDashboardRoutes = defineRoutes('placement dashboards', (api) => {
  api.get('/api/placements/dashboard', CHART_READERS, placementDashboard, {
    summary: 'Places needed and offered, rates, priority areas and hires of an academic year',
    query: placementDashboardQuerySchema,
    response: placementDashboardSchema,
  });
  api.download('/api/placements/dashboard.xlsx', CHART_READERS, placementDashboardXlsx, {
    summary: 'The placement dashboard as XLSX (lang=kk|ru|en), a sheet per table',
    query: placementDashboardXlsxQuerySchema,
    produces: [XLSX_TYPE],
  });
});
