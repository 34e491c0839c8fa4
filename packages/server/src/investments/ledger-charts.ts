import {
  INVESTMENT_SOURCES,
  type InvestmentAggregates,
  LEDGER_FIRST_YEAR,
  PRIORITY_AREAS,
} from '@kadr/contracts';
import { shapeAggregates, yearSpan } from '@kadr/core';
import type { LedgerTotals } from '@kadr/db';

/**
 * The ledger's totals shaped for charts by core's shapeAggregates, with the contracts' sources and areas in
 * their display order and years from 2015 (or the period's start) to the period's end (or today).
 */
export function ledgerCharts(
  totals: LedgerTotals,
  today: string,
  period: { from?: string | undefined; to?: string | undefined },
  includePartners: boolean,
): InvestmentAggregates {
  return shapeAggregates(totals, {
    sources: INVESTMENT_SOURCES,
    areas: PRIORITY_AREAS,
    ...yearSpan(LEDGER_FIRST_YEAR, today, period.from, period.to),
    includePartners,
  });
}
