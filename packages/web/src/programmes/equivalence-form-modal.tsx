import {
  type CreditEquivalence,
  createEquivalenceBodySchema,
  type EquivalenceRule,
  updateEquivalenceBodySchema,
} from '@kadr/contracts';
import { Group, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/resources';
import { ChoiceSelect } from '../components/choice-select';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { useEquivalenceMutations } from './api';
import { EQUIVALENCE_RULES } from './vocabulary';

interface Draft {
  organisationId: string | null;
  courseCode: string;
  courseTitle: string;
  partnerEcts: number | string;
  rule: EquivalenceRule;
  note: string;
}

function draftOf(e: CreditEquivalence | null, ects: number): Draft {
  return {
    organisationId: e ? String(e.organisationId) : null,
    courseCode: e?.courseCode ?? '',
    courseTitle: e?.courseTitle ?? '',
    partnerEcts: e?.partnerEcts ?? ects,
    rule: e?.rule ?? 'ects',
    note: e?.note ?? '',
  };
}

/** The body: the schema checks the partner, the course code and title, the ECTS (in halves) and the rule. */
const bodyOf = (d: Draft) => ({
  ...d,
  organisationId: d.organisationId ? Number(d.organisationId) : undefined,
  partnerEcts: d.partnerEcts === '' ? undefined : Number(d.partnerEcts),
});

/** Props of {@link EquivalenceFormModal}. */
export interface EquivalenceFormModalProps {
  opened: boolean;
  disciplineId: number;
  /** The discipline's ECTS, which a new equivalence starts with. */
  ects: number;
  /** The equivalence to edit; `null` adds one. */
  equivalence: CreditEquivalence | null;
  onClose: () => void;
}

/** Adds or edits a credit equivalence of a discipline of a draft: partner university, course, ECTS, rule, note. */
export function EquivalenceFormModal(props: EquivalenceFormModalProps) {
  const { t } = useTranslation();
  const organisations = useOrganisations(
    { pageSize: 200, sort: 'shortName', kind: 'partner_university' },
    props.opened,
  );
  const form = useRecordForm({
    opened: props.opened,
    record: props.equivalence,
    mutations: useEquivalenceMutations(props.disciplineId),
    init: (e) => draftOf(e, props.ects),
    schemas: { create: createEquivalenceBodySchema, patch: updateEquivalenceBodySchema },
    bodies: { create: bodyOf, patch: bodyOf },
    text: {
      create: t('programmes.addEquivalence'),
      edit: t('programmes.editEquivalence'),
      created: t('programmes.equivalenceCreated'),
      saved: t('programmes.equivalenceSaved'),
    },
    onClose: props.onClose,
  });
  const { draft, field } = form;

  return (
    <RecordFormModal form={form} testId="equivalence-form" size="lg">
      <Select
        label={t('programmes.partnerUniversity')}
        required
        searchable
        data={(organisations.data?.items ?? []).map((o) => ({ value: String(o.id), label: o.shortName }))}
        {...field('organisationId')}
        data-autofocus
      />
      <Group grow align="flex-start">
        <TextInput label={t('programmes.courseCode')} required {...field('courseCode')} />
        <NumberInput
          label={t('programmes.partnerEcts')}
          required
          min={0.5}
          max={60}
          step={0.5}
          decimalScale={1}
          {...field('partnerEcts')}
        />
      </Group>
      <TextInput label={t('programmes.courseTitle')} required {...field('courseTitle')} />
      <ChoiceSelect
        label={t('programmes.equivalenceRule')}
        choices={EQUIVALENCE_RULES}
        labels="equivalenceRules"
        description={t(`equivalenceRuleHints.${draft.rule}`)}
        {...field('rule')}
      />
      <Textarea label={t('programmes.note')} autosize minRows={2} {...field('note')} />
    </RecordFormModal>
  );
}
