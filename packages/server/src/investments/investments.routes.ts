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
import type { FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { RECORD_READERS } from '../partners/scope.ts';
import {
  createInvestment,
  deleteInvestment,
  getInvestment,
  investmentAggregates,
  listInvestments,
  updateInvestment,
} from './investments.service.ts';

const tags = ['investments'];
const read = { policy: roles(...RECORD_READERS) };
const write = { policy: roles('admin') };

/** The investment ledger: admins write; staff read all; partners read their own; observers read aggregates. */
export function registerInvestmentRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/investments',
    {
      config: read,
      schema: {
        tags,
        summary: 'List the ledger',
        querystring: investmentListQuerySchema,
        response: { 200: pageOf(investmentSchema) },
      },
    },
    async (request) => listInvestments(ctx(request), request.query),
  );
  app.get(
    '/api/investments/aggregates',
    {
      config: { policy: roles('admin', 'coordinator', 'officer', 'partner', 'observer') },
      schema: {
        tags,
        summary: 'Totals by source, year (since 2015), priority area and partner, for charts',
        querystring: periodQuerySchema,
        response: { 200: investmentAggregatesSchema },
      },
    },
    async (request) => investmentAggregates(ctx(request), request.query),
  );
  app.get(
    '/api/investments/:id',
    {
      config: read,
      schema: { tags, summary: 'One investment', params: idParamSchema, response: { 200: investmentSchema } },
    },
    async (request) => getInvestment(ctx(request), request.params.id),
  );
  app.post(
    '/api/investments',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an investment with its allocations',
        body: createInvestmentBodySchema,
        response: { 201: investmentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createInvestment(ctx(request), request.body)),
  );
  app.patch(
    '/api/investments/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an investment',
        params: idParamSchema,
        body: updateInvestmentBodySchema,
        response: { 200: investmentSchema },
      },
    },
    async (request) => updateInvestment(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/investments/:id',
    { config: write, schema: { tags, summary: 'Delete an investment', params: idParamSchema } },
    async (request, reply) => {
      await deleteInvestment(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
