import type { User } from '@kadr/contracts';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserMutations } from '../api/resources';
import { errorMessage } from '../components/error-text';
import { MIN_PASSWORD_LENGTH } from '../profile/change-password-card';

/** Lets an admin set a new password for a user. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { resetPassword } = useUserMutations();
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (user) {
      setPassword('');
      setTouched(false);
    }
  }, [user]);

  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!user || tooShort) return;
    resetPassword.mutate(
      { id: user.id, newPassword: password },
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
            description={t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={
              touched && tooShort ? t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH }) : undefined
            }
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
