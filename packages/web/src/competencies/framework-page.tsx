import { lazyDialog } from '../components/lazy-dialog';
import type { Competency } from '@kadr/contracts';
import { COMPETENCY_TYPES } from '@kadr/contracts/vocabularies';
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { NotFoundPage, PageLoader } from '../app/status-pages';
import { type Column, DataTable } from '../components/data-table';
import { errorMessage } from '../components/error-text';
import { FilterSelect } from '../components/filter-select';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { DeleteRecordModal, editDeleteColumn, useRecordDialogs } from '../material/record-actions';
import { useCompetencyMutations, useFramework, useFrameworkCompetencies } from './api';
import { useCanEditCompetencies } from './can-edit';
import { EscoImport } from './esco-import';
import { SOURCE_COLOR } from './frameworks-page';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const CompetencyFormModal = lazyDialog(() =>
  import('./competency-form-modal').then((m) => m.CompetencyFormModal),
);

/** The colour of a competency type's badge. */
export const TYPE_COLOR: Record<Competency['type'], string> = {
  knowledge: 'blue',
  skill: 'orange',
  competence: 'violet',
};

/** A competency's other names in the reader's language, else Russian, Kazakh, English (localized()'s order). */
function altLabelsIn(c: Competency, locale: 'kk' | 'ru' | 'en'): string[] {
  const { altLabels } = c;
  return [altLabels[locale], altLabels.ru, altLabels.kk, altLabels.en].find((l) => l.length > 0) ?? [];
}

/** A competency type as a coloured badge. */
export function TypeBadge({ type }: { type: Competency['type'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={TYPE_COLOR[type]}>
      {t(`competencies.types.${type}`)}
    </Badge>
  );
}

/** The competencies of a framework (search, type, the tree through "narrower of"), with the ESCO import. */
export function FrameworkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditCompetencies();
  const { frameworkId } = useParams({ strict: false }) as { frameworkId?: string };
  const id = Number(frameworkId);
  const framework = useFramework(id);
  const dialogs = useRecordDialogs<Competency>();
  const { remove } = useCompetencyMutations();
  const list = useListState<{ type: string | undefined; parentId: string | undefined }>({
    sort: 'code',
    filters: { type: undefined, parentId: undefined },
  });
  const competencies = useFrameworkCompetencies(id, list.params);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (framework.error instanceof ApiError && framework.error.status === 404) return <NotFoundPage />;
  if (framework.error) return <Alert color="red">{errorMessage(t, framework.error)}</Alert>;
  if (!framework.data) return <PageLoader />;
  const f = framework.data;
  const columns: Column<Competency>[] = [
    { key: 'code', header: t('competencies.code'), sortField: 'code', nowrap: true, render: (c) => c.code },
    {
      key: 'name',
      header: t('organisations.name'),
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{localized(c.name, locale)}</Text>
          {altLabelsIn(c, locale).length > 0 ? (
            <Text size="xs" c="dimmed">
              {altLabelsIn(c, locale).slice(0, 3).join(' · ')}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    {
      key: 'type',
      header: t('competencies.type'),
      sortField: 'type',
      nowrap: true,
      render: (c) => <TypeBadge type={c.type} />,
    },
    { key: 'parent', header: t('competencies.parent'), nowrap: true, render: (c) => c.parentCode ?? '' },
    {
      key: 'children',
      header: t('competencies.narrower'),
      nowrap: true,
      render: (c) =>
        c.childCount > 0 ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => list.setFilter('parentId', String(c.id))}
            aria-label={t('competencies.showNarrowerOf', { name: c.code, number: c.childCount })}
          >
            {c.childCount}
          </Anchor>
        ) : (
          '0'
        ),
    },
  ];
  if (canEdit)
    columns.push(
      editDeleteColumn<Competency>(
        t,
        (c) => c.code,
        dialogs.openForm,
        dialogs.askDelete,
        CompetencyFormModal.opener,
      ),
    );
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Anchor component={Link} to="/frameworks" size="sm">
          {t('competencies.backToFrameworks')}
        </Anchor>
      </Group>
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {localized(f.name, locale)}
        </Title>
        <Badge variant="light" color={SOURCE_COLOR[f.source]}>
          {t(`competencies.sources.${f.source}`)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" data-testid="framework-facts">
        {[f.code, f.sourceVersion, t('competencies.count', { count: f.competencyCount })]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {list.filters.parentId ? (
        <Group>
          <Text size="sm">{t('competencies.narrowerShown')}</Text>
          <Button size="xs" variant="default" onClick={() => list.setFilter('parentId', undefined)}>
            {t('competencies.showAll')}
          </Button>
        </Group>
      ) : null}
      <DataTable
        testId="competencies-table"
        caption={t('competencies.competenciesOf', { name: f.code })}
        columns={columns}
        list={list}
        query={competencies}
        rowKey={(c) => c.id}
        searchHint={t('competencies.competencySearch')}
        filters={
          <FilterSelect
            label={t('competencies.type')}
            choices={COMPETENCY_TYPES}
            labels="competencies.types"
            {...list.filter('type')}
          />
        }
        actions={
          canEdit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              {...CompetencyFormModal.opener}
              onClick={() => dialogs.openForm(null)}
            >
              {t('competencies.createCompetency')}
            </Button>
          ) : null
        }
      />
      {canEdit && f.source === 'esco' ? <EscoImport frameworkId={f.id} /> : null}
      {canEdit ? (
        <>
          <CompetencyFormModal
            opened={dialogs.formOpen}
            frameworkId={f.id}
            competency={dialogs.editing}
            onClose={dialogs.closeForm}
          />
          <DeleteRecordModal
            row={dialogs.toDelete}
            inUse={t('competencies.inUse')}
            label={(c) => c.code}
            idOf={(c) => c.id}
            remove={remove}
            onClose={dialogs.closeDelete}
          />
        </>
      ) : null}
    </Stack>
  );
}
