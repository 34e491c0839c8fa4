import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../deps.ts';
import { AppError, fieldIssue, validationError } from '../errors.ts';
import type { UploadedFile } from '../uploads/multipart.ts';
import type { EscoFiles } from './esco.service.ts';

/** Each ESCO file may be as large as the English skills file with its descriptions (about 10 MiB) and then some. */
export const ESCO_FILE_LIMIT_BYTES = 32 * 1024 * 1024;

const FIELDS = ['skills', 'broaderRelations'] as const;

/**
 * The body of the ESCO import route, for the OpenAPI document: a multipart form with the skills file and,
 * optionally, the broader-relations file. Nullish: the handler reads the parts (`readEscoFiles`).
 */
export const escoUploadBodySchema = z
  .object({
    skills: z.string().meta({ format: 'binary', description: "ESCO's skills_<language>.csv, as downloaded" }),
    broaderRelations: z
      .string()
      .meta({ format: 'binary', description: "ESCO's broaderRelationsSkillPillar.csv, as downloaded" })
      .optional(),
  })
  .nullish();

/** Registers multipart parsing of up to two files on the ESCO import's own scope. */
export async function registerEscoMultipart(scope: App): Promise<void> {
  await scope.register(fastifyMultipart, {
    limits: { fileSize: ESCO_FILE_LIMIT_BYTES, files: 2, fields: 10, parts: 12, fieldSize: 1024 },
  });
}

/**
 * Reads the files of an ESCO import (form fields `skills`, required, and `broaderRelations`).
 * @throws UNSUPPORTED_MEDIA_TYPE for a non-multipart body, VALIDATION_FAILED without the skills file or with a
 *   file in another field, FILE_TOO_LARGE above the limit
 */
export async function readEscoFiles(request: FastifyRequest): Promise<EscoFiles> {
  if (!request.isMultipart())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      message: 'Send the files as multipart/form-data (fields "skills" and "broaderRelations")',
    });
  const files: Partial<Record<(typeof FIELDS)[number], UploadedFile>> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const buffer = await part.toBuffer();
      const field = FIELDS.find((f) => f === part.fieldname);
      if (!field)
        throw validationError([
          fieldIssue(
            `body.${part.fieldname}`,
            'escoFiles',
            'Send the files in the fields "skills" and "broaderRelations"',
          ),
        ]);
      files[field] = { fileName: part.filename || field, mimetype: part.mimetype, buffer };
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('FILE_TOO_LARGE', {
        message: `A file is larger than ${ESCO_FILE_LIMIT_BYTES / 1024 / 1024} MiB`,
        details: { limitBytes: ESCO_FILE_LIMIT_BYTES },
      });
    throw error;
  }
  if (!files.skills)
    throw validationError([
      fieldIssue('body.skills', 'escoFiles', 'Send the ESCO skills file in the field "skills"'),
    ]);
  return { skills: files.skills, broaderRelations: files.broaderRelations };
}
