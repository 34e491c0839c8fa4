import type {
  CreateDemandPlanBody,
  DemandPlan,
  DemandPlanDetail,
  GapCellDetail,
  GapReport,
  Page,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';

/** Demand plan versions (`GET /api/demand-plans`): staff any partner's, a partner its own. */
export function useDemandPlans(params: QueryParams) {
  return useQuery({
    queryKey: ['demand', 'plans', params],
    queryFn: ({ signal }) => apiFetch<Page<DemandPlan>>('/api/demand-plans', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One plan version with its lines, fetched when `id` is set. */
export function useDemandPlan(id: number | null) {
  return useQuery({
    queryKey: ['demand', 'plan', id],
    queryFn: ({ signal }) => apiFetch<DemandPlanDetail>(`/api/demand-plans/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** Declares a new version of a plan; refreshes the plans and the gaps. */
export function useDeclareDemand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDemandPlanBody) =>
      apiFetch<DemandPlanDetail>('/api/demand-plans', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demand'] }),
  });
}

/** The gap report (`GET /api/demand/gaps`). */
export function useGapReport(params: QueryParams) {
  return useQuery({
    queryKey: ['demand', 'gaps', params],
    queryFn: ({ signal }) => apiFetch<GapReport>('/api/demand/gaps', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One group and year of the gap report, fetched when a cell is chosen. */
export function useGapCell(
  cell: { programmeGroup: string; year: number } | null,
  filters: { attrition?: number | undefined; priorityArea?: string | undefined; region?: string | undefined },
) {
  return useQuery({
    queryKey: ['demand', 'cell', cell, filters],
    queryFn: ({ signal }) =>
      apiFetch<GapCellDetail>('/api/demand/gaps/cell', {
        query: { programmeGroup: cell!.programmeGroup, year: cell!.year, ...filters },
        signal,
      }),
    enabled: cell !== null,
  });
}
