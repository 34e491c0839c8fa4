import { z } from 'zod';
import { idQuerySchema, idSchema, textSchema } from './common.ts';
import { investmentSourceSchema } from './investments.ts';
import { listQuery } from './lists.ts';
import { isoDateSchema, isoDateTimeSchema } from './money.ts';
import { priorityAreaSchema } from './organisations.ts';
import { ruleParams } from './rules.ts';
import { BOOKING_PURPOSES, BOOKING_STATUSES } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { BOOKING_PURPOSES, BOOKING_STATUSES };

export const bookingPurposeSchema = z.enum(BOOKING_PURPOSES);
export type BookingPurpose = z.infer<typeof bookingPurposeSchema>;

export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

export const ASSET_TYPES = ['lab', 'equipment'] as const;
export const assetTypeSchema = z.enum(ASSET_TYPES);
export type AssetType = z.infer<typeof assetTypeSchema>;

/** The actual use of a booking; `attendeeIds` are the students known to have attended. */
export const bookingUsageSchema = z.object({
  actualStart: z.string(),
  actualEnd: z.string(),
  attendeesCount: z.number().int(),
  attendeeIds: z.array(z.number().int()),
});

export const bookingSchema = z.object({
  id: z.number().int(),
  assetType: assetTypeSchema,
  labId: z.number().int().nullable(),
  equipmentId: z.number().int().nullable(),
  /** The lab code or the inventory number. */
  assetCode: z.string(),
  purpose: bookingPurposeSchema,
  disciplineName: z.string(),
  studentUserId: z.number().int().nullable(),
  studentName: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: bookingStatusSchema,
  note: z.string(),
  bookedBy: z.number().int().nullable(),
  usage: bookingUsageSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Booking = z.infer<typeof bookingSchema>;

const purposeNeeds = (
  v: { purpose?: string; disciplineName?: string; studentUserId?: number | null },
  ctx: z.RefinementCtx,
) => {
  if (v.purpose === 'discipline_session' && !v.disciplineName)
    ctx.addIssue({
      code: 'custom',
      path: ['disciplineName'],
      message: 'A discipline session names its discipline',
      params: { rule: 'disciplineNeeded' },
    });
  if (v.purpose === 'individual_training' && !v.studentUserId)
    ctx.addIssue({
      code: 'custom',
      path: ['studentUserId'],
      message: 'Individual training names its student',
      params: { rule: 'studentNeeded' },
    });
  if (v.purpose === 'practice' && !v.disciplineName && !v.studentUserId)
    ctx.addIssue({
      code: 'custom',
      path: ['disciplineName'],
      message: 'A practice names a discipline or a student',
      params: { rule: 'practiceNeeds' },
    });
};

const bookingFields = {
  purpose: bookingPurposeSchema,
  disciplineName: textSchema().max(300),
  studentUserId: idSchema.nullable(),
  startsAt: isoDateTimeSchema,
  endsAt: isoDateTimeSchema,
  note: textSchema().max(2000),
};

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || Date.parse(v.endsAt) > Date.parse(v.startsAt);

/**
 * Books exactly one asset (`labId` or `equipmentId`). An overlapping scheduled booking of the same asset
 * answers 409 BOOKING_CONFLICT with `details.conflictingBookingId`.
 */
export const createBookingBodySchema = z
  .object({
    labId: idSchema.optional(),
    equipmentId: idSchema.optional(),
    ...bookingFields,
    disciplineName: bookingFields.disciplineName.default(''),
    studentUserId: bookingFields.studentUserId.default(null),
    note: bookingFields.note.default(''),
  })
  .refine(
    (v) => (v.labId === undefined) !== (v.equipmentId === undefined),
    ruleParams('oneAsset', 'Give either labId or equipmentId', ['labId']),
  )
  .refine(endsAfterStart, ruleParams('endsAfterStart', 'endsAt must be after startsAt', ['endsAt']))
  .superRefine(purposeNeeds);
export type CreateBookingBody = z.infer<typeof createBookingBodySchema>;

/** Reschedules or edits a scheduled booking; the conflict rule applies to the new times. */
export const updateBookingBodySchema = z
  .object(bookingFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change')
  .refine(endsAfterStart, ruleParams('endsAfterStart', 'endsAt must be after startsAt', ['endsAt']));
export type UpdateBookingBody = z.infer<typeof updateBookingBodySchema>;

/** Records (or replaces) the actual use. `attendeeIds` are student users; the count may exceed them. */
export const bookingUsageBodySchema = z
  .object({
    actualStart: isoDateTimeSchema,
    actualEnd: isoDateTimeSchema,
    attendeesCount: z.number().int().min(0).max(2000),
    attendeeIds: z.array(idSchema).max(2000).default([]),
  })
  .refine(
    (v) => Date.parse(v.actualEnd) > Date.parse(v.actualStart),
    ruleParams('endsAfterStart', 'actualEnd must be after actualStart', ['actualEnd']),
  )
  .refine(
    (v) => v.attendeesCount >= new Set(v.attendeeIds).size,
    ruleParams('attendeesCoverIds', 'attendeesCount is less than the number of attendeeIds', [
      'attendeesCount',
    ]),
  );
export type BookingUsageBody = z.infer<typeof bookingUsageBodySchema>;

/** `from`/`to` keep bookings overlapping that window; `q` searches the discipline name and the note. */
export const bookingListQuerySchema = listQuery(['startsAt', 'purpose', 'createdAt']).extend({
  labId: idQuerySchema.optional(),
  equipmentId: idQuerySchema.optional(),
  purpose: bookingPurposeSchema.optional(),
  status: bookingStatusSchema.optional(),
  studentUserId: idQuerySchema.optional(),
  hasUsage: z.enum(['true', 'false']).optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;

/** Default opening hours per weekday used as the available time of an asset. */
export const DEFAULT_HOURS_PER_DAY = 10;

/** The longest period of a utilisation report: ten years of days (leap days included), a bound on its work. */
export const MAX_UTILISATION_DAYS = 3653;

/**
 * Utilisation over [from, to] (calendar dates, inclusive, at most MAX_UTILISATION_DAYS days; default: the 365 days
 * up to today).
 * Available hours = weekdays (Mon-Fri) in the period from the asset's acquisition × hoursPerDay.
 */
export const utilisationQuerySchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  assetType: assetTypeSchema.optional(),
  hoursPerDay: z.coerce.number().min(1).max(24).default(DEFAULT_HOURS_PER_DAY),
});

const hours = z.number().min(0);

/** A funding source's share of an asset (its allocations / all allocations to the asset). */
export const fundingShareSchema = z.object({
  source: investmentSourceSchema,
  organisationId: z.number().int().nullable(),
  share: z.number().min(0).max(1),
});

export const assetUtilisationSchema = z.object({
  assetType: assetTypeSchema,
  assetId: z.number().int(),
  code: z.string(),
  /** The lab's or the item's name in the three languages. */
  name: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  priorityArea: priorityAreaSchema,
  availableHours: hours,
  bookedHours: hours,
  usedHours: hours,
  /** usedHours / availableHours, 0 when nothing is available. */
  utilisation: z.number().min(0),
  sessions: z.number().int(),
  funding: z.array(fundingShareSchema),
});
export type AssetUtilisation = z.infer<typeof assetUtilisationSchema>;

const sourceUse = { usedHours: hours, availableHours: hours, utilisation: z.number().min(0) };

/**
 * One calendar month of the period (clipped to it), summed over the assets in scope. Booked hours count
 * in the month the booking starts, used hours and sessions in the month the recorded use starts
 * (university time); available hours are the month's weekdays from each asset's acquisition.
 */
export const monthUtilisationSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  bookedHours: hours,
  sessions: z.number().int(),
  ...sourceUse,
});
export type MonthUtilisation = z.infer<typeof monthUtilisationSchema>;

/**
 * Per asset, per month, and per funding source and partner: each asset's hours are split between its
 * funders in proportion to their share of its funding. Assets without recorded funding count as `unfunded`.
 */
export const utilisationReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  hoursPerDay: z.number(),
  assets: z.array(assetUtilisationSchema),
  bySource: z.array(
    z.object({ source: z.union([investmentSourceSchema, z.literal('unfunded')]), ...sourceUse }),
  ),
  byPartner: z.array(z.object({ organisationId: z.number().int(), shortName: z.string(), ...sourceUse })),
  /** Every calendar month overlapping the period, in order; a month without use shows zeros. */
  byMonth: z.array(monthUtilisationSchema),
});
export type UtilisationReport = z.infer<typeof utilisationReportSchema>;
