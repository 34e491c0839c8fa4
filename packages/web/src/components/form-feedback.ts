import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { errorWithReason } from './error-text';
import { fieldErrors } from './issue-text';

/**
 * The message under each input: the client-side check first, else the server's verdict on that field, in the
 * interface language.
 * @param serverField the name the server uses when it differs (`title` for the `titleKk` input)
 * @example const error = errorAt(t, touched ? validate(draft, t) : {}, mutation.error); error('number')
 */
export function errorAt(t: TFunction, local: Record<string, string>, serverError: unknown) {
  const server = fieldErrors(t, serverError);
  return (field: string, serverField = field): string | undefined => local[field] ?? server[serverField];
}

/**
 * The success callback of a dialog's mutation: a green notification, then the dialog closes.
 * @example create.mutate(body, { onSuccess: succeedWith(t('contacts.created'), onClose) })
 */
export function succeedWith(message: string, close: () => void) {
  return () => {
    notifications.show({ color: 'green', message });
    close();
  };
}

/**
 * The alert above a dialog's fields: when the server named fields (a taken number answers 409 with
 * `issues`), a pointer to them; otherwise the error with a 409's reason.
 * @example <FormModal error={mutation.error} errorContent={formAlert(t, mutation.error)} … />
 */
export function formAlert(t: TFunction, error: unknown): string | undefined {
  if (!error) return undefined;
  return Object.keys(fieldErrors(t, error)).length > 0
    ? t('errors.VALIDATION_FAILED')
    : errorWithReason(t, error);
}
