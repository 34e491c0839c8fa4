/** Partners (capability 1): contacts, partner profiles, joint programmes. */
import type { BranchStatus, DegreeType } from '@kadr/contracts';
import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { nullableReference, reference, timestamps } from './columns.ts';
import { agreements } from './agreements.ts';
import { organisations } from './organisations.ts';

/** People to talk to at an organisation. Personal data: never shown to observers. */
export const organisationContacts = pgTable(
  'organisation_contacts',
  {
    id: serial('id').primaryKey(),
    organisationId: reference('organisation_id', () => organisations.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    // The person's position, in the three languages, any of which may be empty (issue 9 §7).
    positionKk: text('position_kk').notNull().default(''),
    positionRu: text('position_ru').notNull().default(''),
    positionEn: text('position_en').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('organisation_contacts_organisation_idx').on(t.organisationId)],
);

/** Partner-only facts of an organisation: for foreign universities, the branch status. */
export const partnerProfiles = pgTable('partner_profiles', {
  organisationId: reference('organisation_id', () => organisations.id, { onDelete: 'cascade' }).primaryKey(),
  branchStatus: text('branch_status').$type<BranchStatus>().notNull().default('none'),
  branchNote: text('branch_note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Joint programmes with foreign partner universities. */
export const jointProgrammes = pgTable(
  'joint_programmes',
  {
    id: serial('id').primaryKey(),
    organisationId: reference('organisation_id', () => organisations.id, { onDelete: 'cascade' }),
    agreementId: nullableReference('agreement_id', () => agreements.id, { onDelete: 'set null' }),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    degreeType: text('degree_type').$type<DegreeType>().notNull(),
    startYear: integer('start_year').notNull(),
    ...timestamps,
  },
  (t) => [index('joint_programmes_organisation_idx').on(t.organisationId)],
);
