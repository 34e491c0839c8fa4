import { agreementDocumentSchema, idParamSchema } from '@kadr/contracts';
import { defineRoutes } from '../plugins/declare-routes.ts';
import { type CapabilityRoutes, created, routeOptions } from '../plugins/route.ts';
import { ADMIN_ONLY, RECORD_READERS } from '../policy.ts';
import {
  DEFAULT_UPLOAD_LIMIT_BYTES,
  readUploadedFile,
  registerMultipart,
  uploadBodySchema,
} from '../uploads/multipart.ts';
import { deleteDocument, readDocument, storeDocument } from './documents.service.ts';

const route = routeOptions('agreements');

/** Documents of agreements and evidence of obligations: PDF uploads (admin), downloads (readers of the agreement). */
export const documentRoutes = defineRoutes('agreements', async (api, app, deps) => {
  api.download('/api/agreement-documents/:id', RECORD_READERS, readDocument, {
    summary: 'Download a document (application/pdf, header x-content-sha256)',
  });
  api.delete('/api/agreement-documents/:id', ADMIN_ONLY, deleteDocument, {
    summary: 'Delete a document',
  });
  await app.register(uploadRoutes, deps);
});

/** The two PDF upload routes, in their own scope with multipart parsing and the size limit. */
const uploadRoutes: CapabilityRoutes = async (app) => {
  const limit = DEFAULT_UPLOAD_LIMIT_BYTES;
  await registerMultipart(app, limit);
  const upload = (summary: string) =>
    route(ADMIN_ONLY, summary, {
      consumes: ['multipart/form-data'],
      body: uploadBodySchema('A PDF document, at most 10 MiB'),
      params: idParamSchema,
      response: { 201: agreementDocumentSchema },
    });
  app.post(
    '/api/agreements/:id/documents',
    upload('Attach a PDF (multipart field "file", at most 10 MiB, must start with %PDF-)'),
    async (request, reply) => {
      const file = await readUploadedFile(request, limit);
      return created(reply, await storeDocument(request.ctx, { agreementId: request.params.id }, file));
    },
  );
  app.post(
    '/api/obligations/:id/documents',
    upload('Attach a PDF as evidence of an obligation (multipart field "file", at most 10 MiB)'),
    async (request, reply) => {
      const file = await readUploadedFile(request, limit);
      return created(reply, await storeDocument(request.ctx, { obligationId: request.params.id }, file));
    },
  );
};
