import {
  createOrganisationBodySchema,
  organisationListQuerySchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { ADMIN_ONLY, SIGNED_IN } from '../policy.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.service.ts';

/** Organisations: admins write; everyone reads, partners, mentors and students only their own. */
export const organisationRoutes = defineRoutes('organisations', (api) => {
  api
    .resource('/api/organisations', { read: SIGNED_IN, write: ADMIN_ONLY, item: organisationSchema })
    .list('List organisations', organisationListQuerySchema, listOrganisations)
    .get('One organisation', getOrganisation)
    .create('Create an organisation', createOrganisationBodySchema, createOrganisation)
    .update('Change an organisation', updateOrganisationBodySchema, updateOrganisation);
});
