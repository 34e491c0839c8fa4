import { lazyDialog } from '../components/lazy-dialog';
import type { Agreement, AgreementDetail, AgreementStatus } from '@kadr/contracts';
import { Button, Group } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgreementMutations, useAgreementTransition, useCanEditPartnerships } from '../api/agreements';
import { useConfirmAction } from '../components/use-confirm-action';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const AgreementFormModal = lazyDialog(() =>
  import('./agreement-form-modal').then((m) => m.AgreementFormModal),
);

const TRANSITION_COLOR: Partial<Record<AgreementStatus, string>> = { active: 'green', terminated: 'red' };

/**
 * The create/edit dialog and the delete confirmation of agreements, for the list and the agreement page.
 * A new agreement opens on its page; `onDeleted` runs after a delete.
 */
export function useAgreementEditing(onDeleted?: () => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { remove } = useAgreementMutations();
  const confirm = useConfirmAction();
  const [form, setForm] = useState<{ agreement: Agreement | null } | null>(null);
  const askDelete = (a: Agreement) =>
    confirm.ask({
      title: t('agreements.deleteTitle'),
      message: t('agreements.deleteConfirm', { number: a.number }),
      confirmLabel: t('agreements.delete'),
      run: () => remove.mutateAsync(a.id),
      done: t('agreements.deleted'),
      ...(onDeleted ? { onDone: onDeleted } : {}),
    });
  const dialogs = (
    <>
      <AgreementFormModal
        opened={form !== null}
        agreement={form?.agreement ?? null}
        onClose={() => setForm(null)}
        onCreated={(a) =>
          void navigate({ to: '/agreements/$agreementId', params: { agreementId: String(a.id) } })
        }
      />
      {confirm.dialog}
    </>
  );
  return {
    openForm: (agreement: Agreement | null) => setForm({ agreement }),
    /** Spread on the buttons that open the form: it loads on hover or focus. */
    formOpener: AgreementFormModal.opener,
    askDelete,
    ask: confirm.ask,
    dialogs,
  };
}

/**
 * The admin's buttons on an agreement page: edit, the status changes allowed from the current status
 * (each confirmed; a refusal shows the server's reason) and delete for a draft.
 */
export function AgreementActions({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const canEdit = useCanEditPartnerships();
  const transition = useAgreementTransition();
  const navigate = useNavigate();
  const editing = useAgreementEditing(() => void navigate({ to: '/agreements' }));
  if (!canEdit) return null;
  const a = agreement;

  const askTransition = (status: AgreementStatus) =>
    editing.ask({
      title: t(`agreements.transition.${status}`),
      message: t(`agreements.transitionConfirm.${status}`, { number: a.number }),
      confirmLabel: t(`agreements.transition.${status}`),
      color: TRANSITION_COLOR[status] ?? 'blue',
      run: () => transition.mutateAsync({ id: a.id, status }),
      done: t('agreements.statusChanged', { status: t(`agreementStatuses.${status}`) }),
    });

  return (
    <Group gap="xs" data-testid="agreement-actions">
      {a.status !== 'terminated' ? (
        <Button variant="default" {...editing.formOpener} onClick={() => editing.openForm(a)}>
          {t('common.edit')}
        </Button>
      ) : null}
      {a.allowedTransitions.map((status) => (
        <Button
          key={status}
          variant="light"
          color={TRANSITION_COLOR[status] ?? 'blue'}
          onClick={() => askTransition(status)}
        >
          {t(`agreements.transition.${status}`)}
        </Button>
      ))}
      {a.status === 'draft' ? (
        <Button variant="light" color="red" onClick={() => editing.askDelete(a)}>
          {t('agreements.delete')}
        </Button>
      ) : null}
      {editing.dialogs}
    </Group>
  );
}
