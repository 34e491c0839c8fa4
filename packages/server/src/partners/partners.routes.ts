import {
  branchSchema,
  contactListQuerySchema,
  contactSchema,
  createContactBodySchema,
  createJointProgrammeBodySchema,
  idParamSchema,
  jointProgrammeListQuerySchema,
  jointProgrammeSchema,
  pageOf,
  partnerAggregatesSchema,
  partnerListQuerySchema,
  partnerOverviewSchema,
  partnerSummarySchema,
  updateBranchBodySchema,
  updateContactBodySchema,
  updateJointProgrammeBodySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, created, noContent, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, AGGREGATE_READERS, RECORD_READERS } from '../policy.ts';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.service.ts';
import {
  createJointProgramme,
  deleteJointProgramme,
  listJointProgrammes,
  updateJointProgramme,
} from './joint-programmes.service.ts';
import { partnerOverview } from './partner-overview.service.ts';
import { listPartners, partnerAggregates, updateBranch } from './partners.service.ts';

const route = routeOptions('partners');

/**
 * Partners, contacts, joint programmes and branch status. Contacts are personal data: staff and the
 * partner itself only, never observers, who read `/api/partners/aggregates`.
 */
export const partnerRoutes: CapabilityRoutes = async (app, deps) => {
  app.get(
    '/api/partners',
    route(RECORD_READERS, 'List partners with their figures', {
      querystring: partnerListQuerySchema,
      response: { 200: pageOf(partnerSummarySchema) },
    }),
    async ({ ctx, query }) => listPartners(ctx, query),
  );
  app.get(
    '/api/partners/aggregates',
    route(AGGREGATE_READERS, 'Counts of partners, branches, joint programmes and agreements', {
      response: { 200: partnerAggregatesSchema },
    }),
    async ({ ctx }) => partnerAggregates(ctx),
  );
  app.get(
    '/api/partners/:id',
    route(RECORD_READERS, 'Everything linked to one organisation', {
      params: idParamSchema,
      response: { 200: partnerOverviewSchema },
    }),
    async ({ ctx, params }) => partnerOverview(ctx, params.id),
  );
  app.put(
    '/api/partners/:id/branch',
    route(ADMIN_ONLY, 'Set the branch status of a foreign partner university', {
      params: idParamSchema,
      body: updateBranchBodySchema,
      response: { 200: branchSchema },
    }),
    async ({ ctx, params, body }) => updateBranch(ctx, params.id, body),
  );
  await app.register(contactRoutes, deps);
  await app.register(jointProgrammeRoutes, deps);
};

const contactRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/contacts',
    route(RECORD_READERS, 'List contacts (personal data)', {
      querystring: contactListQuerySchema,
      response: { 200: pageOf(contactSchema) },
    }),
    async ({ ctx, query }) => listContacts(ctx, query),
  );
  app.post(
    '/api/contacts',
    route(ADMIN_ONLY, 'Add a contact to an organisation', {
      body: createContactBodySchema,
      response: { 201: contactSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createContact(ctx, body)),
  );
  app.patch(
    '/api/contacts/:id',
    route(ADMIN_ONLY, 'Change a contact', {
      params: idParamSchema,
      body: updateContactBodySchema,
      response: { 200: contactSchema },
    }),
    async ({ ctx, params, body }) => updateContact(ctx, params.id, body),
  );
  app.delete(
    '/api/contacts/:id',
    route(ADMIN_ONLY, 'Delete a contact', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteContact(ctx, params.id)),
  );
};

const jointProgrammeRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/joint-programmes',
    route(RECORD_READERS, 'List joint programmes', {
      querystring: jointProgrammeListQuerySchema,
      response: { 200: pageOf(jointProgrammeSchema) },
    }),
    async ({ ctx, query }) => listJointProgrammes(ctx, query),
  );
  app.post(
    '/api/joint-programmes',
    route(ADMIN_ONLY, 'Record a joint programme', {
      body: createJointProgrammeBodySchema,
      response: { 201: jointProgrammeSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createJointProgramme(ctx, body)),
  );
  app.patch(
    '/api/joint-programmes/:id',
    route(ADMIN_ONLY, 'Change a joint programme', {
      params: idParamSchema,
      body: updateJointProgrammeBodySchema,
      response: { 200: jointProgrammeSchema },
    }),
    async ({ ctx, params, body }) => updateJointProgramme(ctx, params.id, body),
  );
  app.delete(
    '/api/joint-programmes/:id',
    route(ADMIN_ONLY, 'Delete a joint programme', { params: idParamSchema }),
    async ({ ctx, params }, reply) => noContent(reply, deleteJointProgramme(ctx, params.id)),
  );
};
