import type { PlacementDashboard } from '@kadr/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from './client';

/** The placement dashboard of an academic year (the current one when `year` is undefined). */
export function usePlacementDashboard(year: number | undefined) {
  return useQuery({
    queryKey: ['placement-dashboard', year ?? 'current'],
    queryFn: ({ signal }) =>
      apiFetch<PlacementDashboard>('/api/placements/dashboard', {
        query: year === undefined ? {} : { year },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
