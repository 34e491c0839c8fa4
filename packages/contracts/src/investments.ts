import { z } from 'zod';
import { idQuerySchema, idSchema, partialTrilingualSchema, trilingualTextSchema } from './common.ts';
import { listQuery } from './lists.ts';
import {
  agreesWithRate,
  isoDateSchema,
  originalAmountSchema,
  positiveTiynSchema,
  tiynOf,
  tiynSchema,
} from './money.ts';
import { priorityAreaSchema } from './organisations.ts';
import { addRuleIssues, type RuleIssue, ruleParams } from './rules.ts';
import { INVESTMENT_SOURCES, LEDGER_FIRST_YEAR } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { INVESTMENT_SOURCES, LEDGER_FIRST_YEAR };

export const investmentSourceSchema = z.enum(INVESTMENT_SOURCES);
export type InvestmentSource = z.infer<typeof investmentSourceSchema>;

/** A share of an investment paid for one lab or one equipment item. */
export const allocationSchema = z.object({
  id: z.number().int(),
  labId: z.number().int().nullable(),
  labCode: z.string().nullable(),
  equipmentId: z.number().int().nullable(),
  inventoryNumber: z.string().nullable(),
  amountTiyn: tiynSchema,
});
export type Allocation = z.infer<typeof allocationSchema>;

/** An allocation to write: exactly one of `labId`, `equipmentId`. */
export const allocationInputSchema = z
  .object({
    labId: idSchema.optional(),
    equipmentId: idSchema.optional(),
    amountTiyn: positiveTiynSchema,
  })
  .refine(
    (a) => (a.labId === undefined) !== (a.equipmentId === undefined),
    ruleParams('oneAsset', 'Give either labId or equipmentId', ['labId']),
  );
export type AllocationInput = z.infer<typeof allocationInputSchema>;

/** One ledger entry. `original` is set when the money was paid in another currency. */
export const investmentSchema = z.object({
  id: z.number().int(),
  source: investmentSourceSchema,
  organisationId: z.number().int().nullable(),
  organisationShortName: z.string().nullable(),
  agreementId: z.number().int().nullable(),
  agreementNumber: z.string().nullable(),
  amountTiyn: tiynSchema,
  original: originalAmountSchema.nullable(),
  investedOn: z.string(),
  description: trilingualTextSchema,
  allocations: z.array(allocationSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Investment = z.infer<typeof investmentSchema>;

/** The fields of an investment after a create or a merged patch, as checked by `investmentIssues`. */
export interface InvestmentFields {
  source: InvestmentSource;
  organisationId?: number | null | undefined;
  agreementId?: number | null | undefined;
  amountTiyn: number;
  original?: z.infer<typeof originalAmountSchema> | null | undefined;
  allocations: { amountTiyn: number }[];
}

/**
 * The rules that span fields of an investment: a PPP investment names its partner and agreement; a
 * foreign amount agrees with the tenge amount within one tenge; allocations sum to the amount.
 * @returns issues with paths relative to the body (`['allocations']`) and their rule, empty when consistent
 */
export function investmentIssues(i: InvestmentFields): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (i.source === 'ppp_partner') {
    if (!i.organisationId)
      issues.push({
        rule: 'pppNeedsPartner',
        path: ['organisationId'],
        message: 'A PPP investment needs the partner organisation',
      });
    if (!i.agreementId)
      issues.push({
        rule: 'pppNeedsAgreement',
        path: ['agreementId'],
        message: 'A PPP investment needs its agreement',
      });
  }
  if (i.original && !agreesWithRate(i.amountTiyn, i.original)) {
    issues.push({
      rule: 'agreesWithRate',
      path: ['amountTiyn'],
      message: `amount × rate is ${tiynOf(i.original)} tiyn; amountTiyn must agree within 100 tiyn`,
    });
  }
  const allocated = i.allocations.reduce((sum, a) => sum + a.amountTiyn, 0);
  if (allocated !== i.amountTiyn) {
    issues.push({
      rule: 'allocationsSum',
      path: ['allocations'],
      message: `Allocations sum to ${allocated} tiyn, not the investment amount ${i.amountTiyn}`,
    });
  }
  return issues;
}

const investmentFields = {
  source: investmentSourceSchema,
  organisationId: idSchema.nullable(),
  agreementId: idSchema.nullable(),
  amountTiyn: positiveTiynSchema,
  original: originalAmountSchema.nullable(),
  investedOn: isoDateSchema,
  description: partialTrilingualSchema(2000),
  allocations: z.array(allocationInputSchema).min(1).max(500),
};

export const createInvestmentBodySchema = z
  .object({
    ...investmentFields,
    organisationId: investmentFields.organisationId.default(null),
    agreementId: investmentFields.agreementId.default(null),
    original: investmentFields.original.default(null),
    description: investmentFields.description.default({ kk: '', ru: '', en: '' }),
  })
  .superRefine((body, ctx) => addRuleIssues(ctx, investmentIssues(body)));
export type CreateInvestmentBody = z.infer<typeof createInvestmentBodySchema>;

/** A PATCH; `allocations`, when sent, replace all allocations. Cross-field rules are checked after merging. */
export const updateInvestmentBodySchema = z
  .object(investmentFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change');
export type UpdateInvestmentBody = z.infer<typeof updateInvestmentBodySchema>;

export const investmentListQuerySchema = listQuery([
  'investedOn',
  'amountTiyn',
  'source',
  'createdAt',
]).extend({
  source: investmentSourceSchema.optional(),
  organisationId: idQuerySchema.optional(),
  agreementId: idQuerySchema.optional(),
  labId: idQuerySchema.optional(),
  equipmentId: idQuerySchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type InvestmentListQuery = z.infer<typeof investmentListQuerySchema>;

/** Period of an aggregate: inclusive calendar dates, both optional. */
export const periodQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

const amountBySource = z.object({
  source: investmentSourceSchema,
  amountTiyn: tiynSchema,
  count: z.number().int(),
});

/**
 * Totals of the ledger for charts. `byYear` has every year from 2015 (or `from`) to this year (or `to`),
 * zeros included; `byArea` follows allocations to the priority area of the lab (an item's lab).
 * `byPartner` is null for observers, who see no per-partner data.
 */
export const investmentAggregatesSchema = z.object({
  totalTiyn: tiynSchema,
  count: z.number().int(),
  bySource: z.array(amountBySource),
  byYear: z.array(
    z.object({
      year: z.number().int(),
      amountTiyn: tiynSchema,
      bySource: z.record(investmentSourceSchema, tiynSchema),
    }),
  ),
  byArea: z.array(z.object({ area: priorityAreaSchema, amountTiyn: tiynSchema })),
  byPartner: z
    .array(z.object({ organisationId: z.number().int(), shortName: z.string(), amountTiyn: tiynSchema }))
    .nullable(),
});
export type InvestmentAggregates = z.infer<typeof investmentAggregatesSchema>;
