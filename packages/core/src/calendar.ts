/**
 * Calendar dates (`YYYY-MM-DD`) in university time. Kazakhstan keeps one time zone, UTC+5, since
 * 1 March 2024; "today" and the year of a session are taken in it. Every function takes the instant
 * or date it works on: there is no hidden clock.
 */
export const UNIVERSITY_UTC_OFFSET = '+05:00';
const OFFSET_MS = 5 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date of an instant in university time. */
export function calendarDateOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The instant a date starts in university time. */
export function startOfDate(date: string): Date {
  return new Date(`${date}T00:00:00${UNIVERSITY_UTC_OFFSET}`);
}

/**
 * Weekdays (Monday to Friday) in [from, to], both inclusive; 0 when `to` is before `from` or either is not a date.
 * Counted in whole weeks, not day by day, so that the time does not grow with the period and the answer never
 * depends on how dates past the year 9999 format (`+010000-01-01` sorts before `9999-12-31`).
 */
export function weekdaysBetween(from: string, to: string): number {
  const days = daysBetween(from, to) + 1;
  if (!(days > 0)) return 0;
  const firstWeekday = new Date(`${from}T00:00:00Z`).getUTCDay();
  let count = Math.floor(days / 7) * 5;
  for (let i = 0; i < days % 7; i++) {
    const weekday = (firstWeekday + i) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
