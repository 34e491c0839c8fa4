import { lazyDialog } from '../components/lazy-dialog';
import type { Consent, Enrolment, Result, Student } from '@kadr/contracts';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { ApiError } from '../api/client';
import {
  useCanEditStudents,
  useCanRecordConsents,
  useConsentMutations,
  useConsents,
  useEnrolments,
  useResults,
  useStudent,
} from '../api/students';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { todayInput } from '../components/date-input';
import { formatDate } from '../components/format';
import { formatNumber } from '../components/number-format';
import { type SimpleColumn, SimpleTable } from '../components/simple-table';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { EnrolmentBadge } from './students-page';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const ConsentFormModal = lazyDialog(() => import('./consent-form-modal').then((m) => m.ConsentFormModal));
const EnrolmentFormModal = lazyDialog(() =>
  import('./enrolment-form-modal').then((m) => m.EnrolmentFormModal),
);
const ResultFormModal = lazyDialog(() => import('./result-form-modal').then((m) => m.ResultFormModal));
const StudentFormModal = lazyDialog(() => import('./student-form-modal').then((m) => m.StudentFormModal));

/** A labelled value of the profile card. */
function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

/** The profile card: the fields the reader may see (a partner: its consented scopes). */
function Profile({ student }: { student: Student }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="student-profile">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {student.iin !== undefined ? <Fact label={t('students.iin')} value={student.iin} /> : null}
        {student.email !== undefined ? <Fact label={t('users.email')} value={student.email} /> : null}
        {student.phone !== undefined ? <Fact label={t('partners.phone')} value={student.phone} /> : null}
        {student.scopes ? (
          <Fact
            label={t('students.consented')}
            value={student.scopes.map((s) => t(`consentScopes.${s}`)).join(', ')}
          />
        ) : null}
      </SimpleGrid>
    </Card>
  );
}

/** The version new results go to: the current enrolment's, else the latest. */
function resultVersionOf(enrolments: Enrolment[] | undefined): number | undefined {
  const list = enrolments ?? [];
  return (list.find((e) => e.status === 'active' || e.status === 'on-leave') ?? list.at(-1))?.versionId;
}

function EnrolmentsSection({ studentId, canEdit }: { studentId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const enrolments = useEnrolments(studentId);
  const [enrolling, setEnrolling] = useState(false);
  const columns: SimpleColumn<Enrolment>[] = [
    {
      key: 'programme',
      header: t('students.programme'),
      render: (e) => `${e.programmeCode} · ${localized(e.programmeName, locale)}`,
    },
    { key: 'version', header: t('students.version'), render: (e) => e.versionNumber },
    { key: 'year', header: t('students.admissionYear'), render: (e) => e.admissionYear },
    { key: 'enrolledOn', header: t('students.enrolledOn'), render: (e) => formatDate(e.enrolledOn, locale) },
    { key: 'endedOn', header: t('students.endedOn'), render: (e) => formatDate(e.endedOn, locale) || '—' },
    {
      key: 'status',
      header: t('students.status'),
      render: (e) => <EnrolmentBadge status={e.status} />,
    },
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('students.enrolments')}
        </Title>
        {canEdit ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            {...EnrolmentFormModal.opener}
            onClick={() => setEnrolling(true)}
            data-testid="enrolment-create"
          >
            {t('enrolments.create')}
          </Button>
        ) : null}
      </Group>
      <SimpleTable
        caption={t('students.enrolments')}
        columns={columns}
        rows={enrolments.data ?? []}
        rowKey={(e) => e.id}
        testId="student-enrolments"
      />
      {canEdit ? (
        <EnrolmentFormModal
          opened={enrolling}
          studentId={studentId}
          year={Number(todayInput().slice(0, 4))}
          onClose={() => setEnrolling(false)}
        />
      ) : null}
    </Stack>
  );
}

