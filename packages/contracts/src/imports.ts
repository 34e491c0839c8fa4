import { z } from 'zod';
import { IMPORT_KINDS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { IMPORT_KINDS };

export const importKindSchema = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof importKindSchema>;

export const importKindParamSchema = z.object({ kind: importKindSchema });

/**
 * POST /api/imports/:kind takes a multipart form with one `file` (`.csv` in UTF-8, comma or semicolon
 * separated, or `.xlsx`, first sheet), header row first. All or nothing: any bad row answers 400
 * IMPORT_FAILED with every issue (row as in the file, column name) in `details.issues`, writing nothing.
 */
export const importQuerySchema = z.object({
  /** `true`: validate only, write nothing. */
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * An id the client makes up (a UUID) to follow the import while it runs: GET /api/imports/progress/:id answers
   * its stage and the rows checked so far, for the one who sent it.
   */
  progressId: z.uuid().optional(),
});

/** The stages of an import, in order: the file read, its rows checked one by one, against the database, written. */
export const IMPORT_STAGES = ['reading', 'validating', 'checking', 'writing', 'done', 'failed'] as const;
export const importStageSchema = z.enum(IMPORT_STAGES);
export type ImportStage = z.infer<typeof importStageSchema>;

/** Where a running import is (GET /api/imports/progress/:id); the web polls it while the upload is under way. */
export const importProgressSchema = z.object({
  id: z.uuid(),
  kind: importKindSchema,
  dryRun: z.boolean(),
  stage: importStageSchema,
  /** Data rows of the file, 0 until it is read. */
  rows: z.number().int(),
  /** Rows whose cells have been checked. */
  validated: z.number().int(),
  /** 0..1, by stage and rows checked. */
  progress: z.number(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importProgressParamSchema = z.object({ id: z.uuid() });

export const importResultSchema = z.object({
  kind: importKindSchema,
  dryRun: z.boolean(),
  /** Data rows read (the header excluded). */
  rows: z.number().int(),
  /** Records written (0 on a dry run). */
  created: z.number().int(),
  ids: z.array(z.number().int()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** One column of an import file. */
export const importColumnSchema = z.object({
  name: z.string(),
  required: z.boolean(),
  format: z.string(),
  example: z.string(),
});
export const importFormatSchema = z.object({ kind: importKindSchema, columns: z.array(importColumnSchema) });
export type ImportFormat = z.infer<typeof importFormatSchema>;

export const importTemplateQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
