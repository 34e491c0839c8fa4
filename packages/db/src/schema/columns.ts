/** Column helpers shared by the tables of every capability. */
import { bigint, customType, timestamp } from 'drizzle-orm/pg-core';

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
