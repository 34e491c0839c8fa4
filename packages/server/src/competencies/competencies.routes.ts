import {
  competencyListQuerySchema,
  competencySchema,
  createCompetencyBodySchema,
  createFrameworkBodySchema,
  escoImportQuerySchema,
  escoImportResultSchema,
  frameworkCompetencyListQuerySchema,
  frameworkListQuerySchema,
  frameworkSchema,
  idParamSchema,
  programmeOutcomesSchema,
  putOutcomesBodySchema,
  updateCompetencyBodySchema,
  updateFrameworkBodySchema,
} from '@kadr/contracts';
import { importEsco } from '../imports/esco.service.ts';
import { escoUploadBodySchema, readEscoFiles, registerEscoMultipart } from '../imports/esco.upload.ts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { COMPETENCY_EDITORS, PROGRAMME_READERS, PROGRAMME_WRITERS, SIGNED_IN } from '../policy.ts';
import {
  createCompetency,
  deleteCompetency,
  getCompetency,
  listCompetencies,
  listFrameworkCompetencies,
  updateCompetency,
} from './competencies.service.ts';
import {
  createFramework,
  deleteFramework,
  getFramework,
  listFrameworks,
  updateFramework,
} from './frameworks.service.ts';
import { getOutcomes, putOutcomes } from './outcomes.service.ts';

const tag = 'competencies';
const route = routeOptions(tag);

/**
 * Competency frameworks and their competencies (any signed-in user reads; admins and coordinators write), the
 * ESCO import, and the learning outcomes of programme versions (read as the version is; written on drafts).
 */
export const competencyRoutes = defineRoutes(tag, async (api, app, deps) => {
  api
    .resource('/api/frameworks', { read: SIGNED_IN, write: COMPETENCY_EDITORS, item: frameworkSchema })
    .list('List competency frameworks', frameworkListQuerySchema, listFrameworks)
    .get('One competency framework', getFramework)
    .create('Create a competency framework', createFrameworkBodySchema, createFramework)
    .update('Change a competency framework', updateFrameworkBodySchema, updateFramework)
    .remove('Delete a framework no programme uses, with its competencies', deleteFramework);
  api
    .resource('/api/competencies', { read: SIGNED_IN, write: COMPETENCY_EDITORS, item: competencySchema })
    .list(
      'List competencies (search, type, framework, broader competency)',
      competencyListQuerySchema,
      listCompetencies,
    )
    .get('One competency', getCompetency)
    .create('Create a competency in a framework', createCompetencyBodySchema, createCompetency)
    .update('Change a competency', updateCompetencyBodySchema, updateCompetency)
    .remove('Delete a competency nothing uses', deleteCompetency);
  api.get('/api/frameworks/:id/competencies', SIGNED_IN, listFrameworkCompetencies, {
    summary: "A framework's competencies",
    query: frameworkCompetencyListQuerySchema,
    page: competencySchema,
  });
  api.get('/api/programme-versions/:id/outcomes', PROGRAMME_READERS, getOutcomes, {
    summary: 'The promised competencies and learning outcomes of a programme version',
    response: programmeOutcomesSchema,
  });
  api.put('/api/programme-versions/:id/outcomes', PROGRAMME_WRITERS, putOutcomes, {
    summary: "Replace a draft version's promised competencies and learning outcomes",
    body: putOutcomesBodySchema,
    response: programmeOutcomesSchema,
  });
  await app.register(escoImportRoutes, deps);
});

/** The ESCO import, in its own scope with multipart parsing of two files. */
const escoImportRoutes: CapabilityRoutes = async (app) => {
  await registerEscoMultipart(app);
  app.post(
    '/api/frameworks/:id/esco-import',
    route(
      COMPETENCY_EDITORS,
      "Import ESCO's skills CSV of one language (field skills) and its broader relations (field broaderRelations) into an ESCO framework, all or nothing",
      {
        consumes: ['multipart/form-data'],
        params: idParamSchema,
        querystring: escoImportQuerySchema,
        body: escoUploadBodySchema,
        response: { 200: escoImportResultSchema },
      },
    ),
    async (request) =>
      importEsco(request.ctx, request.params.id, await readEscoFiles(request), request.query),
  );
};
