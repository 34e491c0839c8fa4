import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ConfirmModal } from '../components/confirm-modal';
import { errorMessage } from '../components/error-text';

/** Props of {@link DeleteModal}. */
export interface DeleteModalProps<T> {
  row: T | null;
  label: (row: T) => string;
  idOf: (row: T) => number;
  remove: UseMutationResult<void, Error, number>;
  onClose: () => void;
}

/** Asks before deleting a framework or a competency; a 409 says that a programme uses it. */
export function DeleteModal<T>({ row, label, idOf, remove, onClose }: DeleteModalProps<T>) {
  const { t } = useTranslation();
  const error = remove.error;
  const message =
    error instanceof ApiError && error.status === 409
      ? t('competencies.inUse')
      : error
        ? errorMessage(t, error)
        : undefined;
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={row !== null}
      title={t('material.deleteTitle')}
      message={row ? t('material.deleteConfirm', { name: label(row) }) : ''}
      confirmLabel={t('material.delete')}
      isPending={remove.isPending}
      error={message}
      onConfirm={() => row && remove.mutate(idOf(row), { onSuccess: close })}
      onClose={close}
    />
  );
}
