import { Alert, Button, Card, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/auth';
import { errorMessage, passwordHint } from '../components/error-text';
import { fieldErrors } from '../components/issue-text';
import { lazySchema, useLazySchema } from '../components/lazy-schema';
import { useSchemaForm } from '../components/use-schema-form';

// The contract's schema, with zod, loads when the person first types or submits (ADR 0019).
const loadSchema = lazySchema(() => import('@kadr/contracts/auth').then((m) => m.changePasswordBodySchema));

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };
type Draft = typeof EMPTY;

/** The repetition is the form's own check; the contract checks the passwords. */
const repeatError = (d: Draft, t: TFunction): Record<string, string> =>
  d.repeat === d.newPassword ? {} : { repeat: t('validation.passwordsDiffer') };

/** Change-password form: current password, new password (the rules of passwordProblem) and its repetition. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const lazy = useLazySchema(loadSchema);
  const form = useSchemaForm({
    opened: true,
    init: () => EMPTY,
    schema: lazy.schema,
    body: ({ repeat: _, ...body }: Draft) => body,
    extra: repeatError,
    onOpen: change.reset,
    serverError: change.error,
  });
  // The API answers a wrong current password as a validation issue on that field (rule currentPassword).
  const serverErrors = fieldErrors(t, change.error);
  const currentError = form.error('currentPassword');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const schema = await lazy.ensure();
    const body = schema && form.validBody(schema);
    if (!body) return;
    change.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('profile.passwordChanged') });
        form.reset();
      },
    });
  };

  return (
    <Card withBorder padding="lg">
      <form onSubmit={onSubmit} onInput={lazy.onInput} noValidate>
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
            value={form.draft.currentPassword}
            onChange={(e) => form.set('currentPassword', e.currentTarget.value)}
            error={currentError}
          />
          <PasswordInput
            label={t('profile.newPassword')}
            description={passwordHint(t)}
            autoComplete="new-password"
            required
            {...form.field('newPassword')}
          />
          <PasswordInput
            label={t('profile.repeatPassword')}
            autoComplete="new-password"
            required
            {...form.field('repeat')}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('profile.savePassword')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
