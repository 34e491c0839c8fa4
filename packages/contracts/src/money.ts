import { z } from 'zod';
import { CURRENCY_PATTERN, DECIMAL_AMOUNT_PATTERN, EXCHANGE_RATE_PATTERN, ruleParams } from './rules.ts';

/**
 * Money and calendar conventions of the API.
 * - Amounts in tenge are integers of **tiyn** (1 KZT = 100 tiyn), in fields named `…Tiyn`: exact, never floats.
 * - Amounts in another currency and exchange rates are decimal strings (`"125000.50"`, `"512.345678"`), exact too.
 * - Calendar dates are `YYYY-MM-DD` strings; instants are ISO 8601 date-times with an offset.
 */

/** An amount in tiyn: a non-negative safe integer. */
export const tiynSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** A positive amount in tiyn. */
export const positiveTiynSchema = tiynSchema.min(1);

/** ISO 4217 code of a currency other than the tenge, e.g. `EUR`. */
export const foreignCurrencySchema = z
  .string()
  .regex(CURRENCY_PATTERN, 'Use a three-letter ISO 4217 code such as EUR')
  .refine(
    (c) => c !== 'KZT',
    ruleParams('notTenge', 'Give tenge amounts in amountTiyn, not as a foreign currency'),
  );

/** A positive decimal amount with at most 2 decimals, as a string: `"125000.50"`. */
export const decimalAmountSchema = z
  .string()
  .regex(DECIMAL_AMOUNT_PATTERN, 'Use digits with at most 2 decimals, e.g. 125000.50')
  .refine((v) => Number(v) > 0, ruleParams('positive', 'Must be more than zero'));

/** A positive exchange rate (tenge per unit of the currency) with at most 6 decimals: `"512.345678"`. */
export const exchangeRateSchema = z
  .string()
  .regex(EXCHANGE_RATE_PATTERN, 'Use digits with at most 6 decimals, e.g. 512.35')
  .refine((v) => Number(v) > 0, ruleParams('positive', 'Must be more than zero'));

/**
 * The years a date or an instant of the API may fall in. Outside them a date is a typing slip (`0001`, `9999`),
 * and PostgreSQL or JavaScript cannot always represent it (year 0, years past 9999); see docs/ARCHITECTURE.md, "Input limits".
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const YEAR_RANGE = `Use a year from ${MIN_YEAR} to ${MAX_YEAR}`;

function yearOf(text: string): number {
  return Number(text.slice(0, 4));
}

/** True when a `YYYY-…` text starts with a year in [MIN_YEAR, MAX_YEAR]. */
export function isYearInRange(text: string): boolean {
  const year = yearOf(text);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A calendar date `YYYY-MM-DD` in the years MIN_YEAR to MAX_YEAR. */
export const isoDateSchema = z.iso.date().refine(isYearInRange, ruleParams('yearRange', YEAR_RANGE));

/** An instant: ISO 8601 date-time with an offset, e.g. `2025-03-01T09:00:00+05:00`, in MIN_YEAR to MAX_YEAR. */
export const isoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .refine(
    (text) => isYearInRange(text) && Number.isFinite(Date.parse(text)),
    ruleParams('yearRange', YEAR_RANGE),
  );

/** An amount in another currency, the rate used, and (implicitly) the tenge amount it became. */
export const originalAmountSchema = z.object({
  currency: foreignCurrencySchema,
  amount: decimalAmountSchema,
  rate: exchangeRateSchema,
});
export type OriginalAmount = z.infer<typeof originalAmountSchema>;

/** How far the tenge amount may differ from amount × rate: one tenge, for whole-tenge bookkeeping. */
export const CONVERSION_TOLERANCE_TIYN = 100;

function scaled(decimal: string, places: number): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
}

/**
 * The tenge value of a foreign amount in tiyn, rounded half up: amount × rate, computed on integers.
 * @example tiynOf({ currency: 'EUR', amount: '100.00', rate: '500.5' }) // 5_005_000
 */
export function tiynOf(original: Pick<OriginalAmount, 'amount' | 'rate'>): number {
  // amount in cents × rate in millionths = tiyn × 10^6
  const product = scaled(original.amount, 2) * scaled(original.rate, 6);
  return Number((product + 500_000n) / 1_000_000n);
}

/** True when `amountTiyn` agrees with amount × rate within CONVERSION_TOLERANCE_TIYN. */
export function agreesWithRate(
  amountTiyn: number,
  original: Pick<OriginalAmount, 'amount' | 'rate'>,
): boolean {
  return Math.abs(tiynOf(original) - amountTiyn) <= CONVERSION_TOLERANCE_TIYN;
}

/**
 * Parses a tenge amount written by a person (`1500000`, `1 500 000,50`, `1500000.5`) into tiyn, or
 * undefined when it is not a non-negative amount with at most 2 decimals.
 */
export function parseKzt(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!DECIMAL_AMOUNT_PATTERN.test(cleaned)) return undefined;
  const value = Number(scaled(cleaned, 2));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Formats tiyn as a decimal tenge string with two decimals: `150000050` → `"1500000.50"`. */
export function formatKzt(tiyn: number): string {
  const sign = tiyn < 0 ? '-' : '';
  const abs = Math.abs(tiyn);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
