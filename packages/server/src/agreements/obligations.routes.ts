import {
  createObligationBodySchema,
  idParamSchema,
  obligationListQuerySchema,
  obligationSchema,
  overdueObligationsQuerySchema,
  pageOf,
  updateObligationBodySchema,
} from '@kadr/contracts';
import type { FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { RECORD_READERS } from '../partners/scope.ts';
import {
  createObligation,
  deleteObligation,
  listObligations,
  updateObligation,
} from './obligations.service.ts';

const tags = ['agreements'];
const read = { policy: roles(...RECORD_READERS) };
const write = { policy: roles('admin') };

/** Obligations of agreements: admins write; staff read all, partners those of their agreements. */
export function registerObligationRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/obligations',
    {
      config: read,
      schema: {
        tags,
        summary: 'List obligations (status=late: overdue)',
        querystring: obligationListQuerySchema,
        response: { 200: pageOf(obligationSchema) },
      },
    },
    async (request) => listObligations(ctx(request), request.query),
  );
  app.get(
    '/api/obligations/overdue',
    {
      config: read,
      schema: {
        tags,
        summary: 'Overdue obligations: due before today, neither met nor waived',
        querystring: overdueObligationsQuerySchema,
        response: { 200: pageOf(obligationSchema) },
      },
    },
    async (request) => listObligations(ctx(request), { ...request.query, status: 'late' }),
  );
  app.post(
    '/api/agreements/:id/obligations',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add an obligation to an agreement',
        params: idParamSchema,
        body: createObligationBodySchema,
        response: { 201: obligationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createObligation(ctx(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/obligations/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change an obligation, record evidence, mark it met or waived',
        params: idParamSchema,
        body: updateObligationBodySchema,
        response: { 200: obligationSchema },
      },
    },
    async (request) => updateObligation(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/obligations/:id',
    { config: write, schema: { tags, summary: 'Delete an obligation', params: idParamSchema } },
    async (request, reply) => {
      await deleteObligation(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
