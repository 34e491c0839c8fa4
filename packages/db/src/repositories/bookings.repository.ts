import type { BookingPurpose, BookingStatus } from '@kadr/contracts';
import {
  and,
  asc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bookingAttendees, bookings, equipment, labs, users } from '../schema/index.ts';
import { equipmentRepository } from './equipment.repository.ts';
import { labsRepository } from './labs.repository.ts';
import { descending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** A booking with its asset code, student name and recorded use. */
export interface BookingRecord {
  id: number;
  labId: number | null;
  equipmentId: number | null;
  assetCode: string;
  purpose: BookingPurpose;
  disciplineName: string;
  studentUserId: number | null;
  studentName: string | null;
  startsAt: Date;
  endsAt: Date;
  status: BookingStatus;
  note: string;
  bookedBy: number | null;
  actualStart: Date | null;
  actualEnd: Date | null;
  attendeesCount: number | null;
  attendeeIds: number[];
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of a new booking. */
export interface BookingInput {
  labId: number | null;
  equipmentId: number | null;
  purpose: BookingPurpose;
  disciplineName: string;
  studentUserId: number | null;
  startsAt: Date;
  endsAt: Date;
  note: string;
  bookedBy: number | null;
}

/** Fields a change may touch. */
export type BookingPatch = Partial<Omit<BookingInput, 'labId' | 'equipmentId' | 'bookedBy'>> & {
  status?: BookingStatus;
};

/** Filters of the booking list; `from`/`to` keep bookings overlapping the window. */
export interface BookingListParams extends ListParams {
  q?: string | undefined;
  labId?: number | undefined;
  equipmentId?: number | undefined;
  purpose?: BookingPurpose | undefined;
  status?: BookingStatus | undefined;
  studentUserId?: number | undefined;
  hasUsage?: boolean | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** The asset and the time a booking would occupy. */
export interface Slot {
  labId: number | null;
  equipmentId: number | null;
  startsAt: Date;
  endsAt: Date;
  /** A booking to ignore (the one being rescheduled). */
  excludeId?: number | undefined;
}

const b = bookings;

function selectBookings(db: Db) {
  return db
    .select({
      ...getTableColumns(b),
      assetCode: sql<string>`coalesce(${labs.code}, ${equipment.inventoryNumber})`,
      studentName: users.fullName,
    })
    .from(b)
    .leftJoin(labs, eq(labs.id, b.labId))
    .leftJoin(equipment, eq(equipment.id, b.equipmentId))
    .leftJoin(users, eq(users.id, b.studentUserId));
}

type Row = Awaited<ReturnType<typeof selectBookings>>[number];

async function withAttendees(db: Db, rows: Row[]): Promise<BookingRecord[]> {
  if (rows.length === 0) return [];
  const attendees = await db
    .select()
    .from(bookingAttendees)
    .where(
      inArray(
        bookingAttendees.bookingId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(bookingAttendees.userId));
  return rows.map((row) => ({
    ...row,
    attendeeIds: attendees.filter((a) => a.bookingId === row.id).map((a) => a.userId),
  }));
}

function assetIs(slot: Pick<Slot, 'labId' | 'equipmentId'>): SQL {
  return slot.labId !== null ? eq(b.labId, slot.labId) : eq(b.equipmentId, slot.equipmentId!);
}

/** Reads and writes bookings. Conflicts are checked under a row lock on the asset. */
export const bookingsRepository = {
  /** Locks the booked asset's row until the transaction ends; false when the asset does not exist. */
  async lockAsset(db: Db, slot: Pick<Slot, 'labId' | 'equipmentId'>): Promise<boolean> {
    return slot.labId !== null
      ? labsRepository.lock(db, slot.labId)
      : equipmentRepository.lock(db, slot.equipmentId!);
  },

  /** The id of a scheduled booking of the same asset overlapping [startsAt, endsAt), if any. */
  async findConflict(db: Db, slot: Slot): Promise<number | undefined> {
    const [row] = await db
      .select({ id: b.id })
      .from(b)
      .where(
        and(
          assetIs(slot),
          eq(b.status, 'scheduled'),
          lt(b.startsAt, slot.endsAt),
          gt(b.endsAt, slot.startsAt),
          slot.excludeId === undefined ? undefined : ne(b.id, slot.excludeId),
        ),
      )
      .orderBy(asc(b.startsAt))
      .limit(1);
    return row?.id;
  },

  /**
   * Books the slot unless it overlaps another scheduled booking: locks the asset row, checks, inserts.
   * Call inside a transaction, so that two concurrent writers cannot both pass the check.
   */
  async createUnlessConflict(
    db: Db,
    input: BookingInput,
  ): Promise<{ booking: BookingRecord } | { conflictId: number } | { missingAsset: true }> {
    if (!(await bookingsRepository.lockAsset(db, input))) return { missingAsset: true };
    const conflictId = await bookingsRepository.findConflict(db, input);
    if (conflictId !== undefined) return { conflictId };
    const [row] = await db.insert(b).values(input).returning({ id: b.id });
    return { booking: (await bookingsRepository.findById(db, row!.id))! };
  },

  async update(db: Db, id: number, patch: BookingPatch, at: Date): Promise<BookingRecord | undefined> {
    const [row] = await db
      .update(b)
      .set({ ...patch, updatedAt: at })
      .where(eq(b.id, id))
      .returning({ id: b.id });
    return row ? bookingsRepository.findById(db, row.id) : undefined;
  },

  /** Records the actual use and replaces the list of attending students. */
  async setUsage(
    db: Db,
    id: number,
    usage: { actualStart: Date; actualEnd: Date; attendeesCount: number; attendeeIds: number[] },
    at: Date,
  ): Promise<BookingRecord | undefined> {
    const { attendeeIds, ...fields } = usage;
    await db
      .update(b)
      .set({ ...fields, updatedAt: at })
      .where(eq(b.id, id));
    await db.delete(bookingAttendees).where(eq(bookingAttendees.bookingId, id));
    if (attendeeIds.length > 0)
      await db.insert(bookingAttendees).values(attendeeIds.map((userId) => ({ bookingId: id, userId })));
    return bookingsRepository.findById(db, id);
  },

  /** Which of the given user ids are student users. */
  async studentIds(db: Db, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.role, 'student')));
    return new Set(rows.map((r) => r.id));
  },

  async findById(db: Db, id: number): Promise<BookingRecord | undefined> {
    return (await withAttendees(db, await selectBookings(db).where(eq(b.id, id))))[0];
  },

  async list(db: Db, params: BookingListParams): Promise<RecordPage<BookingRecord>> {
    const usage = params.hasUsage ? isNotNull(b.actualStart) : isNull(b.actualStart);
    return listPage(params, {
      rows: selectBookings(db).$dynamic(),
      filters: [
        equalTo(b.labId, params.labId),
        equalTo(b.equipmentId, params.equipmentId),
        equalTo(b.purpose, params.purpose),
        equalTo(b.status, params.status),
        equalTo(b.studentUserId, params.studentUserId),
        params.hasUsage === undefined ? undefined : usage,
        params.from ? gt(b.endsAt, params.from) : undefined,
        params.to ? lt(b.startsAt, params.to) : undefined,
        search(params.q, b.disciplineName, b.note),
      ],
      sortable: { startsAt: b.startsAt, purpose: b.purpose, createdAt: b.createdAt },
      fallback: descending(b.startsAt),
      id: b.id,
      present: (rows) => withAttendees(db, rows),
    });
  },
};
