import {
  createDisciplineBodySchema,
  type Discipline,
  type DisciplineComponent,
  type DisciplineCycle,
  updateDisciplineBodySchema,
} from '@kadr/contracts';
import { Group, MultiSelect, NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEquipment, useLabs } from '../api/material';
import { ChoiceSelect } from '../components/choice-select';
import { RecordFormModal } from '../components/form-modal';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { currentLocale, localized } from '../i18n';
import { useDisciplineMutations } from './api';
import { DISCIPLINE_COMPONENTS, DISCIPLINE_CYCLES } from './vocabulary';
import { CodeInput } from '../components/code-input';

interface Draft {
  code: string;
  name: { kk: string; ru: string; en: string };
  credits: number | string;
  ects: number | string;
  semester: number | string;
  cycle: DisciplineCycle;
  component: DisciplineComponent;
  labIds: string[];
  equipmentIds: string[];
}

function draftOf(d: Discipline | null, semester: number): Draft {
  return {
    code: d?.code ?? '',
    name: trilingualDraft(d?.name),
    credits: d?.credits ?? 5,
    ects: d?.ects ?? 5,
    semester: d?.semester ?? semester,
    cycle: d?.cycle ?? 'major',
    component: d?.component ?? 'compulsory',
    labIds: (d?.labs ?? []).map((l) => String(l.id)),
    equipmentIds: (d?.equipment ?? []).map((e) => String(e.id)),
  };
}

const numberOf = (value: number | string) => (value === '' ? undefined : Number(value));

/** The body: the schema checks the code, names, credits, semester and that no lab or item is named twice. */
const bodyOf = (d: Draft) => ({
  ...d,
  credits: numberOf(d.credits),
  ects: numberOf(d.ects),
  semester: numberOf(d.semester),
  labIds: d.labIds.map(Number),
  equipmentIds: d.equipmentIds.map(Number),
});

/** Props of {@link DisciplineFormModal}. */
export interface DisciplineFormModalProps {
  opened: boolean;
  versionId: number;
  /** The discipline to edit; `null` adds one. */
  discipline: Discipline | null;
  /** The semester a new discipline starts in. */
  semester: number;
  maxSemester: number;
  onClose: () => void;
}

/** Adds or edits a discipline of a draft: code, names, credits and ECTS, semester, cycle, component, labs, equipment. */
export function DisciplineFormModal(props: DisciplineFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const labs = useLabs(undefined, props.opened);
  const equipment = useEquipment({ pageSize: 200, sort: 'inventoryNumber' }, props.opened);
  const form = useRecordForm({
    opened: props.opened,
    record: props.discipline,
    mutations: useDisciplineMutations(props.versionId),
    init: (d) => draftOf(d, props.semester),
    schemas: { create: createDisciplineBodySchema, patch: updateDisciplineBodySchema },
    bodies: { create: bodyOf, patch: bodyOf },
    text: {
      create: t('programmes.addDiscipline'),
      edit: t('programmes.editDiscipline'),
      created: t('programmes.disciplineCreated'),
      saved: t('programmes.disciplineSaved'),
    },
    onClose: props.onClose,
  });
  const { field } = form;

  return (
    <RecordFormModal form={form} testId="discipline-form" size="xl">
      <Group grow align="flex-start">
        <CodeInput label={t('programmes.disciplineCode')} placeholder="EE 2101" {...field('code')} />
        <NumberInput
          label={t('programmes.semester')}
          required
          min={1}
          max={props.maxSemester}
          allowDecimal={false}
          {...field('semester')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'name')} />
      <Group grow align="flex-start">
        <NumberInput
          label={t('programmes.credits')}
          required
          min={1}
          max={60}
          allowDecimal={false}
          {...field('credits')}
        />
        <NumberInput
          label={t('programmes.ects')}
          required
          min={1}
          max={60}
          allowDecimal={false}
          {...field('ects')}
        />
        <ChoiceSelect
          label={t('programmes.cycle')}
          choices={DISCIPLINE_CYCLES}
          labels="disciplineCycles"
          {...field('cycle')}
        />
        <ChoiceSelect
          label={t('programmes.component')}
          choices={DISCIPLINE_COMPONENTS}
          labels="disciplineComponents"
          {...field('component')}
        />
      </Group>
      <MultiSelect
        label={t('programmes.labs')}
        searchable
        data={(labs.data?.items ?? []).map((l) => ({
          value: String(l.id),
          label: `${l.code} · ${localized(l.name, locale)}`,
        }))}
        {...field('labIds')}
      />
      <MultiSelect
        label={t('programmes.equipment')}
        searchable
        data={(equipment.data?.items ?? []).map((e) => ({
          value: String(e.id),
          label: `${e.inventoryNumber} · ${localized(e.name, locale)}`,
        }))}
        {...field('equipmentIds')}
      />
    </RecordFormModal>
  );
}
