/** The investment ledger (capability 3) and what each investment paid for. */
import type { InvestmentSource } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { money, nullableReference, reference, timestamps } from './columns.ts';
import { agreements } from './agreements.ts';
import { equipment, labs } from './material-base.ts';
import { organisations } from './organisations.ts';

/** The investment ledger: where money for the material base came from. */
export const investments = pgTable(
  'investments',
  {
    id: serial('id').primaryKey(),
    source: text('source').$type<InvestmentSource>().notNull(),
    organisationId: nullableReference('organisation_id', () => organisations.id),
    agreementId: nullableReference('agreement_id', () => agreements.id),
    amountTiyn: money('amount_tiyn').notNull(),
    originalCurrency: text('original_currency'),
    originalAmount: numeric('original_amount', { precision: 18, scale: 2 }),
    exchangeRate: numeric('exchange_rate', { precision: 18, scale: 6 }),
    investedOn: date('invested_on', { mode: 'string' }).notNull(),
    // What the money was for, in the three languages; any may be empty.
    descriptionKk: text('description_kk').notNull().default(''),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    index('investments_organisation_idx').on(t.organisationId),
    index('investments_agreement_idx').on(t.agreementId),
    index('investments_invested_on_idx').on(t.investedOn),
    check('investments_amount_positive', sql`${t.amountTiyn} > 0`),
  ],
);

/** What an investment paid for: a lab or one equipment item, with the KZT share. */
export const investmentAllocations = pgTable(
  'investment_allocations',
  {
    id: serial('id').primaryKey(),
    investmentId: reference('investment_id', () => investments.id, { onDelete: 'cascade' }),
    labId: nullableReference('lab_id', () => labs.id),
    equipmentId: nullableReference('equipment_id', () => equipment.id),
    amountTiyn: money('amount_tiyn').notNull(),
  },
  (t) => [
    index('investment_allocations_investment_idx').on(t.investmentId),
    index('investment_allocations_lab_idx').on(t.labId),
    index('investment_allocations_equipment_idx').on(t.equipmentId),
    check('investment_allocations_one_asset', sql`num_nonnulls(${t.labId}, ${t.equipmentId}) = 1`),
    check('investment_allocations_amount_positive', sql`${t.amountTiyn} > 0`),
  ],
);
