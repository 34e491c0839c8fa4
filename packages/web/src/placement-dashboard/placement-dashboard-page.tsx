import type { PlacementDashboard } from '@kadr/contracts';
import { Alert, Card, Group, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlacementDashboard } from '../api/placement-dashboard';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatNumber, formatPercent } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { type FigureColumn, FiguresTable } from './figures-table';
import { DownloadButton } from '../components/download-button';

const StackedBarChart = lazy(() => import('../charts/stacked-bar-chart'));

type Rates = Pick<
  PlacementDashboard['totals'],
  'fillRate' | 'acceptanceRate' | 'completionRate' | 'hireRate'
>;
const RATE_KEYS = ['fillRate', 'acceptanceRate', 'completionRate', 'hireRate'] as const;

type PartnerRow = NonNullable<PlacementDashboard['byPartner']>[number];

/** A titled card of the dashboard: a chart and its table, or a table. */
function DashboardCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Rate({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return <>{value === null ? t('placementDashboard.noRate') : formatPercent(value, currentLocale())}</>;
}

function RateCards({ rates, hired }: { rates: Rates; hired: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} data-testid="placement-rates">
      {RATE_KEYS.map((key) => (
        <Card key={key} withBorder padding="sm">
          <Text size="sm" c="dimmed">
            {t(`placementDashboard.${key}`)}
          </Text>
          <Text fw={700} size="xl">
            <Rate value={rates[key]} />
          </Text>
        </Card>
      ))}
      <Card withBorder padding="sm">
        <Text size="sm" c="dimmed">
          {t('placementDashboard.hired')}
        </Text>
        <Text fw={700} size="xl">
          {formatNumber(hired, locale)}
        </Text>
      </Card>
    </SimpleGrid>
  );
}

/**
 * The placement dashboard: places needed against offered per programme and partner, the rates, placements by
 * priority area and hires; each chart has its table beside it; the XLSX has every table.
 */
export function PlacementDashboardPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [year, setYear] = useState<number | undefined>(undefined);
  const dashboard = usePlacementDashboard(year);
  const d = dashboard.data;
  if (dashboard.error) return <Alert color="red">{errorMessage(t, dashboard.error)}</Alert>;
  if (!d) return <PageLoader />;
  const num = (n: number) => formatNumber(n, locale);
  const programmeName = (p: PlacementDashboard['byProgramme'][number]) =>
    `${p.code} ${localized(p.name, locale)}`;
  /** Columns of counts, each headed by the count's name. */
  const counts = <K extends string>(...keys: K[]): FigureColumn<Record<K, number>>[] =>
    keys.map((key) => ({ key, header: t(`placementDashboard.${key}`), cell: (row) => num(row[key]) }));
  const partnerFigures: FigureColumn<PartnerRow>[] = [
    ...counts('offered', 'placed', 'completed', 'hired'),
    ...RATE_KEYS.map((key) => ({
      key,
      header: t(`placementDashboard.${key}`),
      cell: (p: PartnerRow) => <Rate value={p[key]} />,
    })),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('placementDashboard.title')}
        </Title>
        <Group align="end" gap="xs">
          <NumberInput
            label={t('placementDashboard.year')}
            description={t('placementDashboard.yearHint', { year: d.academicYear, next: d.academicYear + 1 })}
            value={year ?? d.academicYear}
            min={2000}
            max={2100}
            w={200}
            onChange={(value) =>
              setYear(typeof value === 'number' && value >= 2000 && value <= 2100 ? value : undefined)
            }
          />
          <DownloadButton
            href={`/api/placements/dashboard.xlsx?lang=${locale}&year=${d.academicYear}`}
            testId="placement-dashboard-xlsx"
          >
            {t('placementDashboard.xlsx')}
          </DownloadButton>
        </Group>
      </Group>
      <Text c="dimmed">
        {d.scope === 'own' ? t('placementDashboard.aboutOwn') : t('placementDashboard.about')}
      </Text>
      <RateCards rates={d.totals} hired={d.totals.hired} />

      <DashboardCard title={t('placementDashboard.byProgramme')}>
        {d.byProgramme.length > 0 ? (
          <Suspense fallback={<PageLoader />}>
            <StackedBarChart
              labels={d.byProgramme.map((p) => p.code)}
              series={[
                { name: t('placementDashboard.needed'), values: d.byProgramme.map((p) => p.needed) },
                { name: t('placementDashboard.offered'), values: d.byProgramme.map((p) => p.offered) },
                { name: t('placementDashboard.placed'), values: d.byProgramme.map((p) => p.placed) },
              ]}
              ariaLabel={t('placementDashboard.chartOf', { what: t('placementDashboard.byProgramme') })}
              height={220}
            />
          </Suspense>
        ) : null}
        <FiguresTable
          caption={t('placementDashboard.byProgramme')}
          testId="placement-programmes"
          mt="sm"
          label={{ header: t('placementDashboard.programme'), cell: programmeName }}
          figures={counts('needed', 'offered', 'placed')}
          rows={d.byProgramme}
          rowKey={(p) => p.programmeId}
          empty={t('placementDashboard.empty')}
          total={{ label: t('placementDashboard.total'), figures: d.totals }}
        />
      </DashboardCard>

      <DashboardCard title={t('placementDashboard.byPartner')}>
        {d.byPartner === null ? (
          <Text c="dimmed" data-testid="placement-partners-withheld">
            {t('placementDashboard.withheld')}
          </Text>
        ) : (
          <FiguresTable
            caption={t('placementDashboard.byPartner')}
            testId="placement-partners"
            label={{
              header: t('placementDashboard.partner'),
              cell: (p) => localized(p.name, locale) || p.shortName,
            }}
            figures={partnerFigures}
            rows={d.byPartner}
            rowKey={(p) => p.organisationId}
            empty={t('placementDashboard.empty')}
          />
        )}
      </DashboardCard>

      <DashboardCard title={t('placementDashboard.byPriorityArea')}>
        <Suspense fallback={<PageLoader />}>
          <StackedBarChart
            labels={d.byPriorityArea.map((a) => t(`priorityAreas.${a.priorityArea}`))}
            series={[
              { name: t('placementDashboard.placed'), values: d.byPriorityArea.map((a) => a.placed) },
              { name: t('placementDashboard.hired'), values: d.byPriorityArea.map((a) => a.hired) },
            ]}
            ariaLabel={t('placementDashboard.chartOf', { what: t('placementDashboard.byPriorityArea') })}
            height={200}
          />
        </Suspense>
        <FiguresTable
          caption={t('placementDashboard.byPriorityArea')}
          testId="placement-areas"
          mt="sm"
          label={{ header: t('placementDashboard.area'), cell: (a) => t(`priorityAreas.${a.priorityArea}`) }}
          figures={counts('placed', 'completed', 'hired')}
          rows={d.byPriorityArea}
          rowKey={(a) => a.priorityArea}
        />
      </DashboardCard>
      <Text size="sm" c="dimmed">
        {t('placementDashboard.definitions')}
      </Text>
    </Stack>
  );
}
