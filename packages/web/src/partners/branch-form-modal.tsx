import { type BranchStatus, updateBranchBodySchema } from '@kadr/contracts';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { useUpdateBranch } from '../api/agreements';
import { BRANCH_STATUSES } from '../api/vocabulary';
import { formAlert, succeedWith } from '../components/form-feedback';
import { FormModal } from '../components/form-modal';
import { useSchemaForm } from '../components/use-schema-form';

/** Props of {@link BranchFormModal}. */
export interface BranchFormModalProps {
  opened: boolean;
  /** The foreign partner university. */
  partnerId: number;
  branch: { status: BranchStatus; note: string };
  onClose: () => void;
}

/** Sets whether a foreign partner university has a branch on campus (none, planned, open) with a note. */
export function BranchFormModal({ opened, partnerId, branch, onClose }: BranchFormModalProps) {
  const { t } = useTranslation();
  const save = useUpdateBranch(partnerId);
  const { validBody, field } = useSchemaForm({
    opened,
    init: () => ({ ...branch }),
    schema: updateBranchBodySchema,
    body: (d) => d,
    onOpen: save.reset,
    serverError: save.error,
  });
  const onSubmit = () => {
    const body = validBody();
    if (body) save.mutate(body, { onSuccess: succeedWith(t('branch.saved'), onClose) });
  };
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('branch.editTitle')}
      onSubmit={onSubmit}
      error={save.error}
      errorContent={formAlert(t, save.error)}
      isPending={save.isPending}
      submitLabel={t('common.save')}
      size="md"
      testId="branch-form"
    >
      <ChoiceSelect
        label={t('branch.status')}
        choices={BRANCH_STATUSES}
        labels="partners.branch"
        {...field('status')}
        data-autofocus
      />
      <Textarea label={t('branch.note')} autosize minRows={2} maxLength={2000} {...field('note')} />
    </FormModal>
  );
}
