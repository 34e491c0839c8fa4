import type { CreateUserBody, Locale, Role, User } from '@kadr/contracts';
import { LOCALES, ROLES } from '../api/vocabulary';
import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserPatch, useUserMutations } from '../api/resources';
import { errorMessage, fieldErrors } from '../components/error-text';
import { OrganisationSelect } from '../organisations/organisation-select';
import { MIN_PASSWORD_LENGTH } from '../profile/change-password-card';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Draft {
  email: string;
  fullName: string;
  role: Role;
  organisationId: number | undefined;
  locale: Locale;
  password: string;
  active: boolean;
}

function draftOf(user: User | null): Draft {
  return {
    email: user?.email ?? '',
    fullName: user?.fullName ?? '',
    role: user?.role ?? 'student',
    organisationId: user?.organisationId,
    locale: user?.locale ?? 'ru',
    password: '',
    active: user?.active ?? true,
  };
}

/** Props of {@link UserFormModal}. */
export interface UserFormModalProps {
  opened: boolean;
  /** The user to edit; `null` creates a new one. */
  user: User | null;
  onClose: () => void;
}

/** Creates a user (email, name, role, organisation, language, password) or edits one. */
export function UserFormModal({ opened, user, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const { create, update } = useUserMutations();
  const mutation = user ? update : create;
  const { reset: resetCreate } = create;
  const { reset: resetUpdate } = update;
  const [draft, setDraft] = useState<Draft>(() => draftOf(user));
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (opened) {
      setDraft(draftOf(user));
      setTouched(false);
      resetCreate();
      resetUpdate();
    }
  }, [opened, user, resetCreate, resetUpdate]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const server = fieldErrors(mutation.error);
  const errors: Partial<Record<keyof Draft, string>> = {
    email: !user && touched && !EMAIL_PATTERN.test(draft.email.trim()) ? t('validation.email') : server.email,
    fullName: touched && !draft.fullName.trim() ? t('validation.required') : server.fullName,
    organisationId: touched && !draft.organisationId ? t('validation.required') : server.organisationId,
    password:
      !user && touched && draft.password.length < MIN_PASSWORD_LENGTH
        ? t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH })
        : server.password,
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const invalid =
      !draft.fullName.trim() ||
      !draft.organisationId ||
      (!user && (!EMAIL_PATTERN.test(draft.email.trim()) || draft.password.length < MIN_PASSWORD_LENGTH));
    if (invalid || !draft.organisationId) return;
    const done = (message: string) => () => {
      notifications.show({ color: 'green', message });
      onClose();
    };
    if (user) {
      const patch: UserPatch = {
        fullName: draft.fullName.trim(),
        role: draft.role,
        organisationId: draft.organisationId,
        locale: draft.locale,
        active: draft.active,
      };
      update.mutate({ id: user.id, patch }, { onSuccess: done(t('users.saved')) });
    } else {
      const body: CreateUserBody = {
        email: draft.email.trim(),
        fullName: draft.fullName.trim(),
        role: draft.role,
        organisationId: draft.organisationId,
        locale: draft.locale,
        password: draft.password,
      };
      create.mutate(body, { onSuccess: done(t('users.created')) });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {mutation.error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, mutation.error)}
            </Alert>
          ) : null}
          {user ? (
            <Text size="sm">
              {t('users.email')}: <strong>{user.email}</strong>
            </Text>
          ) : (
            <TextInput
              label={t('users.email')}
              type="email"
              required
              value={draft.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={errors.email}
              data-autofocus
            />
          )}
          <TextInput
            label={t('users.fullName')}
            required
            value={draft.fullName}
            onChange={(e) => set('fullName', e.currentTarget.value)}
            error={errors.fullName}
          />
          <Group grow align="flex-start">
            <Select
              label={t('users.role')}
              required
              allowDeselect={false}
              data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={draft.role}
              onChange={(value) => value && set('role', value as Role)}
            />
            <Select
              label={t('users.locale')}
              required
              allowDeselect={false}
              data={LOCALES.map((locale) => ({ value: locale, label: t(`lang.${locale}`) }))}
              value={draft.locale}
              onChange={(value) => value && set('locale', value as Locale)}
            />
          </Group>
          <OrganisationSelect
            label={t('users.organisation')}
            required
            value={draft.organisationId}
            onChange={(id) => set('organisationId', id)}
            error={errors.organisationId}
          />
          {user ? (
            <Switch
              label={t('users.activeLabel')}
              checked={draft.active}
              onChange={(e) => set('active', e.currentTarget.checked)}
            />
          ) : (
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              required
              value={draft.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={errors.password}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
