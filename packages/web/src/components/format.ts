import type { Locale } from '@kadr/contracts';

const INTL_LOCALE: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
// Numeric dates: browsers' Kazakh month names are patchy ("2026 M11 28"), digits read the same everywhere.
const NUMERIC_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const NUMERIC_DATE_TIME: Intl.DateTimeFormatOptions = { ...NUMERIC_DATE, hour: '2-digit', minute: '2-digit' };

/**
 * A date and time in the interface language, or an em dash for none.
 * @example formatDateTime('2026-01-31T10:00:00Z', 'ru') // '31.01.2026, 15:00' in Almaty
 */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], NUMERIC_DATE_TIME).format(date);
}

/** A date (no time) in the interface language, or an em dash for none. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], NUMERIC_DATE).format(date);
}
