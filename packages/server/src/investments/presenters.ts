import type { Investment } from '@kadr/contracts';
import type { InvestmentRecord } from '@kadr/db';

/** Presents a ledger entry. */
export function presentInvestment(i: InvestmentRecord): Investment {
  return {
    ...i,
    source: i.source,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}
