/**
 * The open JSON export of a competency passport (`/api/students/:id/passport.json`), shaped after the W3C
 * Verifiable Credentials data model 2.0 as Open Badges 3.0 and the Europass Learning Model use it. Kadr publishes
 * its JSON Schema at `/api/schemas/passport.json`; docs/passport.md says where the export departs from both
 * (one credential carries every competency; it is not signed; names are language maps; Kadr's extension fields).
 */
import { z } from 'zod';
import { competencyTypeSchema } from './competencies.ts';
import { evidenceKindSchema, namesSchema } from './passport.ts';

/** The JSON-LD contexts of the export: VC 2.0, then Open Badges 3.0. */
export const PASSPORT_EXPORT_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** Where Kadr publishes the export's JSON Schema (the path under the server's address). */
export const PASSPORT_SCHEMA_PATH = '/api/schemas/passport.json';

/**
 * Open Badges 3.0 result status of a competency: `Completed` (the promised level is reached), `InProgress`
 * (a lower level), `Enrolled` (no evidence counts yet).
 */
export const exportResultStatusSchema = z.enum(['Completed', 'InProgress', 'Enrolled']);

/** Open Badges 3.0 `Evidence`, with Kadr's fields for what it is and the level it shows. */
export const exportEvidenceSchema = z.object({
  type: z.tuple([z.literal('Evidence')]),
  /** What the evidence is: a discipline's name, a practice or the title the assessor gave. */
  name: z.string(),
  /** One line: grade and points, hours of a lab session, the assessor. */
  narrative: z.string(),
  /** The kind of evidence (Open Badges' free `genre`). */
  genre: evidenceKindSchema,
  /** Kadr: the ISO date of the evidence. */
  date: z.string(),
  /** Kadr: the level 1-5 this piece demonstrates, 0 when it does not count (a failed attempt). */
  level: z.number().int().min(0).max(5),
  counts: z.boolean(),
});

/** Open Badges 3.0 `Alignment` of a competency to its framework (ESCO, CDIO or Kadr's own). */
export const exportAlignmentSchema = z.object({
  type: z.tuple([z.literal('Alignment')]),
  targetName: z.string(),
  /** The ESCO concept URI when there is one, else Kadr's `urn:kadr:competency:<id>`. */
  targetUrl: z.string(),
  targetCode: z.string(),
  targetFramework: z.string(),
  targetType: z.literal('ceasn:Competency'),
});

/** One competency of the passport: an Open Badges `Achievement` of type `Competency` and the student's result. */
export const exportAchievementSchema = z.object({
  id: z.string(),
  type: z.tuple([z.literal('Achievement')]),
  achievementType: z.literal('Competency'),
  /** Names as a language map (kk, ru, en), as the Europass Learning Model writes them. */
  name: namesSchema,
  /** Kadr: knowledge, skill or competence (the EQF descriptor the competency belongs to). */
  competencyType: competencyTypeSchema,
  criteria: z.object({ narrative: z.string() }),
  alignment: z.array(exportAlignmentSchema),
  result: z.object({
    type: z.tuple([z.literal('Result')]),
    status: exportResultStatusSchema,
    /** The level reached on Kadr's scale 1-5 (0: none yet). */
    achievedLevel: z.number().int().min(0).max(5),
    targetLevel: z.number().int().min(1).max(5),
  }),
  evidence: z.array(exportEvidenceSchema),
});

/** The export: a credential issued by the university about one student, unsigned. */
export const passportExportSchema = z.object({
  '@context': z.tuple([z.literal(PASSPORT_EXPORT_CONTEXT[0]), z.literal(PASSPORT_EXPORT_CONTEXT[1])]),
  id: z.string(),
  type: z.tuple([z.literal('VerifiableCredential'), z.literal('KadrCompetencyPassport')]),
  issuer: z.object({ id: z.string(), type: z.tuple([z.literal('Profile')]), name: namesSchema }),
  validFrom: z.string(),
  name: namesSchema,
  credentialSchema: z.tuple([z.object({ id: z.string(), type: z.literal('JsonSchema') })]),
  credentialSubject: z.object({
    id: z.string(),
    type: z.tuple([z.literal('AchievementSubject')]),
    name: z.string(),
    /** Kadr: the programme version the student is enrolled in. */
    programme: z.object({
      code: z.string(),
      name: namesSchema,
      version: z.number().int(),
      admissionYear: z.number().int(),
    }),
    gpa: z.number(),
    achievements: z.array(exportAchievementSchema),
  }),
});
export type PassportExport = z.infer<typeof passportExportSchema>;

/** The JSON Schema (draft 2020-12) of the export, as Kadr publishes it. */
export function passportExportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(passportExportSchema, { target: 'draft-2020-12' }),
    $id: 'urn:kadr:schema:competency-passport:1',
    title: 'Kadr competency passport',
  };
}
