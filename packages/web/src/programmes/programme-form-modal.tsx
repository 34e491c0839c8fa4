import {
  type ContributionKind,
  createProgrammeBodySchema,
  type DegreeType,
  type Locale,
  type PriorityArea,
  type Programme,
  type ProgrammeLevel,
  updateProgrammeBodySchema,
} from '@kadr/contracts';
import { Button, Fieldset, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgreements } from '../api/material';
import { useOrganisations } from '../api/resources';
import { DEGREE_TYPES, LOCALES, PRIORITY_AREAS } from '../api/vocabulary';
import { ChoiceSelect } from '../components/choice-select';
import { RecordFormModal } from '../components/form-modal';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { useProgrammeMutations } from './api';
import { CONTRIBUTION_KINDS, PROGRAMME_LEVELS } from './vocabulary';
import { CodeInput } from '../components/code-input';

interface CodeveloperDraft {
  organisationId: string | null;
  contributions: string[];
  note: string;
  agreementId: string | null;
}

interface Draft {
  code: string;
  programmeGroup: string;
  level: ProgrammeLevel;
  priorityArea: PriorityArea;
  name: { kk: string; ru: string; en: string };
  languages: string[];
  credits: number | string;
  durationSemesters: number | string;
  degreeType: DegreeType;
  codevelopers: CodeveloperDraft[];
}

function draftOf(p: Programme | null): Draft {
  return {
    code: p?.code ?? '',
    programmeGroup: p?.programmeGroup ?? '',
    level: p?.level ?? 'bachelor',
    priorityArea: p?.priorityArea ?? 'energy',
    name: trilingualDraft(p?.name),
    languages: p?.languages ?? ['kk', 'ru'],
    credits: p?.credits ?? 240,
    durationSemesters: p?.durationSemesters ?? 8,
    degreeType: p?.degreeType ?? 'single',
    codevelopers: (p?.codevelopers ?? []).map((c) => ({
      organisationId: String(c.organisationId),
      contributions: c.contributions,
      note: c.note,
      agreementId: c.agreementId === null ? null : String(c.agreementId),
    })),
  };
}

const numberOf = (value: number | string) => (value === '' ? undefined : Number(value));

/** The body: the schema checks the code against the level, the credits, the degree and the co-developers. */
const bodyOf = (d: Draft) => ({
  ...d,
  languages: d.languages as Locale[],
  credits: numberOf(d.credits),
  durationSemesters: numberOf(d.durationSemesters),
  codevelopers: d.codevelopers.map((c) => ({
    organisationId: c.organisationId ? Number(c.organisationId) : undefined,
    contributions: c.contributions as ContributionKind[],
    note: c.note,
    agreementId: c.agreementId ? Number(c.agreementId) : null,
  })),
});

