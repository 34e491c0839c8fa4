/**
 * The one place the web app turns numbers, money and percentages into text, in the reader's language:
 *
 * | language | number         | money            | compact (axes) | percent  |
 * |----------|----------------|------------------|----------------|----------|
 * | kk       | `1 234 567,5`  | `1 234 567,50 ₸` | `3,9 млрд ₸`   | `12,3%`  |
 * | ru       | `1 234 567,5`  | `1 234 567,50 ₸` | `3,9 млрд ₸`   | `12,3 %` |
 * | en       | `1,234,567.5`  | `1,234,567.50 ₸` | `3.9B ₸`       | `12.3%`  |
 *
 * Spaces are no-break spaces (U+00A0), so a figure never wraps inside. The separators and the compact
 * suffixes are spelled out here instead of being left to the browser's `Intl` locale data: a browser without
 * Kazakh number data (Chromium's trimmed ICU) fell back to the root locale, which printed `3,918,849,500 ₸`
 * and axis labels such as `1G ₸` on Kazakh pages. `Intl` only rounds and groups the digits.
 */
import type { Locale } from '@kadr/contracts';

const NBSP = '\u00a0';

/** Separators and suffixes of each language (CLDR's kk, ru and en-US). */
const STYLE: Record<
  Locale,
  { group: string; decimal: string; compact: readonly string[]; compactGap: string; percentGap: string }
> = {
  kk: {
    group: NBSP,
    decimal: ',',
    compact: ['мың', 'млн', 'млрд', 'трлн'],
    compactGap: NBSP,
    percentGap: '',
  },
  ru: {
    group: NBSP,
    decimal: ',',
    compact: ['тыс.', 'млн', 'млрд', 'трлн'],
    compactGap: NBSP,
    percentGap: NBSP,
  },
  en: { group: ',', decimal: '.', compact: ['K', 'M', 'B', 'T'], compactGap: '', percentGap: '' },
};

/** Fraction digits of a formatted number (as `Intl.NumberFormat` takes them). */
export interface FractionDigits {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

const digitFormatters = new Map<string, Intl.NumberFormat>();

function digitsOf(options: FractionDigits): Intl.NumberFormat {
  const key = `${options.minimumFractionDigits ?? ''}/${options.maximumFractionDigits ?? ''}`;
  let formatter = digitFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { useGrouping: true, ...options });
    digitFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A number grouped and with the decimal mark of the reader's language (at most two decimals unless told).
 * @example formatNumber(1234567.5, 'ru') // '1 234 567,5' (no-break spaces)
 */
export function formatNumber(value: number, locale: Locale, options: FractionDigits = {}): string {
  const style = STYLE[locale];
  const digits = digitsOf({ maximumFractionDigits: 2, ...options });
  return digits
    .formatToParts(value)
    .map((part) =>
      part.type === 'group' ? style.group : part.type === 'decimal' ? style.decimal : part.value,
    )
    .join('');
}

/**
 * Tenge from integer tiyn: whole tenge without decimals, otherwise two.
 * @example formatTenge(150000050, 'en') // '1,500,000.50 ₸'
 */
export function formatTenge(tiyn: number, locale: Locale): string {
  const whole = tiyn % 100 === 0;
  const digits = whole ? 0 : 2;
  const text = formatNumber(tiyn / 100, locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${text}${NBSP}₸`;
}

/**
 * A number in the short form of the reader's language, for chart axes: one decimal at most, thousands,
 * millions, billions and trillions named as the language names them.
 * @example formatCompact(3_918_849_500, 'kk') // '3,9 млрд'
 */
export function formatCompact(value: number, locale: Locale): string {
  const style = STYLE[locale];
  const round = (n: number) => Math.round(n * 10) / 10 + 0; // + 0: no "-0"
  let power = 0;
  while (power < style.compact.length && Math.abs(value) >= 1000 ** (power + 1)) power++;
  // 999 950 rounds to 1000 thousand: name it one million instead.
  if (power < style.compact.length && Math.abs(round(value / 1000 ** power)) >= 1000) power++;
  const text = formatNumber(round(value / 1000 ** power), locale, { maximumFractionDigits: 1 });
  return power === 0 ? text : `${text}${style.compactGap}${style.compact[power - 1]}`;
}

/** Tenge from tiyn in the short form, for chart axes. @example formatTengeCompact(150_000_000, 'en') // '1.5M ₸' */
export function formatTengeCompact(tiyn: number, locale: Locale): string {
  return `${formatCompact(tiyn / 100, locale)}${NBSP}₸`;
}

/**
 * A ratio as a percentage with one decimal.
 * @example formatPercent(0.123, 'ru') // '12,3 %'
 */
export function formatPercent(ratio: number, locale: Locale): string {
  const text = formatNumber(ratio * 100, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${text}${STYLE[locale].percentGap}%`;
}

/** Hours with one decimal. @example formatHours(1234.5, 'kk') // '1 234,5' */
export function formatHours(hours: number, locale: Locale): string {
  return formatNumber(hours, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
