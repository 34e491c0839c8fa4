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
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
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

const route = routeOptions('agreements');

/**
 * Agreements, their documents and obligations: admins write; admin, coordinator and officer read
 * all; a partner reads the agreements it is party to (others answer 404); observers get 403.
 */
export const agreementRoutes: CapabilityRoutes = async (app, deps) => {
  app.get(
    '/api/agreements',
    route(RECORD_READERS, 'List agreements', {
      querystring: agreementListQuerySchema,
      response: { 200: pageOf(agreementSchema) },
    }),
    async ({ ctx, query }) => listAgreements(ctx, query),
  );
  app.get(
    '/api/agreements/expiring',
    route(RECORD_READERS, 'Renewal reminders: active agreements expiring within `days` (default 90)', {
      querystring: expiringAgreementsQuerySchema,
      response: { 200: pageOf(agreementSchema) },
    }),
    async ({ ctx, query }) => listExpiringAgreements(ctx, query),
  );
  app.get(
    '/api/agreements/:id',
    route(RECORD_READERS, 'One agreement with documents and obligations', {
      params: idParamSchema,
      response: { 200: agreementDetailSchema },
    }),
    async ({ ctx, params }) => getAgreement(ctx, params.id),
  );
  app.post(
    '/api/agreements',
    route(ADMIN_ONLY, 'Create a draft agreement', {
      body: createAgreementBodySchema,
      response: { 201: agreementSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createAgreement(ctx, body)),
  );
  app.patch(
    '/api/agreements/:id',
    route(ADMIN_ONLY, 'Change or renew an agreement', {
      params: idParamSchema,
      body: updateAgreementBodySchema,
      response: { 200: agreementSchema },
    }),
    async ({ ctx, params, body }) => updateAgreement(ctx, params.id, body),
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
  app.delete(
    '/api/agreements/:id',
    route(ADMIN_ONLY, 'Delete a draft agreement', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteAgreement(ctx, params.id)),
  );
  await app.register(obligationRoutes, deps);
  await app.register(documentRoutes, deps);
};
