import { z } from 'zod';
import { countrySchema, textSchema, trilingualSchema, webAddressSchema } from './common.ts';
import { listQuery } from './lists.ts';

export const ORGANISATION_KINDS = ['home_university', 'partner_university', 'company', 'agency'] as const;
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

/** Priority areas of the founding context; stored as codes, named in the three languages by the web app. */
export const PRIORITY_AREAS = ['petrochemistry', 'metallurgy', 'energy', 'it'] as const;
export const priorityAreaSchema = z.enum(PRIORITY_AREAS);
export type PriorityArea = z.infer<typeof priorityAreaSchema>;

export const organisationSchema = z.object({
  id: z.number().int(),
  kind: organisationKindSchema,
  name: trilingualSchema,
  shortName: z.string(),
  country: z.string(),
  city: z.string(),
  sector: z.string(),
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
  city: textSchema().max(120),
  sector: textSchema().max(120),
  priorityAreas: z.array(priorityAreaSchema).max(PRIORITY_AREAS.length),
  website: z.union([z.literal(''), webAddressSchema.max(300)]),
};

export const createOrganisationBodySchema = z.object({
  ...organisationFields,
  city: organisationFields.city.default(''),
  sector: organisationFields.sector.default(''),
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
