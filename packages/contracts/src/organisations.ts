import { z } from 'zod';
import { countrySchema, trilingualSchema } from './common.ts';
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

export const createOrganisationBodySchema = z.object({
  kind: organisationKindSchema,
  name: trilingualSchema,
  shortName: z.string().trim().min(1).max(60),
  country: countrySchema,
  city: z.string().trim().max(120).default(''),
  sector: z.string().trim().max(120).default(''),
  priorityAreas: z.array(priorityAreaSchema).max(PRIORITY_AREAS.length).default([]),
  website: z.union([z.literal(''), z.url().max(300)]).default(''),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

export const updateOrganisationBodySchema = createOrganisationBodySchema
  .partial()
  .extend({ active: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');

export const organisationListQuerySchema = listQuery(['shortName', 'kind', 'country', 'createdAt']).extend({
  kind: organisationKindSchema.optional(),
});
