import type { Equipment, Lab } from '@kadr/contracts';
import { Badge, Button, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useEquipment, useEquipmentMutations, useLabMutations, useLabs } from '../api/material';
import { EQUIPMENT_CONDITIONS, PRIORITY_AREAS } from '../api/vocabulary';
import { type Column, DataTable } from '../components/data-table';
import { FilterSelect } from '../components/filter-select';
import { type DialogOpener, lazyDialog } from '../components/lazy-dialog';
import { formatDate } from '../components/format';
import { formatTenge } from '../components/number-format';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { DeleteRecordModal, editDeleteColumn, useRecordDialogs } from './record-actions';
import { UtilisationTab } from './utilisation-tab';

// The forms (and zod with the contracts' schemas) load when a dialog first opens (ADR 0019).
const LabFormModal = lazyDialog(() => import('./lab-form-modal').then((m) => m.LabFormModal));
const EquipmentFormModal = lazyDialog(() =>
  import('./equipment-form-modal').then((m) => m.EquipmentFormModal),
);

/** Admins write labs and equipment (the server's policy); every other reader sees the tables only. */
function useCanEdit() {
  return useMe()?.role === 'admin';
}

function CreateButton({
  label,
  onClick,
  opener,
}: {
  label: string;
  onClick: () => void;
  opener: DialogOpener;
}) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden="true" />} {...opener} onClick={onClick}>
      {label}
    </Button>
  );
}

function LabsTab() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEdit();
  const dialogs = useRecordDialogs<Lab>();
  const { remove } = useLabMutations();
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
      render: (l) => [localized(l.building, locale), l.room].filter(Boolean).join(', '),
    },
    { key: 'capacity', header: t('material.capacity'), sortField: 'capacity', render: (l) => l.capacity },
    { key: 'items', header: t('material.items'), render: (l) => l.equipmentCount },
    {
      key: 'funded',
      header: t('material.funded'),
      nowrap: true,
      render: (l) => formatTenge(l.fundedTiyn, locale),
    },
    {
      key: 'active',
      header: t('users.status'),
      nowrap: true,
      render: (l) => (
        <Badge color={l.active ? 'green' : 'gray'} variant="light">
          {l.active ? t('common.active') : t('common.inactive')}
        </Badge>
      ),
    },
  ];
  if (canEdit)
    columns.push(
      editDeleteColumn<Lab>(t, (l) => l.code, dialogs.openForm, dialogs.askDelete, LabFormModal.opener),
    );
  return (
    <>
      <DataTable
        testId="labs-table"
        caption={t('material.labs')}
        columns={columns}
        list={list}
        query={labs}
        rowKey={(l) => l.id}
        searchHint={t('material.labSearch')}
        filters={
          <FilterSelect
            label={t('material.area')}
            choices={PRIORITY_AREAS}
            labels="priorityAreas"
            {...list.filter('priorityArea')}
          />
        }
        actions={
          canEdit ? (
            <CreateButton
              label={t('material.createLab')}
              opener={LabFormModal.opener}
              onClick={() => dialogs.openForm(null)}
            />
          ) : null
        }
      />
      {canEdit ? (
        <>
          <LabFormModal opened={dialogs.formOpen} lab={dialogs.editing} onClose={dialogs.closeForm} />
          <DeleteRecordModal
            row={dialogs.toDelete}
            label={(l) => l.code}
            idOf={(l) => l.id}
            remove={remove}
            onClose={dialogs.closeDelete}
          />
        </>
      ) : null}
    </>
  );
}

function EquipmentTab() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEdit();
  const dialogs = useRecordDialogs<Equipment>();
  const { remove } = useEquipmentMutations();
  const list = useListState<{ condition: string | undefined }>({
    sort: 'inventoryNumber',
    filters: { condition: undefined },
  });
  const equipment = useEquipment(list.params);
  const columns: Column<Equipment>[] = [
    {
      key: 'inv',
      header: t('material.inventoryNumber'),
      sortField: 'inventoryNumber',
      nowrap: true,
      render: (e) => e.inventoryNumber,
    },
    {
      key: 'name',
      header: t('organisations.name'),
      sortField: 'name',
      render: (e) => localized(e.name, locale),
    },
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
  if (canEdit)
    columns.push(
      editDeleteColumn<Equipment>(
        t,
        (e) => e.inventoryNumber,
        dialogs.openForm,
        dialogs.askDelete,
        EquipmentFormModal.opener,
      ),
    );
  return (
    <>
      <DataTable
        testId="equipment-table"
        caption={t('material.equipment')}
        columns={columns}
        list={list}
        query={equipment}
        rowKey={(e) => e.id}
        searchHint={t('material.equipmentSearch')}
        filters={
          <FilterSelect
            label={t('material.condition')}
            choices={EQUIPMENT_CONDITIONS}
            labels="conditions"
            {...list.filter('condition')}
          />
        }
        actions={
          canEdit ? (
            <CreateButton
              label={t('material.createItem')}
              opener={EquipmentFormModal.opener}
              onClick={() => dialogs.openForm(null)}
            />
          ) : null
        }
      />
      {canEdit ? (
        <>
          <EquipmentFormModal opened={dialogs.formOpen} item={dialogs.editing} onClose={dialogs.closeForm} />
          <DeleteRecordModal
            row={dialogs.toDelete}
            label={(e) => e.inventoryNumber}
            idOf={(e) => e.id}
            remove={remove}
            onClose={dialogs.closeDelete}
          />
        </>
      ) : null}
    </>
  );
}

/** Labs, equipment and their utilisation: admins create, edit and delete; other staff read. */
export function MaterialBasePage() {
  const { t } = useTranslation();
  const canEdit = useCanEdit();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('material.title')}
      </Title>
      {canEdit ? null : (
        <Text c="dimmed" size="sm">
          {t('material.readOnly')}
        </Text>
      )}
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
