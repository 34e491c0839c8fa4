import type {
  AllocationJob,
  AllocationRound,
  Locale,
  PublishedRound,
  RoundPreview,
  RoundResults,
  StudentRoundResult,
} from '@kadr/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client';

/** Rounds the allocation pages offer (staff: closed and published; a partner: published). */
export function useAllocationRounds() {
  return useQuery({
    queryKey: ['allocation', 'rounds'],
    queryFn: ({ signal }) => apiFetch<AllocationRound[]>('/api/allocation/rounds', { signal }),
  });
}

/** The round's last engine run, polled every half second while it runs; null when none ran in this server. */
export function useAllocationJob(roundId: number | undefined) {
  return useQuery({
    queryKey: ['allocation', 'job', roundId],
    enabled: roundId !== undefined,
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<AllocationJob>(`/api/rounds/${roundId}/allocation`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    refetchInterval: (query) => {
      const stage = query.state.data?.stage;
      return stage && stage !== 'done' && stage !== 'failed' ? 500 : false;
    },
  });
}

/** The preview of an allocated round; null before the first run. */
export function useRoundPreview(roundId: number | undefined) {
  return useQuery({
    queryKey: ['allocation', 'preview', roundId],
    enabled: roundId !== undefined,
    queryFn: async ({ signal }) => {
      try {
        return await apiFetch<RoundPreview>(`/api/rounds/${roundId}/allocation/preview`, { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Starts the engine on a round. */
export function useStartAllocation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roundId: number) =>
      apiFetch<AllocationJob>(`/api/rounds/${roundId}/allocation`, { method: 'POST' }),
    onSuccess: (job) => queryClient.setQueryData(['allocation', 'job', job.roundId], job),
  });
}

/** Publishes the previewed allocation. */
export function usePublishRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (roundId: number) =>
      apiFetch<PublishedRound>(`/api/rounds/${roundId}/allocation/publish`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['allocation'] }),
  });
}

/** The signed-in student's results, explained in `locale`. */
export function useMyPlacementResults(locale: Locale) {
  return useQuery({
    queryKey: ['allocation', 'my-results', locale],
    queryFn: ({ signal }) =>
      apiFetch<StudentRoundResult[]>('/api/me/placement-results', { query: { locale }, signal }),
  });
}

/** The student's answer to an offered place. */
export function useRespondToPlacement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: number; decision: 'accept' | 'decline' }) =>
      apiFetch<{ id: number; status: string }>(`/api/placements/${id}/response`, {
        method: 'POST',
        body: { decision },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['allocation', 'my-results'] }),
  });
}

/** Who was placed at each offer of a published round. */
export function useRoundResults(roundId: number | undefined) {
  return useQuery({
    queryKey: ['allocation', 'results', roundId],
    enabled: roundId !== undefined,
    queryFn: ({ signal }) => apiFetch<RoundResults>(`/api/rounds/${roundId}/results`, { signal }),
  });
}
