import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../deps.ts';
import { AppError, fieldIssue, validationError } from '../errors.ts';

/** Default upload limit of a document: 10 MiB. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** One uploaded file, read into memory (uploads are limited in size). */
export interface UploadedFile {
  fileName: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * The body schema of an upload route, for the OpenAPI document: a multipart form with one binary
 * `file`. Nullish, because a multipart body is read by the handler (`readUploadedFile`), not by the
 * validator, and so arrives at validation as null.
 */
export function uploadBodySchema(description: string) {
  return z.object({ file: z.string().meta({ format: 'binary', description }) }).nullish();
}

/**
 * Registers multipart parsing on an encapsulated scope (only the routes registered in that scope
 * accept multipart bodies), with a per-file size limit and one file per request.
 */
export async function registerMultipart(scope: App, limitBytes = DEFAULT_UPLOAD_LIMIT_BYTES): Promise<void> {
  await scope.register(fastifyMultipart, {
    limits: { fileSize: limitBytes, files: 1, fields: 10, parts: 11, fieldSize: 1024 },
  });
}

/**
 * Reads the one file of a multipart request (form field `file`).
 * @throws UNSUPPORTED_MEDIA_TYPE for a non-multipart body, VALIDATION_FAILED without a file,
 *   FILE_TOO_LARGE above the scope's limit
 */
export async function readUploadedFile(request: FastifyRequest, limitBytes: number): Promise<UploadedFile> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      message: 'Send the file as multipart/form-data (field "file")',
    });
  try {
    const part = await request.file();
    if (part?.fieldname !== 'file')
      throw validationError([fieldIssue('body.file', 'oneFile', 'Send one file in the form field "file"')]);
    const buffer = await part.toBuffer();
    return { fileName: part.filename || 'upload', mimetype: part.mimetype, buffer };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('FILE_TOO_LARGE', {
        message: `The file is larger than ${Math.round(limitBytes / 1024 / 1024)} MiB`,
        details: { limitBytes },
      });
    }
    throw error;
  }
}
