import {
  importFormatSchema,
  importKindParamSchema,
  importProgressParamSchema,
  importProgressSchema,
  importQuerySchema,
  importResultSchema,
  importTemplateQuerySchema,
} from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { type CapabilityRoutes, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY } from '../policy.ts';
import { readUploadedFile, registerMultipart, uploadBodySchema } from '../uploads/multipart.ts';
import { importProgress, trackImport } from './import-progress.ts';
import { importFormats, runImport } from './import.service.ts';
import { csvTemplate, xlsxTemplate } from './templates.ts';
import { XLSX_TYPE } from '../attachment.ts';

const route = routeOptions('imports');
/** Import files are smaller than documents: 5 MiB is about 50 000 rows of CSV. */
const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/** CSV/XLSX import of partners, equipment and investments, with column formats and templates (admin). */
export const importRoutes = defineRoutes('imports', async (api, app, deps) => {
  api.get('/api/imports/formats', ADMIN_ONLY, importFormats, {
    summary: 'The columns of every import kind',
    list: importFormatSchema,
  });
  app.get(
    '/api/imports/:kind/template',
    route(ADMIN_ONLY, 'A template file (header and an example row)', {
      params: importKindParamSchema,
      querystring: importTemplateQuerySchema,
    }),
    async ({ params, query }, reply) => {
      const xlsx = query.format === 'xlsx';
      const body = xlsx ? await xlsxTemplate(params.kind) : csvTemplate(params.kind);
      const fileName = `kadr-${params.kind}-template.${xlsx ? 'xlsx' : 'csv'}`;
      return reply
        .header('content-type', xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(body);
    },
  );
  api.get('/api/imports/progress/:id', ADMIN_ONLY, importProgress, {
    summary: 'Where an import you sent with this progressId is: its stage and the rows checked so far',
    params: importProgressParamSchema,
    response: importProgressSchema,
  });
  await app.register(uploadRoutes, deps);
});

/** The upload route, in its own scope with multipart parsing and the size limit. */
const uploadRoutes: CapabilityRoutes = async (app) => {
  await registerMultipart(app, IMPORT_LIMIT_BYTES);
  app.post(
    '/api/imports/:kind',
    route(
      ADMIN_ONLY,
      'Import a CSV or XLSX file (multipart field "file"), all or nothing; 400 IMPORT_FAILED lists every bad row. ' +
        'With a progressId, GET /api/imports/progress/{id} follows it while it runs',
      {
        consumes: ['multipart/form-data'],
        body: uploadBodySchema('A .csv (UTF-8, comma or semicolon) or .xlsx file, at most 5 MiB'),
        params: importKindParamSchema,
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
      },
    ),
    async (request) => {
      const { ctx, params, query } = request;
      const report = query.progressId
        ? trackImport(ctx, query.progressId, params.kind, query.dryRun)
        : undefined;
      try {
        const file = await readUploadedFile(request, IMPORT_LIMIT_BYTES);
        return await runImport(ctx, params.kind, file, query.dryRun, report);
      } catch (error) {
        report?.({ stage: 'failed' });
        throw error;
      }
    },
  );
};
