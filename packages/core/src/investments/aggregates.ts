/**
 * The investment ledger's totals shaped for charts (DESIGN.md capability 3). Pure and generic in the funding
 * sources and priority areas, which the caller names in their display order (the server passes the contracts'
 * INVESTMENT_SOURCES and PRIORITY_AREAS), so that core names no API type.
 */

/** Raw totals of the ledger, as the repository sums them. */
export interface LedgerTotals<Source extends string = string, Area extends string = string> {
  bySource: { source: Source; amountTiyn: number; count: number }[];
  byYearSource: { year: number; source: Source; amountTiyn: number }[];
  byArea: { area: Area; amountTiyn: number }[];
  byPartner: { organisationId: number; shortName: string; amountTiyn: number }[];
}

/** The totals as charts show them: every source, year and area present, zeros included. */
export interface LedgerAggregates<Source extends string = string, Area extends string = string> {
  totalTiyn: number;
  count: number;
  bySource: { source: Source; amountTiyn: number; count: number }[];
  byYear: { year: number; amountTiyn: number; bySource: Record<Source, number> }[];
  byArea: { area: Area; amountTiyn: number }[];
  /** null when the viewer may not see per-partner sums. */
  byPartner: { organisationId: number; shortName: string; amountTiyn: number }[] | null;
}

/**
 * Shapes raw ledger totals for charts: every source and every priority area appear (zeros included),
 * and every year from `firstYear` to `lastYear`; `byPartner` only when the viewer may see it.
 * @example shapeAggregates(totals, { sources, areas, firstYear: 2015, lastYear: 2025, includePartners: true })
 */
export function shapeAggregates<Source extends string, Area extends string>(
  totals: LedgerTotals<Source, Area>,
  options: {
    sources: readonly Source[];
    areas: readonly Area[];
    firstYear: number;
    lastYear: number;
    includePartners: boolean;
  },
): LedgerAggregates<Source, Area> {
  const zeroBySource = () => Object.fromEntries(options.sources.map((s) => [s, 0])) as Record<Source, number>;
  const bySource = options.sources.map((source) => {
    const row = totals.bySource.find((r) => r.source === source);
    return { source, amountTiyn: row?.amountTiyn ?? 0, count: row?.count ?? 0 };
  });
  const byYear: LedgerAggregates<Source, Area>['byYear'] = [];
  for (let year = options.firstYear; year <= options.lastYear; year++) {
    const split = zeroBySource();
    for (const row of totals.byYearSource.filter((r) => r.year === year)) split[row.source] = row.amountTiyn;
    const amountTiyn = Object.values<number>(split).reduce((a, b) => a + b, 0);
    byYear.push({ year, amountTiyn, bySource: split });
  }
  const byArea = options.areas.map((area) => ({
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

/**
 * The year span of a chart: from `ledgerFirstYear` (or the period's start) to the period's end (or this year).
 * @example yearSpan(2015, '2026-12-06') // { firstYear: 2015, lastYear: 2026 }
 */
export function yearSpan(
  ledgerFirstYear: number,
  today: string,
  from?: string,
  to?: string,
): { firstYear: number; lastYear: number } {
  const firstYear = from ? Math.max(Number(from.slice(0, 4)), 1990) : ledgerFirstYear;
  const lastYear = Number((to ?? today).slice(0, 4));
  return { firstYear, lastYear: Math.max(firstYear, lastYear) };
}
