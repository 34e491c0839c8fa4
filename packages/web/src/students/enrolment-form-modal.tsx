import { createEnrolmentBodySchema } from '@kadr/contracts';
import { Group, NumberInput, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEnrolmentMutations } from '../api/students';
import { DateField } from '../components/date-field';
import { succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useSchemaForm } from '../components/use-schema-form';
import { currentLocale, localized } from '../i18n';
import { useProgrammes } from '../programmes/api';
import { RecordSelect } from '../components/choice-select';

interface Draft {
  versionId: string;
  admissionYear: number | string;
  enrolledOn: string;
  status: string;
}

const bodyOf = (d: Draft) => ({
  versionId: d.versionId ? Number(d.versionId) : undefined,
  admissionYear: d.admissionYear === '' ? undefined : d.admissionYear,
  enrolledOn: d.enrolledOn || undefined,
  status: d.status as 'active' | 'on-leave',
});

/** Props of {@link EnrolmentFormModal}. */
export interface EnrolmentFormModalProps {
  opened: boolean;
  studentId: number;
  onClose: () => void;
  /** The calendar year the form proposes as the admission year (the university's today). */
  year: number;
}

/**
 * Enrols a student in the active version of a programme (DOMAIN §4): the student then stays on that version
 * whatever later versions change. A student with a current enrolment must end it first (the server says so).
 */
export function EnrolmentFormModal({ opened, studentId, onClose, year }: EnrolmentFormModalProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { create } = useEnrolmentMutations(studentId);
  const programmes = useProgrammes({ pageSize: 200, sort: 'code' });
  const { validBody, field } = useSchemaForm({
    opened,
    init: (): Draft => ({ versionId: '', admissionYear: year, enrolledOn: '', status: 'active' }),
    schema: createEnrolmentBodySchema,
    body: bodyOf,
    onOpen: create.reset,
    serverError: create.error,
  });
  const versions = (programmes.data?.items ?? []).flatMap((p) =>
    p.activeVersion
      ? [
          {
            value: String(p.activeVersion.id),
            label: t('enrolments.versionOption', {
              code: p.code,
              name: localized(p.name, locale),
              number: p.activeVersion.number,
            }),
          },
        ]
      : [],
  );

  const onSubmit = () => {
    const body = validBody();
    if (body) create.mutate(body, { onSuccess: succeedWith(t('enrolments.created'), onClose) });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('enrolments.createTitle')}
      onSubmit={onSubmit}
      error={create.error}
      isPending={create.isPending}
      submitLabel={t('enrolments.enrol')}
      testId="enrolment-form"
    >
      <RecordSelect
        label={t('enrolments.version')}
        description={t('enrolments.versionHint')}
        data={versions}
        {...field('versionId')}
        data-autofocus
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('students.admissionYear')}
          required
          min={1990}
          max={2200}
          allowDecimal={false}
          thousandSeparator=""
          {...field('admissionYear')}
        />
        <DateField label={t('students.enrolledOn')} required {...field('enrolledOn')} />
      </Group>
      <Select
        label={t('students.status')}
        allowDeselect={false}
        data={(['active', 'on-leave'] as const).map((s) => ({
          value: s,
          label: t(`enrolmentStatuses.${s}`),
        }))}
        {...field('status')}
      />
    </FormModal>
  );
}
