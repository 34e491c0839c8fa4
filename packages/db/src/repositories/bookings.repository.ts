import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bookingAttendees, bookings, equipment, labs, users } from '../schema/index.ts';
import { equipmentRepository } from './equipment.repository.ts';
import { labsRepository } from './labs.repository.ts';
import { type ListParams, likePattern, limitOffset, orderByOf, type RecordPage } from './list.ts';

/** A booking with its asset code, student name and recorded use. */
export interface BookingRecord {
  id: number;
  labId: number | null;
  equipmentId: number | null;
  assetCode: string;
  purpose: string;
  disciplineName: string;
  studentUserId: number | null;
  studentName: string | null;
  startsAt: Date;
  endsAt: Date;
  status: string;
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
  purpose: string;
  disciplineName: string;
  studentUserId: number | null;
  startsAt: Date;
  endsAt: Date;
  note: string;
  bookedBy: number | null;
}

/** Fields a change may touch. */
export type BookingPatch = Partial<Omit<BookingInput, 'labId' | 'equipmentId' | 'bookedBy'>> & {
  status?: string;
};

/** Filters of the booking list; `from`/`to` keep bookings overlapping the window. */
export interface BookingListParams extends ListParams {
  q?: string | undefined;
  labId?: number | undefined;
  equipmentId?: number | undefined;
  purpose?: string | undefined;
  status?: string | undefined;
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

  async update(db: Db, id: number, patch: BookingPatch): Promise<BookingRecord | undefined> {
    const [row] = await db
      .update(b)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(b.id, id))
      .returning({ id: b.id });
    return row ? bookingsRepository.findById(db, row.id) : undefined;
  },

  /** Records the actual use and replaces the list of attending students. */
  async setUsage(
    db: Db,
    id: number,
    usage: { actualStart: Date; actualEnd: Date; attendeesCount: number; attendeeIds: number[] },
  ): Promise<BookingRecord | undefined> {
    const { attendeeIds, ...fields } = usage;
    await db
      .update(b)
      .set({ ...fields, updatedAt: new Date() })
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
    const filters: (SQL | undefined)[] = [];
    if (params.labId !== undefined) filters.push(eq(b.labId, params.labId));
    if (params.equipmentId !== undefined) filters.push(eq(b.equipmentId, params.equipmentId));
    if (params.purpose) filters.push(eq(b.purpose, params.purpose));
    if (params.status) filters.push(eq(b.status, params.status));
    if (params.studentUserId !== undefined) filters.push(eq(b.studentUserId, params.studentUserId));
    if (params.hasUsage !== undefined)
      filters.push(params.hasUsage ? isNotNull(b.actualStart) : isNull(b.actualStart));
    if (params.from) filters.push(gt(b.endsAt, params.from));
    if (params.to) filters.push(lt(b.startsAt, params.to));
    if (params.q) {
      const p = likePattern(params.q);
      filters.push(or(ilike(b.disciplineName, p), ilike(b.note, p)));
    }
    const where = and(...filters);
    const order = orderByOf(
      params.sort,
      { startsAt: b.startsAt, purpose: b.purpose, createdAt: b.createdAt },
      desc(b.startsAt),
      b.id,
    );
    const { limit, offset } = limitOffset(params);
    const rows = await selectBookings(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
    const [total] = await db.select({ n: count() }).from(b).where(where);
    return {
      items: await withAttendees(db, rows),
      total: total?.n ?? 0,
      page: params.page,
      pageSize: params.pageSize,
    };
  },
};
