import type { UseMutationResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ConfirmModal } from '../components/confirm-modal';
import type { Column } from '../components/data-table';
import { errorMessage } from '../components/error-text';
import type { DialogOpener } from '../components/lazy-dialog';
import { RowActions } from '../components/row-actions';

/**
 * The dialogs of an editable table: which row the form edits (`null` creates) and which row awaits
 * delete confirmation.
 */
export function useRecordDialogs<T>() {
  const [editing, setEditing] = useState<T | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [toDelete, setToDelete] = useState<T | null>(null);
  return {
    editing,
    formOpen,
    toDelete,
    openForm: (row: T | null) => {
      setEditing(row);
      setFormOpen(true);
    },
    closeForm: () => setFormOpen(false),
    askDelete: setToDelete,
    closeDelete: () => setToDelete(null),
  };
}

/** An "Actions" column with Edit and Delete buttons named after the row (`label`); `opener` of a lazy form. */
export function editDeleteColumn<T>(
  t: TFunction,
  label: (row: T) => string,
  onEdit: (row: T) => void,
  onDelete: (row: T) => void,
  opener?: DialogOpener,
): Column<T> {
  return {
    key: 'actions',
    header: t('common.actions'),
    nowrap: true,
    render: (row) => (
      <RowActions
        actions={[
          {
            label: t('common.edit'),
            ariaLabel: t('material.editOf', { name: label(row) }),
            opener,
            onClick: () => onEdit(row),
          },
          {
            label: t('material.delete'),
            ariaLabel: t('material.deleteOf', { name: label(row) }),
            onClick: () => onDelete(row),
            color: 'red',
          },
        ]}
      />
    ),
  };
}

/** Props of {@link DeleteRecordModal}. */
export interface DeleteRecordModalProps<T> {
  row: T | null;
  label: (row: T) => string;
  remove: UseMutationResult<void, Error, number>;
  idOf: (row: T) => number;
  onClose: () => void;
  /** What a 409 (the record is still referenced) says to do instead; a lab's or an item's text by default. */
  inUse?: string;
}

/** Asks before deleting a record (a lab, an item, a framework, a competency); a 409 explains what to do instead. */
export function DeleteRecordModal<T>({
  row,
  label,
  remove,
  idOf,
  onClose,
  inUse,
}: DeleteRecordModalProps<T>) {
  const { t } = useTranslation();
  const error = remove.error;
  const message =
    error instanceof ApiError && error.status === 409
      ? (inUse ?? t('material.inUse'))
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
