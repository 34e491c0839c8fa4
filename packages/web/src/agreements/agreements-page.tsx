import type { Agreement } from '@kadr/contracts';
import { Badge, Button, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCanEditPartnerships } from '../api/agreements';
import { useAgreements, useExpiringAgreements } from '../api/material';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES } from '../api/vocabulary';
import { type Column, DataTable } from '../components/data-table';
import { formatDate } from '../components/format';
import { RowActions } from '../components/row-actions';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { useAgreementEditing } from './agreement-actions';
import { OverdueObligations } from './overdue-obligations';
import { STATUS_COLOR } from './status-color';
import { FilterSelect } from '../components/filter-select';

type View = 'all' | 'expiring' | 'overdue';

/**
 * Agreements with status and kind filters, the view of those expiring within 90 days and the overdue
 * obligations; admins create, edit and delete (drafts) agreements here.
 */
export function AgreementsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const search = useSearch({ strict: false }) as { view?: View };
  const view: View = search.view ?? 'all';
  const navigate = useNavigate();
  const setView = (next: View) =>
    void navigate({ to: '/agreements', search: next === 'all' ? {} : { view: next } });
  const canEdit = useCanEditPartnerships();
  const editing = useAgreementEditing();
  const list = useListState<{ status: string | undefined; kind: string | undefined }>({
    sort: 'number',
    filters: { status: undefined, kind: undefined },
  });
  const expiringList = useListState<Record<string, undefined>>({ sort: 'validUntil', filters: {} });
  const all = useAgreements(list.params, view === 'all');
  const expiring = useExpiringAgreements(expiringList.params, view === 'expiring');

  const columns: Column<Agreement>[] = [
    {
      key: 'number',
      header: t('agreements.number'),
      sortField: 'number',
      nowrap: true,
      render: (a) => (
        <Link to="/agreements/$agreementId" params={{ agreementId: String(a.id) }} className="table-link">
          {a.number}
        </Link>
      ),
    },
    { key: 'title', header: t('agreements.agreementTitle'), render: (a) => localized(a.title, locale) },
    { key: 'kind', header: t('agreements.kind'), render: (a) => t(`agreementKinds.${a.kind}`) },
    {
      key: 'parties',
      header: t('agreements.parties'),
      render: (a) =>
        a.parties
          .filter((p) => !p.isHome)
          .map((p) => p.shortName)
          .join(', '),
    },
    {
      key: 'status',
      header: t('agreements.status'),
      render: (a) => (
        <Badge color={STATUS_COLOR[a.status]} variant="light">
          {t(`agreementStatuses.${a.status}`)}
        </Badge>
      ),
    },
    {
      key: 'validUntil',
      header: t('agreements.validUntil'),
      sortField: 'validUntil',
      nowrap: true,
      render: (a) =>
        a.validUntil
          ? `${formatDate(a.validUntil, locale)}${a.daysToExpiry !== null && a.daysToExpiry >= 0 && a.status === 'expiring' ? ` · ${t('agreements.daysLeft', { days: a.daysToExpiry })}` : ''}`
          : '—',
    },
  ];

  const actions: Column<Agreement> = {
    key: 'actions',
    header: t('common.actions'),
    nowrap: true,
    render: (a) => (
      <RowActions
        actions={[
          ...(a.status !== 'terminated'
            ? [
                {
                  label: t('common.edit'),
                  ariaLabel: t('agreements.editOf', { number: a.number }),
                  opener: editing.formOpener,
                  onClick: () => editing.openForm(a),
                  icon: <IconPencil size={16} aria-hidden="true" />,
                },
              ]
            : []),
          ...(a.status === 'draft'
            ? [
                {
                  label: t('agreements.delete'),
                  ariaLabel: t('agreements.deleteOf', { number: a.number }),
                  color: 'red',
                  onClick: () => editing.askDelete(a),
                  icon: <IconTrash size={16} aria-hidden="true" />,
                },
              ]
            : []),
        ]}
      />
    ),
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('agreements.title')}
        </Title>
        <Group gap="sm">
          {canEdit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              {...editing.formOpener}
              onClick={() => editing.openForm(null)}
            >
              {t('agreements.create')}
            </Button>
          ) : null}
          <SegmentedControl
            aria-label={t('agreements.view')}
            value={view}
            onChange={(value) => setView(value as View)}
            data={[
              { value: 'all', label: t('agreements.all') },
              { value: 'expiring', label: t('agreements.expiring') },
              { value: 'overdue', label: t('obligations.overdue') },
            ]}
            data-testid="agreements-view"
          />
        </Group>
      </Group>
      {canEdit ? editing.dialogs : null}
      {view === 'all' ? (
        <DataTable
          testId="agreements-table"
          caption={t('agreements.title')}
          columns={canEdit ? [...columns, actions] : columns}
          list={list}
          query={all}
          rowKey={(a) => a.id}
          searchHint={t('agreements.search')}
          filters={
            <Group gap="sm" align="flex-end">
              <FilterSelect
                label={t('agreements.status')}
                w={180}
                choices={AGREEMENT_STATUSES}
                labels="agreementStatuses"
                {...list.filter('status')}
              />
              <FilterSelect
                label={t('agreements.kind')}
                w={240}
                choices={AGREEMENT_KINDS}
                labels="agreementKinds"
                {...list.filter('kind')}
              />
            </Group>
          }
        />
      ) : view === 'overdue' ? (
        <OverdueObligations />
      ) : (
        <DataTable
          testId="agreements-expiring-table"
          caption={t('agreements.expiring')}
          columns={columns}
          list={expiringList}
          query={expiring}
          rowKey={(a) => a.id}
        />
      )}
    </Stack>
  );
}
