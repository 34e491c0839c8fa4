import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from './error-text';
import { formAlert } from './form-feedback';

/** Props of {@link FormModal}. */
export interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  /** The error of the last submit, shown above the fields (field errors go under the inputs). */
  error: unknown;
  /** Replaces the generic alert text, e.g. with a description of the clashing booking. */
  errorContent?: ReactNode;
  isPending: boolean;
  submitLabel: string;
  size?: string;
  testId?: string;
  children: ReactNode;
}

/** The alert text: when the server named the fields at fault (a taken code is a 409), point at them. */
function summaryOf(t: TFunction, error: unknown): string {
  return error instanceof ApiError && error.issues.length > 0
    ? t('errors.VALIDATION_FAILED')
    : errorMessage(t, error);
}

/**
 * The shell of every create/edit dialog: a modal with a form, the server's error above the fields,
 * and Cancel / submit buttons. The form stays open on error so the user can fix and resend.
 */
export function FormModal(props: FormModalProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size={props.size ?? 'lg'}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid={props.testId}>
        <Stack>
          {props.error ? (
            <Alert color="red" role="alert">
              {props.errorContent ?? summaryOf(t, props.error)}
            </Alert>
          ) : null}
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.isPending}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Props of {@link RecordFormModal}: the form of `useRecordForm` and what only the dialog knows. */
export interface RecordFormModalProps
  extends Omit<
    FormModalProps,
    'opened' | 'onClose' | 'title' | 'onSubmit' | 'error' | 'isPending' | 'submitLabel'
  > {
  form: {
    opened: boolean;
    onClose: () => void;
    text: { create: string; edit: string };
    submit: () => void;
    isEdit: boolean;
    mutation: { error: unknown; isPending: boolean };
  };
  /** The submit button of a new record, "Create" unless given (e.g. "Book"). */
  createLabel?: string;
}

/**
 * The dialog of a create/edit form: {@link FormModal} wired to `useRecordForm` — opened and closed with it,
 * its title, submit, pending state, "Create" or "Save", and the server's error (with a 409's reason)
 * unless `errorContent` says otherwise.
 * @example <RecordFormModal form={form} testId="lab-form">…</RecordFormModal>
 */
export function RecordFormModal({ form, createLabel, ...props }: RecordFormModalProps) {
  const { t } = useTranslation();
  const { error, isPending } = form.mutation;
  return (
    <FormModal
      {...props}
      opened={form.opened}
      onClose={form.onClose}
      title={form.isEdit ? form.text.edit : form.text.create}
      onSubmit={form.submit}
      error={error}
      errorContent={props.errorContent ?? formAlert(t, error)}
      isPending={isPending}
      submitLabel={form.isEdit ? t('common.save') : (createLabel ?? t('common.create'))}
    />
  );
}
