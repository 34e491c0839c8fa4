import {
  placementDashboardQuerySchema,
  placementDashboardSchema,
  placementDashboardXlsxQuerySchema,
} from '@kadr/contracts';
import { declareRoutes } from '../plugins/declare-routes.ts';
import type { CapabilityRoutes } from '../plugins/route.ts';
import { CHART_READERS } from '../policy.ts';
import { placementDashboard } from './dashboard.service.ts';
import { XLSX_TYPE } from '../attachment.ts';
import { placementDashboardXlsx } from './dashboard-xlsx.ts';

/** Placement dashboards: staff everything, a partner its own offers, an observer aggregates. */
export const placementDashboardRoutes: CapabilityRoutes = async (app) => {
  const api = declareRoutes(app, 'placement dashboards');
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
};
