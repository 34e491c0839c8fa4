import { lazyDialog } from '../components/lazy-dialog';
import type { KpiDashboardItem, KpiTarget } from '@kadr/contracts';
import { ActionIcon, Alert, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useKpiDashboard, useStrategyMutations } from '../api/strategy';
import { canOpen } from '../app/navigation';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { KpiCard } from './kpi-card';
import { formatKpiNumber } from './kpi-format';
import { KpiRecordsDrawer } from './kpi-records-drawer';
import { DownloadButton } from '../components/download-button';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const TargetFormModal = lazyDialog(() => import('./target-form-modal').then((m) => m.TargetFormModal));

/** The KPIs that branch and joint-programme projects work towards. */
const PROJECT_KPIS = ['foreign_branches', 'joint_programmes'];

/** The annual report's downloads in the interface language. */
function ReportDownloads() {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group gap="xs">
      <DownloadButton href={`/api/strategy/report.pdf?lang=${locale}`} testId="report-pdf">
        {t('strategy.reportPdf')}
      </DownloadButton>
      <DownloadButton href={`/api/strategy/report.xlsx?lang=${locale}`} testId="report-xlsx">
        {t('strategy.reportXlsx')}
      </DownloadButton>
    </Group>
  );
}

/** The targets of every KPI, with edit and delete for the admin. */
function TargetsCard({
  items,
  onEdit,
}: {
  items: KpiDashboardItem[];
  onEdit: (target: KpiTarget | null) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { remove } = useStrategyMutations();
  const confirm = useConfirmAction();
  const rows = items.flatMap((item) => item.targets.map((target) => ({ item, target })));
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('strategy.targets')}
        </Title>
        <Button size="xs" {...TargetFormModal.opener} onClick={() => onEdit(null)} data-testid="add-target">
          {t('strategy.addTarget')}
        </Button>
      </Group>
      <Table striped>
        <caption className="visually-hidden-caption">{t('strategy.targets')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('strategy.kpi')}</Table.Th>
            <Table.Th>{t('strategy.value')}</Table.Th>
            <Table.Th>{t('strategy.deadline')}</Table.Th>
            <Table.Th>{t('strategy.note')}</Table.Th>
            <Table.Th>{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ item, target }) => {
            const name = localized(item.definition.name, locale);
            return (
              <Table.Tr key={target.id}>
                <Table.Td>{name}</Table.Td>
                <Table.Td>{formatKpiNumber(target.value, item.definition.unit, locale)}</Table.Td>
                <Table.Td>{formatDate(target.deadline, locale)}</Table.Td>
                <Table.Td>{localized(target.note, locale) || '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('strategy.editTargetOf', { name })}
                      {...TargetFormModal.opener}
                      onClick={() => onEdit(target)}
                    >
                      <IconPencil size={16} aria-hidden="true" />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('strategy.deleteTargetOf', { name })}
                      onClick={() =>
                        confirm.ask({
                          title: t('strategy.deleteTarget'),
                          message: t('strategy.deleteTargetConfirm', { name }),
                          confirmLabel: t('strategy.deleteTarget'),
                          run: () => remove.mutateAsync(target.id),
                          done: t('strategy.targetDeleted'),
                        })
                      }
                    >
                      <IconTrash size={16} aria-hidden="true" />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {confirm.dialog}
    </Card>
  );
}

/**
 * The strategy tracker: every KPI computed from the operational data with its target, progress, monthly history
 * and the records behind it; the admin sets targets and keeps this month's snapshot; everyone here downloads the
 * annual report.
 */
export function StrategyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const dashboard = useKpiDashboard();
  const { snapshot } = useStrategyMutations();
  const [recordsOf, setRecordsOf] = useState<KpiDashboardItem | null>(null);
  const [editing, setEditing] = useState<KpiTarget | null | undefined>(undefined);
  const isAdmin = me?.role === 'admin';
  const takeSnapshot = () =>
    snapshot.mutate(undefined, {
      onSuccess: (result) =>
        notifications.show({
          color: 'green',
          message: t('strategy.snapshotTaken', { period: result.period, created: result.created }),
        }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('strategy.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {dashboard.data
              ? t('strategy.asOf', { date: formatDate(dashboard.data.asOf, currentLocale()) })
              : t('strategy.about')}
          </Text>
        </div>
        <Group gap="xs">
          {isAdmin ? (
            <Button
              variant="default"
              onClick={takeSnapshot}
              loading={snapshot.isPending}
              data-testid="take-snapshot"
            >
              {t('strategy.takeSnapshot')}
            </Button>
          ) : null}
          <ReportDownloads />
        </Group>
      </Group>
      {dashboard.error ? <Alert color="red">{errorMessage(t, dashboard.error)}</Alert> : null}
      {!dashboard.data && !dashboard.error ? <PageLoader /> : null}
      {dashboard.data ? (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} data-testid="kpi-cards">
          {dashboard.data.items.map((item) => (
            <KpiCard
              key={item.definition.id}
              item={item}
              onRecords={item.records ? () => setRecordsOf(item) : undefined}
              projectsLink={PROJECT_KPIS.includes(item.definition.id) && !!me && canOpen(me.role, 'projects')}
            />
          ))}
        </SimpleGrid>
      ) : null}
      {isAdmin && dashboard.data ? <TargetsCard items={dashboard.data.items} onEdit={setEditing} /> : null}
      <KpiRecordsDrawer item={recordsOf} onClose={() => setRecordsOf(null)} />
      {dashboard.data ? (
        <TargetFormModal
          opened={editing !== undefined}
          items={dashboard.data.items}
          target={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </Stack>
  );
}
