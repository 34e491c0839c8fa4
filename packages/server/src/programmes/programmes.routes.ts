import {
  approveVersionBodySchema,
  createDisciplineBodySchema,
  createEquivalenceBodySchema,
  createProgrammeBodySchema,
  createVersionBodySchema,
  creditEquivalenceSchema,
  disciplineListQuerySchema,
  disciplineSchema,
  equivalenceListQuerySchema,
  programmeListQuerySchema,
  programmeSchema,
  programmeVersionDetailSchema,
  programmeVersionSchema,
  updateDisciplineBodySchema,
  updateEquivalenceBodySchema,
  updateProgrammeBodySchema,
  updateVersionBodySchema,
  versionListQuerySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { PROGRAMME_APPROVERS, PROGRAMME_READERS, PROGRAMME_WRITERS } from '../policy.ts';
import {
  createDiscipline,
  deleteDiscipline,
  getDiscipline,
  listDisciplines,
  updateDiscipline,
} from './disciplines.service.ts';
import {
  createEquivalence,
  deleteEquivalence,
  listEquivalences,
  updateEquivalence,
} from './equivalences.service.ts';
import {
  createProgramme,
  deleteProgramme,
  getProgramme,
  listProgrammes,
  updateProgramme,
} from './programmes.service.ts';
import { approveVersion, submitVersion, withdrawVersion } from './version-approval.service.ts';
import { createVersion, deleteVersion, getVersion, listVersions, updateVersion } from './versions.service.ts';

const access = { read: PROGRAMME_READERS, write: PROGRAMME_WRITERS };

/**
 * The programme catalogue (issue 11): admins and coordinators write; officers read all; partners read the
 * programmes they co-develop and approve their versions; students read their own programme; observers the catalogue.
 */
export const programmeRoutes = defineRoutes('programmes', (api) => {
  api
    .resource('/api/programmes', { ...access, item: programmeSchema })
    .list('List programmes', programmeListQuerySchema, listProgrammes)
    .get('One programme', getProgramme)
    .create('Create a programme with its co-developers', createProgrammeBodySchema, createProgramme)
    .update(
      'Change a programme; co-developers, when sent, replace them all',
      updateProgrammeBodySchema,
      updateProgramme,
    )
    .remove('Delete a programme without enrolments, with its history', deleteProgramme);
  api
    .resource('/api/programme-versions', { ...access, item: programmeVersionSchema })
    .get(
      'One version with its disciplines, approvals and what it still lacks',
      getVersion,
      programmeVersionDetailSchema,
    )
    .update('Change a draft not yet submitted', updateVersionBodySchema, updateVersion)
    .remove('Delete a draft', deleteVersion);
  api
    .resource('/api/disciplines', { ...access, item: disciplineSchema })
    .get('One discipline', getDiscipline)
    .update(
      'Change a discipline of a draft; labs and equipment, when sent, replace them',
      updateDisciplineBodySchema,
      updateDiscipline,
    )
    .remove('Delete a discipline of a draft', deleteDiscipline);
  api
    .resource('/api/credit-equivalences', { ...access, item: creditEquivalenceSchema })
    .update('Change a credit equivalence of a draft', updateEquivalenceBodySchema, updateEquivalence)
    .remove('Delete a credit equivalence of a draft', deleteEquivalence);
  api.get('/api/programmes/:id/versions', PROGRAMME_READERS, listVersions, {
    summary: 'The version history of a programme',
    query: versionListQuerySchema,
    page: programmeVersionSchema,
  });
  api.post('/api/programmes/:id/versions', PROGRAMME_WRITERS, createVersion, {
    summary: 'Open a draft version, a copy of the latest one',
    body: createVersionBodySchema,
    created: programmeVersionSchema,
  });

  api.post('/api/programme-versions/:id/submit', PROGRAMME_WRITERS, submitVersion, {
    summary: "Submit a draft for the co-developers' approval (activates it when there are none)",
    response: programmeVersionSchema,
  });
  api.post('/api/programme-versions/:id/withdraw', PROGRAMME_WRITERS, withdrawVersion, {
    summary: 'Take a submitted draft back for changes; its approvals are removed',
    response: programmeVersionSchema,
  });
  api.post('/api/programme-versions/:id/approve', PROGRAMME_APPROVERS, approveVersion, {
    summary: "Approve a submitted draft for the partner's own organisation",
    body: approveVersionBodySchema,
    response: programmeVersionSchema,
  });

  api.get('/api/programme-versions/:id/disciplines', PROGRAMME_READERS, listDisciplines, {
    summary: 'The disciplines of a version',
    query: disciplineListQuerySchema,
    page: disciplineSchema,
  });
  api.post('/api/programme-versions/:id/disciplines', PROGRAMME_WRITERS, createDiscipline, {
    summary: 'Add a discipline to a draft',
    body: createDisciplineBodySchema,
    created: disciplineSchema,
  });

  api.get('/api/disciplines/:id/equivalences', PROGRAMME_READERS, listEquivalences, {
    summary: 'The partner courses recognised for a discipline',
    query: equivalenceListQuerySchema,
    page: creditEquivalenceSchema,
  });
  api.post('/api/disciplines/:id/equivalences', PROGRAMME_WRITERS, createEquivalence, {
    summary: 'Recognise a partner course for a discipline of a draft',
    body: createEquivalenceBodySchema,
    created: creditEquivalenceSchema,
  });
});
