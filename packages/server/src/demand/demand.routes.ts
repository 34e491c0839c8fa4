import {
  createDemandPlanBodySchema,
  demandPlanDetailSchema,
  demandPlanListQuerySchema,
  demandPlanSchema,
  gapCellDetailSchema,
  gapCellQuerySchema,
  gapExportQuerySchema,
  gapQuerySchema,
  gapReportSchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { AGGREGATE_READERS, DEMAND_WRITERS, RECORD_READERS } from '../policy.ts';
import { gapCellDetail, gapReport } from './gaps.service.ts';
import { createPlan, getPlan, listPlans } from './plans.service.ts';
import { XLSX_TYPE } from '../attachment.ts';
import { gapReportXlsx } from './gaps-xlsx.ts';

/**
 * Workforce demand (capability 7): partners' demand plans (staff read all, a partner its own; admins, officers and
 * a partner for itself declare new versions), and the gap report against the supply of graduates (staff and
 * observers; observers see partner detail only from three partners).
 */
export const demandRoutes = defineRoutes('demand', (api) => {
  api
    .resource('/api/demand-plans', { read: RECORD_READERS, write: DEMAND_WRITERS, item: demandPlanSchema })
    .list('List demand plan versions (current=true: those in force)', demandPlanListQuerySchema, listPlans)
    .get('One demand plan version with its lines', getPlan, demandPlanDetailSchema);
  api.post('/api/demand-plans', DEMAND_WRITERS, createPlan, {
    summary: "Declare a new version of a partner's plan for a year (supersedes the one in force)",
    body: createDemandPlanBodySchema,
    created: demandPlanDetailSchema,
  });
  api.get('/api/demand/gaps', AGGREGATE_READERS, gapReport, {
    summary: 'Demand against supply by group, area, region and year, and the skill gaps',
    query: gapQuerySchema,
    response: gapReportSchema,
  });
  api.get('/api/demand/gaps/cell', AGGREGATE_READERS, gapCellDetail, {
    summary: 'The partners and programmes behind one group and year',
    query: gapCellQuerySchema,
    response: gapCellDetailSchema,
  });
  api.download('/api/demand/gaps.xlsx', AGGREGATE_READERS, gapReportXlsx, {
    summary: 'The gap report as XLSX (lang=kk|ru|en)',
    query: gapExportQuerySchema,
    produces: [XLSX_TYPE],
  });
});
