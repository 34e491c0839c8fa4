import type { CreateUserBody, Locale, Role, User } from '@kadr/contracts';
import { LOCALES, ROLES } from '../api/vocabulary';
import { Group, PasswordInput, Select, Switch, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type UserPatch, useUserMutations } from '../api/resources';
import { FormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
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

/** Client-side checks that mirror the contract, with translated messages; email and password only on create. */
function validate(d: Draft, isEdit: boolean, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isEdit && !EMAIL_PATTERN.test(d.email.trim())) errors.email = t('validation.email');
  if (!d.fullName.trim()) errors.fullName = t('validation.required');
  if (!d.organisationId) errors.organisationId = t('validation.required');
  if (!isEdit && d.password.length < MIN_PASSWORD_LENGTH)
    errors.password = t('validation.passwordMin', { min: MIN_PASSWORD_LENGTH });
  return errors;
}

/** Creates a user (email, name, role, organisation, language, password) or edits one. */
export function UserFormModal({ opened, user, onClose }: UserFormModalProps) {
  const { t } = useTranslation();
  const form = useRecordForm({
    opened,
    record: user,
    mutations: useUserMutations(),
    init: draftOf,
    validate: (d) => validate(d, user !== null, t),
    done: { created: t('users.created'), saved: t('users.saved') },
    onClose,
  });
  const { draft, set, error, mutation } = form;

  const onSubmit = () =>
    form.submit((d) => {
      const patch: UserPatch = {
        fullName: d.fullName.trim(),
        role: d.role,
        organisationId: d.organisationId,
        locale: d.locale,
        active: d.active,
      };
      const body: CreateUserBody = {
        email: d.email.trim(),
        fullName: d.fullName.trim(),
        role: d.role,
        // Validation has checked it is set.
        organisationId: d.organisationId ?? 0,
        locale: d.locale,
        password: d.password,
      };
      return { create: body, patch };
    });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle') : t('users.createTitle')}
      onSubmit={onSubmit}
      error={mutation.error}
      isPending={mutation.isPending}
      submitLabel={user ? t('common.save') : t('common.create')}
      testId="user-form"
    >
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
          error={error('email')}
          data-autofocus
        />
      )}
      <TextInput
        label={t('users.fullName')}
        required
        value={draft.fullName}
        onChange={(e) => set('fullName', e.currentTarget.value)}
        error={error('fullName')}
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
        error={error('organisationId')}
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
          error={error('password')}
        />
      )}
    </FormModal>
  );
}
