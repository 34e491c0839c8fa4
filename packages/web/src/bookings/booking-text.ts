import type { Booking, Locale } from '@kadr/contracts';
import type { TFunction } from 'i18next';
import { formatDate, formatTime as timeOf } from '../components/format';

/**
 * The day a booking starts and its hours; the end's day is named only when it differs.
 * @example periodParts(b, 'en') // { day: '02/03/2026', times: '09:00 – 10:30' }
 */
export function periodParts(b: Pick<Booking, 'startsAt' | 'endsAt'>, locale: Locale) {
  const day = formatDate(b.startsAt, locale);
  const endDay = formatDate(b.endsAt, locale);
  const end = endDay === day ? timeOf(b.endsAt) : `${endDay}, ${timeOf(b.endsAt)}`;
  return { day, times: `${timeOf(b.startsAt)} – ${end}` };
}

/**
 * The time span of a booking in one line.
 * @example bookingPeriod(b, 'en') // '02/03/2026, 09:00 – 10:30'
 */
export function bookingPeriod(b: Pick<Booking, 'startsAt' | 'endsAt'>, locale: Locale): string {
  const { day, times } = periodParts(b, locale);
  return `${day}, ${times}`;
}

/** Who or what the booking is for: the discipline, the student, or both. */
export function bookingSubject(b: Pick<Booking, 'disciplineName' | 'studentName'>): string {
  return [b.disciplineName, b.studentName].filter(Boolean).join(' · ') || '—';
}

/** One line describing a booking: asset, purpose, subject and time (e.g. the one a new booking clashes with). */
export function describeBooking(t: TFunction, b: Booking, locale: Locale): string {
  return t('bookings.describe', {
    id: b.id,
    asset: b.assetCode,
    purpose: t(`bookingPurposes.${b.purpose}`),
    subject: bookingSubject(b),
    period: bookingPeriod(b, locale),
  });
}
