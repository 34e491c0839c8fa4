/**
 * Calendar dates (`YYYY-MM-DD`) in university time: the IANA zone the deployment sets (`KADR_TIME_ZONE`,
 * default {@link DEFAULT_TIME_ZONE}; docs/adr/0009). "Today", the start of a day and the month or year of a
 * session are taken in it, daylight saving included. Every function takes the instant or date it works on
 * and the zone: there is no hidden clock and no hidden zone.
 */

/** The university's zone when the deployment sets none: Kazakhstan keeps one zone, UTC+5, since 1 March 2024. */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: making one costs far more than using it. */
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds (18 000 000 for UTC+5, 3 600 000
 * or 7 200 000 in Europe/Berlin by the season). Throws a RangeError on an unknown zone.
 */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const { type, value } of formatterOf(timeZone).formatToParts(instant)) parts[type] = value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
  const whole = instant.getTime() - (((instant.getTime() % 1000) + 1000) % 1000);
  return wall.getTime() - whole;
}

/** The calendar date of an instant in the university's zone. */
export function calendarDateOf(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock of the zone shows `time` (`HH:mm`, default midnight) on `date`. A wall time
 * that happens twice (clocks going back) is its first instant; one that never happens (clocks going forward)
 * is read with the offset before the change, so it falls just after it, as `Temporal`'s "compatible" does.
 */
export function zonedInstant(date: string, timeZone: string, time = '00:00'): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const before = wall - zoneOffsetMs(new Date(wall - DAY_MS), timeZone);
  const after = wall - zoneOffsetMs(new Date(wall + DAY_MS), timeZone);
  const shows = (t: number) => t + zoneOffsetMs(new Date(t), timeZone) === wall;
  const exact = [before, after].filter(shows);
  return new Date(exact.length > 0 ? Math.min(...exact) : Math.max(before, after));
}

/** The instant `date` starts in the university's zone (its first instant, if midnight is skipped). */
export function startOfDate(date: string, timeZone: string): Date {
  return zonedInstant(date, timeZone);
}

/** The date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
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
