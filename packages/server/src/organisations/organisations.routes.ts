import {
  createOrganisationBodySchema,
  idParamSchema,
  organisationListQuerySchema,
  organisationSchema,
  pageOf,
  updateOrganisationBodySchema,
} from '@kadr/contracts';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { anyRole, roles } from '../policy.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.service.ts';

const tags = ['organisations'];

/** Organisations: admins write; everyone reads, partners, mentors and students only their own. */
export function registerOrganisationRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/organisations',
    {
      config: { policy: anyRole() },
      schema: {
        tags,
        summary: 'List organisations',
        querystring: organisationListQuerySchema,
        response: { 200: pageOf(organisationSchema) },
      },
    },
    async (request) => listOrganisations(contextOf(request, deps.db, deps.now), request.query),
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { policy: anyRole() },
      schema: {
        tags,
        summary: 'One organisation',
        params: idParamSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) => getOrganisation(contextOf(request, deps.db, deps.now), request.params.id),
  );

  app.post(
    '/api/organisations',
    {
      config: { policy: roles('admin') },
      schema: {
        tags,
        summary: 'Create an organisation',
        body: createOrganisationBodySchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganisation(contextOf(request, deps.db, deps.now), request.body)),
  );

  app.patch(
    '/api/organisations/:id',
    {
      config: { policy: roles('admin') },
      schema: {
        tags,
        summary: 'Change an organisation',
        params: idParamSchema,
        body: updateOrganisationBodySchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) =>
      updateOrganisation(contextOf(request, deps.db, deps.now), request.params.id, request.body),
  );
}
