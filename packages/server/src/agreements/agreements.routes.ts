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
import type { FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { RECORD_READERS } from '../partners/scope.ts';
import {
  createAgreement,
  deleteAgreement,
  getAgreement,
  listAgreements,
  listExpiringAgreements,
  transitionAgreement,
  updateAgreement,
} from './agreements.service.ts';
import { registerDocumentRoutes } from './documents.routes.ts';
import { registerObligationRoutes } from './obligations.routes.ts';

const tags = ['agreements'];
const read = { policy: roles(...RECORD_READERS) };
const write = { policy: roles('admin') };

/**
 * Agreements, their documents and obligations: admins write; admin, coordinator and officer read
 * all; a partner reads the agreements it is party to (others answer 404); observers get 403.
 */
export async function registerAgreementRoutes(app: App, deps: RouteDeps): Promise<void> {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);

  app.get(
    '/api/agreements',
    {
      config: read,
      schema: {
        tags,
        summary: 'List agreements',
        querystring: agreementListQuerySchema,
        response: { 200: pageOf(agreementSchema) },
      },
    },
    async (request) => listAgreements(ctx(request), request.query),
  );
  app.get(
    '/api/agreements/expiring',
    {
      config: read,
      schema: {
        tags,
        summary: 'Renewal reminders: active agreements expiring within `days` (default 90)',
        querystring: expiringAgreementsQuerySchema,
        response: { 200: pageOf(agreementSchema) },
      },
    },
    async (request) => listExpiringAgreements(ctx(request), request.query),
  );
  app.get(
    '/api/agreements/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One agreement with documents and obligations',
        params: idParamSchema,
        response: { 200: agreementDetailSchema },
      },
    },
    async (request) => getAgreement(ctx(request), request.params.id),
  );
  app.post(
    '/api/agreements',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a draft agreement',
        body: createAgreementBodySchema,
        response: { 201: agreementSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgreement(ctx(request), request.body)),
  );
  app.patch(
    '/api/agreements/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change or renew an agreement',
        params: idParamSchema,
        body: updateAgreementBodySchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => updateAgreement(ctx(request), request.params.id, request.body),
  );
  app.post(
    '/api/agreements/:id/status',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Move an agreement: draft → active, active/expiring → terminated (409 INVALID_TRANSITION otherwise)',
        params: idParamSchema,
        body: agreementTransitionBodySchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => transitionAgreement(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/agreements/:id',
    { config: write, schema: { tags, summary: 'Delete a draft agreement', params: idParamSchema } },
    async (request, reply) => {
      await deleteAgreement(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  registerObligationRoutes(app, deps);
  await registerDocumentRoutes(app, deps);
}
