import type { AssetUtilisation, Equipment, Lab } from '@kadr/contracts';
import { Alert, Badge, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEquipment, useLabs, useUtilisation } from '../api/material';
import { PRIORITY_AREAS } from '../api/vocabulary';
import { PageLoader } from '../app/status-pages';
import { type Column, DataTable } from '../components/data-table';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatTenge } from '../components/money';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { SimpleTable } from '../partners/simple-table';

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

function LabsTab() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<{ priorityArea: string | undefined }>({
    sort: 'code',
    filters: { priorityArea: undefined },
  });
  const labs = useLabs(list.params);
  const columns: Column<Lab>[] = [
    { key: 'code', header: t('partners.code'), sortField: 'code', nowrap: true, render: (l) => l.code },
    { key: 'name', header: t('organisations.name'), render: (l) => localized(l.name, locale) },
    {
      key: 'area',
      header: t('material.area'),
      sortField: 'priorityArea',
      render: (l) => t(`priorityAreas.${l.priorityArea}`),
    },
    {
      key: 'place',
      header: t('material.place'),
      render: (l) => [l.building, l.room].filter(Boolean).join(', '),
    },
    { key: 'capacity', header: t('material.capacity'), sortField: 'capacity', render: (l) => l.capacity },
    { key: 'items', header: t('material.items'), render: (l) => l.equipmentCount },
    {
      key: 'funded',
      header: t('material.funded'),
      nowrap: true,
      render: (l) => formatTenge(l.fundedTiyn, locale),
    },
  ];
  return (
    <DataTable
      testId="labs-table"
      caption={t('material.labs')}
      columns={columns}
      list={list}
      data={labs.data}
      isFetching={labs.isFetching}
      error={labs.error}
      rowKey={(l) => l.id}
      searchHint={t('material.labSearch')}
      filters={
        <Select
          label={t('material.area')}
          placeholder={t('common.all')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          w={200}
          data={PRIORITY_AREAS.map((a) => ({ value: a, label: t(`priorityAreas.${a}`) }))}
          value={list.filters.priorityArea ?? null}
          onChange={(value) => list.setFilter('priorityArea', value ?? undefined)}
        />
      }
    />
  );
}

function EquipmentTab() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<Record<string, undefined>>({ sort: 'inventoryNumber', filters: {} });
  const equipment = useEquipment(list.params);
  const columns: Column<Equipment>[] = [
    {
      key: 'inv',
      header: t('material.inventoryNumber'),
      sortField: 'inventoryNumber',
      nowrap: true,
      render: (e) => e.inventoryNumber,
    },
    { key: 'name', header: t('organisations.name'), sortField: 'name', render: (e) => e.name },
    { key: 'lab', header: t('investments.lab'), render: (e) => e.labCode },
    {
      key: 'cost',
      header: t('material.cost'),
      sortField: 'costTiyn',
      nowrap: true,
      render: (e) => formatTenge(e.costTiyn, locale),
    },
    {
      key: 'acquired',
      header: t('material.acquiredOn'),
      sortField: 'acquiredOn',
      render: (e) => formatDate(e.acquiredOn, locale),
    },
    {
      key: 'condition',
      header: t('material.condition'),
      sortField: 'condition',
      render: (e) => (
        <Badge variant="light" color={e.condition === 'written_off' ? 'gray' : 'blue'}>
          {t(`conditions.${e.condition}`)}
        </Badge>
      ),
    },
    {
      key: 'funded',
      header: t('material.funded'),
      nowrap: true,
      render: (e) => formatTenge(e.fundedTiyn, locale),
    },
  ];
  return (
    <DataTable
      testId="equipment-table"
      caption={t('material.equipment')}
      columns={columns}
      list={list}
      data={equipment.data}
      isFetching={equipment.isFetching}
      error={equipment.error}
      rowKey={(e) => e.id}
      searchHint={t('material.equipmentSearch')}
    />
  );
}

function UtilisationTab() {
  const { t } = useTranslation();
  const [assetType, setAssetType] = useState<string | null>(null);
  const report = useUtilisation({ assetType: assetType ?? undefined });
  if (report.error) return <Alert color="red">{errorMessage(t, report.error)}</Alert>;
  if (!report.data) return <PageLoader />;
  const r = report.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('material.utilisationAbout', { from: r.from, to: r.to, hours: r.hoursPerDay })}
      </Text>
      <Select
        label={t('material.assetType')}
        placeholder={t('common.all')}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        w={200}
        data={[
          { value: 'lab', label: t('material.labs') },
          { value: 'equipment', label: t('material.equipment') },
        ]}
        value={assetType}
        onChange={setAssetType}
      />
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
          { key: 'used', header: t('material.usedHours'), render: (s) => s.usedHours.toFixed(1) },
          {
            key: 'available',
            header: t('material.availableHours'),
            render: (s) => s.availableHours.toFixed(1),
          },
          { key: 'util', header: t('material.utilisation'), render: (s) => percent(s.utilisation) },
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
          { key: 'name', header: t('organisations.name'), render: (a) => a.name },
          { key: 'sessions', header: t('impact.sessions'), render: (a) => a.sessions },
          { key: 'booked', header: t('material.bookedHours'), render: (a) => a.bookedHours.toFixed(1) },
          { key: 'used', header: t('material.usedHours'), render: (a) => a.usedHours.toFixed(1) },
          {
            key: 'available',
            header: t('material.availableHours'),
            render: (a) => a.availableHours.toFixed(1),
          },
          { key: 'util', header: t('material.utilisation'), render: (a) => percent(a.utilisation) },
        ]}
      />
    </Stack>
  );
}

/** Labs, equipment and their utilisation (staff read; simple tables). */
export function MaterialBasePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('material.title')}
      </Title>
      <Tabs defaultValue="labs" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="labs">{t('material.labs')}</Tabs.Tab>
          <Tabs.Tab value="equipment">{t('material.equipment')}</Tabs.Tab>
          <Tabs.Tab value="utilisation">{t('material.utilisation')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="labs" pt="md">
          <LabsTab />
        </Tabs.Panel>
        <Tabs.Panel value="equipment" pt="md">
          <EquipmentTab />
        </Tabs.Panel>
        <Tabs.Panel value="utilisation" pt="md">
          <UtilisationTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
