import { lazyDialog } from '../components/lazy-dialog';
import type { User } from '@kadr/contracts';
import { ROLES } from '../api/vocabulary';
import { ActionIcon, Badge, Button, Group, Stack, Title, Tooltip } from '@mantine/core';
import { IconKey, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/resources';
import { type Column, DataTable } from '../components/data-table';
import { formatDateTime } from '../components/format';
import { TimeZoneNote } from '../components/time-zone-note';
import { useListState } from '../components/use-list-state';
import { currentLocale } from '../i18n';
import { OrganisationSelect } from '../organisations/organisation-select';
import { FilterSelect } from '../components/filter-select';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const UserFormModal = lazyDialog(() => import('./user-form-modal').then((m) => m.UserFormModal));
const ResetPasswordModal = lazyDialog(
  () => import('./reset-password-modal').then((m) => m.ResetPasswordModal),
  'user',
);

type UserFilters = {
  role: string | undefined;
  organisationId: string | undefined;
  active: string | undefined;
};

/** Admin page: the users table with search, filters, sorting and paging, and create/edit/reset modals. */
export function UsersPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const list = useListState<UserFilters>({
    sort: 'fullName',
    filters: { role: undefined, organisationId: undefined, active: undefined },
  });
  const users = useUsers(list.params);
  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const openCreate = () => {
    setEditing(null);
    setFormOpen(true);
  };
  const openEdit = (user: User) => {
    setEditing(user);
    setFormOpen(true);
  };

  const columns: Column<User>[] = [
    { key: 'fullName', header: t('users.fullName'), sortField: 'fullName', render: (u) => u.fullName },
    { key: 'email', header: t('users.email'), sortField: 'email', render: (u) => u.email },
    { key: 'role', header: t('users.role'), sortField: 'role', render: (u) => t(`roles.${u.role}`) },
    { key: 'organisation', header: t('users.organisation'), render: (u) => u.organisationName },
    {
      key: 'active',
      header: t('users.status'),
      nowrap: true,
      render: (u) => (
        <Badge color={u.active ? 'green' : 'gray'} variant="light">
          {u.active ? t('common.active') : t('common.inactive')}
        </Badge>
      ),
    },
    {
      key: 'lastLoginAt',
      header: t('users.lastLoginAt'),
      sortField: 'lastLoginAt',
      nowrap: true,
      render: (u) => formatDateTime(u.lastLoginAt, locale),
    },
    {
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (u) => (
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('users.editOf', { name: u.fullName })}>
            <ActionIcon
              variant="light"
              {...UserFormModal.opener}
              onClick={() => openEdit(u)}
              aria-label={t('users.editOf', { name: u.fullName })}
            >
              <IconPencil size={16} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('users.resetOf', { name: u.fullName })}>
            <ActionIcon
              variant="subtle"
              {...ResetPasswordModal.opener}
              onClick={() => setResetting(u)}
              aria-label={t('users.resetOf', { name: u.fullName })}
            >
              <IconKey size={16} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('users.title')}
      </Title>
      <TimeZoneNote />
      <DataTable
        testId="users-table"
        caption={t('users.title')}
        columns={columns}
        list={list}
        query={users}
        rowKey={(u) => u.id}
        searchHint={t('users.search')}
        filters={
          <>
            <FilterSelect
              label={t('users.role')}
              w={200}
              choices={ROLES}
              labels="roles"
              {...list.filter('role')}
            />
            <OrganisationSelect
              label={t('users.organisation')}
              placeholder={t('common.all')}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              w={260}
              value={list.filters.organisationId ? Number(list.filters.organisationId) : undefined}
              onChange={(id) => list.setFilter('organisationId', id ? String(id) : undefined)}
            />
            <FilterSelect
              label={t('users.status')}
              w={150}
              data={[
                { value: 'true', label: t('common.active') },
                { value: 'false', label: t('common.inactive') },
              ]}
              {...list.filter('active')}
            />
          </>
        }
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...UserFormModal.opener}
            onClick={openCreate}
          >
            {t('users.create')}
          </Button>
        }
      />
      <UserFormModal opened={formOpen} user={editing} onClose={() => setFormOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Stack>
  );
}
