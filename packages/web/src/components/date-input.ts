/**
 * Values of the date and date-time inputs (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm`) and API instants.
 * "Local" here is the university's wall clock (see format.ts), not the browser's: a session typed
 * as 09:00 is 09:00 in Almaty even in a browser set to UTC.
 */
import { currentTimeZone, wallTimeOf } from './format';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const INPUT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * An instant as an input value, on the university's wall clock.
 * @example toLocalInput('2026-03-02T04:00:00Z') // '2026-03-02T09:00' (Asia/Almaty, UTC+5)
 */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const w = wallTimeOf(d, currentTimeZone());
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant at which the university's wall clock shows the given time. */
function instantOfWallTime(year: number, month: number, day: number, hour: number, minute: number): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, found from what its clock shows; a second pass settles a
  // guess that fell on the other side of an offset change.
  let instant = asUtc;
  for (let pass = 0; pass < 2; pass++) {
    const w = wallTimeOf(new Date(instant), currentTimeZone());
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    instant += asUtc - shown;
  }
  return new Date(instant);
}

/**
 * The value of a date-time (or date, taken as midnight) input, on the university's wall clock, as an
 * ISO instant for the API.
 * @returns undefined when the text is empty or not a date
 */
export function fromLocalInput(value: string): string | undefined {
  const m = INPUT.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  return instantOfWallTime(year, month, day, hour, minute).toISOString();
}

/**
 * The instant that ends a calendar day typed in a date input (the next midnight at the university),
 * for inclusive `to` filters.
 * @example endOfDay('2026-03-02') // '2026-03-02T19:00:00.000Z' (Asia/Almaty)
 */
export function endOfDay(value: string): string | undefined {
  const m = INPUT.exec(value);
  if (!m || m[4] !== undefined) return undefined;
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return fromLocalInput(next.toISOString().slice(0, 10));
}

/** Today's date at the university as a date input value (`YYYY-MM-DD`), for form defaults. */
export function todayInput(now = new Date()): string {
  return toLocalInput(now.toISOString()).slice(0, 10);
}
