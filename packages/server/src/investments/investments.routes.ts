import {
  createInvestmentBodySchema,
  investmentAggregatesSchema,
  investmentListQuerySchema,
  investmentSchema,
  periodQuerySchema,
  updateInvestmentBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { ADMIN_ONLY, CHART_READERS, RECORD_READERS } from '../policy.ts';
import {
  createInvestment,
  deleteInvestment,
  getInvestment,
  investmentAggregates,
  listInvestments,
  updateInvestment,
} from './investments.service.ts';

/** The investment ledger: admins write; staff read all; partners read their own; observers read aggregates. */
export const investmentRoutes = defineRoutes('investments', (api) => {
  api
    .resource('/api/investments', { read: RECORD_READERS, write: ADMIN_ONLY, item: investmentSchema })
    .list('List the ledger', investmentListQuerySchema, listInvestments)
    .get('One investment', getInvestment)
    .create('Record an investment with its allocations', createInvestmentBodySchema, createInvestment)
    .update('Change an investment', updateInvestmentBodySchema, updateInvestment)
    .remove('Delete an investment', deleteInvestment);
  api.get('/api/investments/aggregates', CHART_READERS, investmentAggregates, {
    summary: 'Totals by source, year (since 2015), priority area and partner, for charts',
    query: periodQuerySchema,
    response: investmentAggregatesSchema,
  });
});
