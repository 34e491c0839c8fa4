import { lazyDialog } from '../components/lazy-dialog';
import type { EnrolmentStatus, Student } from '@kadr/contracts';
import { Badge, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useCanEditStudents, useStudents } from '../api/students';
import { ENROLMENT_STATUSES } from '../api/vocabulary';
import { type Column, DataTable } from '../components/data-table';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { FilterSelect } from '../components/filter-select';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const StudentFormModal = lazyDialog(() => import('./student-form-modal').then((m) => m.StudentFormModal));

const ENROLMENT_COLOR: Record<EnrolmentStatus, string> = {
  active: 'green',
  'on-leave': 'yellow',
  graduated: 'blue',
  withdrawn: 'gray',
};

/** An enrolment status as a coloured badge. */
export function EnrolmentBadge({ status }: { status: EnrolmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ENROLMENT_COLOR[status]} variant="light">
      {t(`enrolmentStatuses.${status}`)}
    </Badge>
  );
}

/**
 * Students with search (name; the IIN for staff), enrolment status and admission year filters. A partner sees only
 * students who consented to it, with the fields they consented to; admins and coordinators add students here.
 */
export function StudentsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const isPartner = useMe()?.role === 'partner';
  const canEdit = useCanEditStudents();
  const [creating, setCreating] = useState(false);
  const list = useListState<{ status: string | undefined; admissionYear: string | undefined }>({
    sort: 'fullName',
    filters: { status: undefined, admissionYear: undefined },
  });
  const students = useStudents(list.params);

  const columns: Column<Student>[] = [
    {
      key: 'fullName',
      header: t('students.fullName'),
      sortField: 'fullName',
      render: (s) => (
        <Link to="/students/$studentId" params={{ studentId: String(s.id) }} className="table-link">
          {s.fullName ?? t('students.hiddenName', { id: s.id })}
        </Link>
      ),
    },
    ...(isPartner
      ? [
          {
            key: 'scopes',
            header: t('students.consented'),
            render: (s: Student) => (s.scopes ?? []).map((scope) => t(`consentScopes.${scope}`)).join(', '),
          },
        ]
      : [{ key: 'iin', header: t('students.iin'), nowrap: true, render: (s: Student) => s.iin ?? '—' }]),
    {
      key: 'programme',
      header: t('students.programme'),
      render: (s) =>
        s.enrolment ? `${s.enrolment.programmeCode} · ${localized(s.enrolment.programmeName, locale)}` : '—',
    },
    { key: 'year', header: t('students.admissionYear'), render: (s) => s.enrolment?.admissionYear ?? '—' },
    {
      key: 'status',
      header: t('students.status'),
      render: (s) => (s.enrolment ? <EnrolmentBadge status={s.enrolment.status} /> : '—'),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('students.title')}
        </Title>
        {canEdit ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...StudentFormModal.opener}
            onClick={() => setCreating(true)}
          >
            {t('students.create')}
          </Button>
        ) : null}
      </Group>
      {isPartner ? (
        <Text size="sm" c="dimmed">
          {t('students.partnerAbout')}
        </Text>
      ) : null}
      {canEdit ? (
        <StudentFormModal opened={creating} student={null} onClose={() => setCreating(false)} />
      ) : null}
      <DataTable
        testId="students-table"
        caption={t('students.title')}
        columns={columns}
        list={list}
        query={students}
        rowKey={(s) => s.id}
        searchHint={isPartner ? t('students.searchName') : t('students.search')}
        filters={
          <Group gap="sm" align="flex-end">
            <FilterSelect
              label={t('students.status')}
              w={180}
              choices={ENROLMENT_STATUSES}
              labels="enrolmentStatuses"
              {...list.filter('status')}
            />
            <NumberInput
              label={t('students.admissionYear')}
              w={160}
              min={1990}
              max={2200}
              allowDecimal={false}
              value={list.filters.admissionYear ?? ''}
              onChange={(value) => list.setFilter('admissionYear', value === '' ? undefined : String(value))}
            />
          </Group>
        }
      />
    </Stack>
  );
}
