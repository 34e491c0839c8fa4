import {
  createFrameworkBodySchema,
  FRAMEWORK_SOURCES,
  type Framework,
  type FrameworkSource,
  updateFrameworkBodySchema,
} from '@kadr/contracts/competencies';
import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { RecordFormModal } from '../components/form-modal';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { useFrameworkMutations } from './api';
import { CodeInput } from '../components/code-input';

interface Draft {
  code: string;
  source: FrameworkSource;
  name: { kk: string; ru: string; en: string };
  sourceVersion: string;
}

const draftOf = (f: Framework | null): Draft => ({
  code: f?.code ?? '',
  source: f?.source ?? 'own',
  name: trilingualDraft(f?.name),
  sourceVersion: f?.sourceVersion ?? '',
});

/** Props of {@link FrameworkFormModal}. */
export interface FrameworkFormModalProps {
  opened: boolean;
  /** The framework to edit; `null` creates one. */
  framework: Framework | null;
  onClose: () => void;
}

/** Creates or edits a competency framework: code, source, names in kk/ru/en, the source's version. */
export function FrameworkFormModal({ opened, framework, onClose }: FrameworkFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: framework,
    mutations: useFrameworkMutations(),
    init: draftOf,
    schemas: { create: createFrameworkBodySchema, patch: updateFrameworkBodySchema },
    bodies: { create: (d) => d, patch: (d) => d },
    text: {
      create: t('competencies.createFramework'),
      edit: t('competencies.editFramework'),
      created: t('competencies.frameworkCreated'),
      saved: t('competencies.frameworkSaved'),
    },
    onClose,
  });
  const { field } = form;
  return (
    <RecordFormModal form={form} testId="framework-form">
      <Group grow align="flex-start">
        <CodeInput label={t('competencies.code')} maxLength={40} placeholder="CDIO-3.0" {...field('code')} />
        <ChoiceSelect
          label={t('competencies.source')}
          choices={FRAMEWORK_SOURCES}
          labels="competencies.sources"
          {...field('source')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'name')} />
      <TextInput
        label={t('competencies.sourceVersion')}
        maxLength={100}
        placeholder="ESCO v1.2.0"
        {...field('sourceVersion')}
      />
    </RecordFormModal>
  );
}
