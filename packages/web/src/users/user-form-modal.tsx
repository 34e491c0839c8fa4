import {
  createUserBodySchema,
  type Locale,
  type Role,
  type User,
  updateUserBodySchema,
} from '@kadr/contracts';
import { LOCALES, ROLES } from '../api/vocabulary';
import { Group, PasswordInput, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChoiceSelect } from '../components/choice-select';
import { passwordHint } from '../components/error-text';
import { useUserMutations } from '../api/resources';
import { RecordFormModal } from '../components/form-modal';
import { useRecordForm } from '../components/use-record-form';
import { OrganisationSelect } from '../organisations/organisation-select';

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
  const form = useRecordForm({
    opened,
    record: user,
    mutations: useUserMutations(),
    init: draftOf,
    schemas: { create: createUserBodySchema, patch: updateUserBodySchema },
    bodies: {
      create: ({ active: _, ...body }) => body,
      patch: ({ email: _, password: __, ...patch }) => patch,
    },
    text: {
      create: t('users.createTitle'),
      edit: t('users.editTitle'),
      created: t('users.created'),
      saved: t('users.saved'),
    },
    onClose,
  });
  const { draft, set, field } = form;

  return (
    <RecordFormModal form={form} testId="user-form">
      {user ? (
        <Text size="sm">
          {t('users.email')}: <strong>{user.email}</strong>
        </Text>
      ) : (
        <TextInput label={t('users.email')} type="email" required {...field('email')} data-autofocus />
      )}
      <TextInput label={t('users.fullName')} required {...field('fullName')} />
      <Group grow align="flex-start">
        <ChoiceSelect
          label={t('users.role')}
          choices={ROLES}
          labels="roles"
          value={draft.role}
          onChange={(value) => value && set('role', value as Role)}
        />
        <ChoiceSelect
          label={t('users.locale')}
          choices={LOCALES}
          labels="lang"
          value={draft.locale}
          onChange={(value) => value && set('locale', value as Locale)}
        />
      </Group>
      <OrganisationSelect label={t('users.organisation')} required {...field('organisationId')} />
      {user ? (
        <Switch
          label={t('users.activeLabel')}
          checked={draft.active}
          onChange={(e) => set('active', e.currentTarget.checked)}
        />
      ) : (
        <PasswordInput
          label={t('users.initialPassword')}
          description={passwordHint(t)}
          autoComplete="new-password"
          required
          {...field('password')}
        />
      )}
    </RecordFormModal>
  );
}
