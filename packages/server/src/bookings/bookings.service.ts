import type {
  AssetType,
  Booking,
  BookingListQuery,
  BookingUsageBody,
  CreateBookingBody,
  UpdateBookingBody,
} from '@kadr/contracts';
import {
  type BookingRecord,
  bookingsRepository,
  type Db,
  equipmentRepository,
  labsRepository,
  type RecordPage,
} from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError } from '../errors.ts';

/** Presents a booking. */
export function presentBooking(b: BookingRecord): Booking {
  const usage =
    b.actualStart && b.actualEnd
      ? {
          actualStart: b.actualStart.toISOString(),
          actualEnd: b.actualEnd.toISOString(),
          attendeesCount: b.attendeesCount ?? 0,
          attendeeIds: b.attendeeIds,
        }
      : null;
  return {
    id: b.id,
    assetType: (b.labId !== null ? 'lab' : 'equipment') as AssetType,
    labId: b.labId,
    equipmentId: b.equipmentId,
    assetCode: b.assetCode,
    purpose: b.purpose,
    disciplineName: b.disciplineName,
    studentUserId: b.studentUserId,
    studentName: b.studentName,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    status: b.status,
    note: b.note,
    bookedBy: b.bookedBy,
    usage,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

function conflict(conflictId: number): AppError {
  return new AppError('BOOKING_CONFLICT', {
    message: `The asset is already booked at that time (booking ${conflictId})`,
    details: { conflictingBookingId: conflictId },
  });
}

async function requireStudents(db: Db, ids: number[], pathOf: (index: number) => string): Promise<void> {
  const students = await bookingsRepository.studentIds(db, ids);
  const issues = ids.flatMap((id, index) =>
    students.has(id) ? [] : [fieldIssue(pathOf(index), 'exists', `No student user ${id}`)],
  );
  if (issues.length > 0) throw validationError(issues);
}

/**
 * An inactive lab or a written-off item takes no new bookings (its past bookings stay on record).
 * A missing asset is left to the locked insert, which reports it.
 */
async function requireBookable(db: Db, body: CreateBookingBody): Promise<void> {
  if (body.labId !== undefined) {
    const lab = await labsRepository.findById(db, body.labId);
    if (lab && !lab.active)
      throw validationError([fieldIssue('body.labId', 'assetInService', 'The lab is inactive')]);
  } else if (body.equipmentId !== undefined) {
    const item = await equipmentRepository.findById(db, body.equipmentId);
    if (item?.condition === 'written_off')
      throw validationError([fieldIssue('body.equipmentId', 'assetInService', 'The item is written off')]);
  }
}

/** Lists bookings with filters; staff only (bookings name students). */
export async function listBookings(
  ctx: ServiceContext,
  query: BookingListQuery,
): Promise<RecordPage<Booking>> {
  const page = await bookingsRepository.list(ctx.db, {
    ...query,
    hasUsage: query.hasUsage === undefined ? undefined : query.hasUsage === 'true',
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  });
  return { ...page, items: page.items.map(presentBooking) };
}

/** One booking. */
export async function getBooking(ctx: ServiceContext, id: number): Promise<Booking> {
  const found = await bookingsRepository.findById(ctx.db, id);
  if (!found) throw notFound('booking', id);
  return presentBooking(found);
}

/**
 * Books a lab or an item (admin). The asset row is locked in the write transaction, so two
 * concurrent bookings of an overlapping slot cannot both pass: the second gets BOOKING_CONFLICT.
 */
export async function createBooking(ctx: ServiceContext, body: CreateBookingBody): Promise<Booking> {
  if (body.studentUserId) await requireStudents(ctx.db, [body.studentUserId], () => 'body.studentUserId');
  await requireBookable(ctx.db, body);
  return inTransaction(ctx, async (tx) => {
    const result = await bookingsRepository.createUnlessConflict(tx, {
      labId: body.labId ?? null,
      equipmentId: body.equipmentId ?? null,
      purpose: body.purpose,
      disciplineName: body.disciplineName,
      studentUserId: body.studentUserId,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      note: body.note,
      bookedBy: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    });
    if ('missingAsset' in result)
      throw validationError([
        fieldIssue(body.labId ? 'body.labId' : 'body.equipmentId', 'exists', 'No such asset'),
      ]);
    if ('conflictId' in result) throw conflict(result.conflictId);
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'booking',
      entityId: result.booking.id,
      before: null,
      after: result.booking,
    });
    return presentBooking(result.booking);
  });
}

/** Reschedules or edits a scheduled booking (admin); new times are checked for conflicts under the lock. */
export async function updateBooking(
  ctx: ServiceContext,
  id: number,
  body: UpdateBookingBody,
): Promise<Booking> {
  if (body.studentUserId) await requireStudents(ctx.db, [body.studentUserId], () => 'body.studentUserId');
  return inTransaction(ctx, async (tx) => {
    const before = await bookingsRepository.findById(tx, id);
    if (!before) throw notFound('booking', id);
    if (before.status !== 'scheduled')
      throw new AppError('INVALID_TRANSITION', { message: 'A cancelled booking cannot be changed' });
    const startsAt = body.startsAt ? new Date(body.startsAt) : before.startsAt;
    const endsAt = body.endsAt ? new Date(body.endsAt) : before.endsAt;
    if (endsAt <= startsAt)
      throw validationError([fieldIssue('body.endsAt', 'endsAfterStart', 'endsAt must be after startsAt')]);
    await bookingsRepository.lockAsset(tx, before);
    const conflictId = await bookingsRepository.findConflict(tx, {
      ...before,
      startsAt,
      endsAt,
      excludeId: id,
    });
    if (conflictId !== undefined) throw conflict(conflictId);
    const after = (await bookingsRepository.update(tx, id, { ...body, startsAt, endsAt }, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'booking', entityId: id, before, after });
    return presentBooking(after);
  });
}

/** Cancels a booking (admin): it frees the slot and no longer counts as use. */
export async function cancelBooking(ctx: ServiceContext, id: number): Promise<Booking> {
  return inTransaction(ctx, async (tx) => {
    const before = await bookingsRepository.findById(tx, id);
    if (!before) throw notFound('booking', id);
    if (before.status === 'cancelled')
      throw new AppError('INVALID_TRANSITION', { message: 'The booking is already cancelled' });
    const after = (await bookingsRepository.update(tx, id, { status: 'cancelled' }, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'booking', entityId: id, before, after });
    return presentBooking(after);
  });
}

/** Records the actual use of a scheduled booking (admin): times, attendee count, attending students. */
export async function recordUsage(ctx: ServiceContext, id: number, body: BookingUsageBody): Promise<Booking> {
  const attendeeIds = [...new Set(body.attendeeIds)];
  await requireStudents(ctx.db, attendeeIds, (index) => `body.attendeeIds.${index}`);
  return inTransaction(ctx, async (tx) => {
    const before = await bookingsRepository.findById(tx, id);
    if (!before) throw notFound('booking', id);
    if (before.status !== 'scheduled')
      throw new AppError('INVALID_TRANSITION', { message: 'A cancelled booking has no use to record' });
    const after = (await bookingsRepository.setUsage(
      tx,
      id,
      {
        actualStart: new Date(body.actualStart),
        actualEnd: new Date(body.actualEnd),
        attendeesCount: body.attendeesCount,
        attendeeIds,
      },
      ctx.now(),
    ))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'booking', entityId: id, before, after });
    return presentBooking(after);
  });
}
