import { createRoundBodySchema, ROUND_STATUSES, type Round, type RoundStatus } from '@kadr/contracts';
import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useCanRunRounds, useRoundMutations, useRounds } from '../api/placements';
import { type Column, DataTable } from '../components/data-table';
import { FormModal } from '../components/form-modal';
import { formatDateTime } from '../components/format';
import { formAlert, succeedWith } from '../components/form-feedback';
import { TimeZoneNote } from '../components/time-zone-note';
import { TrilingualFields, trilingualProps, type TrilingualDraft } from '../components/trilingual-fields';
import { useListState } from '../components/use-list-state';
import { useSchemaForm } from '../components/use-schema-form';
import { currentLocale, localized } from '../i18n';

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

/** `2026-12-20T17:00` (a datetime-local input) as an ISO instant, in the browser's zone. */
const instant = (local: string) => (local ? new Date(local).toISOString() : '');

/** Drafts a round: name, academic year, how many choices, the three deadlines. */
function RoundFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { create } = useRoundMutations();
  const form = useSchemaForm({
    opened,
    init: () => ({
      name: { kk: '', ru: '', en: '' } as TrilingualDraft,
      academicYear: new Date().getFullYear() as number | '',
      maxChoices: 5 as number | '',
      rankingClosesAt: '',
      partnerRankingClosesAt: '',
      responseClosesAt: '',
    }),
    schema: createRoundBodySchema,
    body: (d) => ({
      name: d.name,
      academicYear: d.academicYear === '' ? undefined : d.academicYear,
      maxChoices: d.maxChoices === '' ? undefined : d.maxChoices,
      rankingClosesAt: instant(d.rankingClosesAt),
      partnerRankingClosesAt: instant(d.partnerRankingClosesAt),
      responseClosesAt: instant(d.responseClosesAt),
    }),
    onOpen: () => create.reset(),
    serverError: create.error,
  });
  const submit = () => {
    const body = form.validBody();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (round) => {
        succeedWith(t('rounds.created'), onClose)();
        void navigate({ to: '/rounds/$roundId', params: { roundId: String(round.id) } });
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('rounds.createTitle')}
      onSubmit={submit}
      error={create.error}
      errorContent={formAlert(t, create.error)}
      isPending={create.isPending}
      submitLabel={t('common.create')}
      testId="round-form"
    >
      <TrilingualFields {...trilingualProps(form, 'name')} legend={t('rounds.name')} autoFocus />
      <SimpleGrid cols={2}>
        <NumberInput
          label={t('rounds.academicYear')}
          description={t('rounds.academicYearHint')}
          required
          min={2000}
          max={2100}
          allowDecimal={false}
          {...form.field('academicYear')}
        />
        <NumberInput
          label={t('rounds.maxChoices')}
          required
          min={1}
          max={20}
          allowDecimal={false}
          {...form.field('maxChoices')}
        />
      </SimpleGrid>
      <TextInput
        label={t('rounds.rankingClosesAt')}
        type="datetime-local"
        required
        {...form.field('rankingClosesAt')}
      />
      <TextInput
        label={t('rounds.partnerRankingClosesAt')}
        type="datetime-local"
        required
        {...form.field('partnerRankingClosesAt')}
      />
      <TextInput
        label={t('rounds.responseClosesAt')}
        type="datetime-local"
        required
        {...form.field('responseClosesAt')}
      />
      <TimeZoneNote />
    </FormModal>
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
        data={rounds.data}
        isFetching={rounds.isFetching}
        error={rounds.error}
        rowKey={(r) => r.id}
        searchHint={t('rounds.search')}
        filters={
          <Select
            label={t('rounds.status')}
            placeholder={t('common.all')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            w={170}
            data={ROUND_STATUSES.map((s) => ({ value: s, label: t(`roundStatuses.${s}`) }))}
            value={list.filters.status ?? null}
            onChange={(value) => list.setFilter('status', value ?? undefined)}
          />
        }
      />
    </Stack>
  );
}
