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
import { ChoiceSelect } from '../components/choice-select';
import { useEquipmentMutations, useLabs } from '../api/material';
import { EQUIPMENT_CONDITIONS } from '../api/vocabulary';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { todayInput } from '../components/date-input';
import { currentLocale, localized } from '../i18n';
import { DateField } from '../components/date-field';
import {
  TrilingualFields,
  trilingualDraft,
  trilingualProps,
  type TrilingualDraft,
} from '../components/trilingual-fields';
import { CodeInput } from '../components/code-input';

interface Draft {
  inventoryNumber: string;
  name: TrilingualDraft;
  labId: string | null;
  cost: string;
  acquiredOn: string;
  condition: EquipmentCondition;
}

function draftOf(item: Equipment | null): Draft {
  return {
    inventoryNumber: item?.inventoryNumber ?? '',
    name: trilingualDraft(item?.name),
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
    text: {
      create: t('material.createItemTitle'),
      edit: t('material.editItemTitle'),
      created: t('material.itemCreated'),
      saved: t('material.itemSaved'),
    },
    onClose,
  });
  const { field } = form;

  return (
    <RecordFormModal form={form} testId="equipment-form" size="xl">
      <Group grow align="flex-start">
        <CodeInput
          label={t('material.inventoryNumber')}
          maxLength={40}
          placeholder="KDTU-EQ-0001"
          {...field('inventoryNumber')}
        />
        <Select
          label={t('investments.lab')}
          required
          searchable
          data={(labs.data?.items ?? []).map((l) => ({
            value: String(l.id),
            label: `${l.code} — ${localized(l.name, locale)}`,
          }))}
          {...field('labId')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'name')} />
      <Group grow align="flex-start">
        <TextInput
          label={t('material.costKzt')}
          required
          inputMode="decimal"
          placeholder="1 500 000,00"
          {...field('cost', 'costTiyn')}
        />
        <DateField label={t('material.acquiredOn')} required {...field('acquiredOn')} />
        <ChoiceSelect
          label={t('material.condition')}
          choices={EQUIPMENT_CONDITIONS}
          labels="conditions"
          {...field('condition')}
        />
      </Group>
    </RecordFormModal>
  );
}
