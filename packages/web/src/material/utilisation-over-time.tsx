import type { MonthUtilisation } from '@kadr/contracts';
import { Title, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { formatHours, formatPercent } from '../components/number-format';
import { SimpleTable } from '../components/simple-table';
import { currentLocale } from '../i18n';

const StackedBarChart = lazy(() => import('../charts/stacked-bar-chart'));

/**
 * Utilisation (used / available hours) per month: a rate, so a month the period only clips reads the same
 * as a whole one. The canvas says nothing to a screen reader, so a visually hidden table carries the figures.
 */
export function UtilisationOverTime({ months }: { months: MonthUtilisation[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // The bars are percentages (0-100), so that the axis ticks fall on round figures.
  const format = useCallback((value: number) => formatPercent(value / 100, locale), [locale]);
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
          format={format}
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
            { key: 'used', header: t('material.usedHours'), render: (m) => formatHours(m.usedHours, locale) },
            {
              key: 'available',
              header: t('material.availableHours'),
              render: (m) => formatHours(m.availableHours, locale),
            },
            {
              key: 'util',
              header: t('material.utilisation'),
              render: (m) => formatPercent(m.utilisation, locale),
            },
          ]}
        />
      </VisuallyHidden>
    </div>
  );
}
