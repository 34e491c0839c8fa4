import {
  agreementDetailSchema,
  agreementListQuerySchema,
  agreementSchema,
  agreementTransitionBodySchema,
  createAgreementBodySchema,
  expiringAgreementsQuerySchema,
  idParamSchema,
  pageOf,
  updateAgreementBodySchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  createAgreement,
  deleteAgreement,
  getAgreement,
  listAgreements,
  listExpiringAgreements,
  transitionAgreement,
  updateAgreement,
} from './agreements.service.ts';
import { documentRoutes } from './documents.routes.ts';
import { obligationRoutes } from './obligations.routes.ts';

const tag = 'agreements';
const route = routeOptions(tag);

/**
 * Agreements, their documents and obligations: admins write; admin, coordinator and officer read
 * all; a partner reads the agreements it is party to (others answer 404); observers get 403.
 */
export const agreementRoutes: CapabilityRoutes = async (app, deps) => {
  resourceRoutes(app, '/api/agreements', {
    tag,
    read: RECORD_READERS,
    write: ADMIN_ONLY,
    item: agreementSchema,
  })
    .list('List agreements', agreementListQuerySchema, listAgreements)
    .get('One agreement with documents and obligations', getAgreement, agreementDetailSchema)
    .create('Create a draft agreement', createAgreementBodySchema, createAgreement)
    .update('Change or renew an agreement', updateAgreementBodySchema, updateAgreement)
    .remove('Delete a draft agreement', deleteAgreement);
  app.get(
    '/api/agreements/expiring',
    route(RECORD_READERS, 'Renewal reminders: active agreements expiring within `days` (default 90)', {
      querystring: expiringAgreementsQuerySchema,
      response: { 200: pageOf(agreementSchema) },
    }),
    async ({ ctx, query }) => listExpiringAgreements(ctx, query),
  );
  app.post(
    '/api/agreements/:id/status',
    route(
      ADMIN_ONLY,
      'Move an agreement: draft → active, active/expiring → terminated (409 INVALID_TRANSITION otherwise)',
      { params: idParamSchema, body: agreementTransitionBodySchema, response: { 200: agreementSchema } },
    ),
    async ({ ctx, params, body }) => transitionAgreement(ctx, params.id, body),
  );
  await app.register(obligationRoutes, deps);
  await app.register(documentRoutes, deps);
};
