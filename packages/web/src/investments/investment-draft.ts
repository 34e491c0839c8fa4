import { type CreateInvestmentBody, type InvestmentSource, parseKzt } from '@kadr/contracts';
import type { BodyDraft } from '../components/use-schema-form';
import type { TrilingualDraft } from '../components/trilingual-fields';

/** One allocation row of the form: the kind of asset, the chosen asset and the tenge typed. */
export interface AllocationDraft {
  key: number;
  assetType: 'lab' | 'equipment';
  assetId: string | null;
  amount: string;
}

/** What the investment form holds: the typed texts, turned into a body by {@link investmentBodyOf}. */
export interface InvestmentDraft {
  source: InvestmentSource;
  organisationId: string | null;
  agreementId: string | null;
  amount: string;
  foreign: boolean;
  currency: string;
  originalAmount: string;
  rate: string;
  investedOn: string;
  description: TrilingualDraft;
  allocations: AllocationDraft[];
}

let nextKey = 1;

/** An empty allocation row with a key of its own (React keys survive removals). */
export const newAllocation = (): AllocationDraft => ({
  key: nextKey++,
  assetType: 'lab',
  assetId: null,
  amount: '',
});

/** The draft a new investment starts from, dated `today` (YYYY-MM-DD). */
export function emptyInvestmentDraft(today: string): InvestmentDraft {
  return {
    source: 'ppp_partner',
    organisationId: null,
    agreementId: null,
    amount: '',
    foreign: false,
    currency: 'USD',
    originalAmount: '',
    rate: '',
    investedOn: today,
    description: { kk: '', ru: '', en: '' },
    allocations: [newAllocation()],
  };
}

const idOf = (value: string | null) => (value ? Number(value) : null);

/**
 * The create body the draft stands for; `createInvestmentBodySchema` checks it (PPP partner and agreement,
 * the rate, allocations summing to the amount), so the form has no rules of its own.
 */
export function investmentBodyOf(d: InvestmentDraft): BodyDraft<CreateInvestmentBody> {
  const ppp = d.source === 'ppp_partner';
  return {
    source: d.source,
    organisationId: idOf(d.organisationId),
    agreementId: ppp ? idOf(d.agreementId) : null,
    amountTiyn: parseKzt(d.amount),
    original: d.foreign ? { currency: d.currency, amount: d.originalAmount, rate: d.rate } : null,
    investedOn: d.investedOn,
    description: d.description,
    allocations: d.allocations.map((a) => ({
      ...(a.assetType === 'lab'
        ? { labId: idOf(a.assetId) ?? undefined }
        : { equipmentId: idOf(a.assetId) ?? undefined }),
      amountTiyn: parseKzt(a.amount),
    })),
  };
}

/** Tiyn still to allocate (negative when over-allocated), for the running total under the rows. */
export function remainingTiyn(d: InvestmentDraft): number {
  const allocated = d.allocations.reduce((sum, a) => sum + (parseKzt(a.amount) ?? 0), 0);
  return (parseKzt(d.amount) ?? 0) - allocated;
}
