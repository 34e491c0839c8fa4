import { lazyDialog } from '../components/lazy-dialog';
import type { Framework } from '@kadr/contracts';
import { FRAMEWORK_SOURCES } from '@kadr/contracts/vocabularies';
import { Badge, Button, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../components/data-table';
import { FilterSelect } from '../components/filter-select';
import { formatNumber } from '../components/number-format';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { DeleteRecordModal, editDeleteColumn, useRecordDialogs } from '../material/record-actions';
import { useFrameworkMutations, useFrameworks } from './api';
import { useCanEditCompetencies } from './can-edit';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const FrameworkFormModal = lazyDialog(() =>
  import('./framework-form-modal').then((m) => m.FrameworkFormModal),
);

/** The colour of a framework's source badge. */
export const SOURCE_COLOR: Record<Framework['source'], string> = { own: 'teal', esco: 'blue', cdio: 'grape' };

/** Competency frameworks: Kadr's own, ESCO imports and the CDIO Syllabus; editors create, edit and delete. */
export function FrameworksPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditCompetencies();
  const dialogs = useRecordDialogs<Framework>();
  const { remove } = useFrameworkMutations();
  const list = useListState<{ source: string | undefined }>({ sort: 'code', filters: { source: undefined } });
  const frameworks = useFrameworks(list.params);
  const columns: Column<Framework>[] = [
    {
      key: 'code',
      header: t('competencies.code'),
      sortField: 'code',
      nowrap: true,
      render: (f) => (
        <Link to="/frameworks/$frameworkId" params={{ frameworkId: String(f.id) }} className="table-link">
          {f.code}
        </Link>
      ),
    },
    { key: 'name', header: t('organisations.name'), render: (f) => localized(f.name, locale) },
    {
      key: 'source',
      header: t('competencies.source'),
      nowrap: true,
      render: (f) => (
        <Badge variant="light" color={SOURCE_COLOR[f.source]}>
          {t(`competencies.sources.${f.source}`)}
        </Badge>
      ),
    },
    { key: 'version', header: t('competencies.sourceVersion'), render: (f) => f.sourceVersion },
    {
      key: 'count',
      header: t('competencies.competencyCount'),
      nowrap: true,
      render: (f) => formatNumber(f.competencyCount, locale),
    },
  ];
  if (canEdit)
    columns.push(
      editDeleteColumn<Framework>(
        t,
        (f) => f.code,
        dialogs.openForm,
        dialogs.askDelete,
        FrameworkFormModal.opener,
      ),
    );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('competencies.frameworksTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('competencies.frameworksAbout')}
      </Text>
      <DataTable
        testId="frameworks-table"
        caption={t('competencies.frameworksTitle')}
        columns={columns}
        list={list}
        query={frameworks}
        rowKey={(f) => f.id}
        searchHint={t('competencies.frameworkSearch')}
        filters={
          <FilterSelect
            label={t('competencies.source')}
            choices={FRAMEWORK_SOURCES}
            labels="competencies.sources"
            {...list.filter('source')}
          />
        }
        actions={
          canEdit ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              {...FrameworkFormModal.opener}
              onClick={() => dialogs.openForm(null)}
            >
              {t('competencies.createFramework')}
            </Button>
          ) : null
        }
      />
      {canEdit ? (
        <>
          <FrameworkFormModal
            opened={dialogs.formOpen}
            framework={dialogs.editing}
            onClose={dialogs.closeForm}
          />
          <DeleteRecordModal
            row={dialogs.toDelete}
            inUse={t('competencies.inUse')}
            label={(f) => f.code}
            idOf={(f) => f.id}
            remove={remove}
            onClose={dialogs.closeDelete}
          />
        </>
      ) : null}
    </Stack>
  );
}
