import { lazyDialog } from '../components/lazy-dialog';
import type { Milestone, MilestoneStatusDto, Project } from '@kadr/contracts';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useMilestoneMutations, useProject, useProjectMutations, useProjects } from '../api/strategy';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { milestoneFileHref } from './milestone-files';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const MilestoneFormModal = lazyDialog(() =>
  import('./milestone-form-modal').then((m) => m.MilestoneFormModal),
);
const ProjectFormModal = lazyDialog(() => import('./project-form-modal').then((m) => m.ProjectFormModal));

const STATUS_COLORS: Record<MilestoneStatusDto, string> = {
  pending: 'gray',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'dark',
  overdue: 'red',
};

type Editing = { projectId: number; milestone: Milestone | null; ownerOnly: boolean } | null;

/** A project's milestones on a timeline by due date, each with its owner, status and evidence. */
function ProjectTimeline(props: { project: Project; canWrite: boolean; onEdit: (e: Editing) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const detail = useProject(props.project.id);
  const { remove } = useMilestoneMutations(props.project.id);
  const confirm = useConfirmAction();
  const milestones = detail.data?.milestoneList ?? [];
  const reached = milestones.filter((m) => m.status === 'done').length;
  if (detail.error) return <Alert color="red">{errorMessage(t, detail.error)}</Alert>;
  if (!detail.data) return <PageLoader />;
  return (
    <>
      <Timeline active={reached - 1} bulletSize={18} lineWidth={2}>
        {milestones.map((m) => {
          const mine = m.ownerId === me?.id;
          const title = localized(m.title, locale);
          return (
            <Timeline.Item
              key={m.id}
              color={STATUS_COLORS[m.status]}
              title={
                <Group gap="xs">
                  <Text fw={600}>{title}</Text>
                  <Badge color={STATUS_COLORS[m.status]} variant="light">
                    {t(`projects.milestoneStatuses.${m.status}`)}
                  </Badge>
                </Group>
              }
              data-testid={`milestone-${m.id}`}
            >
              <Text size="sm" c="dimmed">
                {t('projects.dueBy', { date: formatDate(m.dueOn, locale), owner: m.ownerName })}
                {m.completedOn
                  ? ` · ${t('projects.completed', { date: formatDate(m.completedOn, locale) })}`
                  : ''}
              </Text>
              {m.evidence.map((e) => (
                <Anchor key={e.url} href={e.url} target="_blank" rel="noreferrer" size="sm" mr="sm">
                  {localized(e.label, locale)}
                </Anchor>
              ))}
              {m.files.map((f) => (
                <Anchor key={f.id} href={milestoneFileHref(f)} download={f.fileName} size="sm" mr="sm">
                  {f.fileName}
                </Anchor>
              ))}
              {props.canWrite || mine ? (
                <Group gap={4} mt={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('projects.editMilestoneOf', { title })}
                    {...MilestoneFormModal.opener}
                    onClick={() =>
                      props.onEdit({ projectId: props.project.id, milestone: m, ownerOnly: !props.canWrite })
                    }
                  >
                    <IconPencil size={16} aria-hidden="true" />
                  </ActionIcon>
                  {props.canWrite ? (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('projects.deleteMilestoneOf', { title })}
                      onClick={() =>
                        confirm.ask({
                          title: t('projects.deleteMilestone'),
                          message: t('projects.deleteMilestoneConfirm', { title }),
                          confirmLabel: t('projects.deleteMilestone'),
                          run: () => remove.mutateAsync(m.id),
                          done: t('projects.milestoneDeleted'),
                        })
                      }
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  ) : null}
                </Group>
              ) : null}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {milestones.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('projects.noMilestones')}
        </Text>
      ) : null}
      {confirm.dialog}
    </>
  );
}

/**
 * Branch and joint-programme projects, each with its partner, agreement and a timeline of milestones; admin and
 * coordinators plan them, a milestone's owner reports its progress.
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const projects = useProjects();
  const { remove } = useProjectMutations();
  const confirm = useConfirmAction();
  const [project, setProject] = useState<Project | null | undefined>(undefined);
  const [editing, setEditing] = useState<Editing>(null);
  const canWrite = me?.role === 'admin' || me?.role === 'coordinator';
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={1} size="h2">
            {t('projects.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('projects.about')}
          </Text>
        </div>
        {canWrite ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...ProjectFormModal.opener}
            onClick={() => setProject(null)}
            data-testid="add-project"
          >
            {t('projects.createTitle')}
          </Button>
        ) : null}
      </Group>
      {projects.error ? <Alert color="red">{errorMessage(t, projects.error)}</Alert> : null}
      {!projects.data && !projects.error ? <PageLoader /> : null}
      {projects.data?.items.length === 0 ? <Text c="dimmed">{t('projects.none')}</Text> : null}
      {projects.data?.items.map((p) => {
        const name = localized(p.name, locale);
        return (
          <Card withBorder padding="md" key={p.id} data-testid={`project-${p.id}`}>
            <Group justify="space-between" align="flex-start" mb="sm">
              <div>
                <Title order={2} size="h4">
                  {name}
                </Title>
                <Group gap="xs" mt={4}>
                  <Badge variant="light">{t(`projects.kinds.${p.kind}`)}</Badge>
                  <Badge variant="outline">{t(`projects.statuses.${p.status}`)}</Badge>
                  {p.milestones.overdue > 0 ? (
                    <Badge color="red">{t('projects.overdueCount', { overdue: p.milestones.overdue })}</Badge>
                  ) : null}
                </Group>
                <Text size="sm" c="dimmed" mt={4}>
                  {[p.organisationShortName, p.agreementNumber].filter(Boolean).join(' · ')}
                  {' · '}
                  {formatDate(p.startsOn, locale)}
                  {p.endsOn ? ` – ${formatDate(p.endsOn, locale)}` : ''}
                  {' · '}
                  {t('projects.doneOf', { done: p.milestones.done, total: p.milestones.total })}
                </Text>
              </div>
              {canWrite ? (
                <Group gap={4}>
                  <Button
                    size="xs"
                    variant="light"
                    {...MilestoneFormModal.opener}
                    onClick={() => setEditing({ projectId: p.id, milestone: null, ownerOnly: false })}
                  >
                    {t('projects.addMilestone')}
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('projects.editOf', { name })}
                    {...ProjectFormModal.opener}
                    onClick={() => setProject(p)}
                  >
                    <IconPencil size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('projects.deleteOf', { name })}
                    onClick={() =>
                      confirm.ask({
                        title: t('projects.delete'),
                        message: t('projects.deleteConfirm', { name }),
                        confirmLabel: t('projects.delete'),
                        run: () => remove.mutateAsync(p.id),
                        done: t('projects.deleted'),
                      })
                    }
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ) : null}
            </Group>
            {localized(p.description, locale) ? (
              <Text size="sm" mb="sm">
                {localized(p.description, locale)}
              </Text>
            ) : null}
            <ProjectTimeline project={p} canWrite={canWrite} onEdit={setEditing} />
          </Card>
        );
      })}
      <ProjectFormModal
        opened={project !== undefined}
        project={project ?? null}
        onClose={() => setProject(undefined)}
      />
      {editing ? (
        <MilestoneFormModal
          opened
          projectId={editing.projectId}
          milestone={editing.milestone}
          ownerOnly={editing.ownerOnly}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {confirm.dialog}
    </Stack>
  );
}
