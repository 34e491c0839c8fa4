import {
  createObligationBodySchema,
  obligationListQuerySchema,
  type OverdueObligationsQuery,
  obligationSchema,
  overdueObligationsQuerySchema,
  updateObligationBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  createObligation,
  deleteObligation,
  listObligations,
  updateObligation,
} from './obligations.service.ts';
import type { ServiceContext } from '../context.ts';

/** Obligations of agreements: admins write; staff read all, partners those of their agreements. */
export const obligationRoutes = defineRoutes('agreements', (api) => {
  api
    .resource('/api/obligations', { read: RECORD_READERS, write: ADMIN_ONLY, item: obligationSchema })
    .list('List obligations (status=late: overdue)', obligationListQuerySchema, listObligations)
    .update(
      'Change an obligation, record evidence, mark it met or waived',
      updateObligationBodySchema,
      updateObligation,
    )
    .remove('Delete an obligation', deleteObligation);
  const listOverdue = (ctx: ServiceContext, query: OverdueObligationsQuery) =>
    listObligations(ctx, { ...query, status: 'late' });
  api.get('/api/obligations/overdue', RECORD_READERS, listOverdue, {
    summary: 'Overdue obligations: due before today, neither met nor waived',
    query: overdueObligationsQuerySchema,
    page: obligationSchema,
  });
  api.post('/api/agreements/:id/obligations', ADMIN_ONLY, createObligation, {
    summary: 'Add an obligation to an agreement',
    body: createObligationBodySchema,
    created: obligationSchema,
  });
});
