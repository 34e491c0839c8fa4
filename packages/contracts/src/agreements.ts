import { z } from 'zod';
import { idQuerySchema, idSchema, textSchema, trilingualSchema, webAddressSchema } from './common.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema, positiveTiynSchema, tiynSchema } from './money.ts';
import { organisationKindSchema } from './organisations.ts';
import { addRuleIssues, type RuleIssue, ruleParams } from './rules.ts';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, OBLIGATION_KINDS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { AGREEMENT_KINDS, AGREEMENT_STATUSES, OBLIGATION_KINDS };

export const agreementKindSchema = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

export const agreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export type AgreementStatus = z.infer<typeof agreementStatusSchema>;

/** Days before valid-until from which an active agreement reads as `expiring`; the reminder default. */
export const AGREEMENT_EXPIRING_DAYS = 90;

/** A party to an agreement; `isHome` marks the home university. */
export const agreementPartySchema = z.object({
  organisationId: z.number().int(),
  shortName: z.string(),
  kind: organisationKindSchema,
  isHome: z.boolean(),
});

/** A stored PDF (metadata only; the bytes come from the download route). */
export const agreementDocumentSchema = z.object({
  id: z.number().int(),
  agreementId: z.number().int(),
  obligationId: z.number().int().nullable(),
  fileName: z.string(),
  contentType: z.literal('application/pdf'),
  sizeBytes: z.number().int(),
  /** Hex SHA-256 of the bytes, also sent as the `x-content-sha256` header of the download. */
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.number().int().nullable(),
});
export type AgreementDocument = z.infer<typeof agreementDocumentSchema>;

