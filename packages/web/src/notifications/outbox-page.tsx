import type { Notification } from '@kadr/contracts';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  useNotificationSummary,
  useNotifications,
  useRetryNotification,
} from '../api/notifications';
import { type Column, DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { TimeZoneNote } from '../components/time-zone-note';
import { useConfirmAction } from '../components/use-confirm-action';
import { useListState } from '../components/use-list-state';
import { currentLocale } from '../i18n';
import { FilterSelect } from '../components/filter-select';

type OutboxFilters = { status: string | undefined; kind: string | undefined };

const STATUS_COLOR = { pending: 'blue', sent: 'green', failed: 'red' } as const;

/** Admin and officer page: the notification outbox, filtered by status and kind; a failed message can be retried. */
export function OutboxPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<OutboxFilters>({
    sort: '-createdAt',
    filters: { status: undefined, kind: undefined },
  });
  const messages = useNotifications(list.params);
  const summary = useNotificationSummary();
  const retry = useRetryNotification();
  const confirm = useConfirmAction();

  const askRetry = (m: Notification) =>
    confirm.ask({
      title: t('outbox.retryTitle'),
      message: t('outbox.retryMessage', { email: m.recipientEmail }),
      confirmLabel: t('outbox.retry'),
      color: 'blue',
      run: () => retry.mutateAsync(m.id),
      done: t('outbox.retried'),
    });

  const columns: Column<Notification>[] = [
    {
      key: 'createdAt',
      header: t('outbox.createdAt'),
      sortField: 'createdAt',
      nowrap: true,
      render: (m) => formatDateTime(m.createdAt, locale),
    },
    { key: 'recipient', header: t('outbox.recipient'), render: (m) => m.recipientEmail },
    {
      key: 'kind',
      header: t('outbox.kind'),
      render: (m) => t(`outbox.kinds.${m.kind}`, { defaultValue: m.kind }),
    },
    { key: 'subject', header: t('outbox.subject'), render: (m) => m.subject },
    {
      key: 'status',
      header: t('outbox.status'),
      sortField: 'status',
      nowrap: true,
      render: (m) => (
        <Badge color={STATUS_COLOR[m.status]} variant="light">
          {t(`outbox.statuses.${m.status}`)}
        </Badge>
      ),
    },
    { key: 'attempts', header: t('outbox.attempts'), sortField: 'attempts', render: (m) => m.attempts },
    {
      key: 'when',
      header: t('outbox.when'),
      sortField: 'nextAttemptAt',
      nowrap: true,
      render: (m) =>
        m.status === 'sent'
          ? t('outbox.sentAt', { at: formatDateTime(m.sentAt, locale) })
          : m.status === 'pending'
            ? t('outbox.nextAttempt', { at: formatDateTime(m.nextAttemptAt, locale) })
            : '—',
    },
    {
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (m) =>
        m.status === 'failed' ? (
          <Button
            size="xs"
            variant="light"
            onClick={() => askRetry(m)}
            aria-label={t('outbox.retryOf', { email: m.recipientEmail })}
          >
            {t('outbox.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('outbox.title')}
      </Title>
      <Text c="dimmed">{t('outbox.about')}</Text>
      {summary.data ? (
        <Group gap="sm" data-testid="outbox-summary">
          {NOTIFICATION_STATUSES.map((status) => (
            <Badge key={status} color={STATUS_COLOR[status]} variant="outline" size="lg">
              {t(`outbox.statuses.${status}`)}: {summary.data[status]}
            </Badge>
          ))}
        </Group>
      ) : null}
      {summary.data && !summary.data.smtpConfigured ? (
        <Alert color="yellow" title={t('outbox.noSmtpTitle')}>
          {t('outbox.noSmtp')}
        </Alert>
      ) : null}
      <TimeZoneNote />
      <DataTable
        testId="outbox-table"
        caption={t('outbox.title')}
        columns={columns}
        list={list}
        query={messages}
        rowKey={(m) => m.id}
        searchHint={t('outbox.searchHint')}
        renderExpanded={(m) => (
          <Stack gap="xs">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
            <Text size="sm" c="dimmed">
              {t('outbox.ref')}: {m.ref || '—'}
            </Text>
            {m.lastError ? (
              <Text size="sm" c="red.8">
                {t('outbox.lastError')}: {m.lastError}
              </Text>
            ) : null}
          </Stack>
        )}
        expandLabel={(m) => t('outbox.showMessage', { email: m.recipientEmail })}
        filters={
          <>
            <FilterSelect
              label={t('outbox.status')}
              w={160}
              choices={NOTIFICATION_STATUSES}
              labels="outbox.statuses"
              {...list.filter('status')}
            />
            <FilterSelect
              label={t('outbox.kind')}
              w={220}
              choices={NOTIFICATION_KINDS}
              labels="outbox.kinds"
              {...list.filter('kind')}
            />
          </>
        }
      />
      {confirm.dialog}
    </Stack>
  );
}
