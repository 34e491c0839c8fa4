import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/auth';
import { errorMessage, fieldErrors } from '../components/error-text';

/** The shortest password the API accepts (contracts: passwordSchema). */
export const MIN_PASSWORD_LENGTH = 10;

/** Change-password form: current password, new password (at least 10 characters) and its repetition. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [touched, setTouched] = useState(false);

  const serverErrors = fieldErrors(change.error);
  const errors = {
    // The API answers a wrong current password as a validation issue on that field.
    current:
      touched && !current
        ? t('validation.required')
        : serverErrors.currentPassword && t('profile.currentPasswordWrong'),
    next:
      touched && next.length < MIN_PASSWORD_LENGTH
        ? t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH })
        : serverErrors.newPassword,
    repeat: touched && repeat !== next ? t('validation.passwordsDiffer') : undefined,
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!current || next.length < MIN_PASSWORD_LENGTH || repeat !== next) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('profile.passwordChanged') });
          setCurrent('');
          setNext('');
          setRepeat('');
          setTouched(false);
        },
      },
    );
  };

  return (
    <Card withBorder padding="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('profile.changePassword')}
          </Title>
          {change.error && !serverErrors.currentPassword ? (
            <Alert color="red" role="alert">
              {errorMessage(t, change.error)}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH })}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.next}
          />
          <PasswordInput
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('profile.savePassword')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
