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
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, created, routeOptions, sendAttachment } from '../plugins/route.ts';
import { AGGREGATE_READERS, DEMAND_WRITERS, RECORD_READERS } from '../policy.ts';
import { renderGapXlsx } from './gaps-xlsx.ts';
import { gapCellDetail, gapReport } from './gaps.service.ts';
import { createPlan, getPlan, listPlans } from './plans.service.ts';

const tag = 'demand';
const route = routeOptions(tag);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Workforce demand (capability 7): partners' demand plans (staff read all, a partner its own; admins, officers and
 * a partner for itself declare new versions), and the gap report against the supply of graduates (staff and
 * observers; observers see partner detail only from three partners).
 */
export const demandRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/demand-plans', {
    tag,
    read: RECORD_READERS,
    write: DEMAND_WRITERS,
    item: demandPlanSchema,
  })
    .list('List demand plan versions (current=true: those in force)', demandPlanListQuerySchema, listPlans)
    .get('One demand plan version with its lines', getPlan, demandPlanDetailSchema);
  app.post(
    '/api/demand-plans',
    route(
      DEMAND_WRITERS,
      "Declare a new version of a partner's plan for a year (supersedes the one in force)",
      {
        body: createDemandPlanBodySchema,
        response: { 201: demandPlanDetailSchema },
      },
    ),
    async ({ ctx, body }, reply) => created(reply, await createPlan(ctx, body)),
  );
  app.get(
    '/api/demand/gaps',
    route(AGGREGATE_READERS, 'Demand against supply by group, area, region and year, and the skill gaps', {
      querystring: gapQuerySchema,
      response: { 200: gapReportSchema },
    }),
    async ({ ctx, query }) => gapReport(ctx, query),
  );
  app.get(
    '/api/demand/gaps/cell',
    route(AGGREGATE_READERS, 'The partners and programmes behind one group and year', {
      querystring: gapCellQuerySchema,
      response: { 200: gapCellDetailSchema },
    }),
    async ({ ctx, query }) => gapCellDetail(ctx, query),
  );
  app.get(
    '/api/demand/gaps.xlsx',
    route(AGGREGATE_READERS, 'The gap report as XLSX (lang=kk|ru|en)', {
      querystring: gapExportQuerySchema,
      produces: [XLSX_TYPE],
    }),
    async ({ ctx, query }, reply) => {
      const { lang, ...rest } = query;
      const report = await gapReport(ctx, rest);
      return sendAttachment(
        reply,
        await renderGapXlsx(report, lang),
        XLSX_TYPE,
        `demand-gaps-${report.asOf}-${lang}.xlsx`,
      );
    },
  );
};
