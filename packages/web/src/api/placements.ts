import type {
  AddRoundStudentsBody,
  AddRoundStudentsByNumberBody,
  Applicants,
  CreateOfferBody,
  CreateRoundBody,
  MyRanking,
  Offer,
  OfferScoringBody,
  Page,
  Round,
  RoundOffer,
  RoundOfferBody,
  RoundStudent,
  UpdateOfferBody,
  UpdateRoundBody,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMe } from './auth';
import { apiFetch, type QueryParams } from './client';

/** True when the signed-in user may post offers (the API's write policy: admin, officer, partner for itself). */
export function useCanWriteOffers(): boolean {
  const role = useMe()?.role;
  return role === 'admin' || role === 'officer' || role === 'partner';
}

/** True when the signed-in user sets up rounds (admin, officer). */
export function useCanRunRounds(): boolean {
  const role = useMe()?.role;
  return role === 'admin' || role === 'officer';
}

/** A page of offers as in `GET /api/offers`. */
export function useOffers(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['offers', params],
    queryFn: ({ signal }) => apiFetch<Page<Offer>>('/api/offers', { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Drafts, changes, publishes and withdraws offers; each success refreshes the offers and agreements. */
export function useOfferMutations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['offers'] });
    void queryClient.invalidateQueries({ queryKey: ['agreement'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateOfferBody) => apiFetch<Offer>('/api/offers', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateOfferBody }) =>
        apiFetch<Offer>(`/api/offers/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    transition: useMutation({
      mutationFn: ({ id, action }: { id: number; action: 'publish' | 'withdraw' }) =>
        apiFetch<Offer>(`/api/offers/${id}/${action}`, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

/** A page of rounds as in `GET /api/rounds`. */
export function useRounds(params: QueryParams) {
  return useQuery({
    queryKey: ['rounds', params],
    queryFn: ({ signal }) => apiFetch<Page<Round>>('/api/rounds', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One round. */
export function useRound(id: number) {
  return useQuery({
    queryKey: ['round', id],
    queryFn: ({ signal }) => apiFetch<Round>(`/api/rounds/${id}`, { signal }),
    retry: false,
  });
}

/** The offers of a round as the reader may see them. */
export function useRoundOffers(id: number, enabled = true) {
  return useQuery({
    queryKey: ['round', id, 'offers'],
    queryFn: ({ signal }) => apiFetch<RoundOffer[]>(`/api/rounds/${id}/offers`, { signal }),
    enabled,
    retry: false,
  });
}

/** A page of a round's students (staff). */
export function useRoundStudents(id: number, params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['round', id, 'students', params],
    queryFn: ({ signal }) =>
      apiFetch<Page<RoundStudent>>(`/api/rounds/${id}/students`, { query: params, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Creates and changes rounds, their offers and students, opens and closes them. */
export function useRoundMutations() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['rounds'] });
    void queryClient.invalidateQueries({ queryKey: ['round'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateRoundBody) => apiFetch<Round>('/api/rounds', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateRoundBody }) =>
        apiFetch<Round>(`/api/rounds/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    transition: useMutation({
      mutationFn: ({ id, action }: { id: number; action: 'open' | 'close' }) =>
        apiFetch<Round>(`/api/rounds/${id}/${action}`, { method: 'POST' }),
      onSuccess: refresh,
    }),
    putOffer: useMutation({
      mutationFn: ({ id, offerId, body }: { id: number; offerId: number; body: RoundOfferBody }) =>
        apiFetch<RoundOffer>(`/api/rounds/${id}/offers/${offerId}`, { method: 'PUT', body }),
      onSuccess: refresh,
    }),
    removeOffer: useMutation({
      mutationFn: ({ id, offerId }: { id: number; offerId: number }) =>
        apiFetch<void>(`/api/rounds/${id}/offers/${offerId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    addStudents: useMutation({
      mutationFn: ({ id, body }: { id: number; body: AddRoundStudentsBody }) =>
        apiFetch<{ added: number; studentIds: number[] }>(`/api/rounds/${id}/students`, {
          method: 'POST',
          body,
        }),
      onSuccess: refresh,
    }),
    addByNumber: useMutation({
      mutationFn: ({ id, body }: { id: number; body: AddRoundStudentsByNumberBody }) =>
        apiFetch<{ added: number; studentIds: number[]; alreadyInRound?: number }>(
          `/api/rounds/${id}/students/by-number`,
          { method: 'POST', body },
        ),
      onSuccess: refresh,
    }),
    removeStudent: useMutation({
      mutationFn: ({ id, studentId }: { id: number; studentId: number }) =>
        apiFetch<void>(`/api/rounds/${id}/students/${studentId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
  };
}

/** The signed-in student's ranking in a round. */
export function useMyRanking(id: number) {
  return useQuery({
    queryKey: ['round', id, 'my-ranking'],
    queryFn: ({ signal }) => apiFetch<MyRanking>(`/api/rounds/${id}/my-ranking`, { signal }),
    retry: false,
  });
}

/** Saves the signed-in student's ranking. */
export function useSaveRanking(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offerIds: number[]) =>
      apiFetch<MyRanking>(`/api/rounds/${id}/my-ranking`, { method: 'PUT', body: { offerIds } }),
    onSuccess: (data) => queryClient.setQueryData(['round', id, 'my-ranking'], data),
  });
}

/** The applicants of an offer in a round (its partner, or staff). */
export function useApplicants(id: number, offerId: number) {
  return useQuery({
    queryKey: ['round', id, 'applicants', offerId],
    queryFn: ({ signal }) =>
      apiFetch<Applicants>(`/api/rounds/${id}/offers/${offerId}/applicants`, { signal }),
    retry: false,
  });
}

/** Saves the partner's explicit ranking or its scoring policy. */
export function useApplicantMutations(id: number, offerId: number) {
  const queryClient = useQueryClient();
  const store = (data: Applicants) => queryClient.setQueryData(['round', id, 'applicants', offerId], data);
  return {
    rank: useMutation({
      mutationFn: (studentIds: number[]) =>
        apiFetch<Applicants>(`/api/rounds/${id}/offers/${offerId}/ranking`, {
          method: 'PUT',
          body: { studentIds },
        }),
      onSuccess: store,
    }),
    scoring: useMutation({
      mutationFn: (body: OfferScoringBody) =>
        apiFetch<Applicants>(`/api/rounds/${id}/offers/${offerId}/scoring`, { method: 'PUT', body }),
      onSuccess: store,
    }),
  };
}
