import { agreementDocumentSchema, idParamSchema } from '@kadr/contracts';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, RouteDeps } from '../deps.ts';
import { RECORD_READERS } from '../partners/scope.ts';
import { contextOf } from '../plugins/auth.ts';
import { roles } from '../policy.ts';
import {
  DEFAULT_UPLOAD_LIMIT_BYTES,
  readUploadedFile,
  registerMultipart,
  uploadBodySchema,
} from '../uploads/multipart.ts';
import { deleteDocument, readDocument, storeDocument } from './documents.service.ts';

const tags = ['agreements'];
const read = { policy: roles(...RECORD_READERS) };
const write = { policy: roles('admin') };

/** Documents of agreements and evidence of obligations: PDF uploads (admin), downloads (readers of the agreement). */
export async function registerDocumentRoutes(app: App, deps: RouteDeps): Promise<void> {
  const ctx = (request: FastifyRequest) => contextOf(request, deps.db, deps.now);
  app.get(
    '/api/agreement-documents/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download a document (application/pdf, header x-content-sha256)',
        params: idParamSchema,
      },
    },
    async (request, reply) => {
      const document = await readDocument(ctx(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        )
        .header('x-content-sha256', document.sha256)
        .send(document.content);
    },
  );
  app.delete(
    '/api/agreement-documents/:id',
    { config: write, schema: { tags, summary: 'Delete a document', params: idParamSchema } },
    async (request, reply) => {
      await deleteDocument(ctx(request), request.params.id);
      return reply.status(204).send();
    },
  );
  await app.register(async (instance) =>
    registerUploadRoutes(instance.withTypeProvider<ZodTypeProvider>(), deps),
  );
}

/** The two PDF upload routes, in their own scope with multipart parsing and the size limit. */
async function registerUploadRoutes(scope: App, deps: RouteDeps): Promise<void> {
  const limit = DEFAULT_UPLOAD_LIMIT_BYTES;
  await registerMultipart(scope, limit);
  const upload = (summary: string) => ({
    config: write,
    schema: {
      tags,
      summary,
      consumes: ['multipart/form-data'],
      body: uploadBodySchema('A PDF document, at most 10 MiB'),
      params: idParamSchema,
      response: { 201: agreementDocumentSchema },
    },
  });
  scope.post(
    '/api/agreements/:id/documents',
    upload('Attach a PDF (multipart field "file", at most 10 MiB, must start with %PDF-)'),
    async (request, reply) => {
      const file = await readUploadedFile(request, limit);
      const stored = await storeDocument(
        contextOf(request, deps.db, deps.now),
        { agreementId: request.params.id },
        file,
      );
      return reply.status(201).send(stored);
    },
  );
  scope.post(
    '/api/obligations/:id/documents',
    upload('Attach a PDF as evidence of an obligation (multipart field "file", at most 10 MiB)'),
    async (request, reply) => {
      const file = await readUploadedFile(request, limit);
      const stored = await storeDocument(
        contextOf(request, deps.db, deps.now),
        { obligationId: request.params.id },
        file,
      );
      return reply.status(201).send(stored);
    },
  );
}
