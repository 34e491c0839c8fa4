import type { Locale } from '@kadr/contracts';
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent, formatTenge } from '../components/number-format';

/** A KPI figure in its unit: a count, tenge from tiyn, or a percentage of a 0..1 share. */
export function formatKpiNumber(value: number, unit: string, locale: Locale): string {
  if (unit === 'tiyn') return formatTenge(value, locale);
  if (unit === 'ratio') return formatPercent(value, locale);
  return formatNumber(value, locale);
}

/** A KPI's value as shown: the figure, or why there is none (no data yet, withheld below three partners). */
export function formatKpiValue(
  value: { value: number | null; status: string },
  unit: string,
  locale: Locale,
  t: TFunction,
): string {
  if (value.status === 'withheld') return t('strategy.withheld');
  if (value.value === null) return t('strategy.noData');
  return formatKpiNumber(value.value, unit, locale);
}

/** The label of a part of a KPI's value (open, planned, a year…). */
export function partLabel(key: string, t: TFunction): string {
  return /^\d{4}$/.test(key) ? key : t(`strategy.parts.${key}`, { defaultValue: key });
}
