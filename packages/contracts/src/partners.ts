import { z } from 'zod';
import {
  agreementKindSchema,
  agreementSchema,
  agreementStatusSchema,
  obligationSchema,
} from './agreements.ts';
import { emailSchema } from './auth.ts';
import { idQuerySchema, idSchema, partialTrilingualSchema, textSchema, trilingualSchema } from './common.ts';
import { investmentSchema } from './investments.ts';
import { listQuery } from './lists.ts';
import { equipmentSchema, labSchema } from './material-base.ts';
import { PHONE_PATTERN } from './rules.ts';
import { tiynSchema } from './money.ts';
import { organisationKindSchema, organisationSchema } from './organisations.ts';
import { BRANCH_STATUSES, DEGREE_TYPES } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { BRANCH_STATUSES, DEGREE_TYPES };

export const branchStatusSchema = z.enum(BRANCH_STATUSES);
export type BranchStatus = z.infer<typeof branchStatusSchema>;

export const degreeTypeSchema = z.enum(DEGREE_TYPES);
export type DegreeType = z.infer<typeof degreeTypeSchema>;

/**
 * A person at a partner organisation. Personal data: shown to admin, coordinator and officer, and to a
 * partner for its own organisation only; never to observers.
 */
export const contactSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  fullName: z.string(),
  /** The person's position: kk, ru and en, any may be empty. */
  position: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  email: z.string(),
  phone: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

const contactFields = {
  fullName: textSchema().min(1).max(200),
  /** In kk, ru and en (any may be empty); a single-language string is refused at body.position. */
  position: partialTrilingualSchema(200),
  email: z.union([z.literal(''), emailSchema]),
  phone: z.string().trim().regex(PHONE_PATTERN, 'Use digits, spaces, +, -, ( and ), at most 30'),
};

export const createContactBodySchema = z.object({
  organisationId: idSchema,
  ...contactFields,
  position: contactFields.position.default({ kk: '', ru: '', en: '' }),
  email: contactFields.email.default(''),
  phone: contactFields.phone.default(''),
});
export type CreateContactBody = z.infer<typeof createContactBodySchema>;

export const updateContactBodySchema = z
  .object(contactFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateContactBody = z.infer<typeof updateContactBodySchema>;

export const contactListQuerySchema = listQuery(['fullName', 'position', 'createdAt']).extend({
  organisationId: idQuerySchema.optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;

/** A joint programme with a foreign partner university. */
export const jointProgrammeSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationShortName: z.string(),
  agreementId: z.number().int().nullable(),
  name: trilingualSchema,
  degreeType: degreeTypeSchema,
  startYear: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JointProgramme = z.infer<typeof jointProgrammeSchema>;

const jointProgrammeFields = {
  /** A partner university (kind partner_university). */
  organisationId: idSchema,
  agreementId: idSchema.nullable(),
  name: trilingualSchema,
  degreeType: degreeTypeSchema,
  startYear: z.number().int().min(1990).max(2100),
};

export const createJointProgrammeBodySchema = z.object({
  ...jointProgrammeFields,
  agreementId: jointProgrammeFields.agreementId.default(null),
});
export type CreateJointProgrammeBody = z.infer<typeof createJointProgrammeBodySchema>;

export const updateJointProgrammeBodySchema = z
  .object(jointProgrammeFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateJointProgrammeBody = z.infer<typeof updateJointProgrammeBodySchema>;

/** `sort=name` sorts by the Russian name. */
export const jointProgrammeListQuerySchema = listQuery([
  'name',
  'startYear',
  'degreeType',
  'createdAt',
]).extend({
  organisationId: idQuerySchema.optional(),
  degreeType: degreeTypeSchema.optional(),
});
export type JointProgrammeListQuery = z.infer<typeof jointProgrammeListQuerySchema>;

/** Branch status of a foreign partner university (only for kind partner_university). */
export const branchSchema = z.object({ status: branchStatusSchema, note: z.string() });
export type Branch = z.infer<typeof branchSchema>;
export const updateBranchBodySchema = z.object({
  status: branchStatusSchema,
  note: textSchema().max(2000).default(''),
});
export type UpdateBranchBody = z.infer<typeof updateBranchBodySchema>;

/** One row of the partner list: the organisation with the figures of its partnership. */
export const partnerSummarySchema = z.object({
  id: z.number().int(),
  kind: organisationKindSchema,
  shortName: z.string(),
  name: trilingualSchema,
  country: z.string(),
  branchStatus: branchStatusSchema,
  agreements: z.number().int(),
  activeAgreements: z.number().int(),
  jointProgrammes: z.number().int(),
  investedTiyn: tiynSchema,
});
export type PartnerSummary = z.infer<typeof partnerSummarySchema>;

/** Partners are every organisation but the home university. `agreements` counts all, `investedTiyn` sums its investments. */
export const partnerListQuerySchema = listQuery([
  'shortName',
  'kind',
  'country',
  'agreements',
  'investedTiyn',
]).extend({
  kind: organisationKindSchema.optional(),
  branchStatus: branchStatusSchema.optional(),
});
export type PartnerListQuery = z.infer<typeof partnerListQuerySchema>;

/** An asset a partner funded, with the part of its funding that came from this partner. */
export const fundedLabSchema = z.object({ lab: labSchema, fundedByPartnerTiyn: tiynSchema });
export const fundedEquipmentSchema = z.object({
  equipment: equipmentSchema,
  fundedByPartnerTiyn: tiynSchema,
});

/**
 * Everything linked to one organisation. `contacts` is null when the viewer may not see personal data.
 * Extension point: `placements` (capability 4) and `demand` (capability 7) are null until those
 * capabilities fill them through the server's partner-overview section registry.
 */
export const partnerOverviewSchema = z.object({
  organisation: organisationSchema,
  branch: branchSchema,
  contacts: z.array(contactSchema).nullable(),
  jointProgrammes: z.array(jointProgrammeSchema),
  agreements: z.array(agreementSchema),
  obligations: z.array(obligationSchema),
  investments: z.array(investmentSchema),
  fundedLabs: z.array(fundedLabSchema),
  fundedEquipment: z.array(fundedEquipmentSchema),
  totals: z.object({
    investedTiyn: tiynSchema,
    agreements: z.number().int(),
    activeAgreements: z.number().int(),
    openObligations: z.number().int(),
    lateObligations: z.number().int(),
  }),
  placements: z.array(z.unknown()).nullable(),
  demand: z.array(z.unknown()).nullable(),
});
export type PartnerOverview = z.infer<typeof partnerOverviewSchema>;

const count = z.number().int();

/** Counts without any personal or per-partner data, for observers and dashboards. Statuses are as of today. */
export const partnerAggregatesSchema = z.object({
  partnersByKind: z.array(z.object({ kind: organisationKindSchema, count })),
  branchesByStatus: z.array(z.object({ status: branchStatusSchema, count })),
  jointProgrammesByDegree: z.array(z.object({ degreeType: degreeTypeSchema, count })),
  agreementsByKind: z.array(z.object({ kind: agreementKindSchema, count })),
  agreementsByStatus: z.array(z.object({ status: agreementStatusSchema, count })),
});
export type PartnerAggregates = z.infer<typeof partnerAggregatesSchema>;
