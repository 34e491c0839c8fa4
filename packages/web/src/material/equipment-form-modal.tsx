import type { CreateEquipmentBody, Equipment, EquipmentCondition } from '@kadr/contracts';
import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEquipmentMutations, useLabs } from '../api/material';
import { EQUIPMENT_CONDITIONS } from '../api/vocabulary';
import { FormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { parseTenge } from '../components/money';
import { currentLocale, localized } from '../i18n';

interface Draft {
  inventoryNumber: string;
  name: string;
  labId: string | null;
  cost: string;
  acquiredOn: string;
  condition: EquipmentCondition;
}

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

/** Tiyn as an editable tenge amount (a dot as the decimal mark, which parseTenge reads). */
const tengeText = (tiyn: number) => (tiyn % 100 === 0 ? String(tiyn / 100) : (tiyn / 100).toFixed(2));

function draftOf(item: Equipment | null): Draft {
  return {
    inventoryNumber: item?.inventoryNumber ?? '',
    name: item?.name ?? '',
    labId: item ? String(item.labId) : null,
    cost: item ? tengeText(item.costTiyn) : '',
    acquiredOn: item?.acquiredOn.slice(0, 10) ?? new Date().toISOString().slice(0, 10),
    condition: item?.condition ?? 'new',
  };
}

/** Client-side checks that mirror the contract, with translated messages. */
function validate(d: Draft, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CODE_PATTERN.test(d.inventoryNumber.trim())) errors.inventoryNumber = t('material.codeRule');
  if (!d.name.trim()) errors.name = t('validation.required');
  if (!d.labId) errors.labId = t('validation.required');
  const cost = parseTenge(d.cost);
  if (cost === undefined || cost <= 0) errors.costTiyn = t('validation.amount');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.acquiredOn)) errors.acquiredOn = t('validation.required');
  return errors;
}

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
    validate: (d) => validate(d, t),
    done: { created: t('material.itemCreated'), saved: t('material.itemSaved') },
    onClose,
  });
  const { draft, set, error, mutation } = form;

  const onSubmit = () =>
    form.submit((d) => {
      const body: CreateEquipmentBody = {
        inventoryNumber: d.inventoryNumber.trim(),
        name: d.name.trim(),
        labId: Number(d.labId),
        costTiyn: parseTenge(d.cost) ?? 0,
        acquiredOn: d.acquiredOn,
        condition: d.condition,
      };
      return { create: body, patch: body };
    });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={item ? t('material.editItemTitle') : t('material.createItemTitle')}
      onSubmit={onSubmit}
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
        <TextInput
          label={t('material.acquiredOn')}
          type="date"
          required
          value={draft.acquiredOn}
          onChange={(e) => set('acquiredOn', e.currentTarget.value)}
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
