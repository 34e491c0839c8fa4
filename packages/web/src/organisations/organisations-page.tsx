import { lazyDialog } from '../components/lazy-dialog';
import type { Organisation } from '@kadr/contracts';
import { ORGANISATION_KINDS } from '../api/vocabulary';
import { Badge, Button, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useOrganisations } from '../api/resources';
import { type Column, DataTable } from '../components/data-table';
import { useListState } from '../components/use-list-state';
import { countryName, currentLocale, localized } from '../i18n';
import { OrganisationDetails, PriorityBadges } from './organisation-details';
import { FilterSelect } from '../components/filter-select';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const OrganisationFormModal = lazyDialog(() =>
  import('./organisation-form-modal').then((m) => m.OrganisationFormModal),
);

/** The organisations table: admins create and edit, every other staff role reads. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const canEdit = me?.role === 'admin';
  const list = useListState<{ kind: string | undefined }>({
    sort: 'shortName',
    filters: { kind: undefined },
  });
  const organisations = useOrganisations(list.params);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const open = (organisation: Organisation | null) => {
    setEditing(organisation);
    setFormOpen(true);
  };

  const columns: Column<Organisation>[] = [
    {
      key: 'shortName',
      header: t('organisations.shortName'),
      sortField: 'shortName',
      render: (o) => o.shortName,
    },
    { key: 'name', header: t('organisations.name'), render: (o) => localized(o.name, locale) },
    {
      key: 'kind',
      header: t('organisations.kind'),
      sortField: 'kind',
      render: (o) => t(`orgKinds.${o.kind}`),
    },
    {
      key: 'country',
      header: t('organisations.country'),
      sortField: 'country',
      render: (o) => countryName(o.country),
    },
    { key: 'city', header: t('organisations.city'), render: (o) => localized(o.city, locale) || '—' },
    {
      key: 'areas',
      header: t('organisations.priorityAreas'),
      render: (o) => <PriorityBadges areas={o.priorityAreas} />,
    },
    {
      key: 'active',
      header: t('users.status'),
      nowrap: true,
      render: (o) => (
        <Badge color={o.active ? 'green' : 'gray'} variant="light">
          {o.active ? t('common.active') : t('common.inactive')}
        </Badge>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (o) => (
        <Button
          size="compact-sm"
          variant="light"
          {...OrganisationFormModal.opener}
          onClick={() => open(o)}
          aria-label={t('organisations.editOf', { name: o.shortName })}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('organisations.title')}
      </Title>
      {canEdit ? null : (
        <Text c="dimmed" size="sm">
          {t('organisations.readOnly')}
        </Text>
      )}
      <DataTable
        testId="organisations-table"
        caption={t('organisations.title')}
        columns={columns}
        list={list}
        query={organisations}
        rowKey={(o) => o.id}
        searchHint={t('organisations.search')}
        renderExpanded={(o) => <OrganisationDetails organisation={o} />}
        expandLabel={(o) => t('organisations.detailsOf', { name: o.shortName })}
        filters={
          <FilterSelect
            label={t('organisations.kind')}
            w={220}
            choices={ORGANISATION_KINDS}
            labels="orgKinds"
            {...list.filter('kind')}
          />
        }
        actions={
          canEdit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              {...OrganisationFormModal.opener}
              onClick={() => open(null)}
            >
              {t('organisations.create')}
            </Button>
          ) : null
        }
      />
      {canEdit ? (
        <OrganisationFormModal opened={formOpen} organisation={editing} onClose={() => setFormOpen(false)} />
      ) : null}
    </Stack>
  );
}
