import { createLabBodySchema, type Lab, type PriorityArea, updateLabBodySchema } from '@kadr/contracts';
import { Group, NumberInput, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useLabMutations } from '../api/material';
import { PRIORITY_AREAS } from '../api/vocabulary';
import { RecordFormModal } from '../components/form-modal';
import {
  TrilingualFields,
  trilingualDraft,
  trilingualProps,
  type TrilingualDraft,
} from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { CodeInput } from '../components/code-input';

interface Draft {
  code: string;
  name: { kk: string; ru: string; en: string };
  priorityArea: PriorityArea;
  building: TrilingualDraft;
  room: string;
  capacity: number | string;
  active: boolean;
}

function draftOf(lab: Lab | null): Draft {
  return {
    code: lab?.code ?? '',
    name: trilingualDraft(lab?.name),
    priorityArea: lab?.priorityArea ?? 'petrochemistry',
    building: trilingualDraft(lab?.building),
    room: lab?.room ?? '',
    capacity: lab?.capacity ?? 20,
    active: lab?.active ?? true,
  };
}

/** The create body: the schema trims the texts and checks the code, the names and the places. */
const bodyOf = ({ active: _, capacity, ...d }: Draft) => ({ ...d, capacity: Number(capacity) });

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
    schemas: { create: createLabBodySchema, patch: updateLabBodySchema },
    bodies: { create: bodyOf, patch: (d) => ({ ...bodyOf(d), active: d.active }) },
    text: {
      create: t('material.createLabTitle'),
      edit: t('material.editLabTitle'),
      created: t('material.labCreated'),
      saved: t('material.labSaved'),
    },
    onClose,
  });
  const { draft, set, field } = form;

  return (
    <RecordFormModal form={form} testId="lab-form">
      <Group grow align="flex-start">
        <CodeInput label={t('partners.code')} maxLength={40} placeholder="PCH-101" {...field('code')} />
        <ChoiceSelect
          label={t('material.area')}
          choices={PRIORITY_AREAS}
          labels="priorityAreas"
          {...field('priorityArea')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'name')} />
      <TrilingualFields
        {...trilingualProps(form, 'building')}
        legend={t('material.building')}
        maxLength={120}
        required={false}
      />
      <Group grow align="flex-start">
        <TextInput label={t('material.room')} maxLength={40} {...field('room')} />
        <NumberInput
          label={t('material.capacity')}
          required
          min={1}
          max={2000}
          allowDecimal={false}
          {...field('capacity')}
        />
      </Group>
      {lab ? (
        <Switch
          label={t('material.labActive')}
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
      ) : null}
    </RecordFormModal>
  );
}
