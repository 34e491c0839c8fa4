import type { BookingStatus } from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog, bookingAttendees, bookings, organisations, users } from '../schema/index.ts';
import type { AuditInput } from './audit.repository.ts';
import type { BookingInput } from './bookings.repository.ts';
import { type OrganisationInput, organisationColumns } from './organisations.repository.ts';
import type { UserInput } from './users.repository.ts';
import { chunks, column, insertUnnest } from './unnest.ts';

/** A booking with its recorded use, as the demo seed writes it. */
export interface BookingWithUsage extends BookingInput {
  status?: BookingStatus;
  actualStart: Date | null;
  actualEnd: Date | null;
  attendeesCount: number | null;
  /** The catalogue discipline of the session, when known (its attendees' passport evidence). */
  disciplineId?: number | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Many-row inserts for the demo seed and imports, where a statement per row is slow on PGlite
 * (STACK.md 2g): one `INSERT ... SELECT FROM unnest(arrays)` per batch. Each returns the new ids in input order.
 */
export const bulkRepository = {
  /**
   * Gathers the planner's statistics of every table (ANALYZE), after a bulk load such as the demo seed: until then
   * the planner guesses each table's size and picks plans for guessed rows. PGlite has no autovacuum to do it
   * later, and PostgreSQL's does it about a minute on (docs/api-performance.md, eighth round).
   */
  async refreshStatistics(db: Db): Promise<void> {
    await db.execute(sql`analyze`);
  },

  async insertOrganisations(db: Db, inputs: OrganisationInput[]): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(inputs, 500)) {
      const rows = await db
        .insert(organisations)
        .values(chunk.map((o) => organisationColumns(o)))
        .returning({ id: organisations.id });
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  },

  async insertUsers(db: Db, inputs: UserInput[]): Promise<number[]> {
    const ids: number[] = [];
    for (const chunk of chunks(inputs, 500)) {
      const rows = await db.insert(users).values(chunk).returning({ id: users.id });
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  },

  async insertBookings(db: Db, inputs: BookingWithUsage[]): Promise<number[]> {
    const ids: number[] = [];
    for (const rows of chunks(inputs)) {
      const columns = [
        column(rows, (r) => r.labId, 'int'),
        column(rows, (r) => r.equipmentId, 'int'),
        column(rows, (r) => r.purpose, 'text'),
        column(rows, (r) => r.disciplineName, 'text'),
        column(rows, (r) => r.studentUserId, 'int'),
        column(rows, (r) => iso(r.startsAt), 'timestamptz'),
        column(rows, (r) => iso(r.endsAt), 'timestamptz'),
        column(rows, (r) => r.status ?? 'scheduled', 'text'),
        column(rows, (r) => r.note, 'text'),
        column(rows, (r) => r.bookedBy, 'int'),
        column(rows, (r) => iso(r.actualStart), 'timestamptz'),
        column(rows, (r) => iso(r.actualEnd), 'timestamptz'),
        column(rows, (r) => r.attendeesCount, 'int'),
        column(rows, (r) => r.disciplineId ?? null, 'int'),
      ];
      const names =
        'lab_id, equipment_id, purpose, discipline_name, student_user_id, starts_at, ends_at, status, note, booked_by, actual_start, actual_end, attendees_count, discipline_id';
      ids.push(...(await insertUnnest(db, sql`${bookings}`, names, columns, true)));
    }
    return ids;
  },

  async insertAttendees(db: Db, rows: { bookingId: number; userId: number }[]): Promise<void> {
    for (const chunk of chunks(rows, 20_000)) {
      const columns = [column(chunk, (r) => r.bookingId, 'int'), column(chunk, (r) => r.userId, 'int')];
      await insertUnnest(db, sql`${bookingAttendees}`, 'booking_id, user_id', columns, false);
    }
  },

  /** Appends many audit records (still one record per changed entity). */
  async recordAudit(db: Db, inputs: AuditInput[]): Promise<void> {
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    for (const rows of chunks(inputs)) {
      const columns = [
        column(rows, (r) => r.actorId, 'int'),
        column(rows, (r) => r.actorEmail, 'text'),
        column(rows, (r) => r.action, 'text'),
        column(rows, (r) => r.entity, 'text'),
        column(rows, (r) => r.entityId, 'text'),
        column(rows, (r) => json(r.before), 'jsonb'),
        column(rows, (r) => json(r.after), 'jsonb'),
        column(rows, (r) => r.requestId, 'text'),
        column(rows, (r) => r.at.toISOString(), 'timestamptz'),
      ];
      const names = 'actor_id, actor_email, action, entity, entity_id, before, after, request_id, at';
      await insertUnnest(db, sql`${auditLog}`, names, columns, false);
    }
  },
};
