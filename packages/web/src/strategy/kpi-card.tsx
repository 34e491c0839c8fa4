import type { KpiDashboardItem } from '@kadr/contracts';
import { Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { formatDate } from '../components/format';
import { formatPercent, formatTengeCompact } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { formatKpiNumber, formatKpiValue, partLabel } from './kpi-format';

const StackedBarChart = lazy(() => import('../charts/stacked-bar-chart'));

/** Props of {@link KpiCard}. */
export interface KpiCardProps {
  item: KpiDashboardItem;
  /** Opens the records behind the value; absent for viewers who may not list them. */
  onRecords?: () => void;
  /** Shows a link to the projects behind a branch or joint-programme KPI (for viewers who may open them). */
  projectsLink?: boolean;
}

/** One KPI: its value now, the target with a progress bar, its parts, its monthly history and its formula. */
export function KpiCard({ item, onRecords, projectsLink }: KpiCardProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { definition, current, target, progress, history } = item;
  const name = localized(definition.name, locale);
  const format = useCallback(
    (v: number) => formatKpiNumber(v, definition.unit, locale),
    [definition.unit, locale],
  );
  // Short amounts on the axis keep it narrow; the tooltip shows full tenge.
  const axisFormat = useCallback(
    (v: number) => (definition.unit === 'tiyn' ? formatTengeCompact(v, locale) : format(v)),
    [definition.unit, format, locale],
  );
  const kept = history.filter((h) => h.value !== null);
  return (
    <Card withBorder padding="md" data-testid={`kpi-${definition.id}`}>
      <Stack gap={6}>
        <Title order={2} size="h5">
          {name}
        </Title>
        <Group justify="space-between" align="baseline">
          <Text fw={700} size="xl" data-testid="kpi-value">
            {formatKpiValue(current, definition.unit, locale, t)}
          </Text>
          {current.status !== 'ok' ? (
            <Badge variant="light" color="gray">
              {t(`strategy.status.${current.status}`)}
            </Badge>
          ) : null}
        </Group>
        {current.breakdown.length > 0 && definition.unit !== 'tiyn' ? (
          <Text size="sm" c="dimmed">
            {current.breakdown
              .map(
                (b) =>
                  `${partLabel(b.key, t)}: ${formatKpiNumber(b.value, b.key.endsWith('Hours') ? 'count' : definition.unit, locale)}`,
              )
              .join(' · ')}
          </Text>
        ) : null}
        {target ? (
          <>
            <Text size="sm">
              {t('strategy.targetBy', {
                value: formatKpiNumber(target.value, definition.unit, locale),
                date: formatDate(target.deadline, locale),
              })}
            </Text>
            {localized(target.note, locale) ? (
              <Text size="xs" c="dimmed" data-testid="target-note">
                {localized(target.note, locale)}
              </Text>
            ) : null}
            <Progress
              value={Math.min(100, (progress ?? 0) * 100)}
              color={(progress ?? 0) >= 1 ? 'green' : 'blue'}
              aria-label={t('strategy.progressOf', { name })}
            />
            <Text size="xs" c="dimmed">
              {progress === null
                ? t('strategy.noProgress')
                : t('strategy.progress', { value: formatPercent(progress, locale) })}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('strategy.noTarget')}
          </Text>
        )}
        {kept.length > 1 ? (
          <Suspense fallback={<PageLoader />}>
            <StackedBarChart
              labels={kept.map((h) => h.period)}
              series={[{ name, values: kept.map((h) => h.value!) }]}
              format={format}
              axisFormat={axisFormat}
              ariaLabel={t('strategy.historyOf', { name })}
              height={160}
            />
          </Suspense>
        ) : (
          <Text size="xs" c="dimmed">
            {t('strategy.noHistory')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {localized(definition.formula, locale)}
        </Text>
        <Group gap="xs" grow>
          {onRecords ? (
            <Button variant="light" size="xs" onClick={onRecords} data-testid="kpi-records">
              {t('strategy.records')}
            </Button>
          ) : null}
          {projectsLink ? (
            <Button component={Link} to="/projects" variant="default" size="xs" data-testid="kpi-projects">
              {t('strategy.projectsBehind')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
