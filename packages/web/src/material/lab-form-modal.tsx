import type { CreateLabBody, Lab, PriorityArea } from '@kadr/contracts';
import { Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabMutations } from '../api/material';
import { PRIORITY_AREAS } from '../api/vocabulary';
import { errorAt, succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { TrilingualFields } from '../components/trilingual-fields';
import { useFormDraft } from '../components/use-form-draft';

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
  const { create, update } = useLabMutations();
  const mutation = lab ? update : create;
  const { draft, setDraft, set, touched, setTouched } = useFormDraft(
    opened,
    () => draftOf(lab),
    () => {
      create.reset();
      update.reset();
    },
  );
  const local = touched ? validate(draft, t) : {};
  const error = errorAt(local, mutation.error);

  const onSubmit = () => {
    setTouched(true);
    if (Object.keys(validate(draft, t)).length > 0) return;
    const body: CreateLabBody = {
      code: draft.code.trim(),
      name: { kk: draft.name.kk.trim(), ru: draft.name.ru.trim(), en: draft.name.en.trim() },
      priorityArea: draft.priorityArea,
      building: draft.building.trim(),
      room: draft.room.trim(),
      capacity: Number(draft.capacity),
    };
    if (lab) {
      update.mutate(
        { id: lab.id, patch: { ...body, active: draft.active } },
        { onSuccess: succeedWith(t('material.labSaved'), onClose) },
      );
    } else {
      create.mutate(body, { onSuccess: succeedWith(t('material.labCreated'), onClose) });
    }
  };

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
