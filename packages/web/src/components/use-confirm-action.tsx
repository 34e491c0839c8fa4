import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from './confirm-modal';
import { errorWithReason } from './error-text';

/** One action awaiting confirmation. */
export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence. */
  message: string;
  confirmLabel: string;
  /** Red for destructive actions (the default), another Mantine colour otherwise. */
  color?: string;
  /** The call to make; a rejection keeps the dialog open with the error (and a 409's reason). */
  run: () => Promise<unknown>;
  /** The green notification shown after success. */
  done: string;
  onDone?: () => void;
}

/**
 * A confirmation dialog for any action (delete, change status): `ask` opens it, `dialog` renders it.
 * @example const confirm = useConfirmAction(); confirm.ask({ title, message, confirmLabel, run, done }); return <>{confirm.dialog}</>;
 */
export function useConfirmAction() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const ask = (next: ConfirmRequest) => {
    setError(null);
    setRequest(next);
  };
  const close = () => setRequest(null);
  const confirm = async () => {
    if (!request) return;
    setPending(true);
    try {
      await request.run();
      notifications.show({ color: 'green', message: request.done });
      close();
      request.onDone?.();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  const dialog = (
    <ConfirmModal
      opened={request !== null}
      title={request?.title ?? ''}
      message={request?.message ?? ''}
      confirmLabel={request?.confirmLabel ?? ''}
      confirmColor={request?.color}
      isPending={isPending}
      error={error ? errorWithReason(t, error) : undefined}
      onConfirm={() => void confirm()}
      onClose={close}
    />
  );
  return { ask, dialog };
}
