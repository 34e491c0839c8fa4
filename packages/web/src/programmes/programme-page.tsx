import { lazyDialog } from '../components/lazy-dialog';
import type { Codeveloper, Programme, ProgrammeVersion } from '@kadr/contracts';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { SimpleTable } from '../components/simple-table';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { useCanEditProgrammes, useProgramme, useProgrammeMutations, useProgrammeVersions } from './api';
import { recordState } from './record-state';
import { VersionStatusBadge } from './version-status';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const ProgrammeFormModal = lazyDialog(() =>
  import('./programme-form-modal').then((m) => m.ProgrammeFormModal),
);
const VersionFormModal = lazyDialog(() => import('./version-form-modal').then((m) => m.VersionFormModal));

/** The facts of a programme as a definition list. */
function Facts({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation();
  const facts: [string, string][] = [
    [t('programmes.group'), p.programmeGroup],
    [t('programmes.level'), t(`programmeLevels.${p.level}`)],
    [t('programmes.priorityArea'), t(`priorityAreas.${p.priorityArea}`)],
    [t('programmes.languages'), p.languages.map((l) => t(`lang.${l}`)).join(', ')],
    [t('programmes.credits'), String(p.credits)],
    [t('programmes.durationSemesters'), String(p.durationSemesters)],
    [t('programmes.degreeType'), t(`degreeTypes.${p.degreeType}`)],
  ];
  return (
    <dl className="programme-facts" data-testid="programme-facts">
      {facts.map(([term, value]) => (
        <Group key={term} gap="xs" wrap="nowrap">
          <Text component="dt" size="sm" c="dimmed">
            {term}:
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </Group>
      ))}
    </dl>
  );
}

/** The version history with the approval state of each version. */
function VersionHistory({ programme, versions }: { programme: Programme; versions: ProgrammeVersion[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const codevelopers = programme.codevelopers.length;
  return (
    <SimpleTable
      caption={t('programmes.history')}
      testId="version-history"
      rows={versions}
      rowKey={(v) => v.id}
      columns={[
        {
          key: 'number',
          header: t('programmes.version'),
          render: (v) => (
            <Link
              to="/programme-versions/$versionId"
              params={{ versionId: String(v.id) }}
              className="table-link"
            >
              {t('programmes.versionNumber', { number: v.number })}
            </Link>
          ),
        },
        { key: 'status', header: t('programmes.status'), render: (v) => <VersionStatusBadge version={v} /> },
        {
          key: 'startYear',
          header: t('programmes.startYear'),
          render: (v) => `${v.startYear}/${(v.startYear + 1) % 100}`,
        },
        {
          key: 'approvals',
          header: t('programmes.approvals'),
          render: (v) =>
            codevelopers === 0
              ? '—'
              : t('programmes.approvedOf', { given: v.approvals.length, total: codevelopers }),
        },
        { key: 'credits', header: t('programmes.disciplineCredits'), render: (v) => v.credits },
        {
          key: 'activated',
          header: t('programmes.activatedAt'),
          render: (v) => formatDateTime(v.activatedAt, locale) || '—',
        },
        {
          key: 'superseded',
          header: t('programmes.supersededAt'),
          render: (v) => formatDateTime(v.supersededAt, locale) || '—',
        },
      ]}
    />
  );
}

/** The co-developers and what each brought. */
function Codevelopers({ codevelopers }: { codevelopers: Codeveloper[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SimpleTable
      caption={t('programmes.codevelopers')}
      testId="programme-codevelopers"
      rows={codevelopers}
      rowKey={(c) => c.organisationId}
      columns={[
        {
          key: 'organisation',
          header: t('programmes.organisation'),
          render: (c) => `${c.organisationShortName} · ${localized(c.organisationName, locale)}`,
        },
        {
          key: 'contributions',
          header: t('programmes.contributions'),
          render: (c) => (
            <Group gap={4}>
              {c.contributions.map((k) => (
                <Badge key={k} variant="light">
                  {t(`contributionKinds.${k}`)}
                </Badge>
              ))}
            </Group>
          ),
        },
        { key: 'agreement', header: t('programmes.agreement'), render: (c) => c.agreementNumber ?? '—' },
        { key: 'note', header: t('programmes.note'), render: (c) => c.note || '—' },
      ]}
    />
  );
}

/** The writer's buttons: edit, delete, open a new version. */
function ProgrammeActions({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [versioning, setVersioning] = useState(false);
  const mutations = useProgrammeMutations();
  const confirm = useConfirmAction();
  return (
    <Group gap="xs">
      <Button variant="light" {...ProgrammeFormModal.opener} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
      <Button
        {...VersionFormModal.opener}
        onClick={() => setVersioning(true)}
        disabled={programme.draftVersion !== null}
        title={programme.draftVersion ? t('programmes.draftExists') : undefined}
        data-testid="version-create"
      >
        {t('programmes.newVersion')}
      </Button>
      <Button
        variant="light"
        color="red"
        onClick={() =>
          confirm.ask({
            title: t('programmes.deleteTitle'),
            message: t('programmes.deleteConfirm', { code: programme.code }),
            confirmLabel: t('programmes.delete'),
            run: () => mutations.remove.mutateAsync(programme.id),
            done: t('programmes.deleted'),
            onDone: () => navigate({ to: '/programmes' }),
          })
        }
      >
        {t('programmes.delete')}
      </Button>
      <ProgrammeFormModal opened={editing} programme={programme} onClose={() => setEditing(false)} />
      <VersionFormModal
        opened={versioning}
        programmeId={programme.id}
        onClose={() => setVersioning(false)}
        onCreated={(v) =>
          navigate({ to: '/programme-versions/$versionId', params: { versionId: String(v.id) } })
        }
      />
      {confirm.dialog}
    </Group>
  );
}

/** One programme: its facts, co-developers and version history with the approval state of each version. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const canEdit = useCanEditProgrammes();
  const { programmeId } = useParams({ strict: false }) as { programmeId?: string };
  const id = Number(programmeId);
  const programme = useProgramme(id);
  const versions = useProgrammeVersions(id);
  const state = recordState(t, id, programme);
  if (state || !programme.data) return state;
  const p = programme.data;

  return (
    <Stack gap="lg" data-testid="programme-detail">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm">
            <Link to="/programmes" className="table-link">
              {t('programmes.title')}
            </Link>
          </Text>
          <Title order={1} size="h2">
            {p.code} · {localized(p.name, locale)}
          </Title>
        </Stack>
        {canEdit ? <ProgrammeActions programme={p} /> : null}
      </Group>
      <Facts programme={p} />
      <Card withBorder component="section">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('programmes.codevelopers')}
          </Title>
          <Codevelopers codevelopers={p.codevelopers} />
        </Stack>
      </Card>
      <Card withBorder component="section">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('programmes.history')}
          </Title>
          {versions.error ? <Alert color="red">{errorMessage(t, versions.error)}</Alert> : null}
          {versions.data ? <VersionHistory programme={p} versions={versions.data.items} /> : <PageLoader />}
        </Stack>
      </Card>
    </Stack>
  );
}
