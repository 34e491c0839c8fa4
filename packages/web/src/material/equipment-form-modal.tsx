import {
  createEquipmentBodySchema,
  type Equipment,
  type EquipmentCondition,
  formatKzt,
  parseKzt,
  updateEquipmentBodySchema,
} from '@kadr/contracts';
import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEquipmentMutations, useLabs } from '../api/material';
import { EQUIPMENT_CONDITIONS } from '../api/vocabulary';
import { FormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { todayInput } from '../components/date-input';
import { currentLocale, localized } from '../i18n';
import { DateField } from '../components/date-field';

interface Draft {
  inventoryNumber: string;
  name: string;
  labId: string | null;
  cost: string;
  acquiredOn: string;
  condition: EquipmentCondition;
}

function draftOf(item: Equipment | null): Draft {
  return {
    inventoryNumber: item?.inventoryNumber ?? '',
    name: item?.name ?? '',
    labId: item ? String(item.labId) : null,
    cost: item ? formatKzt(item.costTiyn) : '',
    acquiredOn: item?.acquiredOn.slice(0, 10) ?? todayInput(),
    condition: item?.condition ?? 'new',
  };
}

/** The body of a create and of a patch: the schema checks the inventory number, the cost and the date. */
const bodyOf = ({ labId, cost, ...d }: Draft) => ({
  ...d,
  labId: labId ? Number(labId) : undefined,
  costTiyn: parseKzt(cost),
});

/** Props of {@link EquipmentFormModal}. */
export interface EquipmentFormModalProps {
  opened: boolean;
  /** The item to edit; `null` adds a new one. */
  item: Equipment | null;
  onClose: () => void;
}

/** Adds or edits an equipment item: inventory number, name, lab, cost in KZT, acquisition date, condition. */
export function EquipmentFormModal({ opened, item, onClose }: EquipmentFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labs = useLabs({ pageSize: 200, sort: 'code' }, opened);
  const form = useRecordForm({
    opened,
    record: item,
    mutations: useEquipmentMutations(),
    init: draftOf,
    schemas: { create: createEquipmentBodySchema, patch: updateEquipmentBodySchema },
    bodies: { create: bodyOf, patch: bodyOf },
    done: { created: t('material.itemCreated'), saved: t('material.itemSaved') },
    onClose,
  });
  const { draft, set, error, mutation } = form;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={item ? t('material.editItemTitle') : t('material.createItemTitle')}
      onSubmit={form.submit}
      error={mutation.error}
      isPending={mutation.isPending}
      submitLabel={item ? t('common.save') : t('common.create')}
      testId="equipment-form"
      size="xl"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('material.inventoryNumber')}
          required
          maxLength={40}
          placeholder="KDTU-EQ-0001"
          value={draft.inventoryNumber}
          onChange={(e) => set('inventoryNumber', e.currentTarget.value)}
          error={error('inventoryNumber')}
          data-autofocus
        />
        <Select
          label={t('investments.lab')}
          required
          searchable
          data={(labs.data?.items ?? []).map((l) => ({
            value: String(l.id),
            label: `${l.code} — ${localized(l.name, locale)}`,
          }))}
          value={draft.labId}
          onChange={(value) => set('labId', value)}
          error={error('labId')}
        />
      </Group>
      <TextInput
        label={t('material.itemName')}
        required
        maxLength={300}
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={error('name')}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('material.costKzt')}
          required
          inputMode="decimal"
          placeholder="1 500 000,00"
          value={draft.cost}
          onChange={(e) => set('cost', e.currentTarget.value)}
          error={error('costTiyn')}
        />
        <DateField
          label={t('material.acquiredOn')}
          required
          value={draft.acquiredOn}
          onChange={(v) => set('acquiredOn', v)}
          error={error('acquiredOn')}
        />
        <Select
          label={t('material.condition')}
          required
          allowDeselect={false}
          data={EQUIPMENT_CONDITIONS.map((c) => ({ value: c, label: t(`conditions.${c}`) }))}
          value={draft.condition}
          onChange={(value) => value && set('condition', value as EquipmentCondition)}
          error={error('condition')}
        />
      </Group>
    </FormModal>
  );
}
