import type { AssetUtilisation, UtilisationReport } from '@kadr/contracts';
import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUtilisation } from '../api/material';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { fieldErrors } from '../components/issue-text';
import { FilterSelect } from '../components/filter-select';
import { formatDate } from '../components/format';
import { currentLocale, localized } from '../i18n';
import { SimpleTable } from '../components/simple-table';
import { UtilisationOverTime } from './utilisation-over-time';
import { formatHours, formatNumber, formatPercent } from '../components/number-format';
import { DateField } from '../components/date-field';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function UtilisationReportView({ report: r }: { report: UtilisationReport }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="md" data-testid="utilisation-report">
      <Text size="sm" c="dimmed" data-testid="utilisation-period">
        {t('material.utilisationAbout', {
          from: formatDate(r.from, locale),
          to: formatDate(r.to, locale),
          hours: formatNumber(r.hoursPerDay, locale),
        })}
      </Text>
      <UtilisationOverTime months={r.byMonth} />
      <Title order={2} size="h4">
        {t('material.bySource')}
      </Title>
      <SimpleTable
        caption={t('material.bySource')}
        rows={r.bySource}
        rowKey={(s) => s.source}
        columns={[
          {
            key: 'source',
            header: t('investments.source'),
            render: (s) =>
              s.source === 'unfunded' ? t('material.unfunded') : t(`investmentSources.${s.source}`),
          },
          { key: 'used', header: t('material.usedHours'), render: (s) => formatHours(s.usedHours, locale) },
          {
            key: 'available',
            header: t('material.availableHours'),
            render: (s) => formatHours(s.availableHours, locale),
          },
          {
            key: 'util',
            header: t('material.utilisation'),
            render: (s) => formatPercent(s.utilisation, locale),
          },
        ]}
      />
      <Title order={2} size="h4">
        {t('material.byAsset')}
      </Title>
      <SimpleTable<AssetUtilisation>
        caption={t('material.byAsset')}
        testId="utilisation-table"
        rows={[...r.assets].sort((a, b) => b.utilisation - a.utilisation)}
        rowKey={(a) => `${a.assetType}-${a.assetId}`}
        columns={[
          { key: 'code', header: t('partners.code'), render: (a) => a.code },
          { key: 'name', header: t('organisations.name'), render: (a) => localized(a.name, locale) },
          { key: 'sessions', header: t('impact.sessions'), render: (a) => formatNumber(a.sessions, locale) },
          {
            key: 'booked',
            header: t('material.bookedHours'),
            render: (a) => formatHours(a.bookedHours, locale),
          },
          { key: 'used', header: t('material.usedHours'), render: (a) => formatHours(a.usedHours, locale) },
          {
            key: 'available',
            header: t('material.availableHours'),
            render: (a) => formatHours(a.availableHours, locale),
          },
          {
            key: 'util',
            header: t('material.utilisation'),
            render: (a) => formatPercent(a.utilisation, locale),
          },
        ]}
      />
    </Stack>
  );
}

/** Utilisation per month, by funding source and by asset over a chosen period (default: the last 365 days). */
export function UtilisationTab() {
  const { t } = useTranslation();
  const [assetType, setAssetType] = useState<string | undefined>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const isRangeValid = !(DATE.test(from) && DATE.test(to) && from > to);
  const report = useUtilisation(
    {
      assetType,
      from: DATE.test(from) ? from : undefined,
      to: DATE.test(to) ? to : undefined,
    },
    isRangeValid,
  );
  const server = fieldErrors(t, report.error);
  return (
    <Stack gap="md">
      <Group align="flex-start" gap="sm" data-testid="utilisation-filters">
        <FilterSelect
          label={t('material.assetType')}
          data={[
            { value: 'lab', label: t('material.labs') },
            { value: 'equipment', label: t('material.equipment') },
          ]}
          value={assetType}
          onChange={setAssetType}
        />
        <DateField
          label={t('material.periodFrom')}
          w={180}
          value={from}
          onChange={(v) => setFrom(v)}
          error={server.from}
        />
        <DateField
          label={t('material.periodTo')}
          w={180}
          value={to}
          onChange={(v) => setTo(v)}
          error={isRangeValid ? server.to : t('material.periodOrder')}
        />
      </Group>
      {report.error && !server.from && !server.to ? (
        <Alert color="red">{errorMessage(t, report.error)}</Alert>
      ) : null}
      {isRangeValid && report.data ? <UtilisationReportView report={report.data} /> : null}
      {isRangeValid && !report.data && !report.error ? <PageLoader /> : null}
    </Stack>
  );
}
