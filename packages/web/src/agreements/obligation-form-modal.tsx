import {
  createObligationBodySchema,
  formatKzt,
  fullObligationPatchSchema,
  type Obligation,
  type ObligationKind,
  parseKzt,
} from '@kadr/contracts';
import { Group, NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useObligationMutations } from '../api/agreements';
import { OBLIGATION_KINDS } from '../api/vocabulary';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { DateField } from '../components/date-field';
import {
  TrilingualFields,
  trilingualDraft,
  trilingualProps,
  type TrilingualDraft,
} from '../components/trilingual-fields';

interface Draft {
  kind: ObligationKind;
  title: TrilingualDraft;
  dueOn: string;
  amount: string;
  places: number | string;
}

function draftOf(obligation: Obligation | null): Draft {
  return {
    kind: obligation?.kind ?? 'deliverable',
    title: trilingualDraft(obligation?.title),
    dueOn: obligation?.dueOn ?? '',
    amount: obligation?.amountTiyn ? formatKzt(obligation.amountTiyn) : '',
    places: obligation?.placesPerYear ?? '',
  };
}

/** The body of a create and of a patch; the schema checks the amount of an instalment, the places of practice. */
function bodyOf(d: Draft) {
  return {
    kind: d.kind,
    title: d.title,
    dueOn: d.dueOn,
    amountTiyn: d.kind === 'instalment' ? (parseKzt(d.amount) ?? null) : null,
    placesPerYear: d.kind === 'practice_places' && d.places !== '' ? Number(d.places) : null,
  };
}

/** Props of {@link ObligationFormModal}. */
export interface ObligationFormModalProps {
  opened: boolean;
  agreementId: number;
  /** The obligation to edit; `null` adds one. */
  obligation: Obligation | null;
  onClose: () => void;
}

/** Adds or edits an obligation: kind, what is owed, due date, and the amount in KZT or places a year. */
export function ObligationFormModal({ opened, agreementId, obligation, onClose }: ObligationFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: obligation,
    mutations: useObligationMutations(agreementId),
    init: draftOf,
    schemas: { create: createObligationBodySchema, patch: fullObligationPatchSchema },
    bodies: { create: bodyOf, patch: bodyOf },
    text: {
      create: t('obligations.createTitle'),
      edit: t('obligations.editTitle'),
      created: t('obligations.created'),
      saved: t('obligations.saved'),
    },
    onClose,
  });
  const { draft, field } = form;

  return (
    <RecordFormModal form={form} testId="obligation-form">
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('agreements.kind')}
          choices={OBLIGATION_KINDS}
          labels="obligationKinds"
          {...field('kind')}
          data-autofocus
        />
        <DateField label={t('partners.dueOn')} required {...field('dueOn')} />
      </Group>
      <TrilingualFields {...trilingualProps(form, 'title')} legend={t('obligations.what')} />
      {draft.kind === 'instalment' ? (
        <TextInput
          label={t('investments.amountKzt')}
          required
          inputMode="decimal"
          placeholder="1 500 000,00"
          {...field('amount', 'amountTiyn')}
        />
      ) : null}
      {draft.kind === 'practice_places' ? (
        <NumberInput
          label={t('obligations.placesPerYear')}
          required
          min={1}
          max={10_000}
          allowDecimal={false}
          {...field('places', 'placesPerYear')}
        />
      ) : null}
    </RecordFormModal>
  );
}
