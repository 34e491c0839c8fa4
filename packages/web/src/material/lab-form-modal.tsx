import type { CreateLabBody, Lab, PriorityArea } from '@kadr/contracts';
import { Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabMutations } from '../api/material';
import { PRIORITY_AREAS } from '../api/vocabulary';
import { FormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { TrilingualFields } from '../components/trilingual-fields';

type Draft = Omit<CreateLabBody, 'capacity'> & { capacity: number | string; active: boolean };

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

function draftOf(lab: Lab | null): Draft {
  return {
    code: lab?.code ?? '',
    name: { kk: lab?.name.kk ?? '', ru: lab?.name.ru ?? '', en: lab?.name.en ?? '' },
    priorityArea: lab?.priorityArea ?? 'petrochemistry',
    building: lab?.building ?? '',
    room: lab?.room ?? '',
    capacity: lab?.capacity ?? 20,
    active: lab?.active ?? true,
  };
}

/** Client-side checks that mirror the contract, with translated messages. */
function validate(d: Draft, t: (key: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!CODE_PATTERN.test(d.code.trim())) errors.code = t('material.codeRule');
  if (!d.name.kk.trim()) errors.nameKk = t('validation.required');
  if (!d.name.ru.trim()) errors.nameRu = t('validation.required');
  const capacity = Number(d.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 2000)
    errors.capacity = t('material.capacityRule');
  return errors;
}

/** Props of {@link LabFormModal}. */
export interface LabFormModalProps {
  opened: boolean;
  /** The lab to edit; `null` creates a new one. */
  lab: Lab | null;
  onClose: () => void;
}

/** Creates or edits a lab: code, names in kk/ru/en, priority area, building, room, places, active. */
export function LabFormModal({ opened, lab, onClose }: LabFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: lab,
    mutations: useLabMutations(),
    init: draftOf,
    validate: (d) => validate(d, t),
    done: { created: t('material.labCreated'), saved: t('material.labSaved') },
    onClose,
  });
  const { draft, setDraft, set, error, mutation } = form;

  const onSubmit = () =>
    form.submit((d) => {
      const body: CreateLabBody = {
        code: d.code.trim(),
        name: { kk: d.name.kk.trim(), ru: d.name.ru.trim(), en: d.name.en.trim() },
        priorityArea: d.priorityArea,
        building: d.building.trim(),
        room: d.room.trim(),
        capacity: Number(d.capacity),
      };
      return { create: body, patch: { ...body, active: d.active } };
    });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={lab ? t('material.editLabTitle') : t('material.createLabTitle')}
      onSubmit={onSubmit}
      error={mutation.error}
      isPending={mutation.isPending}
      submitLabel={lab ? t('common.save') : t('common.create')}
      testId="lab-form"
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('partners.code')}
          required
          maxLength={40}
          placeholder="PCH-101"
          value={draft.code}
          onChange={(e) => set('code', e.currentTarget.value)}
          error={error('code')}
          data-autofocus
        />
        <Select
          label={t('material.area')}
          required
          allowDeselect={false}
          data={PRIORITY_AREAS.map((a) => ({ value: a, label: t(`priorityAreas.${a}`) }))}
          value={draft.priorityArea}
          onChange={(value) => value && set('priorityArea', value as PriorityArea)}
          error={error('priorityArea')}
        />
      </Group>
      <TrilingualFields
        value={draft.name}
        onChange={(lang, text) => setDraft((d) => ({ ...d, name: { ...d.name, [lang]: text } }))}
        errors={{ kk: error('nameKk', 'name'), ru: error('nameRu') }}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('material.building')}
          maxLength={120}
          value={draft.building}
          onChange={(e) => set('building', e.currentTarget.value)}
          error={error('building')}
        />
        <TextInput
          label={t('material.room')}
          maxLength={40}
          value={draft.room}
          onChange={(e) => set('room', e.currentTarget.value)}
          error={error('room')}
        />
        <NumberInput
          label={t('material.capacity')}
          required
          min={1}
          max={2000}
          allowDecimal={false}
          value={draft.capacity}
          onChange={(value) => set('capacity', value)}
          error={error('capacity')}
        />
      </Group>
      {lab ? (
        <Switch
          label={t('material.labActive')}
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
      ) : null}
    </FormModal>
  );
}
