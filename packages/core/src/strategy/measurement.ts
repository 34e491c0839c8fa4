/**
 * What a KPI formula returns, and the shared shapes of "no data". A KPI whose inputs do not exist yet (placements
 * before the placements capability) answers `no_data` with a null value: never an invented zero.
 */

/** `ok`: computed from data; `no_data`: its inputs are not available, so there is no figure. */
export type MeasurementStatus = 'ok' | 'no_data';

/** One part of a KPI's value: open and planned branches, money per year, used and available hours. */
export interface BreakdownItem {
  key: string;
  value: number;
}

/** A KPI's value as a formula computes it. */
export interface KpiMeasurement {
  /** The figure; null when `status` is `no_data`. */
  value: number | null;
  status: MeasurementStatus;
  breakdown: BreakdownItem[];
  /** How many partner organisations contribute to the figure (for the disclosure rule); null when none do. */
  contributors: number | null;
}

/** The measurement of a KPI whose inputs are not available. */
export function noData(): KpiMeasurement {
  return { value: null, status: 'no_data', breakdown: [], contributors: null };
}

/** A measured figure. */
export function measured(
  value: number,
  breakdown: BreakdownItem[] = [],
  contributors: number | null = null,
): KpiMeasurement {
  return { value, status: 'ok', breakdown, contributors };
}
