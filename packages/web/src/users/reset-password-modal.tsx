import { resetPasswordBodySchema, type User } from '@kadr/contracts';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserMutations } from '../api/resources';
import { errorMessage, passwordHint } from '../components/error-text';
import { useSchemaForm } from '../components/use-schema-form';

/** Lets an admin set a new password for a user. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { resetPassword } = useUserMutations();
  const form = useSchemaForm({
    opened: user !== null,
    init: () => ({ newPassword: '' }),
    schema: resetPasswordBodySchema,
    body: (d) => d,
    onOpen: resetPassword.reset,
    serverError: resetPassword.error,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validBody();
    if (!user || !body) return;
    resetPassword.mutate(
      { id: user.id, ...body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('users.passwordReset') });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('users.resetTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">
            {t('users.resetFor', { name: user?.fullName ?? '', email: user?.email ?? '' })}
          </Text>
          {resetPassword.error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, resetPassword.error)}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('profile.newPassword')}
            description={passwordHint(t)}
            autoComplete="new-password"
            required
            {...form.field('newPassword')}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={resetPassword.isPending}>
              {t('users.resetSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
