import {
  COMPETENCY_TYPES,
  type Competency,
  type CompetencyType,
  createCompetencyBodySchema,
  updateCompetencyBodySchema,
} from '@kadr/contracts/competencies';
import { Fieldset, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { useCompetencyMutations } from './api';

type Texts = { kk: string; ru: string; en: string };
const LANGS = ['kk', 'ru', 'en'] as const;

interface Draft {
  code: string;
  type: CompetencyType;
  name: Texts;
  description: Texts;
  altLabels: string;
  uri: string;
  parentId: string;
}

const draftOf = (c: Competency | null): Draft => ({
  code: c?.code ?? '',
  type: c?.type ?? 'skill',
  name: { kk: c?.name.kk ?? '', ru: c?.name.ru ?? '', en: c?.name.en ?? '' },
  description: { kk: c?.description.kk ?? '', ru: c?.description.ru ?? '', en: c?.description.en ?? '' },
  altLabels: c?.altLabels.join('\n') ?? '',
  uri: c?.uri ?? '',
  parentId: c?.parentId ? String(c.parentId) : '',
});

/** The body the draft stands for: alternative labels one a line; the broader competency by id. */
const patchOf = (d: Draft) => ({
  code: d.code,
  type: d.type,
  name: d.name,
  description: d.description,
  uri: d.uri,
  altLabels: d.altLabels.split('\n').filter((l) => l.trim() !== ''),
  parentId: d.parentId.trim() === '' ? null : Number(d.parentId),
});

/** Props of {@link CompetencyFormModal}. */
export interface CompetencyFormModalProps {
  opened: boolean;
  frameworkId: number;
  /** The competency to edit; `null` creates one in the framework. */
  competency: Competency | null;
  onClose: () => void;
}

/** Creates or edits a competency: code, type, names and descriptions in any of kk/ru/en, other names, broader one. */
export function CompetencyFormModal({ opened, frameworkId, competency, onClose }: CompetencyFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: competency,
    mutations: useCompetencyMutations(),
    init: draftOf,
    schemas: { create: createCompetencyBodySchema, patch: updateCompetencyBodySchema },
    bodies: { create: (d) => ({ ...patchOf(d), frameworkId }), patch: patchOf },
    text: {
      create: t('competencies.createCompetency'),
      edit: t('competencies.editCompetency'),
      created: t('competencies.competencyCreated'),
      saved: t('competencies.competencySaved'),
    },
    onClose,
  });
  const { draft, setDraft, field, error } = form;
  const texts = (key: 'name' | 'description', multiline: boolean) => (
    <Fieldset legend={t(key === 'name' ? 'organisations.names' : 'competencies.descriptions')}>
      <Stack gap="sm">
        {LANGS.map((lang) => {
          const Input = multiline ? Textarea : TextInput;
          return (
            <Input
              key={lang}
              label={t(`competencies.in.${lang}`)}
              lang={lang}
              value={draft[key][lang]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [key]: { ...d[key], [lang]: value } }));
              }}
              error={error(`${key}.${lang}`) ?? (lang === 'kk' ? error(key) : undefined)}
              autosize={multiline || undefined}
              minRows={multiline ? 2 : undefined}
            />
          );
        })}
      </Stack>
    </Fieldset>
  );
  return (
    <RecordFormModal form={form} testId="competency-form">
      <Group grow align="flex-start">
        <TextInput label={t('competencies.code')} required maxLength={40} {...field('code')} data-autofocus />
        <ChoiceSelect
          label={t('competencies.type')}
          choices={COMPETENCY_TYPES}
          labels="competencies.types"
          {...field('type')}
        />
        <TextInput label={t('competencies.parentId')} inputMode="numeric" {...field('parentId')} />
      </Group>
      {texts('name', false)}
      {texts('description', true)}
      <Textarea label={t('competencies.altLabels')} autosize minRows={2} {...field('altLabels')} />
      <TextInput
        label={t('competencies.uri')}
        placeholder="http://data.europa.eu/esco/skill/…"
        {...field('uri')}
      />
    </RecordFormModal>
  );
}
