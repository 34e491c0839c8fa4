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
  pageOf,
  programmeOutcomesSchema,
  putOutcomesBodySchema,
  updateCompetencyBodySchema,
  updateFrameworkBodySchema,
} from '@kadr/contracts';
import { importEsco } from '../imports/esco.service.ts';
import { escoUploadBodySchema, readEscoFiles, registerEscoMultipart } from '../imports/esco.upload.ts';
import { resourceRoutes } from '../plugins/resource.ts';
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
export const competencyRoutes: CapabilityRoutes = async (app, deps) => {
  resourceRoutes(app, '/api/frameworks', {
    tag,
    read: SIGNED_IN,
    write: COMPETENCY_EDITORS,
    item: frameworkSchema,
  })
    .list('List competency frameworks', frameworkListQuerySchema, listFrameworks)
    .get('One competency framework', getFramework)
    .create('Create a competency framework', createFrameworkBodySchema, createFramework)
    .update('Change a competency framework', updateFrameworkBodySchema, updateFramework)
    .remove('Delete a framework no programme uses, with its competencies', deleteFramework);
  app.get(
    '/api/frameworks/:id/competencies',
    route(SIGNED_IN, "A framework's competencies", {
      params: idParamSchema,
      querystring: frameworkCompetencyListQuerySchema,
      response: { 200: pageOf(competencySchema) },
    }),
    async ({ ctx, params, query }) => listFrameworkCompetencies(ctx, params.id, query),
  );
  resourceRoutes(app, '/api/competencies', {
    tag,
    read: SIGNED_IN,
    write: COMPETENCY_EDITORS,
    item: competencySchema,
  })
    .list(
      'List competencies (search, type, framework, broader competency)',
      competencyListQuerySchema,
      listCompetencies,
    )
    .get('One competency', getCompetency)
    .create('Create a competency in a framework', createCompetencyBodySchema, createCompetency)
    .update('Change a competency', updateCompetencyBodySchema, updateCompetency)
    .remove('Delete a competency nothing uses', deleteCompetency);
  app.get(
    '/api/programme-versions/:id/outcomes',
    route(PROGRAMME_READERS, 'The promised competencies and learning outcomes of a programme version', {
      params: idParamSchema,
      response: { 200: programmeOutcomesSchema },
    }),
    async ({ ctx, params }) => getOutcomes(ctx, params.id),
  );
  app.put(
    '/api/programme-versions/:id/outcomes',
    route(PROGRAMME_WRITERS, "Replace a draft version's promised competencies and learning outcomes", {
      params: idParamSchema,
      body: putOutcomesBodySchema,
      response: { 200: programmeOutcomesSchema },
    }),
    async ({ ctx, params, body }) => putOutcomes(ctx, params.id, body),
  );
  await app.register(escoImportRoutes, deps);
};

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
