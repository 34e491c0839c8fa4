/**
 * The one Drizzle schema of Kadr (PostgreSQL dialect), shared by PGlite and PostgreSQL.
 * Migrations are generated from it by drizzle-kit (`npm run db:generate`) and committed.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const organisations = pgTable(
  'organisations',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    shortName: text('short_name').notNull(),
    country: text('country').notNull(),
    city: text('city').notNull().default(''),
    sector: text('sector').notNull().default(''),
    priorityAreas: text('priority_areas').array().notNull().default(sql`'{}'::text[]`),
    website: text('website').notNull().default(''),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_short_name_key').on(t.shortName),
    index('organisations_kind_idx').on(t.kind),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    locale: text('locale').notNull().default('ru'),
    active: boolean('active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_organisation_idx').on(t.organisationId)],
);

/** Server-side sessions. The cookie holds a random secret; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Personal API tokens for scripts: hashed at rest, revocable, optionally expiring. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_key').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);

/** Sign-in attempts, for rate limiting and lockout across every API process. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_at_idx').on(t.email, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);

/** Every create, update and delete: who, when, what, before and after. Written in the change's transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

/* ---------------------------------------------------------------------------------------------
 * Capabilities 1 and 3: partners, agreements, material base, investments, bookings.
 * Money is stored as integer tiyn (1 KZT = 100 tiyn) in bigint columns read as JS numbers (exact up
 * to 2^53 tiyn, about 90 trillion KZT); foreign amounts and rates as numeric, read as strings.
 * Calendar dates are `date` columns read as 'YYYY-MM-DD' strings; instants are timestamptz.
 * ------------------------------------------------------------------------------------------- */

const money = (name: string) => bigint(name, { mode: 'number' });

/** bytea, for documents stored in the database (PGlite returns Uint8Array, pg returns Buffer). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/** People to talk to at an organisation. Personal data: never shown to observers. */
export const organisationContacts = pgTable(
  'organisation_contacts',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    position: text('position').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    ...timestamps,
  },
  (t) => [index('organisation_contacts_organisation_idx').on(t.organisationId)],
);

/** Partner-only facts of an organisation: for foreign universities, the branch status. */
export const partnerProfiles = pgTable('partner_profiles', {
  organisationId: integer('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  branchStatus: text('branch_status').notNull().default('none'),
  branchNote: text('branch_note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Agreements with partners. `status` holds the lifecycle (draft, active, terminated); expiring and expired are derived from `valid_until`. */
export const agreements = pgTable(
  'agreements',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull().default(''),
    status: text('status').notNull().default('draft'),
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
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organisationId] }),
    index('agreement_parties_organisation_idx').on(t.organisationId),
  ],
);

/** Joint programmes with foreign partner universities. */
export const jointProgrammes = pgTable(
  'joint_programmes',
  {
    id: serial('id').primaryKey(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    agreementId: integer('agreement_id').references(() => agreements.id, { onDelete: 'set null' }),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    degreeType: text('degree_type').notNull(),
    startYear: integer('start_year').notNull(),
    ...timestamps,
  },
  (t) => [index('joint_programmes_organisation_idx').on(t.organisationId)],
);

/** What an agreement binds a party to: deliverables, instalments, practice places, equipment deliveries. */
export const obligations = pgTable(
  'obligations',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountTiyn: money('amount_tiyn'),
    placesPerYear: integer('places_per_year'),
    status: text('status').notNull().default('pending'),
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
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    obligationId: integer('obligation_id').references(() => obligations.id, { onDelete: 'cascade' }),
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

/** Teaching and research labs of the material base. */
export const labs = pgTable(
  'labs',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    priorityArea: text('priority_area').notNull(),
    building: text('building').notNull().default(''),
    room: text('room').notNull().default(''),
    capacity: integer('capacity').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('labs_code_key').on(t.code), index('labs_priority_area_idx').on(t.priorityArea)],
);

/** Equipment items, each with a unique inventory number, in a lab. */
export const equipment = pgTable(
  'equipment',
  {
    id: serial('id').primaryKey(),
    inventoryNumber: text('inventory_number').notNull(),
    name: text('name').notNull(),
    labId: integer('lab_id')
      .notNull()
      .references(() => labs.id),
    costTiyn: money('cost_tiyn').notNull(),
    acquiredOn: date('acquired_on', { mode: 'string' }).notNull(),
    condition: text('condition').notNull().default('new'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('equipment_inventory_number_key').on(t.inventoryNumber),
    index('equipment_lab_idx').on(t.labId),
    check('equipment_cost_nonnegative', sql`${t.costTiyn} >= 0`),
  ],
);

/** The investment ledger: where money for the material base came from. */
export const investments = pgTable(
  'investments',
  {
    id: serial('id').primaryKey(),
    source: text('source').notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    agreementId: integer('agreement_id').references(() => agreements.id),
    amountTiyn: money('amount_tiyn').notNull(),
    originalCurrency: text('original_currency'),
    originalAmount: numeric('original_amount', { precision: 18, scale: 2 }),
    exchangeRate: numeric('exchange_rate', { precision: 18, scale: 6 }),
    investedOn: date('invested_on', { mode: 'string' }).notNull(),
    description: text('description').notNull().default(''),
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

/** Bookings of a lab or one equipment item, with the recorded actual use. */
export const bookings = pgTable(
  'bookings',
  {
    id: serial('id').primaryKey(),
    labId: integer('lab_id').references(() => labs.id),
    equipmentId: integer('equipment_id').references(() => equipment.id),
    purpose: text('purpose').notNull(),
    disciplineName: text('discipline_name').notNull().default(''),
    studentUserId: integer('student_user_id').references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').notNull().default('scheduled'),
    note: text('note').notNull().default(''),
    bookedBy: integer('booked_by'),
    actualStart: timestamp('actual_start', { withTimezone: true }),
    actualEnd: timestamp('actual_end', { withTimezone: true }),
    attendeesCount: integer('attendees_count'),
    ...timestamps,
  },
  (t) => [
    index('bookings_lab_starts_idx').on(t.labId, t.startsAt),
    index('bookings_equipment_starts_idx').on(t.equipmentId, t.startsAt),
    index('bookings_starts_idx').on(t.startsAt),
    check('bookings_one_asset', sql`num_nonnulls(${t.labId}, ${t.equipmentId}) = 1`),
    check('bookings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The students known to have attended a booking. */
export const bookingAttendees = pgTable(
  'booking_attendees',
  {
    bookingId: integer('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.userId] }), index('booking_attendees_user_idx').on(t.userId)],
);
