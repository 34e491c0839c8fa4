import { lazyDialog } from '../components/lazy-dialog';
import type { Round, RoundStatus } from '@kadr/contracts';
import { ROUND_STATUSES } from '@kadr/contracts/vocabularies';
import { Badge, Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useCanRunRounds, useRounds } from '../api/placements';
import { type Column, DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { TimeZoneNote } from '../components/time-zone-note';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { FilterSelect } from '../components/filter-select';

// The form dialog, with zod and the contracts' schemas, loads when it first opens (ADR 0019).
const RoundFormModal = lazyDialog(() => import('./round-form-modal').then((m) => m.RoundFormModal));

const STATUS_COLOR: Record<RoundStatus, string> = {
  draft: 'gray',
  open: 'green',
  closed: 'yellow',
  published: 'blue',
  archived: 'dark',
};

/** A round's status as a coloured badge. */
export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`roundStatuses.${status}`)}
    </Badge>
  );
}

/**
 * Allocation rounds: the officer drafts them here; students see the rounds they are in (and rank from there),
 * partners the rounds holding their offers, observers the counts.
 */
export function RoundsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const role = useMe()?.role;
  const canRun = useCanRunRounds();
  const [creating, setCreating] = useState(false);
  const list = useListState<{ status: string | undefined }>({
    sort: '-createdAt',
    filters: { status: undefined },
  });
  const rounds = useRounds(list.params);

  const columns: Column<Round>[] = [
    {
      key: 'name',
      header: t('rounds.name'),
      sortField: 'name',
      render: (r) =>
        role === 'student' ? (
          <Link to="/rounds/$roundId/ranking" params={{ roundId: String(r.id) }} className="table-link">
            {localized(r.name, locale)}
          </Link>
        ) : (
          <Link to="/rounds/$roundId" params={{ roundId: String(r.id) }} className="table-link">
            {localized(r.name, locale)}
          </Link>
        ),
    },
    {
      key: 'year',
      header: t('rounds.academicYear'),
      sortField: 'academicYear',
      render: (r) => `${r.academicYear}/${(r.academicYear + 1) % 100}`,
    },
    { key: 'status', header: t('rounds.status'), render: (r) => <RoundStatusBadge status={r.status} /> },
    {
      key: 'deadline',
      header: t('rounds.rankingClosesAt'),
      sortField: 'rankingClosesAt',
      nowrap: true,
      render: (r) => formatDateTime(r.rankingClosesAt, locale),
    },
    {
      key: 'offers',
      header: t('rounds.offers'),
      render: (r) => `${r.offerCount} · ${t('rounds.seats', { n: r.seatCount })}`,
    },
    { key: 'students', header: t('rounds.students'), render: (r) => `${r.rankedCount} / ${r.studentCount}` },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('rounds.pageTitle')}
        </Title>
        {canRun ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...RoundFormModal.opener}
            onClick={() => setCreating(true)}
            data-testid="create-round"
          >
            {t('rounds.create')}
          </Button>
        ) : null}
      </Group>
      <TimeZoneNote />
      {canRun ? <RoundFormModal opened={creating} onClose={() => setCreating(false)} /> : null}
      <DataTable
        testId="rounds-table"
        caption={t('rounds.pageTitle')}
        columns={columns}
        list={list}
        query={rounds}
        rowKey={(r) => r.id}
        searchHint={t('rounds.search')}
        filters={
          <FilterSelect
            label={t('rounds.status')}
            w={170}
            choices={ROUND_STATUSES}
            labels="roundStatuses"
            {...list.filter('status')}
          />
        }
      />
    </Stack>
  );
}
