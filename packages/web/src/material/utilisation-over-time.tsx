import type { MonthUtilisation } from '@kadr/contracts';
import { Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { SimpleTable } from '../components/simple-table';

const StackedBarChart = lazy(() => import('../charts/stacked-bar-chart'));

const formatHours = (hours: number) => hours.toFixed(1);
const formatPercent = (value: number) => `${value.toFixed(1)} %`;
/** A ratio as a percentage with one decimal, as the utilisation tables show it. */
export const percent = (ratio: number) => formatPercent(ratio * 100);

/**
 * Utilisation (used / available hours) per month: a rate, so a month the period only clips reads the same
 * as a whole one. The canvas says nothing to a screen reader, so a visually hidden table carries the figures.
 */
export function UtilisationOverTime({ months }: { months: MonthUtilisation[] }) {
  const { t } = useTranslation();
  const chart = useMemo(
    () => ({
      // ISO months (2026-05): browsers' Kazakh month names are patchy, digits read the same everywhere.
      labels: months.map((m) => m.month),
      series: [{ name: t('material.utilisation'), values: months.map((m) => m.utilisation * 100) }],
    }),
    [months, t],
  );
  return (
    <div data-testid="utilisation-over-time" data-months={months.length}>
      <Title order={2} size="h4">
        {t('material.overTime')}
      </Title>
      <Suspense fallback={<PageLoader />}>
        <StackedBarChart
          labels={chart.labels}
          series={chart.series}
          format={formatPercent}
          ariaLabel={t('material.overTimeChart')}
        />
      </Suspense>
      <VisuallyHidden>
        <SimpleTable<MonthUtilisation>
          caption={t('material.overTime')}
          testId="utilisation-months"
          rows={months}
          rowKey={(m) => m.month}
          columns={[
            { key: 'month', header: t('material.month'), render: (m) => m.month },
            { key: 'used', header: t('material.usedHours'), render: (m) => formatHours(m.usedHours) },
            {
              key: 'available',
              header: t('material.availableHours'),
              render: (m) => formatHours(m.availableHours),
            },
            { key: 'util', header: t('material.utilisation'), render: (m) => percent(m.utilisation) },
          ]}
        />
      </VisuallyHidden>
    </div>
  );
}