function ResultsSection({ studentId, canEdit }: { studentId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const results = useResults(studentId);
  const enrolments = useEnrolments(studentId, canEdit);
  /** The result being corrected, `null` for a new one, `undefined` when the form is closed. */
  const [editing, setEditing] = useState<Result | null>();
  const columns: SimpleColumn<Result>[] = [
    { key: 'semester', header: t('grades.semester'), render: (r) => r.semester },
    { key: 'code', header: t('grades.code'), render: (r) => r.disciplineCode },
    { key: 'name', header: t('grades.discipline'), render: (r) => localized(r.disciplineName, locale) },
    { key: 'credits', header: t('grades.credits'), render: (r) => r.credits },
    { key: 'attempt', header: t('grades.attempt'), render: (r) => r.attempt },
    { key: 'points', header: t('grades.points'), render: (r) => r.points },
    { key: 'letter', header: t('grades.letter'), render: (r) => r.letter },
    {
      key: 'gradePoint',
      header: t('grades.gradePoint'),
      render: (r) =>
        formatNumber(r.gradePoint, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    },
    { key: 'gradedOn', header: t('grades.gradedOn'), render: (r) => formatDate(r.gradedOn, locale) },
    ...(canEdit
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (r: Result) => (
              <Button
                size="xs"
                variant="light"
                aria-label={t('results.correctOf', { code: r.disciplineCode, attempt: r.attempt })}
                {...ResultFormModal.opener}
                onClick={() => setEditing(r)}
              >
                {t('results.correct')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('grades.title')}
        </Title>
        {results.data ? (
          <Text size="sm" data-testid="student-gpa">
            {t('grades.gpa', {
              gpa: formatNumber(results.data.gpa, locale, {
                minimumFractionDigits: 2,
                maximumFractionDigits: 2,
              }),
              credits: results.data.credits,
            })}
          </Text>
        ) : null}
        {canEdit ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            {...ResultFormModal.opener}
            onClick={() => setEditing(null)}
            data-testid="result-create"
          >
            {t('results.create')}
          </Button>
        ) : null}
      </Group>
      <SimpleTable
        caption={t('grades.title')}
        columns={columns}
        rows={results.data?.items ?? []}
        rowKey={(r) => r.id}
        testId="student-results"
      />
      {canEdit ? (
        <ResultFormModal
          opened={editing !== undefined}
          studentId={studentId}
          versionId={resultVersionOf(enrolments.data)}
          result={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Stack>
  );
}

function ConsentsSection({
  student,
  canGive,
  canRevoke,
  self,
}: {
  student: Student;
  canGive: boolean;
  canRevoke: boolean;
  self: boolean;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const consents = useConsents(student.id);
  const { revoke } = useConsentMutations(student.id);
  const confirm = useConfirmAction();
  const [giving, setGiving] = useState(false);
  const columns: SimpleColumn<Consent>[] = [
    {
      key: 'organisation',
      header: t('consents.organisation'),
      render: (c) => localized(c.organisationName, locale),
    },
    {
      key: 'scopes',
      header: t('consents.scopes'),
      render: (c) => c.scopes.map((s) => t(`consentScopes.${s}`)).join(', '),
    },
    { key: 'purpose', header: t('consents.purpose'), render: (c) => localized(c.purpose, locale) || '—' },
    {
      key: 'term',
      header: t('consents.term'),
      render: (c) =>
        `${formatDate(c.givenOn, locale)} – ${c.validUntil ? formatDate(c.validUntil, locale) : t('consents.open')}`,
    },
    {
      key: 'state',
      header: t('consents.state'),
      render: (c) => (
        <Badge color={c.current ? 'green' : 'gray'} variant="light">
          {c.revokedAt ? t('consents.revoked') : c.current ? t('consents.current') : t('consents.notCurrent')}
        </Badge>
      ),
    },
    ...(canRevoke
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (c: Consent) =>
              c.revokedAt ? null : (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  aria-label={t('consents.revokeOf', { organisation: localized(c.organisationName, locale) })}
                  onClick={() =>
                    confirm.ask({
                      title: t('consents.revokeTitle'),
                      message: t('consents.revokeConfirm', {
                        organisation: localized(c.organisationName, locale),
                      }),
                      confirmLabel: t('consents.revoke'),
                      run: () => revoke.mutateAsync(c.id),
                      done: t('consents.revokedDone'),
                    })
                  }
                >
                  {t('consents.revoke')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('consents.title')}
        </Title>
        {canGive ? (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            {...ConsentFormModal.opener}
            onClick={() => setGiving(true)}
            data-testid="consent-give"
          >
            {self ? t('consents.createSelf') : t('consents.create')}
          </Button>
        ) : null}
      </Group>
      <SimpleTable
        caption={t('consents.title')}
        columns={columns}
        rows={consents.data ?? []}
        rowKey={(c) => c.id}
        testId="student-consents"
      />
      {canGive ? (
        <ConsentFormModal
          opened={giving}
          studentId={student.id}
          onClose={() => setGiving(false)}
          self={self}
        />
      ) : null}
      {confirm.dialog}
    </Stack>
  );
}

/**
 * One student: the profile, enrolments, results with the GPA and consents, each shown only when the reader may
 * see it (a partner: the scopes its consents list). `/student` shows the signed-in student their own record.
 */
export function StudentPage({ own = false }: { own?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = useCanEditStudents();
  const staff = useCanRecordConsents();
  const { studentId } = useParams({ strict: false }) as { studentId?: string };
  const id = own ? 'me' : Number(studentId);
  const student = useStudent(Number.isNaN(id) ? 0 : id);
  const [editing, setEditing] = useState(false);
  const missing = student.error instanceof ApiError && [403, 404].includes(student.error.status);
  if (student.error)
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {own ? t('nav.myStudent') : t('students.title')}
        </Title>
        <Alert color={missing ? 'yellow' : 'red'} data-testid="student-missing">
          {missing
            ? own
              ? t('students.noOwnRecord')
              : t('students.notFound')
            : errorMessage(t, student.error)}
        </Alert>
      </Stack>
    );
  if (!student.data) return <PageLoader />;
  const s = student.data;
  const sees = (scope: 'profile' | 'results' | 'passport') => !s.scopes || s.scopes.includes(scope);
  const isSelf = me?.role === 'student';

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {s.fullName ?? t('students.hiddenName', { id: s.id })}
        </Title>
        <Group gap="sm">
          {!own && sees('passport') ? (
            <Button
              component={Link}
              to={`/students/${s.id}/passport`}
              variant="light"
              leftSection={<IconCertificate size={16} aria-hidden="true" />}
            >
              {t('nav.passport')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button
              variant="light"
              leftSection={<IconPencil size={16} aria-hidden="true" />}
              {...StudentFormModal.opener}
              onClick={() => setEditing(true)}
            >
              {t('common.edit')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {canEdit ? <StudentFormModal opened={editing} student={s} onClose={() => setEditing(false)} /> : null}
      <Profile student={s} />
      {sees('profile') ? <EnrolmentsSection studentId={s.id} canEdit={canEdit} /> : null}
      {sees('results') ? <ResultsSection studentId={s.id} canEdit={canEdit} /> : null}
      <ConsentsSection student={s} canGive={staff || isSelf} canRevoke={staff || isSelf} self={isSelf} />
    </Stack>
  );
}

/** The signed-in student's own record. */
export function OwnStudentPage() {
  return <StudentPage own />;
}
