import {
  idParamSchema,
  PASSPORT_SCHEMA_PATH,
  passportExportSchema,
  passportPdfQuerySchema,
  passportSchema,
} from '@kadr/contracts';
import { organisationsRepository } from '@kadr/db';
import { z } from 'zod';
import type { ServiceContext } from '../context.ts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { routeOptions } from '../plugins/route.ts';
import { PASSPORT_READERS, publicRoute } from '../policy.ts';
import { exportPassport } from './passport-export.ts';
import { myPassport, passportOfStudent } from './passport.service.ts';
import { passportExportJsonSchema } from '@kadr/contracts';
import { PDF_TYPE } from '../attachment.ts';
import { passportPdf } from './passport-pdf.ts';

const route = routeOptions('passport');
const student = { params: idParamSchema };

async function homeUniversity(ctx: ServiceContext) {
  const [home] = (
    await organisationsRepository.list(ctx.db, { page: 1, pageSize: 1, kind: 'home_university' })
  ).items;
  return home ? { id: home.id, name: home.name } : { id: 0, name: { kk: 'Kadr', ru: 'Kadr', en: 'Kadr' } };
}

const fileName = (id: number, ext: string) => `passport-${id}.${ext}`;

/**
 * The competency passport: the page's JSON, the PDF in the reader's language, the open JSON export and its
 * published JSON Schema. Staff see any student's; a student their own; a partner only with a `passport` consent.
 */
export const passportRoutes = defineRoutes('passport', (api, app) => {
  api.get('/api/students/:id/passport', PASSPORT_READERS, passportOfStudent, {
    summary: "A student's competency passport",
    response: passportSchema,
  });
  api.get('/api/me/passport', PASSPORT_READERS, myPassport, {
    summary: 'The signed-in student’s own passport',
    response: passportSchema,
  });
  api.download('/api/students/:id/passport.pdf', PASSPORT_READERS, passportPdf, {
    summary: 'The passport as PDF (lang=kk|ru|en)',
    query: passportPdfQuerySchema,
    produces: [PDF_TYPE],
  });
  app.get(
    '/api/students/:id/passport.json',
    route(PASSPORT_READERS, 'The passport as open JSON (VC 2.0 / Open Badges 3.0 vocabulary)', {
      ...student,
      response: { 200: passportExportSchema },
    }),
    async (request, reply) => {
      const passport = await passportOfStudent(request.ctx, request.params.id);
      const origin = `${request.protocol}://${request.host}`;
      reply.header('content-disposition', `attachment; filename="${fileName(request.params.id, 'json')}"`);
      return exportPassport(passport, await homeUniversity(request.ctx), origin);
    },
  );
  app.get(
    PASSPORT_SCHEMA_PATH,
    route(
      publicRoute('the published JSON Schema of the open passport export'),
      'The JSON Schema of the passport export',
      {
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    ),
    async () => passportExportJsonSchema(),
  );
});
