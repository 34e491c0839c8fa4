/** Bookings of labs and equipment (capability 3) and who attended. */
import type { BookingPurpose, BookingStatus } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { linkTable, nullableReference, reference, timestamps } from './columns.ts';
import { equipment, labs } from './material-base.ts';
import { disciplines } from './programmes.ts';
import { users } from './users.ts';

/** Bookings of a lab or one equipment item, with the recorded actual use. */
export const bookings = pgTable(
  'bookings',
  {
    id: serial('id').primaryKey(),
    labId: nullableReference('lab_id', () => labs.id),
    equipmentId: nullableReference('equipment_id', () => equipment.id),
    purpose: text('purpose').$type<BookingPurpose>().notNull(),
    disciplineName: text('discipline_name').notNull().default(''),
    /** The discipline of the catalogue the session belongs to, when known: its attendees' passport evidence. */
    disciplineId: nullableReference('discipline_id', () => disciplines.id, { onDelete: 'set null' }),
    studentUserId: nullableReference('student_user_id', () => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').$type<BookingStatus>().notNull().default('scheduled'),
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
    index('bookings_discipline_idx').on(t.disciplineId),
    check('bookings_one_asset', sql`num_nonnulls(${t.labId}, ${t.equipmentId}) = 1`),
    check('bookings_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The students known to have attended a booking. */
export const bookingAttendees = linkTable('booking_attendees', {
  bookingId: reference('booking_id', () => bookings.id, { onDelete: 'cascade' }),
  userId: reference('user_id', () => users.id),
});
