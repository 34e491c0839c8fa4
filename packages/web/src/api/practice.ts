import type {
  JournalEntry,
  JournalEntryBody,
  JournalReview,
  MentorLinkIssued,
  MentorLinkOutcome,
  MentorLinkSubmitBody,
  MentorLinkView,
  Page,
  Placement,
  PlacementDetail,
  PlacementPeopleBody,
  PlacementStatus,
  SignoffParty,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';

/** Caches that show placements or their journals; refreshed after every practice write. */
const PRACTICE_KEYS = ['placements', 'placement', 'placement-journal', 'passport'];

function usePracticeMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(PRACTICE_KEYS.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
  });
}

/** The placements the reader may see. */
export function usePlacements(params: QueryParams) {
  return useQuery({
    queryKey: ['placements', params],
    queryFn: ({ signal }) => apiFetch<Page<Placement>>('/api/placements', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One placement with its timeline, sign-offs and what the reader may do. */
export function usePlacement(id: number) {
  return useQuery({
    queryKey: ['placement', id],
    queryFn: ({ signal }) => apiFetch<PlacementDetail>(`/api/placements/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** The journal of a placement. */
export function usePlacementJournal(id: number) {
  return useQuery({
    queryKey: ['placement-journal', id],
    queryFn: ({ signal }) => apiFetch<JournalEntry[]>(`/api/placements/${id}/journal`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Staff who may supervise (staff only). */
export function useSupervisorOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['placement-supervisors'],
    queryFn: ({ signal }) =>
      apiFetch<{ id: number; fullName: string; role: string }[]>('/api/placement-supervisors', { signal }),
    enabled,
  });
}

/** Moves a placement along its lifecycle. */
export function useTransitionPlacement(id: number) {
  return usePracticeMutation((body: { to: PlacementStatus; note?: string }) =>
    apiFetch<PlacementDetail>(`/api/placements/${id}/transitions`, { method: 'POST', body }),
  );
}

/** Signs off the agreement for a party, with the SHA-256 of the document shown. */
export function useSignOff(id: number) {
  return usePracticeMutation((body: { party: SignoffParty; documentSha256: string }) =>
    apiFetch<PlacementDetail>(`/api/placements/${id}/signoffs`, { method: 'POST', body }),
  );
}

/** Sets the supervisor and the mentor (staff). */
export function useUpdatePlacementPeople(id: number) {
  return usePracticeMutation((body: PlacementPeopleBody) =>
    apiFetch<PlacementDetail>(`/api/placements/${id}`, { method: 'PATCH', body }),
  );
}

/** Records the final grade (staff). */
export function useGradePlacement(id: number) {
  return usePracticeMutation((body: { points: number }) =>
    apiFetch<PlacementDetail>(`/api/placements/${id}/grade`, { method: 'PUT', body }),
  );
}

/** Marks the hire (staff, the company). */
export function useMarkHired(id: number) {
  return usePracticeMutation((body: { hiredOn: string | null }) =>
    apiFetch<PlacementDetail>(`/api/placements/${id}/hire`, { method: 'PUT', body }),
  );
}

/** Issues a mentor link (staff). */
export function useIssueMentorLink(id: number) {
  return usePracticeMutation((body: { days: number }) =>
    apiFetch<MentorLinkIssued>(`/api/placements/${id}/mentor-links`, { method: 'POST', body }),
  );
}

/** Adds a journal entry (the student). */
export function useAddJournalEntry(id: number) {
  return usePracticeMutation((body: JournalEntryBody) =>
    apiFetch<JournalEntry>(`/api/placements/${id}/journal`, { method: 'POST', body }),
  );
}

/** Corrects a journal entry (the student). */
export function useUpdateJournalEntry() {
  return usePracticeMutation(({ id, ...body }: JournalEntryBody & { id: number }) =>
    apiFetch<JournalEntry>(`/api/journal-entries/${id}`, { method: 'PATCH', body }),
  );
}

/** Approves or returns an entry (the signed-in mentor). */
export function useReviewJournalEntry() {
  return usePracticeMutation(({ id, ...body }: JournalReview & { id: number }) =>
    apiFetch<JournalEntry>(`/api/journal-entries/${id}/review`, { method: 'POST', body }),
  );
}

/** Assesses the offer's competencies (the signed-in mentor). */
export function useAssessPlacement(id: number) {
  return usePracticeMutation(
    (body: { assessments: { competencyId: number; level: number; comment: string }[] }) =>
      apiFetch<void>(`/api/placements/${id}/assessments`, { method: 'PUT', body }),
  );
}

/** What a mentor's link shows (no account). */
export function useMentorLink(token: string) {
  return useQuery({
    queryKey: ['mentor-link', token],
    queryFn: ({ signal }) => apiFetch<MentorLinkView>(`/api/mentor-links/${token}`, { signal }),
    retry: false,
  });
}

/** Submits through a mentor's link, once. */
export function useSubmitMentorLink(token: string) {
  return useMutation({
    mutationFn: (body: MentorLinkSubmitBody) =>
      apiFetch<MentorLinkOutcome>(`/api/mentor-links/${token}`, { method: 'POST', body }),
  });
}
