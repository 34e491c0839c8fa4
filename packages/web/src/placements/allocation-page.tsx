import type { RoundPreview } from '@kadr/contracts';
import { Alert, Badge, Button, Group, List, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAllocationJob,
  useAllocationRounds,
  usePublishRound,
  useRoundPreview,
  useStartAllocation,
} from '../api/allocation';
import { useMe } from '../api/auth';
import { errorMessage } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { formatNumber, formatPercent } from '../components/number-format';
import { SimpleTable } from '../components/simple-table';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';

/**
 * The officer's allocation of a round: run the engine (progress while the worker thread allocates and checks),
 * preview the statistics and the checker's verdict, publish every placement at once. Coordinators read it.
 */
export function AllocationPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const canRun = me?.role === 'admin' || me?.role === 'officer';
  const rounds = useAllocationRounds();
  // A round page links here with ?round=ID: that round is selected first (when it is one to allocate).
  const search = useSearch({ strict: false }) as { round?: number };
  const [selected, setSelected] = useState<string | null>(null);
  const linked = rounds.data?.find((r) => r.id === search.round)?.id;
  const roundId = selected === null ? (linked ?? rounds.data?.[0]?.id) : Number(selected);
  const round = rounds.data?.find((r) => r.id === roundId);
  const job = useAllocationJob(roundId);
  const preview = useRoundPreview(roundId);
  const start = useStartAllocation();
  const publish = usePublishRound();
  const confirm = useConfirmAction();
  const running = job.data && job.data.stage !== 'done' && job.data.stage !== 'failed';
  const [lastJob, setLastJob] = useState<string | undefined>();
  if (job.data?.stage === 'done' && lastJob !== job.data.id) {
    setLastJob(job.data.id);
    void preview.refetch();
  }

  const askPublish = () => {
    if (roundId === undefined) return;
    confirm.ask({
      title: t('allocation.publishTitle'),
      message: t('allocation.publishMessage', { name: round ? localized(round.name, locale) : '' }),
      confirmLabel: t('allocation.publish'),
      color: 'green',
      run: () => publish.mutateAsync(roundId),
      done: t('allocation.published'),
    });
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('allocation.title')}
      </Title>
      <Text c="dimmed">{t('allocation.about')}</Text>
      <Select
        label={t('allocation.round')}
        data={(rounds.data ?? []).map((r) => ({
          value: String(r.id),
          label: `${localized(r.name, locale)} · ${t(`allocation.statuses.${r.status}`)}`,
        }))}
        value={roundId === undefined ? null : String(roundId)}
        onChange={setSelected}
        allowDeselect={false}
        maw={480}
        nothingFoundMessage={t('allocation.noRounds')}
      />
      {rounds.data && rounds.data.length === 0 ? <Text>{t('allocation.noRounds')}</Text> : null}
      {round && canRun && round.status === 'closed' ? (
        <Group>
          <Button
            onClick={() => start.mutate(round.id)}
            loading={start.isPending}
            disabled={Boolean(running)}
          >
            {t('allocation.run')}
          </Button>
        </Group>
      ) : null}
      {start.error ? <Alert color="red">{errorMessage(t, start.error)}</Alert> : null}
      {job.data ? (
        <Stack gap={4} data-testid="allocation-job">
          <Text id="allocation-progress-label">{t(`allocation.stages.${job.data.stage}`)}</Text>
          {/* The progressbar role is on the section, so the name goes there (axe: aria-progressbar-name). */}
          <Progress.Root>
            <Progress.Section
              value={Math.round(job.data.progress * 100)}
              aria-labelledby="allocation-progress-label"
              animated={Boolean(running)}
            />
          </Progress.Root>
          {job.data.error ? <Alert color="red">{job.data.error.message}</Alert> : null}
        </Stack>
      ) : null}
      {preview.data ? (
        <PreviewView
          preview={preview.data}
          canPublish={canRun && round?.status === 'closed'}
          onPublish={askPublish}
        />
      ) : round && round.status === 'closed' && !running ? (
        <Text c="dimmed">{t('allocation.notRun')}</Text>
      ) : null}
      {round?.publishedAt ? (
        <Alert color="green">
          {t('allocation.publishedAt', { at: formatDateTime(round.publishedAt, locale) })}
        </Alert>
      ) : null}
      {confirm.dialog}
    </Stack>
  );
}