export const agreementSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: agreementKindSchema,
  title: trilingualSchema,
  /** The status as of today (derived), see AGREEMENT_STATUSES. */
  status: agreementStatusSchema,
  signedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** Days from today to valid-until (negative once expired); null without a valid-until date. */
  daysToExpiry: z.number().int().nullable(),
  terminatedOn: z.string().nullable(),
  notes: z.string(),
  parties: z.array(agreementPartySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const obligationKindSchema = z.enum(OBLIGATION_KINDS);
export type ObligationKind = z.infer<typeof obligationKindSchema>;

/** `late` is derived: a pending obligation whose due date has passed. The others are stored. */
export const OBLIGATION_STATUSES = ['pending', 'met', 'late', 'waived'] as const;
export const obligationStatusSchema = z.enum(OBLIGATION_STATUSES);
export type ObligationStatus = z.infer<typeof obligationStatusSchema>;
/** The statuses a client may set. */
export const settableObligationStatusSchema = z.enum(['pending', 'met', 'waived']);

/** Places offered this year (published offers starting in it) against an obligation's places per year. */
export const placesProgressSchema = z.object({
  year: z.number().int(),
  offered: z.number().int(),
  perYear: z.number().int(),
});
export type PlacesProgress = z.infer<typeof placesProgressSchema>;

export const obligationSchema = z.object({
  id: z.number().int(),
  agreementId: z.number().int(),
  agreementNumber: z.string(),
  kind: obligationKindSchema,
  title: trilingualSchema,
  dueOn: z.string(),
  /** Instalments: the amount due in tiyn. */
  amountTiyn: tiynSchema.nullable(),
  /** Practice places: places per year. */
  placesPerYear: z.number().int().nullable(),
  /** Practice places: the places offered this year (published offers starting in it) against the places per year. */
  placesProgress: placesProgressSchema.nullable(),
  status: obligationStatusSchema,
  metOn: z.string().nullable(),
  evidenceText: z.string(),
  evidenceUrl: z.string(),
  documents: z.array(agreementDocumentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Obligation = z.infer<typeof obligationSchema>;

/** One agreement with its documents, obligations and the statuses it may move to now. */
export const agreementDetailSchema = agreementSchema.extend({
  documents: z.array(agreementDocumentSchema),
  obligations: z.array(obligationSchema),
  allowedTransitions: z.array(agreementStatusSchema),
});
export type AgreementDetail = z.infer<typeof agreementDetailSchema>;

const agreementFields = {
  number: textSchema().min(1).max(60),
  kind: agreementKindSchema,
  title: trilingualSchema,
  signedOn: isoDateSchema.nullable(),
  validUntil: isoDateSchema.nullable(),
  notes: textSchema().max(5000),
  /** The partner organisations; the home university is added as a party by the server. */
  partyIds: z.array(idSchema).min(1).max(20),
};

const datesInOrder = (v: { signedOn?: string | null; validUntil?: string | null }) =>
  !v.signedOn || !v.validUntil || v.validUntil >= v.signedOn;

/** A new agreement starts as a draft. */
export const createAgreementBodySchema = z
  .object({
    ...agreementFields,
    signedOn: agreementFields.signedOn.default(null),
    validUntil: agreementFields.validUntil.default(null),
    notes: agreementFields.notes.default(''),
  })
  .refine(datesInOrder, ruleParams('datesInOrder', 'validUntil is before signedOn', ['validUntil']));
export type CreateAgreementBody = z.infer<typeof createAgreementBodySchema>;

export const updateAgreementBodySchema = z
  .object(agreementFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change')
  .refine(datesInOrder, ruleParams('datesInOrder', 'validUntil is before signedOn', ['validUntil']));
export type UpdateAgreementBody = z.infer<typeof updateAgreementBodySchema>;

/** Moves an agreement: to `active` (needs signedOn) or `terminated` (on `on`, default today). */
export const agreementTransitionBodySchema = z.object({
  status: agreementStatusSchema,
  on: isoDateSchema.optional(),
});

export const agreementListQuerySchema = listQuery([
  'number',
  'kind',
  'signedOn',
  'validUntil',
  'createdAt',
]).extend({
  kind: agreementKindSchema.optional(),
  status: agreementStatusSchema.optional(),
  /** Agreements this organisation is a party to. */
  organisationId: idQuerySchema.optional(),
});
export type AgreementListQuery = z.infer<typeof agreementListQuerySchema>;

/** Active agreements whose valid-until date is within `days` from today (today included). */
export const expiringAgreementsQuerySchema = listQuery(['validUntil', 'number']).extend({
  days: z.coerce.number().int().min(1).max(3650).default(AGREEMENT_EXPIRING_DAYS),
});

const obligationFields = {
  kind: obligationKindSchema,
  title: trilingualSchema,
  dueOn: isoDateSchema,
  amountTiyn: positiveTiynSchema.nullable(),
  placesPerYear: z.number().int().min(1).max(10_000).nullable(),
  evidenceText: textSchema().max(5000),
  evidenceUrl: z.union([z.literal(''), webAddressSchema.max(1000)]),
};

/** The fields of an obligation that rules span, after a create or a merged patch. */
export interface ObligationRuleFields {
  kind?: string | undefined;
  amountTiyn?: number | null | undefined;
  placesPerYear?: number | null | undefined;
  status?: string | undefined;
  evidenceText?: string | undefined;
  evidenceUrl?: string | undefined;
}

/**
 * The rules that span fields of an obligation: an instalment has an amount, practice places a count,
 * and a met obligation has evidence (text, a link, or one of its `documentCount` uploaded documents).
 * @returns issues with paths relative to the body, empty when consistent
 */
export function obligationIssues(o: ObligationRuleFields, documentCount = 0): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (o.kind === 'instalment' && !o.amountTiyn)
    issues.push({
      rule: 'instalmentNeedsAmount',
      path: ['amountTiyn'],
      message: 'An instalment needs amountTiyn',
    });
  if (o.kind === 'practice_places' && !o.placesPerYear)
    issues.push({
      rule: 'placesNeedCount',
      path: ['placesPerYear'],
      message: 'Practice places need placesPerYear',
    });
  if (o.status === 'met' && !o.evidenceText && !o.evidenceUrl && documentCount === 0)
    issues.push({
      rule: 'metNeedsEvidence',
      path: ['status'],
      message: 'A met obligation needs evidence: text, a link or a document',
    });
  return issues;
}

const kindFieldsMatch = (v: ObligationRuleFields, ctx: z.RefinementCtx) =>
  addRuleIssues(ctx, obligationIssues(v));

/** A new obligation is pending. Instalments need `amountTiyn`; practice places need `placesPerYear`. */
export const createObligationBodySchema = z
  .object({
    ...obligationFields,
    amountTiyn: obligationFields.amountTiyn.default(null),
    placesPerYear: obligationFields.placesPerYear.default(null),
    evidenceText: obligationFields.evidenceText.default(''),
    evidenceUrl: obligationFields.evidenceUrl.default(''),
  })
  .superRefine(kindFieldsMatch);
export type CreateObligationBody = z.infer<typeof createObligationBodySchema>;

/** A PATCH. Setting `met` needs evidence (text, link or an uploaded document); `metOn` defaults to today. */
export const updateObligationBodySchema = z
  .object({ ...obligationFields, status: settableObligationStatusSchema, metOn: isoDateSchema.nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateObligationBody = z.infer<typeof updateObligationBodySchema>;

/**
 * A patch that sends the kind with its fields, as an edit form does, checked by the create's rules too;
 * the server checks the same rules on the merged record instead.
 */
export const fullObligationPatchSchema = updateObligationBodySchema.superRefine(kindFieldsMatch);

export const obligationListQuerySchema = listQuery(['dueOn', 'kind', 'status', 'createdAt']).extend({
  agreementId: idQuerySchema.optional(),
  organisationId: idQuerySchema.optional(),
  kind: obligationKindSchema.optional(),
  status: obligationStatusSchema.optional(),
  dueFrom: isoDateSchema.optional(),
  dueTo: isoDateSchema.optional(),
});
export type ObligationListQuery = z.infer<typeof obligationListQuerySchema>;

/** Overdue obligations: due before today and neither met nor waived. */
export const overdueObligationsQuerySchema = listQuery(['dueOn', 'kind']).extend({
  organisationId: idQuerySchema.optional(),
  kind: obligationKindSchema.optional(),
});
/** The query of the overdue obligations list. */
export type OverdueObligationsQuery = z.infer<typeof overdueObligationsQuerySchema>;
