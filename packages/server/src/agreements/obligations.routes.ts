import {
  createObligationBodySchema,
  idParamSchema,
  obligationListQuerySchema,
  obligationSchema,
  overdueObligationsQuerySchema,
  pageOf,
  updateObligationBodySchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  createObligation,
  deleteObligation,
  listObligations,
  updateObligation,
} from './obligations.service.ts';

const tag = 'agreements';
const route = routeOptions(tag);

/** Obligations of agreements: admins write; staff read all, partners those of their agreements. */
export const obligationRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/obligations', {
    tag,
    read: RECORD_READERS,
    write: ADMIN_ONLY,
    item: obligationSchema,
  })
    .list('List obligations (status=late: overdue)', obligationListQuerySchema, listObligations)
    .update(
      'Change an obligation, record evidence, mark it met or waived',
      updateObligationBodySchema,
      updateObligation,
    )
    .remove('Delete an obligation', deleteObligation);
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
};
