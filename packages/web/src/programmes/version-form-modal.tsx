import { createVersionBodySchema, type ProgrammeVersion } from '@kadr/contracts';
import { NumberInput, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useSchemaForm } from '../components/use-schema-form';
import { useCreateVersion } from './api';

interface Draft {
  startYear: number | string;
  note: string;
}

/** Props of {@link VersionFormModal}. */
export interface VersionFormModalProps {
  opened: boolean;
  programmeId: number;
  onClose: () => void;
  onCreated: (version: ProgrammeVersion) => void;
}

/** Opens a draft version: the first academic year it is taught and a note; it starts as a copy of the latest one. */
export function VersionFormModal({ opened, programmeId, onClose, onCreated }: VersionFormModalProps) {
  const { t } = useTranslation();
  const create = useCreateVersion(programmeId);
  const { validBody, field } = useSchemaForm({
    opened,
    init: (): Draft => ({ startYear: new Date().getFullYear() + 1, note: '' }),
    schema: createVersionBodySchema,
    body: (d: Draft) => ({ startYear: d.startYear === '' ? undefined : Number(d.startYear), note: d.note }),
    onOpen: create.reset,
    serverError: create.error,
  });
  const onSubmit = () => {
    const body = validBody();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (version) => {
        succeedWith(t('programmes.versionCreated'), onClose)();
        onCreated(version);
      },
    });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('programmes.newVersion')}
      onSubmit={onSubmit}
      error={create.error}
      isPending={create.isPending}
      submitLabel={t('common.create')}
      testId="version-form"
    >
      <Text size="sm">{t('programmes.newVersionHint')}</Text>
      <NumberInput
        label={t('programmes.startYear')}
        required
        min={2000}
        max={2100}
        allowDecimal={false}
        {...field('startYear')}
        data-autofocus
      />
      <Textarea label={t('programmes.note')} maxLength={2000} autosize minRows={2} {...field('note')} />
    </FormModal>
  );
}
