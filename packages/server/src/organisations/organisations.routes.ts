import {
  createOrganisationBodySchema,
  idParamSchema,
  organisationListQuerySchema,
  organisationSchema,
  pageOf,
  updateOrganisationBodySchema,
} from '@kadr/contracts';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, SIGNED_IN } from '../policy.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.service.ts';

const route = routeOptions('organisations');

/** Organisations: admins write; everyone reads, partners, mentors and students only their own. */
export const organisationRoutes: CapabilityRoutes = async (app) => {
  app.get(
    '/api/organisations',
    route(SIGNED_IN, 'List organisations', {
      querystring: organisationListQuerySchema,
      response: { 200: pageOf(organisationSchema) },
    }),
    async ({ ctx, query }) => listOrganisations(ctx, query),
  );
  app.get(
    '/api/organisations/:id',
    route(SIGNED_IN, 'One organisation', { params: idParamSchema, response: { 200: organisationSchema } }),
    async ({ ctx, params }) => getOrganisation(ctx, params.id),
  );
  app.post(
    '/api/organisations',
    route(ADMIN_ONLY, 'Create an organisation', {
      body: createOrganisationBodySchema,
      response: { 201: organisationSchema },
    }),
    async ({ ctx, body }, reply) => created(reply, await createOrganisation(ctx, body)),
  );
  app.patch(
    '/api/organisations/:id',
    route(ADMIN_ONLY, 'Change an organisation', {
      params: idParamSchema,
      body: updateOrganisationBodySchema,
      response: { 200: organisationSchema },
    }),
    async ({ ctx, params, body }) => updateOrganisation(ctx, params.id, body),
  );
};
