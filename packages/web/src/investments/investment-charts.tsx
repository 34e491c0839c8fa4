import type { InvestmentAggregates } from '@kadr/contracts';
import { Alert, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INVESTMENT_SOURCES } from '../api/vocabulary';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatNumber, formatTenge, formatTengeCompact } from '../components/number-format';
import { currentLocale } from '../i18n';

const StackedBarChart = lazy(() => import('../charts/stacked-bar-chart'));

/** Props of {@link InvestmentCharts}. */
export interface InvestmentChartsProps {
  data: Omit<InvestmentAggregates, 'byPartner'> | undefined;
  error?: unknown;
}

/** Ledger totals, investment by year and source (stacked) and by priority area. */
export function InvestmentCharts({ data, error }: InvestmentChartsProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Short amounts on the axis keep it narrow; the tooltip shows full tenge.
  const format = useCallback((tiyn: number) => formatTenge(tiyn, locale), [locale]);
  const axisFormat = useCallback((tiyn: number) => formatTengeCompact(tiyn, locale), [locale]);
  const byYear = useMemo(
    () =>
      data
        ? {
            labels: data.byYear.map((y) => String(y.year)),
            series: INVESTMENT_SOURCES.map((source) => ({
              name: t(`investmentSources.${source}`),
              values: data.byYear.map((y) => y.bySource[source] ?? 0),
            })),
          }
        : null,
    [data, t],
  );
  const byArea = useMemo(
    () =>
      data
        ? {
            labels: data.byArea.map((a) => t(`priorityAreas.${a.area}`)),
            series: [{ name: t('investments.amount'), values: data.byArea.map((a) => a.amountTiyn) }],
          }
        : null,
    [data, t],
  );
  if (error) return <Alert color="red">{errorMessage(t, error)}</Alert>;
  if (!data || !byYear || !byArea) return <PageLoader />;
  return (
    <Card withBorder padding="md" data-testid="investment-charts">
      <Group gap="xl" mb="sm">
        <div>
          <Text size="sm" c="dimmed">
            {t('investments.total')}
          </Text>
          <Text fw={700} size="xl" data-testid="investment-total">
            {formatTenge(data.totalTiyn, locale)}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('investments.count')}
          </Text>
          <Text fw={700} size="xl">
            {formatNumber(data.count, locale)}
          </Text>
        </div>
        {data.bySource.map((s) => (
          <div key={s.source}>
            <Text size="sm" c="dimmed">
              {t(`investmentSources.${s.source}`)}
            </Text>
            <Text fw={600}>{formatTenge(s.amountTiyn, locale)}</Text>
          </div>
        ))}
      </Group>
      {/* Side by side only on wide screens: each chart needs the width for its amounts' axis. */}
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <div>
          <Title order={2} size="h4">
            {t('investments.byYear')}
          </Title>
          <Suspense fallback={<PageLoader />}>
            <StackedBarChart
              labels={byYear.labels}
              series={byYear.series}
              format={format}
              axisFormat={axisFormat}
              ariaLabel={t('investments.byYear')}
            />
          </Suspense>
        </div>
        <div>
          <Title order={2} size="h4">
            {t('investments.byArea')}
          </Title>
          <Suspense fallback={<PageLoader />}>
            <StackedBarChart
              labels={byArea.labels}
              series={byArea.series}
              format={format}
              axisFormat={axisFormat}
              horizontal
              ariaLabel={t('investments.byArea')}
            />
          </Suspense>
        </div>
      </SimpleGrid>
    </Card>
  );
}
