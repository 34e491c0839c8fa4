import type { Investment } from '@kadr/contracts';
import type { InvestmentRecord } from '@kadr/db';
import { isoTime } from '../iso-time.ts';

/** Presents a ledger entry (field by field: a spread of the record cost more than the rest of the presenting). */
export function presentInvestment(i: InvestmentRecord): Investment {
  return {
    id: i.id,
    source: i.source,
    organisationId: i.organisationId,
    organisationShortName: i.organisationShortName,
    agreementId: i.agreementId,
    agreementNumber: i.agreementNumber,
    amountTiyn: i.amountTiyn,
    original: i.original,
    investedOn: i.investedOn,
    description: i.description,
    allocations: i.allocations,
    createdAt: isoTime(i.createdAt),
    updatedAt: isoTime(i.updatedAt),
  };
}
