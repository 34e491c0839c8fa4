import { z } from 'zod';

/** What can be imported from CSV or XLSX. */
export const IMPORT_KINDS = [
  'organisations',
  'equipment',
  'investments',
  'students',
  'results',
  'demand',
] as const;
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
});

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
