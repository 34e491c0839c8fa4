/** Agreements (capability 1): parties, obligations, documents. */
import type { AgreementKind, AgreementStatus, ObligationKind, ObligationStatus } from '@kadr/contracts';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, linkTable, money, nullableReference, reference, timestamps } from './columns.ts';
import { organisations } from './organisations.ts';

/** The agreement statuses stored; `expiring` and `expired` are derived from `valid_until` at read time. */
export type StoredAgreementStatus = Exclude<AgreementStatus, 'expiring' | 'expired'>;
/** The obligation statuses stored; `late` is derived from `due_on` at read time. */
export type StoredObligationStatus = Exclude<ObligationStatus, 'late'>;

/** Agreements with partners. `status` holds the lifecycle (draft, active, terminated); expiring and expired are derived from `valid_until`. */
export const agreements = pgTable(
  'agreements',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    kind: text('kind').$type<AgreementKind>().notNull(),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull().default(''),
    status: text('status').$type<StoredAgreementStatus>().notNull().default('draft'),
    signedOn: date('signed_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    terminatedOn: date('terminated_on', { mode: 'string' }),
    notes: text('notes').notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('agreements_number_key').on(t.number),
    index('agreements_kind_idx').on(t.kind),
    index('agreements_valid_until_idx').on(t.validUntil),
  ],
);

/** The parties of an agreement: the home university and one or more organisations. */
export const agreementParties = linkTable('agreement_parties', {
  agreementId: reference('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
  organisationId: reference('organisation_id', () => organisations.id),
});

/** What an agreement binds a party to: deliverables, instalments, practice places, equipment deliveries. */
export const obligations = pgTable(
  'obligations',
  {
    id: serial('id').primaryKey(),
    agreementId: reference('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ObligationKind>().notNull(),
    // The title in the three languages, like an agreement's (English may be empty).
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull().default(''),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountTiyn: money('amount_tiyn'),
    placesPerYear: integer('places_per_year'),
    status: text('status').$type<StoredObligationStatus>().notNull().default('pending'),
    metOn: date('met_on', { mode: 'string' }),
    evidenceText: text('evidence_text').notNull().default(''),
    evidenceUrl: text('evidence_url').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('obligations_agreement_idx').on(t.agreementId), index('obligations_due_on_idx').on(t.dueOn)],
);

/** PDF documents of agreements (and evidence of obligations), stored in the database with their SHA-256. */
export const agreementDocuments = pgTable(
  'agreement_documents',
  {
    id: serial('id').primaryKey(),
    agreementId: reference('agreement_id', () => agreements.id, { onDelete: 'cascade' }),
    obligationId: nullableReference('obligation_id', () => obligations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: integer('uploaded_by'),
  },
  (t) => [
    index('agreement_documents_agreement_idx').on(t.agreementId),
    index('agreement_documents_obligation_idx').on(t.obligationId),
  ],
);
