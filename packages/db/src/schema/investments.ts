/** The investment ledger (capability 3) and what each investment paid for. */
import type { InvestmentSource } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { money, timestamps } from './columns.ts';
import { agreements } from './agreements.ts';
import { equipment, labs } from './material-base.ts';
import { organisations } from './organisations.ts';

/** The investment ledger: where money for the material base came from. */
export const investments = pgTable(
  'investments',
  {
    id: serial('id').primaryKey(),
    source: text('source').$type<InvestmentSource>().notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    agreementId: integer('agreement_id').references(() => agreements.id),
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
    investmentId: integer('investment_id')
      .notNull()
      .references(() => investments.id, { onDelete: 'cascade' }),
    labId: integer('lab_id').references(() => labs.id),
    equipmentId: integer('equipment_id').references(() => equipment.id),
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
