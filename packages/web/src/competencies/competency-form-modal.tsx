import {
  COMPETENCY_TYPES,
  type Competency,
  type CompetencyType,
  createCompetencyBodySchema,
  updateCompetencyBodySchema,
} from '@kadr/contracts/competencies';
import { Fieldset, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { apiFetch } from '../api/client';
import { currentLocale } from '../i18n';
import { useCompetencyMutations, useFrameworkCompetencies } from './api';
import { trilingualDraft } from '../components/trilingual-fields';
import { CodeInput } from '../components/code-input';

type Texts = { kk: string; ru: string; en: string };
const LANGS = ['kk', 'ru', 'en'] as const;

interface Draft {
  code: string;
  type: CompetencyType;
  name: Texts;
  description: Texts;
  /** Other names in each language, one a line. */
  altLabels: Texts;
  uri: string;
  parentId: string;
}

const draftOf = (c: Competency | null): Draft => ({
  code: c?.code ?? '',
  type: c?.type ?? 'skill',
  name: trilingualDraft(c?.name),
  description: trilingualDraft(c?.description),
  altLabels: {
    kk: c?.altLabels.kk.join('\n') ?? '',
    ru: c?.altLabels.ru.join('\n') ?? '',
    en: c?.altLabels.en.join('\n') ?? '',
  },
  uri: c?.uri ?? '',
  parentId: c?.parentId ? String(c.parentId) : '',
});

/** The labels typed one a line, blank lines left out. */
const linesOf = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** The body the draft stands for: alternative labels one a line in each language; the broader competency by id. */
const patchOf = (d: Draft) => ({
  code: d.code,
  type: d.type,
  name: d.name,
  description: d.description,
  uri: d.uri,
  altLabels: { kk: linesOf(d.altLabels.kk), ru: linesOf(d.altLabels.ru), en: linesOf(d.altLabels.en) },
  parentId: d.parentId.trim() === '' ? null : Number(d.parentId),
});

/** `code name` of a competency in the reader's language (or another one present). */
const labelOf = (c: Competency, locale: 'kk' | 'ru' | 'en') =>
  `${c.code} ${c.name[locale] || c.name.en || c.name.ru || c.name.kk}`;

/**
 * The broader competency, chosen by code or name among the framework's competencies (searched on the server: an
 * ESCO framework has thousands); the competency itself is not offered.
 */
function ParentSelect(props: {
  frameworkId: number;
  selfId: number | undefined;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [search, setSearch] = useState('');
  const found = useFrameworkCompetencies(props.frameworkId, { q: search || undefined, pageSize: 50 });
  const current = useQuery({
    queryKey: ['competency', props.value],
    queryFn: ({ signal }) => apiFetch<Competency>(`/api/competencies/${props.value}`, { signal }),
    enabled: props.value !== '',
  });
  const options = new Map<string, string>();
  if (current.data) options.set(String(current.data.id), labelOf(current.data, locale));
  for (const c of found.data?.items ?? [])
    if (c.id !== props.selfId) options.set(String(c.id), labelOf(c, locale));
  return (
    <Select
      label={t('competencies.parentPick')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={t('table.empty')}
      data={[...options].map(([value, label]) => ({ value, label }))}
      value={props.value || null}
      onChange={(value) => props.onChange(value ?? '')}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      error={props.error}
      data-testid="competency-parent"
    />
  );
}

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
  const legends = {
    name: t('organisations.names'),
    description: t('competencies.descriptions'),
    altLabels: t('competencies.altLabels'),
  };
  const texts = (key: 'name' | 'description' | 'altLabels', multiline: boolean) => (
    <Fieldset legend={legends[key]}>
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
        <CodeInput label={t('competencies.code')} maxLength={40} {...field('code')} />
        <ChoiceSelect
          label={t('competencies.type')}
          choices={COMPETENCY_TYPES}
          labels="competencies.types"
          {...field('type')}
        />
        <ParentSelect
          frameworkId={frameworkId}
          selfId={competency?.id}
          value={draft.parentId}
          onChange={(parentId) => setDraft((d) => ({ ...d, parentId }))}
          error={error('parentId')}
        />
      </Group>
      {texts('name', false)}
      {texts('description', true)}
      {texts('altLabels', true)}
      <TextInput
        label={t('competencies.uri')}
        placeholder="http://data.europa.eu/esco/skill/…"
        {...field('uri')}
      />
    </RecordFormModal>
  );
}
