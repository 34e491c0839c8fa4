import type { ProgrammeVersionDetail } from '@kadr/contracts';
import { Anchor, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { formatDateTime } from '../components/format';
import { SimpleTable } from '../components/simple-table';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { useCanEditProgrammes, useProgrammeVersion, useVersionActions } from './api';
import { DisciplinesBySemester } from './disciplines-by-semester';
import { recordState } from './record-state';
import { VersionStatusBadge, versionStage } from './version-status';

/** What the version still lacks and the approvals given, with the approval button for a co-developing partner. */
function ApprovalPanel({ version: v }: { version: ProgrammeVersionDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const actions = useVersionActions(v.id);
  const confirm = useConfirmAction();
  const stage = versionStage(v);
  const mayApprove =
    me?.role === 'partner' &&
    stage === 'awaiting' &&
    v.missing.approvals.some((a) => a.organisationId === me.organisationId);
  const missing = [
    ...(v.missing.disciplines ? [t('programmes.missingDisciplines')] : []),
    ...(v.missing.submission ? [t('programmes.missingSubmission')] : []),
    ...v.missing.approvals.map((a) => t('programmes.missingApproval', { name: a.organisationShortName })),
  ];
  return (
    <Card withBorder component="section" data-testid="approval-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('programmes.approvals')}
          </Title>
          {mayApprove ? (
            <Button
              color="green"
              data-testid="version-approve"
              onClick={() =>
                confirm.ask({
                  title: t('programmes.approveTitle'),
                  message: t('programmes.approveConfirm', { number: v.number, code: v.programme.code }),
                  confirmLabel: t('programmes.approve'),
                  color: 'green',
                  run: () => actions.approve.mutateAsync({ comment: '' }),
                  done: t('programmes.approved'),
                })
              }
            >
              {t('programmes.approve')}
            </Button>
          ) : null}
        </Group>
        {missing.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('programmes.stillMissing')}
            </Text>
            <List size="sm" data-testid="version-missing">
              {missing.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <SimpleTable
          caption={t('programmes.approvalsGiven')}
          testId="version-approvals"
          rows={v.approvals}
          rowKey={(a) => a.organisationId}
          columns={[
            {
              key: 'organisation',
              header: t('programmes.organisation'),
              render: (a) => a.organisationShortName,
            },
            { key: 'user', header: t('programmes.approvedBy'), render: (a) => a.userName ?? '—' },
            {
              key: 'at',
              header: t('programmes.approvedAt'),
              render: (a) => formatDateTime(a.approvedAt, locale),
            },
            { key: 'comment', header: t('programmes.comment'), render: (a) => a.comment || '—' },
          ]}
        />
      </Stack>
      {confirm.dialog}
    </Card>
  );
}

/** The writer's steps: submit a draft, withdraw a submitted one, delete a draft. */
function VersionActions({ version: v }: { version: ProgrammeVersionDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const actions = useVersionActions(v.id);
  const confirm = useConfirmAction();
  const stage = versionStage(v);
  if (v.status !== 'draft') return null;
  const name = t('programmes.versionNumber', { number: v.number });
  return (
    <Group gap="xs">
      {stage === 'editing' ? (
        <Button
          data-testid="version-submit"
          onClick={() =>
            confirm.ask({
              title: t('programmes.submitTitle'),
              message:
                v.missing.approvals.length > 0
                  ? t('programmes.submitConfirm')
                  : t('programmes.submitActivates'),
              confirmLabel: t('programmes.submit'),
              color: 'blue',
              run: () => actions.submit.mutateAsync(),
              done: t('programmes.submitted'),
            })
          }
        >
          {t('programmes.submit')}
        </Button>
      ) : (
        <Button
          variant="light"
          data-testid="version-withdraw"
          onClick={() =>
            confirm.ask({
              title: t('programmes.withdrawTitle'),
              message: t('programmes.withdrawConfirm'),
              confirmLabel: t('programmes.withdraw'),
              color: 'orange',
              run: () => actions.withdraw.mutateAsync(),
              done: t('programmes.withdrawn'),
            })
          }
        >
          {t('programmes.withdraw')}
        </Button>
      )}
      <Button
        variant="light"
        color="red"
        onClick={() =>
          confirm.ask({
            title: t('programmes.deleteVersionTitle'),
            message: t('programmes.deleteVersionConfirm', { name }),
            confirmLabel: t('programmes.delete'),
            run: () => actions.remove.mutateAsync(),
            done: t('programmes.versionDeleted'),
            onDone: () =>
              navigate({ to: '/programmes/$programmeId', params: { programmeId: String(v.programme.id) } }),
          })
        }
      >
        {t('programmes.delete')}
      </Button>
      {confirm.dialog}
    </Group>
  );
}

/** One version: its stage and approvals, the disciplines by semester with credit totals, links to outcomes and analysis. */
export function VersionPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditProgrammes();
  const { versionId } = useParams({ strict: false }) as { versionId?: string };
  const id = Number(versionId);
  const version = useProgrammeVersion(id);
  const state = recordState(t, id, version);
  if (state || !version.data) return state;
  const v = version.data;
  const editable = canEdit && versionStage(v) === 'editing';

  return (
    <Stack gap="lg" data-testid="version-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm">
            <Link
              to="/programmes/$programmeId"
              params={{ programmeId: String(v.programme.id) }}
              className="table-link"
            >
              {v.programme.code} · {localized(v.programme.name, locale)}
            </Link>
          </Text>
          <Title order={1} size="h2">
            {t('programmes.versionTitle', { number: v.number, code: v.programme.code })}
          </Title>
          <Group gap="xs">
            <VersionStatusBadge version={v} />
            <Text size="sm" c="dimmed">
              {t('programmes.startYear')}: {v.startYear}/{(v.startYear + 1) % 100}
            </Text>
          </Group>
          {v.note ? <Text size="sm">{v.note}</Text> : null}
        </Stack>
        {canEdit ? <VersionActions version={v} /> : null}
      </Group>
      <Group gap="md">
        <Anchor href={`/programme-versions/${v.id}/outcomes`} size="sm">
          {t('programmes.outcomesLink')}
        </Anchor>
        <Anchor href={`/programme-versions/${v.id}/analysis`} size="sm">
          {t('programmes.analysisLink')}
        </Anchor>
      </Group>
      <ApprovalPanel version={v} />
      <DisciplinesBySemester version={v} editable={editable} />
    </Stack>
  );
}
