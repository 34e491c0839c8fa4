import {
  agreementDetailSchema,
  agreementListQuerySchema,
  agreementSchema,
  agreementTransitionBodySchema,
  createAgreementBodySchema,
  expiringAgreementsQuerySchema,
  updateAgreementBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
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

/**
 * Agreements, their documents and obligations: admins write; admin, coordinator and officer read
 * all; a partner reads the agreements it is party to (others answer 404); observers get 403.
 */
export const agreementRoutes = defineRoutes('agreements', async (api, app, deps) => {
  api
    .resource('/api/agreements', { read: RECORD_READERS, write: ADMIN_ONLY, item: agreementSchema })
    .list('List agreements', agreementListQuerySchema, listAgreements)
    .get('One agreement with documents and obligations', getAgreement, agreementDetailSchema)
    .create('Create a draft agreement', createAgreementBodySchema, createAgreement)
    .update('Change or renew an agreement', updateAgreementBodySchema, updateAgreement)
    .remove('Delete a draft agreement', deleteAgreement);
  api.get('/api/agreements/expiring', RECORD_READERS, listExpiringAgreements, {
    summary: 'Renewal reminders: active agreements expiring within `days` (default 90)',
    query: expiringAgreementsQuerySchema,
    page: agreementSchema,
  });
  api.post('/api/agreements/:id/status', ADMIN_ONLY, transitionAgreement, {
    summary:
      'Move an agreement: draft → active, active/expiring → terminated (409 INVALID_TRANSITION otherwise)',
    body: agreementTransitionBodySchema,
    response: agreementSchema,
  });
  await app.register(obligationRoutes, deps);
  await app.register(documentRoutes, deps);
});
