import type { Locale } from '@kadr/contracts';

const INTL_LOCALE: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * Tenge from integer tiyn, with the grouping of the interface language.
 * @example formatTenge(150000050, 'en') // '1,500,000.50 ₸'
 */
export function formatTenge(tiyn: number, locale: Locale): string {
  const whole = tiyn % 100 === 0;
  const text = new Intl.NumberFormat(INTL_LOCALE[locale], {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(tiyn / 100);
  return `${text} ₸`;
}

/** Tenge from tiyn in a short form for chart axes, e.g. `1.5M ₸`. */
export function formatTengeShort(tiyn: number, locale: Locale): string {
  return `${new Intl.NumberFormat(INTL_LOCALE[locale], { notation: 'compact', maximumFractionDigits: 1 }).format(tiyn / 100)} ₸`;
}
