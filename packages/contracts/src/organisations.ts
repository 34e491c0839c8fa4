import { z } from 'zod';
import {
  countrySchema,
  partialTrilingualSchema,
  textSchema,
  trilingualSchema,
  trilingualTextSchema,
  webAddressSchema,
} from './common.ts';
import { listQuery } from './lists.ts';
import { ORGANISATION_KINDS, ORGANISATION_SECTORS, PRIORITY_AREAS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { ORGANISATION_KINDS, ORGANISATION_SECTORS, PRIORITY_AREAS };

export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const priorityAreaSchema = z.enum(PRIORITY_AREAS);
export type PriorityArea = z.infer<typeof priorityAreaSchema>;

export const organisationSectorSchema = z.enum(ORGANISATION_SECTORS);
export type OrganisationSector = z.infer<typeof organisationSectorSchema>;

export const organisationSchema = z.object({
  id: z.number().int(),
  kind: organisationKindSchema,
  name: trilingualSchema,
  shortName: z.string(),
  country: z.string(),
  /** The city in the three languages, any of which may be empty (shown in the reader's language, with fallback). */
  city: trilingualTextSchema,
  /** The sector's code, or null when none is recorded. */
  sector: organisationSectorSchema.nullable(),
  priorityAreas: z.array(priorityAreaSchema),
  website: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

const organisationFields = {
  kind: organisationKindSchema,
  name: trilingualSchema,
  shortName: textSchema().min(1).max(60),
  country: countrySchema,
  city: partialTrilingualSchema(120),
  sector: organisationSectorSchema.nullable(),
  priorityAreas: z.array(priorityAreaSchema).max(PRIORITY_AREAS.length),
  website: z.union([z.literal(''), webAddressSchema.max(300)]),
};

export const createOrganisationBodySchema = z.object({
  ...organisationFields,
  city: organisationFields.city.default({ kk: '', ru: '', en: '' }),
  sector: organisationFields.sector.default(null),
  priorityAreas: organisationFields.priorityAreas.default([]),
  website: organisationFields.website.default(''),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

/** A PATCH changes only the fields it sends: no defaults here, or they would overwrite stored values. */
export const updateOrganisationBodySchema = z
  .object({ ...organisationFields, active: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBodySchema>;

export const organisationListQuerySchema = listQuery(['shortName', 'kind', 'country', 'createdAt']).extend({
  kind: organisationKindSchema.optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;
