/** Column helpers shared by the tables of every capability. */
import type { BuildExtraConfigColumns } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  pgTable,
  primaryKey,
  type ReferenceConfig,
  timestamp,
} from 'drizzle-orm/pg-core';

/** created_at and updated_at, both set on insert. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Money is stored as integer tiyn (1 KZT = 100 tiyn) in bigint columns read as JS numbers (exact up
 * to 2^53 tiyn, about 90 trillion KZT); foreign amounts and rates as numeric, read as strings.
 * Calendar dates are `date` columns read as 'YYYY-MM-DD' strings; instants are timestamptz.
 */
export const money = (name: string) => bigint(name, { mode: 'number' });

/** bytea, for documents stored in the database (PGlite returns Uint8Array, pg returns Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
  toDriver: (value) => value,
});

/**
 * A required reference: an integer column, not null, with a foreign key to `target` (every key of Kadr is an
 * integer id). Without `actions` a referenced row cannot be deleted while this one names it; `onDelete: 'cascade'`
 * deletes this row with it (each cascade is listed, with why its removals are audited, in the cascade-audit test).
 *
 * @example agreementId: reference('agreement_id', () => agreements.id, { onDelete: 'cascade' })
 */
export const reference = <TName extends string>(
  name: TName,
  target: ReferenceConfig['ref'],
  actions?: ReferenceConfig['actions'],
) => integer(name).notNull().references(target, actions);

/**
 * An optional reference: as {@link reference}, but null allowed (usually with `onDelete: 'set null'`).
 *
 * @example createdBy: nullableReference('created_by', () => users.id, { onDelete: 'set null' })
 */
export const nullableReference = <TName extends string>(
  name: TName,
  target: ReferenceConfig['ref'],
  actions?: ReferenceConfig['actions'],
) => integer(name).references(target, actions);

/**
 * A link table: the two columns it opens with (two references, in the order given) are its primary key, and the
 * second is indexed as well, as `<table>_<second column without _id>_idx`, for the lookups from that side (the
 * key serves those from the first). Any further columns and constraints are declared as with `pgTable`.
 *
 * @example
 * export const bookingAttendees = linkTable('booking_attendees', {
 *   bookingId: reference('booking_id', () => bookings.id, { onDelete: 'cascade' }),
 *   userId: reference('user_id', () => users.id),
 * });
 */
export function linkTable<TName extends string, TColumns extends Record<string, PgColumnBuilderBase>>(
  name: TName,
  columns: TColumns,
  extraConfig?: (t: BuildExtraConfigColumns<TName, TColumns, 'pg'>) => PgTableExtraConfigValue[],
) {
  return pgTable(name, columns, (t) => {
    const [first, second] = Object.values(t);
    if (!first || !second) throw new Error(`link table ${name} needs two columns to link`);
    return [
      primaryKey({ columns: [first, second] }),
      index(`${name}_${second.name.replace(/_id$/, '')}_idx`).on(second),
      ...(extraConfig?.(t) ?? []),
    ];
  });
}
