import {
  branchSchema,
  contactListQuerySchema,
  contactSchema,
  createContactBodySchema,
  createJointProgrammeBodySchema,
  jointProgrammeListQuerySchema,
  jointProgrammeSchema,
  partnerAggregatesSchema,
  partnerListQuerySchema,
  partnerOverviewSchema,
  partnerSummarySchema,
  updateBranchBodySchema,
  updateContactBodySchema,
  updateJointProgrammeBodySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
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

const access = { read: RECORD_READERS, write: ADMIN_ONLY };

/**
 * Partners, contacts, joint programmes and branch status. Contacts are personal data: staff and the
 * partner itself only, never observers, who read `/api/partners/aggregates`.
 */
export const partnerRoutes = defineRoutes('partners', (api) => {
  api
    .resource('/api/partners', { ...access, item: partnerSummarySchema })
    .list('List partners with their figures', partnerListQuerySchema, listPartners)
    .get('Everything linked to one organisation', partnerOverview, partnerOverviewSchema);
  api
    .resource('/api/contacts', { ...access, item: contactSchema })
    .list('List contacts (personal data)', contactListQuerySchema, listContacts)
    .create('Add a contact to an organisation', createContactBodySchema, createContact)
    .update('Change a contact', updateContactBodySchema, updateContact)
    .remove('Delete a contact', deleteContact);
  api
    .resource('/api/joint-programmes', { ...access, item: jointProgrammeSchema })
    .list('List joint programmes', jointProgrammeListQuerySchema, listJointProgrammes)
    .create('Record a joint programme', createJointProgrammeBodySchema, createJointProgramme)
    .update('Change a joint programme', updateJointProgrammeBodySchema, updateJointProgramme)
    .remove('Delete a joint programme', deleteJointProgramme);
  api.get('/api/partners/aggregates', AGGREGATE_READERS, partnerAggregates, {
    summary: 'Counts of partners, branches, joint programmes and agreements',
    response: partnerAggregatesSchema,
  });
  api.put('/api/partners/:id/branch', ADMIN_ONLY, updateBranch, {
    summary: 'Set the branch status of a foreign partner university',
    body: updateBranchBodySchema,
    response: branchSchema,
  });
});
