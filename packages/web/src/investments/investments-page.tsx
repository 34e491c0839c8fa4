import { lazyDialog } from '../components/lazy-dialog';
import type { Investment } from '@kadr/contracts';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useInvestmentAggregates, useInvestments, usePartners } from '../api/material';
import { INVESTMENT_SOURCES, LEDGER_FIRST_YEAR } from '../api/vocabulary';
import { type Column, DataTable } from '../components/data-table';
import { formatDate } from '../components/format';
import { formatTenge } from '../components/number-format';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { InvestmentCharts } from './investment-charts';
import { FilterSelect } from '../components/filter-select';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const InvestmentFormModal = lazyDialog(() =>
  import('./investment-form-modal').then((m) => m.InvestmentFormModal),
);

type Filters = { source: string | undefined; year: string | undefined; organisationId: string | undefined };

/** What an investment paid for: lab codes and inventory numbers with their shares. */
export function AllocationList({
  investment,
  secondary = false,
}: {
  investment: Investment;
  secondary?: boolean;
}) {
  const locale = currentLocale();
  return (
    <Stack gap={2}>
      {investment.allocations.map((a) => (
        <Text
          key={a.id}
          size={secondary ? 'xs' : 'sm'}
          c={secondary ? 'dimmed' : undefined}
          style={{ whiteSpace: 'nowrap' }}
        >
          {a.labCode ?? a.inventoryNumber} · {formatTenge(a.amountTiyn, locale)}
        </Text>
      ))}
    </Stack>
  );
}

/** The investment ledger with charts; admins record investments, a partner sees its own. */
export function InvestmentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const canEdit = me?.role === 'admin';
  const isPartner = me?.role === 'partner';
  const list = useListState<Filters>({
    sort: '-investedOn',
    filters: { source: undefined, year: undefined, organisationId: undefined },
  });
  const { year, ...filters } = list.filters;
  const params = {
    ...list.params,
    year: undefined,
    ...filters,
    from: year ? `${year}-01-01` : undefined,
    to: year ? `${year}-12-31` : undefined,
  };
  const investments = useInvestments(params);
  const aggregates = useInvestmentAggregates();
  const partners = usePartners({ pageSize: 200, sort: 'shortName' }, !isPartner);
  const [formOpen, setFormOpen] = useState(false);
  const years = useMemo(() => {
    const last = new Date().getFullYear();
    const all: string[] = [];
    for (let y = last; y >= LEDGER_FIRST_YEAR; y -= 1) all.push(String(y));
    return all;
  }, []);

  const columns: Column<Investment>[] = [
    {
      key: 'investedOn',
      header: t('investments.date'),
      sortField: 'investedOn',
      nowrap: true,
      render: (i) => formatDate(i.investedOn, locale),
    },
    {
      key: 'source',
      header: t('investments.source'),
      sortField: 'source',
      render: (i) => (
        <Badge variant="light" color={i.source === 'ppp_partner' ? 'orange' : 'blue'}>
          {t(`investmentSources.${i.source}`)}
        </Badge>
      ),
    },
    {
      key: 'partner',
      header: `${t('investments.partner')} / ${t('investments.agreement')}`,
      render: (i) => (
        <Stack gap={0}>
          <Text size="sm" data-partner>
            {i.organisationShortName ?? '—'}
          </Text>
          {i.agreementNumber ? (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {i.agreementNumber}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'amount',
      header: t('investments.amount'),
      sortField: 'amountTiyn',
      nowrap: true,
      render: (i) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {formatTenge(i.amountTiyn, locale)}
          </Text>
          {i.original ? (
            <Text size="xs" c="dimmed">
              {i.original.amount} {i.original.currency} × {i.original.rate}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'paidFor',
      header: `${t('investments.description')} / ${t('investments.allocations')}`,
      // One column for what the money paid for, so the ledger fits 1280 px: the description (clamped to
      // two lines, the full text on hover) above the labs and items it was split across.
      render: (i) => (
        <Stack gap={4} maw={340}>
          <Text size="sm" lineClamp={2} title={localized(i.description, locale) || undefined}>
            {localized(i.description, locale) || '—'}
          </Text>
          <AllocationList investment={i} secondary />
        </Stack>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('investments.title')}
      </Title>
      {isPartner ? (
        <Text c="dimmed" size="sm">
          {t('investments.ownOnly')}
        </Text>
      ) : null}
      <InvestmentCharts data={aggregates.data} error={aggregates.error} />
      <DataTable
        testId="investments-table"
        caption={t('investments.ledger')}
        columns={columns}
        list={list}
        query={investments}
        rowKey={(i) => i.id}
        searchHint={t('investments.search')}
        filters={
          <Group gap="sm" align="flex-end">
            <FilterSelect
              label={t('investments.source')}
              w={200}
              choices={INVESTMENT_SOURCES}
              labels="investmentSources"
              {...list.filter('source')}
            />
            <FilterSelect label={t('investments.year')} w={120} data={years} {...list.filter('year')} />
            {isPartner ? null : (
              <FilterSelect
                label={t('investments.partner')}
                w={240}
                searchable
                data={(partners.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.shortName }))}
                {...list.filter('organisationId')}
              />
            )}
          </Group>
        }
        actions={
          canEdit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              {...InvestmentFormModal.opener}
              onClick={() => setFormOpen(true)}
            >
              {t('investments.create')}
            </Button>
          ) : null
        }
      />
      {canEdit ? <InvestmentFormModal opened={formOpen} onClose={() => setFormOpen(false)} /> : null}
    </Stack>
  );
}
