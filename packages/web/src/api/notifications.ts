import type { Notification, NotificationSummary, Page } from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';

// Outbox states and kinds of message: the contracts' own lists, from their zod-free module.
export { NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '@kadr/contracts/vocabularies';

/** A page of the outbox, as in `GET /api/notifications`. */
export function useNotifications(params: QueryParams) {
  return useQuery({
    queryKey: ['notifications', params],
    queryFn: ({ signal }) => apiFetch<Page<Notification>>('/api/notifications', { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The outbox's counts by status and whether SMTP is configured. */
export function useNotificationSummary() {
  return useQuery({
    queryKey: ['notifications', 'summary'],
    queryFn: ({ signal }) => apiFetch<NotificationSummary>('/api/notifications/summary', { signal }),
  });
}

/** Retries a failed message; refreshes the outbox. */
export function useRetryNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<Notification>(`/api/notifications/${id}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
