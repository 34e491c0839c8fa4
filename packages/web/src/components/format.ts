/**
 * The one place the web app turns dates and times into text. Every time is shown in the university's
 * time zone (served by GET /api/settings, Asia/Almaty by default), never the browser's, and each
 * interface language has one date pattern on every page:
 *
 * | language | date         | date and time       |
 * |----------|--------------|---------------------|
 * | kk, ru   | `31.01.2026` | `31.01.2026, 15:00` |
 * | en       | `31/01/2026` | `31/01/2026, 15:00` |
 *
 * Digits, not month names: browsers' Kazakh month names are patchy ("2026 M11 28"), and ICU's
 * numeric kk pattern differs between engines (`2026-01-31` in some), so the patterns are spelled
 * out here instead of being left to Intl.
 */
import type { Locale } from '@kadr/contracts';

/** The zone the app starts with, until the server says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';
let timeZone = DEFAULT_TIME_ZONE;
let zoneChecked = true;

/**
 * Sets the university's time zone (at start-up, from GET /api/settings). Whether this browser knows the zone is
 * checked when a time is first shown or typed, not here: the first Intl.DateTimeFormat with a zone loads the
 * browser's zone data (about 70 ms of a page's start in bench:matrix), which a page without times never needs.
 */
export function setTimeZone(zone: string): void {
  timeZone = zone;
  zoneChecked = zone === DEFAULT_TIME_ZONE;
}

/** Whether this browser can format in `zone` (an old browser may lack a rare zone). */
function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The university's time zone, in which every time is shown and typed; the default (Asia/Almaty) when the
 * server named a zone this browser cannot format in.
 */
export function currentTimeZone(): string {
  if (!zoneChecked) {
    zoneChecked = true;
    if (!isKnownZone(timeZone)) timeZone = DEFAULT_TIME_ZONE;
  }
  return timeZone;
}

const SEPARATOR: Record<Locale, string> = { kk: '.', ru: '.', en: '/' };
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall-clock parts of an instant in a time zone (24-hour). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of `instant` in `zone` (the university's by default). */
export function wallTimeOf(instant: Date, zone = currentTimeZone()): WallTime {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partsFormatters.set(zone, formatter);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(formatter.formatToParts(instant).find((p) => p.type === type)?.value ?? 0);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `DD.MM.YYYY` or `DD/MM/YYYY` from calendar parts. */
function dateText(year: number, month: number, day: number, locale: Locale): string {
  const s = SEPARATOR[locale];
  return `${pad(day)}${s}${pad(month)}${s}${pad(year, 4)}`;
}

/** Reads an API value: a calendar date `YYYY-MM-DD` stays that date; anything else is an instant. */
function parse(value: string): { date: [number, number, number]; wall?: WallTime } | undefined {
  const calendar = DATE_ONLY.exec(value);
  if (calendar) return { date: [Number(calendar[1]), Number(calendar[2]), Number(calendar[3])] };
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return undefined;
  const wall = wallTimeOf(instant);
  return { date: [wall.year, wall.month, wall.day], wall };
}

/**
 * A date (no time) in the interface language, or an em dash for none. A calendar date from the API
 * (`2026-04-14`) is shown as that date; an instant as its date in the university's time zone.
 * @example formatDate('2026-04-14', 'ru') // '14.04.2026'
 */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const parsed = parse(value);
  return parsed ? dateText(...parsed.date, locale) : value;
}

/**
 * `HH:mm` of an instant in the university's time zone: 24-hour clocks read the same in kk, ru and en.
 * @example formatTime('2026-03-02T04:00:00Z') // '09:00' (Asia/Almaty)
 */
export function formatTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const wall = wallTimeOf(instant);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * A date and time in the interface language and the university's time zone, or an em dash for none.
 * @example formatDateTime('2026-01-31T10:00:00Z', 'ru') // '31.01.2026, 15:00' (Asia/Almaty)
 */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const parsed = parse(iso);
  if (!parsed?.wall) return parsed ? dateText(...parsed.date, locale) : iso;
  return `${dateText(...parsed.date, locale)}, ${pad(parsed.wall.hour)}:${pad(parsed.wall.minute)}`;
}

/** The date pattern of the interface language as the date inputs spell it (dayjs tokens). */
export function datePattern(locale: Locale): string {
  const s = SEPARATOR[locale];
  return `DD${s}MM${s}YYYY`;
}
