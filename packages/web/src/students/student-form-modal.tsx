import { createStudentBodySchema, type Student, updateStudentBodySchema } from '@kadr/contracts';
import { TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useStudentMutations } from '../api/students';
import { EmailPhoneFields } from '../components/email-phone-fields';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';

interface Draft {
  iin: string;
  fullName: string;
  email: string;
  phone: string;
}

const draftOf = (s: Student | null): Draft => ({
  iin: s?.iin ?? '',
  fullName: s?.fullName ?? '',
  email: s?.email ?? '',
  phone: s?.phone ?? '',
});

/** Props of {@link StudentFormModal}. */
export interface StudentFormModalProps {
  opened: boolean;
  /** The student to edit; `null` records a new one (and opens their page). */
  student: Student | null;
  onClose: () => void;
}

/** Records or edits a student's personal data: IIN (its control digit checked), name, e-mail, phone. */
export function StudentFormModal({ opened, student, onClose }: StudentFormModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useRecordForm({
    opened,
    record: student,
    mutations: useStudentMutations(),
    init: draftOf,
    schemas: { create: createStudentBodySchema, patch: updateStudentBodySchema },
    bodies: { create: (d) => d, patch: (d) => d },
    text: {
      create: t('students.createTitle'),
      edit: t('students.editTitle'),
      created: t('students.created'),
      saved: t('students.saved'),
    },
    onClose,
    onCreated: (created) =>
      void navigate({ to: '/students/$studentId', params: { studentId: String(created.id) } }),
  });
  const { field } = form;

  return (
    <RecordFormModal form={form} testId="student-form">
      <TextInput
        label={t('students.fullName')}
        required
        maxLength={200}
        {...field('fullName')}
        data-autofocus
      />
      <TextInput
        label={t('students.iin')}
        description={t('students.iinRule')}
        required
        inputMode="numeric"
        maxLength={12}
        {...field('iin')}
      />
      <EmailPhoneFields field={field} />
    </RecordFormModal>
  );
}
