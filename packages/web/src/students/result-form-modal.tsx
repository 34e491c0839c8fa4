import { createResultBodySchema, GRADE_LETTERS, type Result, updateResultBodySchema } from '@kadr/contracts';
import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useResultMutations } from '../api/students';
import { DateField } from '../components/date-field';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { currentLocale, localized } from '../i18n';
import { useProgrammeVersion } from '../programmes/api';
import { RecordSelect } from '../components/choice-select';

interface Draft {
  disciplineId: string;
  attempt: number | string;
  points: number | string;
  /** '' lets the server take the letter from the points (DOMAIN §1). */
  letter: string;
  gradedOn: string;
}

const draftOf = (r: Result | null): Draft => ({
  disciplineId: r ? String(r.disciplineId) : '',
  attempt: r?.attempt ?? 1,
  points: r?.points ?? '',
  // A correction re-derives the letter from the new points unless the registrar names one.
  letter: '',
  gradedOn: r?.gradedOn ?? '',
});

const numberOf = (v: number | string) => (v === '' ? undefined : Number(v));
const patchOf = (d: Draft) => ({
  attempt: numberOf(d.attempt),
  points: numberOf(d.points),
  letter: (d.letter || undefined) as Result['letter'] | undefined,
  gradedOn: d.gradedOn || undefined,
});

/** Props of {@link ResultFormModal}. */
export interface ResultFormModalProps {
  opened: boolean;
  studentId: number;
  /** The version the student is enrolled in: its disciplines are offered. */
  versionId: number | undefined;
  /** The result to correct; `null` records a new one. */
  result: Result | null;
  onClose: () => void;
}

/**
 * Records a discipline result on the national scale, or corrects one: points 0-100, the letter taken from the
 * points unless given (and then it must agree with them), the attempt (a re-examination is attempt 2).
 */
export function ResultFormModal({ opened, studentId, versionId, result, onClose }: ResultFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const version = useProgrammeVersion(opened && !result ? (versionId ?? 0) : 0);
  const form = useRecordForm({
    opened,
    record: result,
    mutations: useResultMutations(),
    init: draftOf,
    schemas: { create: createResultBodySchema, patch: updateResultBodySchema },
    bodies: {
      create: (d) => ({
        studentId,
        disciplineId: d.disciplineId ? Number(d.disciplineId) : undefined,
        ...patchOf(d),
      }),
      patch: patchOf,
    },
    text: {
      create: t('results.createTitle'),
      edit: t('results.editTitle'),
      created: t('results.created'),
      saved: t('results.saved'),
    },
    onClose,
  });
  const { field } = form;
  const disciplines = (version.data?.disciplines ?? []).map((d) => ({
    value: String(d.id),
    label: `${d.code} · ${localized(d.name, locale)}`,
  }));

  return (
    <RecordFormModal form={form} testId="result-form">
      {result ? (
        <TextInput
          label={t('grades.discipline')}
          value={`${result.disciplineCode} · ${localized(result.disciplineName, locale)}`}
          readOnly
        />
      ) : (
        <RecordSelect
          label={t('grades.discipline')}
          data={disciplines}
          {...field('disciplineId')}
          data-autofocus
        />
      )}
      <Group grow align="flex-start">
        <NumberInput
          label={t('grades.points')}
          required
          min={0}
          max={100}
          allowDecimal={false}
          {...field('points')}
        />
        <Select
          label={t('grades.letter')}
          description={t('results.letterHint')}
          clearable
          data={GRADE_LETTERS.map((l) => ({ value: l, label: l }))}
          {...field('letter')}
          onChange={(value) => form.set('letter', value ?? '')}
        />
      </Group>
      <Group grow align="flex-start">
        <NumberInput
          label={t('grades.attempt')}
          description={t('results.attemptHint')}
          required
          min={1}
          max={10}
          allowDecimal={false}
          {...field('attempt')}
        />
        <DateField label={t('grades.gradedOn')} required {...field('gradedOn')} />
      </Group>
    </RecordFormModal>
  );
}
