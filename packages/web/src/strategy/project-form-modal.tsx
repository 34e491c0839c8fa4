import {
  createProjectBodySchema,
  type Project,
  type ProjectKind,
  type ProjectStatus,
  updateProjectBodySchema,
} from '@kadr/contracts';
import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAgreements, usePartners } from '../api/material';
import { useProjectMutations } from '../api/strategy';
import { PROJECT_KINDS, PROJECT_STATUSES } from '../api/vocabulary';
import { ChoiceSelect } from '../components/choice-select';
import { DateField } from '../components/date-field';
import { RecordFormModal } from '../components/form-modal';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { currentLocale, localized } from '../i18n';

interface Draft {
  kind: ProjectKind;
  name: { kk: string; ru: string; en: string };
  organisationId: string | null;
  agreementId: string | null;
  status: ProjectStatus;
  startsOn: string;
  endsOn: string;
  description: { kk: string; ru: string; en: string };
}

const draftOf = (p: Project | null): Draft => ({
  kind: p?.kind ?? 'branch',
  name: trilingualDraft(p?.name),
  organisationId: p?.organisationId ? String(p.organisationId) : null,
  agreementId: p?.agreementId ? String(p.agreementId) : null,
  status: p?.status ?? 'planned',
  startsOn: p?.startsOn ?? '',
  endsOn: p?.endsOn ?? '',
  description: trilingualDraft(p?.description),
});

const bodyOf = (d: Draft) => ({
  ...d,
  organisationId: d.organisationId ? Number(d.organisationId) : null,
  agreementId: d.agreementId ? Number(d.agreementId) : null,
  endsOn: d.endsOn === '' ? null : d.endsOn,
});

/** Starts or edits a branch or joint-programme project: partner, agreement, status and dates. */
export function ProjectFormModal(props: { opened: boolean; project: Project | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const partners = usePartners({ pageSize: 200 }, props.opened);
  const agreements = useAgreements({ pageSize: 200 }, props.opened);
  const form = useRecordForm({
    opened: props.opened,
    record: props.project,
    mutations: useProjectMutations(),
    init: draftOf,
    schemas: { create: createProjectBodySchema, patch: updateProjectBodySchema },
    bodies: { create: bodyOf, patch: bodyOf },
    text: {
      create: t('projects.createTitle'),
      edit: t('projects.editTitle'),
      created: t('projects.created'),
      saved: t('projects.saved'),
    },
    onClose: props.onClose,
  });
  const { field } = form;
  return (
    <RecordFormModal form={form} testId="project-form">
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('projects.kind')}
          choices={PROJECT_KINDS}
          labels="projects.kinds"
          {...field('kind')}
        />
        <ChoiceSelect
          label={t('projects.status')}
          choices={PROJECT_STATUSES}
          labels="projects.statuses"
          {...field('status')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'name')} autoFocus />
      <Select
        label={t('projects.partner')}
        clearable
        searchable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        data={(partners.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.shortName }))}
        {...field('organisationId')}
      />
      <Select
        label={t('projects.agreement')}
        clearable
        searchable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        data={(agreements.data?.items ?? []).map((a) => ({
          value: String(a.id),
          label: `${a.number} — ${localized(a.title, locale)}`,
        }))}
        {...field('agreementId')}
      />
      <Group grow align="flex-start">
        <DateField label={t('projects.startsOn')} required {...field('startsOn')} />
        <DateField label={t('projects.endsOn')} clearable {...field('endsOn')} />
      </Group>
      <TrilingualFields
        {...trilingualProps(form, 'description')}
        legend={t('projects.description')}
        maxLength={4000}
        required={false}
      />
    </RecordFormModal>
  );
}
