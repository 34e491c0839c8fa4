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
import type { FastifyRequest } from 'fastify';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { createContact, deleteContact, listContacts, updateContact } from './contacts.service.ts';
import {
  createJointProgramme,
  deleteJointProgramme,
  listJointProgrammes,
  updateJointProgramme,
} from './joint-programmes.service.ts';
import { partnerOverview } from './partner-overview.service.ts';
import { listPartners, partnerAggregates, updateBranch } from './partners.service.ts';
import { AGGREGATE_READERS, RECORD_READERS } from './scope.ts';

const tags = ['partners'];
const read = { policy: roles(...RECORD_READERS) };
const write = { policy: roles('admin') };

/**
 * Partners, contacts, joint programmes and branch status. Contacts are personal data: staff and the
 * partner itself only, never observers, who read `/api/partners/aggregates`.
 */
export function registerPartnerRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/partners',
    {
      config: read,
      schema: {
        tags,
        summary: 'List partners with their figures',
        querystring: partnerListQuerySchema,
        response: { 200: pageOf(partnerSummarySchema) },
      },
    },
    async (request) => listPartners(ctx(request), request.query),
  );
  app.get(
    '/api/partners/aggregates',
    {
      config: { policy: roles(...AGGREGATE_READERS) },
      schema: {
        tags,
        summary: 'Counts of partners, branches, joint programmes and agreements',
        response: { 200: partnerAggregatesSchema },
      },
    },
    async (request) => partnerAggregates(ctx(request)),
  );
  app.get(
    '/api/partners/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Everything linked to one organisation',
        params: idParamSchema,
        response: { 200: partnerOverviewSchema },
      },
    },
    async (request) => partnerOverview(ctx(request), request.params.id),
  );
  app.put(
    '/api/partners/:id/branch',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set the branch status of a foreign partner university',
        params: idParamSchema,
        body: updateBranchBodySchema,
        response: { 200: branchSchema },
      },
    },
    async (request) => updateBranch(ctx(request), request.params.id, request.body),
  );
  registerContactRoutes(app, deps);
  registerJointProgrammeRoutes(app, deps);
}

function registerContactRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/contacts',
    {
      config: read,
      schema: {
        tags,
        summary: 'List contacts (personal data)',
        querystring: contactListQuerySchema,
        response: { 200: pageOf(contactSchema) },
      },
    },
    async (request) => listContacts(ctx(request), request.query),
  );
  app.post(
    '/api/contacts',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a contact to an organisation',
        body: createContactBodySchema,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createContact(ctx(request), request.body)),
  );
  app.patch(
    '/api/contacts/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a contact',
        params: idParamSchema,
        body: updateContactBodySchema,
        response: { 200: contactSchema },
      },
    },
    async (request) => updateContact(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/contacts/:id',
    { config: write, schema: { tags, summary: 'Delete a contact', params: idParamSchema } },
    async (request, reply) => {
      await deleteContact(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}

function registerJointProgrammeRoutes(app: App, deps: RouteDeps): void {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/joint-programmes',
    {
      config: read,
      schema: {
        tags,
        summary: 'List joint programmes',
        querystring: jointProgrammeListQuerySchema,
        response: { 200: pageOf(jointProgrammeSchema) },
      },
    },
    async (request) => listJointProgrammes(ctx(request), request.query),
  );
  app.post(
    '/api/joint-programmes',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a joint programme',
        body: createJointProgrammeBodySchema,
        response: { 201: jointProgrammeSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createJointProgramme(ctx(request), request.body)),
  );
  app.patch(
    '/api/joint-programmes/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a joint programme',
        params: idParamSchema,
        body: updateJointProgrammeBodySchema,
        response: { 200: jointProgrammeSchema },
      },
    },
    async (request) => updateJointProgramme(ctx(request), request.params.id, request.body),
  );
  app.delete(
    '/api/joint-programmes/:id',
    { config: write, schema: { tags, summary: 'Delete a joint programme', params: idParamSchema } },
    async (request, reply) => {
      await deleteJointProgramme(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
