import {
  createObligationBodySchema,
  idParamSchema,
  obligationListQuerySchema,
  obligationSchema,
  overdueObligationsQuerySchema,
  pageOf,
  updateObligationBodySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  createObligation,
  deleteObligation,
  listObligations,
  updateObligation,
} from './obligations.service.ts';

const route = routeOptions('agreements');

/** Obligations of agreements: admins write; staff read all, partners those of their agreements. */
export const obligationRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/obligations',
    route(RECORD_READERS, 'List obligations (status=late: overdue)', {
      querystring: obligationListQuerySchema,
      response: { 200: pageOf(obligationSchema) },
    }),
    async ({ ctx, query }) => listObligations(ctx, query),
  );
  app.get(
    '/api/obligations/overdue',
    route(RECORD_READERS, 'Overdue obligations: due before today, neither met nor waived', {
      querystring: overdueObligationsQuerySchema,
      response: { 200: pageOf(obligationSchema) },
    }),
    async ({ ctx, query }) => listObligations(ctx, { ...query, status: 'late' }),
  );
  app.post(
    '/api/agreements/:id/obligations',
    route(ADMIN_ONLY, 'Add an obligation to an agreement', {
      params: idParamSchema,
      body: createObligationBodySchema,
      response: { 201: obligationSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createObligation(ctx, params.id, body)),
  );
  app.patch(
    '/api/obligations/:id',
    route(ADMIN_ONLY, 'Change an obligation, record evidence, mark it met or waived', {
      params: idParamSchema,
      body: updateObligationBodySchema,
      response: { 200: obligationSchema },
    }),
    async ({ ctx, params, body }) => updateObligation(ctx, params.id, body),
  );
  app.delete(
    '/api/obligations/:id',
    route(ADMIN_ONLY, 'Delete an obligation', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteObligation(ctx, params.id)),
  );
};
