import {
  createMilestoneBodySchema,
  type Milestone,
  type MilestoneOwner,
  updateMilestoneBodySchema,
} from '@kadr/contracts';
import { Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../api/client';
import { useMilestoneMutations } from '../api/strategy';
import { STORED_MILESTONE_STATUSES } from '../api/vocabulary';
import { ChoiceSelect } from '../components/choice-select';
import { DateField } from '../components/date-field';
import { RecordFormModal } from '../components/form-modal';
import {
  TrilingualFields,
  trilingualDraft,
  trilingualProps,
  type TrilingualDraft,
} from '../components/trilingual-fields';
import { useRecordForm } from '../components/use-record-form';
import { MilestoneFiles } from './milestone-files';

interface Draft {
  title: TrilingualDraft;
  ownerId: string | null;
  dueOn: string;
  status: (typeof STORED_MILESTONE_STATUSES)[number];
  completedOn: string;
  /** The first link's label in kk, ru and en. */
  evidenceLabel: TrilingualDraft;
  evidenceUrl: string;
}

const draftOf = (m: Milestone | null): Draft => ({
  title: trilingualDraft(m?.title),
  ownerId: m ? String(m.ownerId) : null,
  dueOn: m?.dueOn ?? '',
  // The stored status: `overdue` is only how an open milestone past its due date reads, never saved.
  status: m?.storedStatus ?? 'pending',
  completedOn: m?.completedOn ?? '',
  evidenceLabel: trilingualDraft(m?.evidence[0]?.label),
  evidenceUrl: m?.evidence[0]?.url ?? '',
});

/** Whether the first link's address or any of its labels is filled in. */
const hasLink = (d: Draft) =>
  d.evidenceUrl !== '' || d.evidenceLabel.kk !== '' || d.evidenceLabel.ru !== '' || d.evidenceLabel.en !== '';

/** The evidence list: the first link as edited, the others kept. */
const evidenceOf = (d: Draft, m: Milestone | null) => [
  ...(hasLink(d) ? [{ label: d.evidenceLabel, url: d.evidenceUrl }] : []),
  ...(m?.evidence.slice(1) ?? []),
];

/**
 * Adds or edits a milestone. Admin and coordinators change everything; its owner (`ownerOnly`) changes the
 * status, the completion date and the evidence (a link, and files uploaded once the milestone exists). The form
 * starts from the stored status, so saving an overdue milestone keeps it in progress if it was.
 */
export function MilestoneFormModal(props: {
  opened: boolean;
  projectId: number;
  milestone: Milestone | null;
  ownerOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { milestone, ownerOnly } = props;
  const owners = useQuery({
    queryKey: ['milestone-owners'],
    queryFn: ({ signal }) => apiFetch<MilestoneOwner[]>('/api/milestone-owners', { signal }),
    enabled: props.opened && !ownerOnly,
  });
  const completion = (d: Draft) => ({
    status: d.status,
    completedOn: d.completedOn === '' ? null : d.completedOn,
    evidence: evidenceOf(d, milestone),
  });
  const form = useRecordForm({
    opened: props.opened,
    record: milestone,
    mutations: useMilestoneMutations(props.projectId),
    init: draftOf,
    schemas: { create: createMilestoneBodySchema, patch: updateMilestoneBodySchema },
    bodies: {
      create: (d) => ({
        title: d.title,
        ownerId: d.ownerId ? Number(d.ownerId) : undefined,
        dueOn: d.dueOn,
        ...completion(d),
      }),
      patch: (d) =>
        ownerOnly
          ? completion(d)
          : {
              title: d.title,
              ownerId: d.ownerId ? Number(d.ownerId) : undefined,
              dueOn: d.dueOn,
              ...completion(d),
            },
    },
    text: {
      create: t('projects.addMilestone'),
      edit: t('projects.editMilestone'),
      created: t('projects.milestoneCreated'),
      saved: t('projects.milestoneSaved'),
    },
    onClose: props.onClose,
  });
  const { field } = form;
  return (
    <RecordFormModal form={form} testId="milestone-form">
      {ownerOnly ? null : (
        <>
          <TrilingualFields
            {...trilingualProps(form, 'title')}
            legend={t('projects.milestoneTitle')}
            autoFocus
          />
          <Group grow align="flex-start">
            <Select
              label={t('projects.owner')}
              required
              searchable
              data={(owners.data ?? []).map((o) => ({
                value: String(o.id),
                label: `${o.fullName} (${t(`roles.${o.role}`)})`,
              }))}
              {...field('ownerId')}
            />
            <DateField label={t('projects.dueOn')} required {...field('dueOn')} />
          </Group>
        </>
      )}
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('projects.status')}
          choices={STORED_MILESTONE_STATUSES}
          labels="projects.milestoneStatuses"
          {...field('status')}
        />
        <DateField label={t('projects.completedOn')} clearable {...field('completedOn')} />
      </Group>
      <TextInput label={t('projects.evidenceUrl')} {...field('evidenceUrl', 'evidence.0.url')} />
      <TrilingualFields
        {...trilingualProps(form, 'evidenceLabel', 'evidence.0.label')}
        legend={t('projects.evidenceLabel')}
        maxLength={200}
        required={hasLink(form.draft)}
      />
      {milestone ? <MilestoneFiles milestone={milestone} /> : null}
    </RecordFormModal>
  );
}
