import {
  type Agreement,
  type AgreementKind,
  createAgreementBodySchema,
  updateAgreementBodySchema,
} from '@kadr/contracts';
import { Group, MultiSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useAgreementMutations } from '../api/agreements';
import { usePartners } from '../api/material';
import { AGREEMENT_KINDS } from '../api/vocabulary';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { TrilingualFields, trilingualDraft, trilingualProps } from '../components/trilingual-fields';
import { DateField } from '../components/date-field';
import { CodeInput } from '../components/code-input';

interface Draft {
  number: string;
  kind: AgreementKind;
  title: { kk: string; ru: string; en: string };
  partyIds: string[];
  signedOn: string;
  validUntil: string;
  notes: string;
}

function draftOf(agreement: Agreement | null, partnerId: number | undefined): Draft {
  const parties = agreement?.parties.filter((p) => !p.isHome).map((p) => String(p.organisationId));
  return {
    number: agreement?.number ?? '',
    kind: agreement?.kind ?? 'mou',
    title: trilingualDraft(agreement?.title),
    partyIds: parties ?? (partnerId ? [String(partnerId)] : []),
    signedOn: agreement?.signedOn ?? '',
    validUntil: agreement?.validUntil ?? '',
    notes: agreement?.notes ?? '',
  };
}

/** The body of a create and of a patch; the schema trims, and checks the title, parties and dates. */
function bodyOf(d: Draft) {
  return {
    ...d,
    partyIds: d.partyIds.map(Number),
    signedOn: d.signedOn || null,
    validUntil: d.validUntil || null,
  };
}

/** Props of {@link AgreementFormModal}. */
export interface AgreementFormModalProps {
  opened: boolean;
  /** The agreement to edit; `null` creates a draft. */
  agreement: Agreement | null;
  /** Preselected partner of a new agreement (from a partner page). */
  partnerId?: number;
  onClose: () => void;
  onCreated?: (agreement: Agreement) => void;
}

/** Creates a draft agreement or edits one: number, kind, title in kk/ru/en, partners, dates and notes. */
export function AgreementFormModal({
  opened,
  agreement,
  partnerId,
  onClose,
  onCreated,
}: AgreementFormModalProps) {
  const { t } = useTranslation();
  const partners = usePartners({ pageSize: 200, sort: 'shortName' }, opened);
  const form = useRecordForm({
    opened,
    record: agreement,
    mutations: useAgreementMutations(),
    init: (a) => draftOf(a, partnerId),
    schemas: { create: createAgreementBodySchema, patch: updateAgreementBodySchema },
    bodies: { create: bodyOf, patch: bodyOf },
    text: {
      create: t('agreements.createTitle'),
      edit: t('agreements.editTitle'),
      created: t('agreements.created'),
      saved: t('agreements.saved'),
    },
    onClose,
    ...(onCreated ? { onCreated } : {}),
  });
  const { field } = form;

  return (
    <RecordFormModal form={form} testId="agreement-form">
      <Group grow align="flex-start">
        <CodeInput
          label={t('agreements.number')}
          maxLength={60}
          placeholder="MOU-2026-01"
          {...field('number')}
        />
        <ChoiceSelect
          label={t('agreements.kind')}
          choices={AGREEMENT_KINDS}
          labels="agreementKinds"
          {...field('kind')}
        />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'title')} />
      <MultiSelect
        label={t('agreements.partnerParties')}
        description={t('agreements.partnerPartiesHint')}
        required
        searchable
        data={(partners.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.shortName }))}
        {...field('partyIds')}
      />
      <Group grow align="flex-start">
        <DateField
          label={t('agreements.signedOn')}
          description={t('agreements.signedOnHint')}
          {...field('signedOn')}
        />
        <DateField
          label={t('agreements.validUntil')}
          description={t('agreements.renewalHint')}
          {...field('validUntil')}
        />
      </Group>
      <Textarea label={t('agreements.notes')} autosize minRows={2} maxLength={5000} {...field('notes')} />
    </RecordFormModal>
  );
}