function PreviewView({
  preview,
  canPublish,
  onPublish,
}: {
  preview: RoundPreview;
  canPublish: boolean;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const s = preview.summary;
  return (
    <Stack gap="md" data-testid="allocation-preview">
      <Title order={2} size="h3">
        {t('allocation.preview')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('allocation.allocatedAt', { at: formatDateTime(preview.allocatedAt, locale) })}
      </Text>
      {preview.verdict.ok ? (
        <Alert color="green" title={t('allocation.checkOk')}>
          {t('allocation.checkOkText')}
        </Alert>
      ) : (
        <Alert color="red" title={t('allocation.checkFailed')}>
          <List size="sm">
            {preview.verdict.violations.slice(0, 10).map((v) => (
              <List.Item key={`${v.kind}:${v.message}`}>{v.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.stale ? (
        <Alert color="yellow" title={t('allocation.staleTitle')}>
          {t('allocation.stale')}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Badge size="lg" variant="outline">
          {t('allocation.students')}: {formatNumber(s.students, locale)}
        </Badge>
        <Badge size="lg" variant="outline" color="green">
          {t('allocation.placed')}: {formatNumber(s.placed, locale)}
        </Badge>
        <Badge size="lg" variant="outline" color="red">
          {t('allocation.unplaced')}: {formatNumber(s.unplaced, locale)}
        </Badge>
        <Badge size="lg" variant="outline">
          {t('allocation.fillRate')}: {formatPercent(s.fillRate, locale)}
        </Badge>
        {s.kept > 0 ? (
          <Badge size="lg" variant="outline">
            {t('allocation.kept')}: {formatNumber(s.kept, locale)}
          </Badge>
        ) : null}
      </Group>
      <Title order={3} size="h4">
        {t('allocation.choices')}
      </Title>
      <SimpleTable
        caption={t('allocation.choices')}
        rowKey={(r) => String(r.choice)}
        rows={preview.choices}
        columns={[
          {
            key: 'choice',
            header: t('allocation.choice'),
            render: (r) => (r.choice === null ? t('allocation.unplaced') : formatNumber(r.choice, locale)),
          },
          {
            key: 'students',
            header: t('allocation.students'),
            render: (r) => formatNumber(r.students, locale),
          },
        ]}
      />
      <Title order={3} size="h4">
        {t('allocation.byProgramme')}
      </Title>
      <SimpleTable
        caption={t('allocation.byProgramme')}
        rowKey={(r) => String(r.programmeId)}
        rows={preview.byProgramme}
        columns={[
          { key: 'name', header: t('allocation.programme'), render: (r) => localized(r.name, locale) },
          {
            key: 'students',
            header: t('allocation.students'),
            render: (r) => formatNumber(r.students, locale),
          },
          { key: 'placed', header: t('allocation.placed'), render: (r) => formatNumber(r.placed, locale) },
          {
            key: 'first',
            header: t('allocation.firstChoice'),
            render: (r) => formatNumber(r.firstChoice, locale),
          },
        ]}
      />
      <Title order={3} size="h4">
        {t('allocation.byPartner')}
      </Title>
      <SimpleTable
        caption={t('allocation.byPartner')}
        rowKey={(r) => r.organisationId}
        rows={preview.byPartner}
        columns={[
          { key: 'name', header: t('allocation.partner'), render: (r) => localized(r.name, locale) },
          { key: 'offers', header: t('allocation.offers'), render: (r) => formatNumber(r.offers, locale) },
          { key: 'seats', header: t('allocation.seats'), render: (r) => formatNumber(r.seats, locale) },
          { key: 'filled', header: t('allocation.filled'), render: (r) => formatNumber(r.filled, locale) },
        ]}
      />
      <Title order={3} size="h4">
        {t('allocation.unplacedList')}
      </Title>
      <SimpleTable
        caption={t('allocation.unplacedList')}
        rowKey={(r) => r.studentId}
        rows={preview.unplaced}
        columns={[{ key: 'name', header: t('allocation.student'), render: (r) => r.fullName }]}
      />
      {canPublish ? (
        <Group>
          <Button color="green" onClick={onPublish} disabled={!preview.verdict.ok || preview.stale}>
            {t('allocation.publish')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
