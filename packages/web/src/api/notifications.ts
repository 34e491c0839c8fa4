import type {
  Notification,
  NotificationKind,
  NotificationStatus,
  NotificationSummary,
  Page,
} from '@kadr/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type QueryParams } from './client';
import { listOf } from './vocabulary';

/** Outbox states (contracts' NOTIFICATION_STATUSES, checked in notifications.test.ts). */
export const NOTIFICATION_STATUSES = listOf<NotificationStatus>()(['pending', 'sent', 'failed']);
/** Kinds of message (contracts' NOTIFICATION_KINDS). */
export const NOTIFICATION_KINDS = listOf<NotificationKind>()([
  'round-opened',
  'round-results',
  'response-deadline',
  'journal-approved',
  'journal-returned',
  'mentor-link',
]);

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
