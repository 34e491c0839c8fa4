import { lazyDialog } from '../components/lazy-dialog';
import type { Milestone } from '@kadr/contracts';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useMyOverdueMilestones } from '../api/strategy';
import { canOpen } from '../app/navigation';
import { formatDate } from '../components/format';
import { currentLocale, localized } from '../i18n';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const MilestoneFormModal = lazyDialog(() =>
  import('../strategy/milestone-form-modal').then((m) => m.MilestoneFormModal),
);

/**
 * The signed-in user's overdue project milestones, on the home page of their owners only: each with its project,
 * due date and an update button (status, completion, evidence); staff also get a link to the projects.
 */
export default function OverdueMilestonesCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const overdue = useMyOverdueMilestones();
  const [editing, setEditing] = useState<Milestone | null>(null);
  if (!me || !overdue.data || overdue.data.total === 0) return null;
  return (
    <Card withBorder padding="lg" data-testid="overdue-milestones">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('home.overdueMilestones', { total: overdue.data.total })}
        </Title>
        {canOpen(me.role, 'projects') ? (
          <Link to="/projects" className="table-link">
            {t('home.allProjects')}
          </Link>
        ) : null}
      </Group>
      <Stack gap={6}>
        {overdue.data.items.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {localized(m.title, locale)}
              </Text>
              <Text size="xs" c="dimmed">
                {localized(m.projectName, locale)} · {t('home.dueOn', { date: formatDate(m.dueOn, locale) })}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              {...MilestoneFormModal.opener}
              onClick={() => setEditing(m)}
              aria-label={t('home.updateMilestone', { title: localized(m.title, locale) })}
            >
              {t('home.update')}
            </Button>
          </Group>
        ))}
      </Stack>
      {editing ? (
        <MilestoneFormModal
          opened
          projectId={editing.projectId}
          milestone={editing}
          ownerOnly
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Card>
  );
}
