import {
  type CreateOrganisationBody,
  createOrganisationBodySchema,
  type Organisation,
  type OrganisationKind,
  type OrganisationSector,
  type PriorityArea,
  updateOrganisationBodySchema,
} from '@kadr/contracts';
import { ORGANISATION_KINDS, ORGANISATION_SECTORS, PRIORITY_AREAS } from '../api/vocabulary';
import { Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { countryName } from '../i18n';
import { useOrganisationMutations } from '../api/resources';
import { RecordFormModal } from '../components/form-modal';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';

type Draft = CreateOrganisationBody & { active: boolean };

function draftOf(org: Organisation | null): Draft {
  return {
    kind: org?.kind ?? 'company',
    name: trilingualDraft(org?.name),
    shortName: org?.shortName ?? '',
    country: org?.country ?? 'KZ',
    city: trilingualDraft(org?.city),
    sector: org?.sector ?? null,
    priorityAreas: org?.priorityAreas ?? [],
    website: org?.website ?? '',
    active: org?.active ?? true,
  };
}

/** Props of {@link OrganisationFormModal}. */
export interface OrganisationFormModalProps {
  opened: boolean;
  /** The organisation to edit; `null` creates a new one. */
  organisation: Organisation | null;
  onClose: () => void;
}

/** Creates or edits an organisation: names in kk/ru/en, kind, place, sector, priority areas, website. */
export function OrganisationFormModal({ opened, organisation, onClose }: OrganisationFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: organisation,
    mutations: useOrganisationMutations(),
    init: draftOf,
    schemas: { create: createOrganisationBodySchema, patch: updateOrganisationBodySchema },
    bodies: { create: ({ active: _, ...body }) => body, patch: (d) => d },
    text: {
      create: t('organisations.createTitle'),
      edit: t('organisations.editTitle'),
      created: t('organisations.created'),
      saved: t('organisations.saved'),
    },
    onClose,
  });
  const { draft, set, error, field } = form;

  return (
    <RecordFormModal form={form} size="xl" testId="organisation-form">
      <TrilingualFields {...trilingualProps(form, 'name')} autoFocus />
      <Group grow align="flex-start">
        <TextInput label={t('organisations.shortName')} required maxLength={60} {...field('shortName')} />
        <ChoiceSelect
          label={t('organisations.kind')}
          choices={ORGANISATION_KINDS}
          labels="orgKinds"
          value={draft.kind}
          onChange={(value) => value && set('kind', value as OrganisationKind)}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label={t('organisations.country')}
          placeholder="KZ"
          required
          maxLength={2}
          value={draft.country}
          description={draft.country.length === 2 ? countryName(draft.country) : undefined}
          onChange={(e) => set('country', e.currentTarget.value.toUpperCase())}
          error={error('country')}
        />
        <Select
          label={t('organisations.sector')}
          data={ORGANISATION_SECTORS.map((s) => ({ value: s, label: t(`organisationSectors.${s}`) }))}
          value={draft.sector}
          onChange={(value) => set('sector', value as OrganisationSector | null)}
          error={error('sector')}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
      </Group>
      <TrilingualFields
        {...trilingualProps(form, 'city')}
        legend={t('organisations.city')}
        required={false}
        maxLength={120}
      />
      <MultiSelect
        label={t('organisations.priorityAreas')}
        data={PRIORITY_AREAS.map((area) => ({ value: area, label: t(`priorityAreas.${area}`) }))}
        value={draft.priorityAreas}
        onChange={(values) => set('priorityAreas', values as PriorityArea[])}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
      <TextInput label={t('organisations.website')} type="url" placeholder="https://" {...field('website')} />
      {organisation ? (
        <Switch
          label={t('organisations.activeLabel')}
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
      ) : null}
    </RecordFormModal>
  );
}
