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
  idParamSchema,
  pageOf,
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
import { resourceRoutes } from '../plugins/resource.ts';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
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

const tag = 'programmes';
const route = routeOptions(tag);
const access = { tag, read: PROGRAMME_READERS, write: PROGRAMME_WRITERS };

/**
 * The programme catalogue (issue 11): admins and coordinators write; officers read all; partners read the
 * programmes they co-develop and approve their versions; students read their own programme; observers the catalogue.
 */
export const programmeRoutes: CapabilityRoutes = async (app) => {
  resourceRoutes(app, '/api/programmes', { ...access, item: programmeSchema })
    .list('List programmes', programmeListQuerySchema, listProgrammes)
    .get('One programme', getProgramme)
    .create('Create a programme with its co-developers', createProgrammeBodySchema, createProgramme)
    .update(
      'Change a programme; co-developers, when sent, replace them all',
      updateProgrammeBodySchema,
      updateProgramme,
    )
    .remove('Delete a programme without enrolments, with its history', deleteProgramme);

  app.get(
    '/api/programmes/:id/versions',
    route(PROGRAMME_READERS, 'The version history of a programme', {
      params: idParamSchema,
      querystring: versionListQuerySchema,
      response: { 200: pageOf(programmeVersionSchema) },
    }),
    async ({ ctx, params, query }) => listVersions(ctx, params.id, query),
  );
  app.post(
    '/api/programmes/:id/versions',
    route(PROGRAMME_WRITERS, 'Open a draft version, a copy of the latest one', {
      params: idParamSchema,
      body: createVersionBodySchema,
      response: { 201: programmeVersionSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createVersion(ctx, params.id, body)),
  );

  resourceRoutes(app, '/api/programme-versions', { ...access, item: programmeVersionSchema })
    .get(
      'One version with its disciplines, approvals and what it still lacks',
      getVersion,
      programmeVersionDetailSchema,
    )
    .update('Change a draft not yet submitted', updateVersionBodySchema, updateVersion)
    .remove('Delete a draft', deleteVersion);
  const transition = { params: idParamSchema, response: { 200: programmeVersionSchema } };
  app.post(
    '/api/programme-versions/:id/submit',
    route(
      PROGRAMME_WRITERS,
      "Submit a draft for the co-developers' approval (activates it when there are none)",
      transition,
    ),
    async ({ ctx, params }) => submitVersion(ctx, params.id),
  );
  app.post(
    '/api/programme-versions/:id/withdraw',
    route(
      PROGRAMME_WRITERS,
      'Take a submitted draft back for changes; its approvals are removed',
      transition,
    ),
    async ({ ctx, params }) => withdrawVersion(ctx, params.id),
  );
  app.post(
    '/api/programme-versions/:id/approve',
    route(PROGRAMME_APPROVERS, "Approve a submitted draft for the partner's own organisation", {
      ...transition,
      body: approveVersionBodySchema,
    }),
    async ({ ctx, params, body }) => approveVersion(ctx, params.id, body),
  );

  app.get(
    '/api/programme-versions/:id/disciplines',
    route(PROGRAMME_READERS, 'The disciplines of a version', {
      params: idParamSchema,
      querystring: disciplineListQuerySchema,
      response: { 200: pageOf(disciplineSchema) },
    }),
    async ({ ctx, params, query }) => listDisciplines(ctx, params.id, query),
  );
  app.post(
    '/api/programme-versions/:id/disciplines',
    route(PROGRAMME_WRITERS, 'Add a discipline to a draft', {
      params: idParamSchema,
      body: createDisciplineBodySchema,
      response: { 201: disciplineSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createDiscipline(ctx, params.id, body)),
  );
  resourceRoutes(app, '/api/disciplines', { ...access, item: disciplineSchema })
    .get('One discipline', getDiscipline)
    .update(
      'Change a discipline of a draft; labs and equipment, when sent, replace them',
      updateDisciplineBodySchema,
      updateDiscipline,
    )
    .remove('Delete a discipline of a draft', deleteDiscipline);

  app.get(
    '/api/disciplines/:id/equivalences',
    route(PROGRAMME_READERS, 'The partner courses recognised for a discipline', {
      params: idParamSchema,
      querystring: equivalenceListQuerySchema,
      response: { 200: pageOf(creditEquivalenceSchema) },
    }),
    async ({ ctx, params, query }) => listEquivalences(ctx, params.id, query),
  );
  app.post(
    '/api/disciplines/:id/equivalences',
    route(PROGRAMME_WRITERS, 'Recognise a partner course for a discipline of a draft', {
      params: idParamSchema,
      body: createEquivalenceBodySchema,
      response: { 201: creditEquivalenceSchema },
    }),
    async ({ ctx, params, body }, reply) => created(reply, await createEquivalence(ctx, params.id, body)),
  );
  resourceRoutes(app, '/api/credit-equivalences', { ...access, item: creditEquivalenceSchema })
    .update('Change a credit equivalence of a draft', updateEquivalenceBodySchema, updateEquivalence)
    .remove('Delete a credit equivalence of a draft', deleteEquivalence);
};
