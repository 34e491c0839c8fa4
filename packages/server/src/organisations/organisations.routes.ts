import {
  createOrganisationBodySchema,
  organisationListQuerySchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from '@kadr/contracts';
import { resourceRoutes } from '../plugins/resource.ts';
import type { CapabilityRoutes } from '../plugins/route.ts';
import { ADMIN_ONLY, SIGNED_IN } from '../policy.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  updateOrganisation,
} from './organisations.service.ts';

/** Organisations: admins write; everyone reads, partners, mentors and students only their own. */
export const organisationRoutes: CapabilityRoutes = async (app) => {
  const access = { tag: 'organisations', read: SIGNED_IN, write: ADMIN_ONLY };
  resourceRoutes(app, '/api/organisations', { ...access, item: organisationSchema })
    .list('List organisations', organisationListQuerySchema, listOrganisations)
    .get('One organisation', getOrganisation)
    .create('Create an organisation', createOrganisationBodySchema, createOrganisation)
    .update('Change an organisation', updateOrganisationBodySchema, updateOrganisation);
};
