import {
  importFormatSchema,
  importKindParamSchema,
  importQuerySchema,
  importResultSchema,
  importTemplateQuerySchema,
} from '@kadr/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, RouteDeps } from '../deps.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import { readUploadedFile, registerMultipart, uploadBodySchema } from '../uploads/multipart.ts';
import { importFormats, runImport } from './import.service.ts';
import { csvTemplate, xlsxTemplate } from './templates.ts';

const tags = ['imports'];
const admin = { policy: roles('admin') };
/** Import files are smaller than documents: 5 MiB is about 50 000 rows of CSV. */
const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** CSV/XLSX import of partners, equipment and investments, with column formats and templates (admin). */
export async function registerImportRoutes(app: App, deps: RouteDeps): Promise<void> {
  app.get(
    '/api/imports/formats',
    {
      config: admin,
      schema: {
        tags,
        summary: 'The columns of every import kind',
        response: { 200: z.array(importFormatSchema) },
      },
    },
    async () => importFormats(),
  );
  app.get(
    '/api/imports/:kind/template',
    {
      config: admin,
      schema: {
        tags,
        summary: 'A template file (header and an example row)',
        params: importKindParamSchema,
        querystring: importTemplateQuerySchema,
      },
    },
    async (request, reply) => {
      const { kind } = request.params;
      const xlsx = request.query.format === 'xlsx';
      const body = xlsx ? await xlsxTemplate(kind) : csvTemplate(kind);
      return reply
        .header('content-type', xlsx ? XLSX_TYPE : 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="kadr-${kind}-template.${xlsx ? 'xlsx' : 'csv'}"`,
        )
        .send(body);
    },
  );
  await app.register(async (instance) => {
    const scope = instance.withTypeProvider<ZodTypeProvider>();
    await registerMultipart(scope, IMPORT_LIMIT_BYTES);
    scope.post(
      '/api/imports/:kind',
      {
        config: admin,
        schema: {
          tags,
          summary:
            'Import a CSV or XLSX file (multipart field "file"), all or nothing; 400 IMPORT_FAILED lists every bad row',
          consumes: ['multipart/form-data'],
          body: uploadBodySchema('A .csv (UTF-8, comma or semicolon) or .xlsx file, at most 5 MiB'),
          params: importKindParamSchema,
          querystring: importQuerySchema,
          response: { 200: importResultSchema },
        },
      },
      async (request) => {
        const file = await readUploadedFile(request, IMPORT_LIMIT_BYTES);
        return runImport(
          contextOf(request, deps.db, deps.now),
          request.params.kind,
          file,
          request.query.dryRun,
        );
      },
    );
  });
}