/** One co-developer: the organisation, what it contributed, its agreement (of those it is a party to), a note. */
function CodeveloperRow(props: {
  index: number;
  value: CodeveloperDraft;
  organisations: { value: string; label: string }[];
  error: (path: string) => string | undefined;
  onChange: (value: CodeveloperDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { value, index } = props;
  const agreements = useAgreements(
    { organisationId: value.organisationId ?? undefined, pageSize: 200 },
    value.organisationId !== null,
  );
  const path = `codevelopers.${index}`;
  const name = props.organisations.find((o) => o.value === value.organisationId)?.label ?? String(index + 1);
  return (
    <Fieldset legend={t('programmes.codeveloperN', { number: index + 1 })}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label={t('programmes.organisation')}
            required
            searchable
            data={props.organisations}
            value={value.organisationId}
            onChange={(v) => props.onChange({ ...value, organisationId: v, agreementId: null })}
            error={props.error(`${path}.organisationId`)}
          />
          <Select
            label={t('programmes.agreement')}
            placeholder={t('programmes.noAgreement')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            data={(agreements.data?.items ?? []).map((a) => ({ value: String(a.id), label: a.number }))}
            value={value.agreementId}
            onChange={(v) => props.onChange({ ...value, agreementId: v })}
            error={props.error(`${path}.agreementId`)}
          />
        </Group>
        <MultiSelect
          label={t('programmes.contributions')}
          required
          data={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`contributionKinds.${k}`) }))}
          value={value.contributions}
          onChange={(v) => props.onChange({ ...value, contributions: v })}
          error={props.error(`${path}.contributions`)}
        />
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('programmes.note')}
            maxLength={1000}
            value={value.note}
            onChange={(e) => props.onChange({ ...value, note: e.currentTarget.value })}
          />
          <Button
            variant="light"
            color="red"
            onClick={props.onRemove}
            aria-label={t('programmes.removeCodeveloper', { name })}
          >
            {t('programmes.remove')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Props of {@link ProgrammeFormModal}. */
export interface ProgrammeFormModalProps {
  opened: boolean;
  /** The programme to edit; `null` creates one. */
  programme: Programme | null;
  onClose: () => void;
}

/** Creates or edits a programme: code, group, level, area, names, languages, credits, duration, degree, co-developers. */
export function ProgrammeFormModal({ opened, programme, onClose }: ProgrammeFormModalProps) {
  const { t } = useTranslation();
  const organisations = useOrganisations({ pageSize: 200, sort: 'shortName' }, opened);
  const form = useRecordForm({
    opened,
    record: programme,
    mutations: useProgrammeMutations(),
    init: draftOf,
    schemas: { create: createProgrammeBodySchema, patch: updateProgrammeBodySchema },
    bodies: { create: bodyOf, patch: bodyOf },
    text: {
      create: t('programmes.createTitle'),
      edit: t('programmes.editTitle'),
      created: t('programmes.created'),
      saved: t('programmes.saved'),
    },
    onClose,
  });
  const { draft, set, field, error } = form;
  const choices = (organisations.data?.items ?? [])
    .filter((o) => o.kind !== 'home_university')
    .map((o) => ({ value: String(o.id), label: o.shortName }));
  const setCodeveloper = (index: number, value: CodeveloperDraft) =>
    set(
      'codevelopers',
      draft.codevelopers.map((c, i) => (i === index ? value : c)),
    );

  return (
    <RecordFormModal form={form} testId="programme-form" size="xl">
      <Group grow align="flex-start">
        <CodeInput label={t('programmes.code')} placeholder="6B07101" {...field('code')} />
        <TextInput label={t('programmes.group')} required placeholder="B062" {...field('programmeGroup')} />
        <ChoiceSelect
          label={t('programmes.level')}
          choices={PROGRAMME_LEVELS}
          labels="programmeLevels"
          {...field('level')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'name')} />
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('programmes.priorityArea')}
          choices={PRIORITY_AREAS}
          labels="priorityAreas"
          {...field('priorityArea')}
        />
        <ChoiceSelect
          label={t('programmes.degreeType')}
          choices={DEGREE_TYPES}
          labels="degreeTypes"
          {...field('degreeType')}
        />
        <MultiSelect
          label={t('programmes.languages')}
          required
          data={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
          {...field('languages')}
        />
      </Group>
      <Group grow align="flex-start">
        <NumberInput
          label={t('programmes.credits')}
          required
          min={1}
          max={600}
          allowDecimal={false}
          {...field('credits')}
        />
        <NumberInput
          label={t('programmes.durationSemesters')}
          required
          min={1}
          max={12}
          allowDecimal={false}
          {...field('durationSemesters')}
        />
      </Group>
      <Stack gap="sm">
        {draft.codevelopers.map((c, index) => (
          <CodeveloperRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved; they are removed by index
            key={index}
            index={index}
            value={c}
            organisations={choices}
            error={error}
            onChange={(value) => setCodeveloper(index, value)}
            onRemove={() =>
              set(
                'codevelopers',
                draft.codevelopers.filter((_, i) => i !== index),
              )
            }
          />
        ))}
        {error('codevelopers') ? (
          <div
            role="alert"
            style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-sm)' }}
          >
            {error('codevelopers')}
          </div>
        ) : null}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              set('codevelopers', [
                ...draft.codevelopers,
                { organisationId: null, contributions: [], note: '', agreementId: null },
              ])
            }
          >
            {t('programmes.addCodeveloper')}
          </Button>
        </Group>
      </Stack>
    </RecordFormModal>
  );
}
