import {
  createObligationBodySchema,
  formatKzt,
  fullObligationPatchSchema,
  type Obligation,
  type ObligationKind,
  parseKzt,
} from '@kadr/contracts';
import { Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useObligationMutations } from '../api/agreements';
import { OBLIGATION_KINDS } from '../api/vocabulary';
import { formAlert } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { DateField } from '../components/date-field';

interface Draft {
  kind: ObligationKind;
  title: string;
  dueOn: string;
  amount: string;
  places: number | string;
}

function draftOf(obligation: Obligation | null): Draft {
  return {
    kind: obligation?.kind ?? 'deliverable',
    title: obligation?.title ?? '',
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
    done: { created: t('obligations.created'), saved: t('obligations.saved') },
    onClose,
  });
  const { draft, set, error, mutation } = form;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={obligation ? t('obligations.editTitle') : t('obligations.createTitle')}
      onSubmit={form.submit}
      error={mutation.error}
      errorContent={formAlert(t, mutation.error)}
      isPending={mutation.isPending}
      submitLabel={obligation ? t('common.save') : t('common.create')}
      testId="obligation-form"
    >
      <Group grow align="flex-start">
        <Select
          label={t('agreements.kind')}
          required
          allowDeselect={false}
          data={OBLIGATION_KINDS.map((k) => ({ value: k, label: t(`obligationKinds.${k}`) }))}
          value={draft.kind}
          onChange={(value) => value && set('kind', value as ObligationKind)}
          error={error('kind')}
          data-autofocus
        />
        <DateField
          label={t('partners.dueOn')}
          required
          value={draft.dueOn}
          onChange={(v) => set('dueOn', v)}
          error={error('dueOn')}
        />
      </Group>
      <TextInput
        label={t('obligations.what')}
        required
        maxLength={500}
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={error('title')}
      />
      {draft.kind === 'instalment' ? (
        <TextInput
          label={t('investments.amountKzt')}
          required
          inputMode="decimal"
          placeholder="1 500 000,00"
          value={draft.amount}
          onChange={(e) => set('amount', e.currentTarget.value)}
          error={error('amountTiyn')}
        />
      ) : null}
      {draft.kind === 'practice_places' ? (
        <NumberInput
          label={t('obligations.placesPerYear')}
          required
          min={1}
          max={10_000}
          allowDecimal={false}
          value={draft.places}
          onChange={(value) => set('places', value)}
          error={error('placesPerYear')}
        />
      ) : null}
    </FormModal>
  );
}
