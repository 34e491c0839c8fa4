import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Props of {@link ConfirmModal}. */
export interface ConfirmModalProps {
  opened: boolean;
  title: string;
  /** What will happen, in a sentence. */
  message: string;
  confirmLabel: string;
  /** The label of the button that closes without acting; "Cancel" by default. */
  dismissLabel?: string;
  /** Colour of the confirm button; red (destructive) unless given. */
  confirmColor?: string;
  isPending: boolean;
  /** A translated error of the last attempt, if any. */
  error?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** A yes/no dialog for an action that cannot be undone (delete, cancel), red confirm button. */
export function ConfirmModal(props: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Text>{props.message}</Text>
        {props.error ? (
          <Alert color="red" role="alert">
            {props.error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {props.dismissLabel ?? t('common.cancel')}
          </Button>
          <Button color={props.confirmColor ?? 'red'} loading={props.isPending} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
