import { lazyDialog } from '../components/lazy-dialog';
import type { Programme } from '@kadr/contracts';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEGREE_TYPES, PRIORITY_AREAS } from '../api/vocabulary';
import { type Column, DataTable } from '../components/data-table';
import { FilterSelect } from '../components/filter-select';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { useCanEditProgrammes, useProgrammes } from './api';
import { PROGRAMME_LEVELS } from './vocabulary';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const ProgrammeFormModal = lazyDialog(() =>
  import('./programme-form-modal').then((m) => m.ProgrammeFormModal),
);

type Filters = {
  level: string | undefined;
  priorityArea: string | undefined;
  degreeType: string | undefined;
};

/** The programme catalogue: search, filters, sort and pages; each programme opens its page. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditProgrammes();
  const [creating, setCreating] = useState(false);
  const list = useListState<Filters>({
    sort: 'code',
    filters: { level: undefined, priorityArea: undefined, degreeType: undefined },
  });
  const programmes = useProgrammes(list.params);

  const columns: Column<Programme>[] = [
    {
      key: 'code',
      header: t('programmes.code'),
      sortField: 'code',
      nowrap: true,
      render: (p) => (
        <Link to="/programmes/$programmeId" params={{ programmeId: String(p.id) }} className="table-link">
          {p.code}
        </Link>
      ),
    },
    { key: 'name', header: t('programmes.name'), render: (p) => localized(p.name, locale) },
    {
      key: 'group',
      header: t('programmes.group'),
      sortField: 'programmeGroup',
      render: (p) => p.programmeGroup,
    },
    { key: 'level', header: t('programmes.level'), render: (p) => t(`programmeLevels.${p.level}`) },
    {
      key: 'area',
      header: t('programmes.priorityArea'),
      sortField: 'priorityArea',
      render: (p) => t(`priorityAreas.${p.priorityArea}`),
    },
    { key: 'credits', header: t('programmes.credits'), sortField: 'credits', render: (p) => p.credits },
    { key: 'degree', header: t('programmes.degreeType'), render: (p) => t(`degreeTypes.${p.degreeType}`) },
    {
      key: 'codevelopers',
      header: t('programmes.codevelopers'),
      render: (p) => p.codevelopers.map((c) => c.organisationShortName).join(', ') || '—',
    },
    {
      key: 'version',
      header: t('programmes.activeVersion'),
      nowrap: true,
      render: (p) =>
        p.activeVersion ? (
          <Badge variant="light" color="green">
            {t('programmes.versionNumber', { number: p.activeVersion.number })}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('programmes.noActiveVersion')}
          </Text>
        ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('programmes.title')}
        </Title>
      </Group>
      <DataTable
        testId="programmes-table"
        caption={t('programmes.title')}
        columns={columns}
        list={list}
        query={programmes}
        rowKey={(p) => p.id}
        searchHint={t('programmes.search')}
        actions={
          canEdit ? (
            <Button
              {...ProgrammeFormModal.opener}
              onClick={() => setCreating(true)}
              data-testid="programme-create"
            >
              {t('programmes.create')}
            </Button>
          ) : null
        }
        filters={
          <>
            <FilterSelect
              label={t('programmes.level')}
              choices={PROGRAMME_LEVELS}
              labels="programmeLevels"
              {...list.filter('level')}
            />
            <FilterSelect
              label={t('programmes.priorityArea')}
              choices={PRIORITY_AREAS}
              labels="priorityAreas"
              {...list.filter('priorityArea')}
            />
            <FilterSelect
              label={t('programmes.degreeType')}
              choices={DEGREE_TYPES}
              labels="degreeTypes"
              {...list.filter('degreeType')}
            />
          </>
        }
      />
      {canEdit ? (
        <ProgrammeFormModal opened={creating} programme={null} onClose={() => setCreating(false)} />
      ) : null}
    </Stack>
  );
}
