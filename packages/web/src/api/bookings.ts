import type { Booking, BookingUsageBody, CreateBookingBody, Page, UpdateBookingBody } from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';

/** A page of bookings, filtered and sorted as in `GET /api/bookings`. */
export function useBookings(params: QueryParams, enabled = true) {
  return useQuery({
    queryKey: ['bookings', params],
    queryFn: ({ signal }) => apiFetch<Page<Booking>>('/api/bookings', { query: params, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** One booking, as in `GET /api/bookings/:id` (e.g. the one a new booking clashes with). */
export function useBooking(id: number | undefined) {
  return useQuery({
    queryKey: ['booking', id],
    queryFn: ({ signal }) => apiFetch<Booking>(`/api/bookings/${id}`, { signal }),
    enabled: id !== undefined && Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** Books, reschedules, cancels and records use; every success refreshes bookings and utilisation. */
export function useBookingMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    for (const key of ['bookings', 'booking', 'utilisation']) {
      await queryClient.invalidateQueries({ queryKey: [key] });
    }
  };
  return {
    create: useMutation({
      mutationFn: (body: CreateBookingBody) => apiFetch<Booking>('/api/bookings', { method: 'POST', body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: UpdateBookingBody }) =>
        apiFetch<Booking>(`/api/bookings/${id}`, { method: 'PATCH', body: patch }),
      onSuccess: refresh,
    }),
    cancel: useMutation({
      mutationFn: (id: number) => apiFetch<Booking>(`/api/bookings/${id}/cancel`, { method: 'POST' }),
      onSuccess: refresh,
    }),
    recordUsage: useMutation({
      mutationFn: ({ id, body }: { id: number; body: BookingUsageBody }) =>
        apiFetch<Booking>(`/api/bookings/${id}/usage`, { method: 'PUT', body }),
      onSuccess: refresh,
    }),
  };
}
