import {
  addRuleIssues,
  type Obligation,
  obligationIssues,
  updateObligationBodySchema,
} from '@kadr/contracts';
import { Input, SegmentedControl, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../i18n';
import { useObligationMutations } from '../api/agreements';
import { formAlert, succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useSchemaForm } from '../components/use-schema-form';
import { DateField } from '../components/date-field';

/** The statuses a person sets; `late` follows from the due date of a pending obligation. */
const SETTABLE = ['met', 'waived', 'pending'] as const;
type Settable = (typeof SETTABLE)[number];

interface Draft {
  status: Settable;
  metOn: string;
  evidenceText: string;
  evidenceUrl: string;
}

function draftOf(o: Obligation | null): Draft {
  return {
    // Opening the dialog on an open obligation is nearly always to record that it was met.
    status: o?.status === 'waived' ? 'waived' : 'met',
    metOn: o?.metOn ?? '',
    evidenceText: o?.evidenceText ?? '',
    evidenceUrl: o?.evidenceUrl ?? '',
  };
}

/** The patch; `metOn` only when met and given (the server defaults it to today). */
const patchOf = (d: Draft) => ({
  status: d.status,
  evidenceText: d.evidenceText,
  evidenceUrl: d.evidenceUrl.trim(),
  ...(d.status === 'met' && d.metOn ? { metOn: d.metOn } : {}),
});

/** Props of {@link ObligationStatusModal}. */
export interface ObligationStatusModalProps {
  /** The obligation whose status changes; `null` keeps the dialog closed. */
  obligation: Obligation | null;
  onClose: () => void;
}

/** Marks an obligation met (with evidence text or a link, and the date), waived, or pending again. */
export function ObligationStatusModal({ obligation, onClose }: ObligationStatusModalProps) {
  const { t } = useTranslation();
  const { update } = useObligationMutations(obligation?.agreementId ?? 0);
  const opened = obligation !== null;
  const documentCount = obligation?.documents.length ?? 0;
  // The contract's patch, and its rule that a met obligation has evidence, counting the uploaded documents.
  const schema = useMemo(
    () =>
      updateObligationBodySchema.superRefine((patch, ctx) =>
        addRuleIssues(ctx, obligationIssues(patch, documentCount)),
      ),
    [documentCount],
  );
  const { draft, set, error, validBody, field } = useSchemaForm({
    opened,
    init: () => draftOf(obligation),
    schema,
    body: patchOf,
    onOpen: update.reset,
    serverError: update.error,
  });

  const onSubmit = () => {
    const patch = validBody();
    if (!obligation || !patch) return;
    update.mutate(
      { id: obligation.id, patch },
      { onSuccess: succeedWith(t('obligations.statusSaved'), onClose) },
    );
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('obligations.statusTitle', {
        title: obligation ? localized(obligation.title, currentLocale()) : '',
      })}
      onSubmit={onSubmit}
      error={update.error}
      errorContent={formAlert(t, update.error)}
      isPending={update.isPending}
      submitLabel={t('common.save')}
      testId="obligation-status-form"
    >
      <Input.Wrapper label={t('agreements.status')} error={error('status')}>
        <SegmentedControl
          fullWidth
          data={SETTABLE.map((s) => ({ value: s, label: t(`obligations.set.${s}`) }))}
          value={draft.status}
          onChange={(value) => set('status', value as Settable)}
          data-testid="obligation-status"
        />
      </Input.Wrapper>
      {draft.status === 'met' ? (
        <DateField
          label={t('obligations.metOn')}
          description={t('obligations.metOnHint')}
          {...field('metOn')}
        />
      ) : null}
      <Textarea
        label={t('agreements.evidence')}
        description={t('obligations.evidenceHint')}
        autosize
        minRows={2}
        maxLength={5000}
        {...field('evidenceText')}
        data-autofocus
      />
      <TextInput
        label={t('obligations.evidenceUrl')}
        type="url"
        maxLength={1000}
        placeholder="https://"
        {...field('evidenceUrl')}
      />
    </FormModal>
  );
}
