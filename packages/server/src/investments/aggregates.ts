import {
  INVESTMENT_SOURCES,
  type InvestmentAggregates,
  type InvestmentSource,
  LEDGER_FIRST_YEAR,
  PRIORITY_AREAS,
} from '@kadr/contracts';
import type { LedgerTotals } from '@kadr/db';

const zeroBySource = (): Record<InvestmentSource, number> =>
  Object.fromEntries(INVESTMENT_SOURCES.map((s) => [s, 0])) as Record<InvestmentSource, number>;

/**
 * Shapes raw ledger totals for charts: every source and every priority area appear (zeros included),
 * and every year from `firstYear` to `lastYear`; `byPartner` only when the viewer may see it.
 * @example shapeAggregates(totals, { firstYear: 2015, lastYear: 2025, includePartners: true })
 */
export function shapeAggregates(
  totals: LedgerTotals,
  options: { firstYear: number; lastYear: number; includePartners: boolean },
): InvestmentAggregates {
  const bySource = INVESTMENT_SOURCES.map((source) => {
    const row = totals.bySource.find((r) => r.source === source);
    return { source, amountTiyn: row?.amountTiyn ?? 0, count: row?.count ?? 0 };
  });
  const byYear = [];
  for (let year = options.firstYear; year <= options.lastYear; year++) {
    const split = zeroBySource();
    for (const row of totals.byYearSource.filter((r) => r.year === year)) split[row.source] = row.amountTiyn;
    byYear.push({ year, amountTiyn: Object.values(split).reduce((a, b) => a + b, 0), bySource: split });
  }
  const byArea = PRIORITY_AREAS.map((area) => ({
    area,
    amountTiyn: totals.byArea.find((r) => r.area === area)?.amountTiyn ?? 0,
  }));
  const byPartner = options.includePartners
    ? [...totals.byPartner].sort(
        (a, b) => b.amountTiyn - a.amountTiyn || a.shortName.localeCompare(b.shortName),
      )
    : null;
  return {
    totalTiyn: bySource.reduce((sum, s) => sum + s.amountTiyn, 0),
    count: bySource.reduce((sum, s) => sum + s.count, 0),
    bySource,
    byYear,
    byArea,
    byPartner,
  };
}

/** The year span of a chart: from 2015 (or the period's start) to the period's end (or this year). */
export function yearSpan(today: string, from?: string, to?: string): { firstYear: number; lastYear: number } {
  const firstYear = from ? Math.max(Number(from.slice(0, 4)), 1990) : LEDGER_FIRST_YEAR;
  const lastYear = Number((to ?? today).slice(0, 4));
  return { firstYear, lastYear: Math.max(firstYear, lastYear) };
}
