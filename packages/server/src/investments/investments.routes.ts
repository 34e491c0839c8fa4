import {
  createInvestmentBodySchema,
  investmentAggregatesSchema,
  investmentListQuerySchema,
  investmentSchema,
  periodQuerySchema,
  updateInvestmentBodySchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, CHART_READERS, RECORD_READERS } from '../policy.ts';
import {
  createInvestment,
  deleteInvestment,
  getInvestment,
  investmentAggregates,
  listInvestments,
  updateInvestment,
} from './investments.service.ts';

const tag = 'investments';
const route = routeOptions(tag);

/** The investment ledger: admins write; staff read all; partners read their own; observers read aggregates. */
export const investmentRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/investments', {
    tag,
    read: RECORD_READERS,
    write: ADMIN_ONLY,
    item: investmentSchema,
  })
    .list('List the ledger', investmentListQuerySchema, listInvestments)
    .get('One investment', getInvestment)
    .create('Record an investment with its allocations', createInvestmentBodySchema, createInvestment)
    .update('Change an investment', updateInvestmentBodySchema, updateInvestment)
    .remove('Delete an investment', deleteInvestment);
  app.get(
    '/api/investments/aggregates',
    route(CHART_READERS, 'Totals by source, year (since 2015), priority area and partner, for charts', {
      querystring: periodQuerySchema,
      response: { 200: investmentAggregatesSchema },
    }),
    async ({ ctx, query }) => investmentAggregates(ctx, query),
  );
};
