import type { Placement } from '@kadr/contracts';
import { Alert, Badge, Group, Select, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlacements } from '../api/practice';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { SimpleTable } from '../components/simple-table';
import { currentLocale, localized } from '../i18n';
import { PLACEMENT_STATUS_COLOR, PLACEMENT_STATUS_LIST } from './practice-status';

/** The placements the reader may see (staff all, a student their own, a partner its offers', a mentor theirs). */
export function PlacementsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [status, setStatus] = useState<string | null>(null);
  const list = usePlacements({ pageSize: 200, ...(status ? { status } : {}) });
  return (
    <Stack>
      <Title order={1}>{t('practice.title')}</Title>
      <Group>
        <Select
          label={t('practice.filterStatus')}
          clearable
          value={status}
          onChange={setStatus}
          data={PLACEMENT_STATUS_LIST.map((s) => ({ value: s, label: t(`practice.status.${s}`) }))}
        />
      </Group>
      {list.error ? <Alert color="red">{errorMessage(t, list.error)}</Alert> : null}
      {list.data ? (
        <SimpleTable<Placement>
          caption={t('practice.title')}
          testId="placements-table"
          rows={list.data.items}
          rowKey={(p) => p.id}
          columns={[
            {
              key: 'student',
              header: t('practice.student'),
              render: (p) => (
                <Link
                  to="/placements/$placementId"
                  params={{ placementId: String(p.id) }}
                  className="table-link"
                >
                  {p.student.fullName}
                </Link>
              ),
            },
            {
              key: 'company',
              header: t('practice.company'),
              render: (p) => localized(p.offer.organisationName, locale),
            },
            { key: 'offer', header: t('practice.offer'), render: (p) => localized(p.offer.title, locale) },
            {
              key: 'period',
              header: t('practice.period'),
              render: (p) =>
                `${formatDate(p.offer.startsOn, locale)} — ${formatDate(p.offer.endsOn, locale)}`,
            },
            {
              key: 'status',
              header: t('practice.statusLabel'),
              render: (p) => (
                <Badge color={PLACEMENT_STATUS_COLOR[p.status]} variant="light">
                  {t(`practice.status.${p.status}`)}
                </Badge>
              ),
            },
          ]}
        />
      ) : (
        <PageLoader />
      )}
    </Stack>
  );
}
