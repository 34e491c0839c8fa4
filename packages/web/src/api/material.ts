import type {
  Agreement,
  AgreementDetail,
  CreateEquipmentBody,
  CreateInvestmentBody,
  CreateLabBody,
  Equipment,
  ImpactReport,
  Investment,
  InvestmentAggregates,
  Lab,
  Locale,
  Page,
  PartnerOverview,
  PartnerSummary,
  UpdateEquipmentBody,
  UpdateLabBody,
  UtilisationReport,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';

const listDefaults = { placeholderData: keepPreviousData } as const;

/** A page of the investment ledger, as in `GET /api/investments`. */
export function useInvestments(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['investments', params],
    queryFn: ({ signal }) => apiFetch<Page<Investment>>('/api/investments', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** Ledger totals by source, year, area (and partner for staff), as in `GET /api/investments/aggregates`. */
export function useInvestmentAggregates(enabled = true) {
  return useQuery({
    queryKey: ['investments', 'aggregates'],
    queryFn: ({ signal }) => apiFetch<InvestmentAggregates>('/api/investments/aggregates', { signal }),
    enabled,
  });
}

/** Records an investment; refreshes the ledger, partners and the material base. */
export function useCreateInvestment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvestmentBody) =>
      apiFetch<Investment>('/api/investments', { method: 'POST', body }),
    onSuccess: async () => {
      for (const key of ['investments', 'partners', 'partner', 'labs', 'equipment']) {
        await queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}

/** A page of partners with their figures, as in `GET /api/partners`. */
export function usePartners(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['partners', params],
    queryFn: ({ signal }) => apiFetch<Page<PartnerSummary>>('/api/partners', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** Everything linked to one partner, as in `GET /api/partners/:id`. */
export function usePartner(id: number | undefined) {
  return useQuery({
    queryKey: ['partner', id],
    queryFn: ({ signal }) => apiFetch<PartnerOverview>(`/api/partners/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id),
    retry: false,
  });
}

/** The impact report of a partner in a language, as in `GET /api/partners/:id/impact`. */
export function useImpactReport(id: number | undefined, lang: Locale) {
  return useQuery({
    queryKey: ['partner', id, 'impact', lang],
    queryFn: ({ signal }) =>
      apiFetch<ImpactReport>(`/api/partners/${id}/impact`, { query: { lang }, signal }),
    enabled: id !== undefined && Number.isInteger(id),
    retry: false,
  });
}

/** Labs (a large page, for pickers and tables), as in `GET /api/labs`. */
export function useLabs(params: QueryParams = { pageSize: 200, sort: 'code' }, enabled = true) {
  return useQuery({
    queryKey: ['labs', params],
    queryFn: ({ signal }) => apiFetch<Page<Lab>>('/api/labs', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** Equipment items, as in `GET /api/equipment`. */
export function useEquipment(params: QueryParams = { pageSize: 200 }, enabled = true) {
  return useQuery({
    queryKey: ['equipment', params],
    queryFn: ({ signal }) => apiFetch<Page<Equipment>>('/api/equipment', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** Agreements, as in `GET /api/agreements` (filter by `organisationId`, `kind`, `status`). */
export function useAgreements(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['agreements', params],
    queryFn: ({ signal }) => apiFetch<Page<Agreement>>('/api/agreements', { query: params, signal }),
    enabled,
    ...listDefaults,
  });
}

/** Active agreements expiring within `days`, as in `GET /api/agreements/expiring`. */
export function useExpiringAgreements(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['agreements', 'expiring', params],
    queryFn: ({ signal }) =>
      apiFetch<Page<Agreement>>('/api/agreements/expiring', { query: { days: 90, ...params }, signal }),
    enabled,
    ...listDefaults,
  });
}

/** One agreement with its obligations and documents, as in `GET /api/agreements/:id`. */
export function useAgreement(id: number | undefined) {
  return useQuery({
    queryKey: ['agreement', id],
    queryFn: ({ signal }) => apiFetch<AgreementDetail>(`/api/agreements/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** Utilisation of labs and equipment over a period, as in `GET /api/utilisation`. */
export function useUtilisation(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['utilisation', params],
    queryFn: ({ signal }) => apiFetch<UtilisationReport>('/api/utilisation', { query: params, signal }),
    enabled,
  });
}

/** Creates, edits and deletes labs; every success refreshes labs, equipment and utilisation. */
export function useLabMutations() {
  return useAssetMutations<Lab, CreateLabBody, UpdateLabBody>('/api/labs');
}

/** Creates, edits and deletes equipment items; every success refreshes labs, equipment and utilisation. */
export function useEquipmentMutations() {
  return useAssetMutations<Equipment, CreateEquipmentBody, UpdateEquipmentBody>('/api/equipment');
}

function useAssetMutations<T, Create, Patch>(path: string) {
  const queryClient = useQueryClient();
  const refresh = async () => {
    for (const key of ['labs', 'equipment', 'utilisation']) {
      await queryClient.invalidateQueries({ queryKey: [key] });
    }
  };
  return {
    create: useMutation({
      mutationFn: (body: Create) => apiFetch<T>(path, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: Patch }) =>
        apiFetch<T>(`${path}/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiFetch<void>(`${path}/${id}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}
