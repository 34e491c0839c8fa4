import {
  createInvestmentBodySchema,
  idParamSchema,
  investmentAggregatesSchema,
  investmentListQuerySchema,
  investmentSchema,
  pageOf,
  periodQuerySchema,
  updateInvestmentBodySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, CHART_READERS, RECORD_READERS } from '../policy.ts';
import {
  createInvestment,
  deleteInvestment,
  getInvestment,
  investmentAggregates,
  listInvestments,
  updateInvestment,
} from './investments.service.ts';

const route = routeOptions('investments');

/** The investment ledger: admins write; staff read all; partners read their own; observers read aggregates. */
export const investmentRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/investments',
    route(RECORD_READERS, 'List the ledger', {
      querystring: investmentListQuerySchema,
      response: { 200: pageOf(investmentSchema) },
    }),
    async ({ ctx, query }) => listInvestments(ctx, query),
  );
  app.get(
    '/api/investments/aggregates',
    route(CHART_READERS, 'Totals by source, year (since 2015), priority area and partner, for charts', {
      querystring: periodQuerySchema,
      response: { 200: investmentAggregatesSchema },
    }),
    async ({ ctx, query }) => investmentAggregates(ctx, query),
  );
  app.get(
    '/api/investments/:id',
    route(RECORD_READERS, 'One investment', {
      params: idParamSchema,
      response: { 200: investmentSchema },
    }),
    async ({ ctx, params }) => getInvestment(ctx, params.id),
  );
  app.post(
    '/api/investments',
    route(ADMIN_ONLY, 'Record an investment with its allocations', {
      body: createInvestmentBodySchema,
      response: { 201: investmentSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createInvestment(ctx, body)),
  );
  app.patch(
    '/api/investments/:id',
    route(ADMIN_ONLY, 'Change an investment', {
      params: idParamSchema,
      body: updateInvestmentBodySchema,
      response: { 200: investmentSchema },
    }),
    async ({ ctx, params, body }) => updateInvestment(ctx, params.id, body),
  );
  app.delete(
    '/api/investments/:id',
    route(ADMIN_ONLY, 'Delete an investment', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteInvestment(ctx, params.id)),
  );
};
