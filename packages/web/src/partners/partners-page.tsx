import type { PartnerSummary } from '@kadr/contracts';
import { Badge, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePartners } from '../api/material';
import { ORGANISATION_KINDS } from '../api/vocabulary';
import { type Column, DataTable } from '../components/data-table';
import { formatTenge } from '../components/number-format';
import { useListState } from '../components/use-list-state';
import { countryName, currentLocale, localized } from '../i18n';
import { FilterSelect } from '../components/filter-select';

/** Partners with their agreements, joint programmes and investment; each opens its overview. */
export function PartnersPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<{ kind: string | undefined }>({
    sort: 'shortName',
    filters: { kind: undefined },
  });
  const partners = usePartners(list.params);

  const columns: Column<PartnerSummary>[] = [
    {
      key: 'shortName',
      header: t('organisations.shortName'),
      sortField: 'shortName',
      render: (p) => (
        <Link to="/partners/$partnerId" params={{ partnerId: String(p.id) }} className="table-link">
          {p.shortName}
        </Link>
      ),
    },
    { key: 'name', header: t('organisations.name'), render: (p) => localized(p.name, locale) },
    {
      key: 'kind',
      header: t('organisations.kind'),
      sortField: 'kind',
      render: (p) => t(`orgKinds.${p.kind}`),
    },
    {
      key: 'country',
      header: t('organisations.country'),
      sortField: 'country',
      render: (p) => countryName(p.country),
    },
    {
      key: 'agreements',
      header: t('partners.agreements'),
      sortField: 'agreements',
      render: (p) => (
        <Badge variant="light" color={p.activeAgreements > 0 ? 'green' : 'gray'}>
          {t('partners.activeOf', { active: p.activeAgreements, total: p.agreements })}
        </Badge>
      ),
    },
    { key: 'jointProgrammes', header: t('partners.jointProgrammes'), render: (p) => p.jointProgrammes },
    {
      key: 'invested',
      header: t('partners.invested'),
      sortField: 'investedTiyn',
      nowrap: true,
      render: (p) => formatTenge(p.investedTiyn, locale),
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('partners.title')}
      </Title>
      <DataTable
        testId="partners-table"
        caption={t('partners.title')}
        columns={columns}
        list={list}
        query={partners}
        rowKey={(p) => p.id}
        searchHint={t('organisations.search')}
        filters={
          <FilterSelect
            label={t('organisations.kind')}
            w={220}
            data={ORGANISATION_KINDS.filter((k) => k !== 'home_university').map((kind) => ({
              value: kind,
              label: t(`orgKinds.${kind}`),
            }))}
            {...list.filter('kind')}
          />
        }
      />
    </Stack>
  );
}
