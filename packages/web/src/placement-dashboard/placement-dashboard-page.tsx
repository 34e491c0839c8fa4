import type { PlacementDashboard } from '@kadr/contracts';
import { Alert, Card, Group, NumberInput, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlacementDashboard } from '../api/placement-dashboard';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatNumber, formatPercent } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { DownloadButton } from '../components/download-button';

const StackedBarChart = lazy(() => import('../charts/stacked-bar-chart'));

type Rates = Pick<
  PlacementDashboard['totals'],
  'fillRate' | 'acceptanceRate' | 'completionRate' | 'hireRate'
>;
const RATE_KEYS = ['fillRate', 'acceptanceRate', 'completionRate', 'hireRate'] as const;

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

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('placementDashboard.byProgramme')}
        </Title>
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
        <Table withTableBorder mt="sm" data-testid="placement-programmes">
          <caption className="visually-hidden-caption">{t('placementDashboard.byProgramme')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('placementDashboard.programme')}</Table.Th>
              <Table.Th ta="right">{t('placementDashboard.needed')}</Table.Th>
              <Table.Th ta="right">{t('placementDashboard.offered')}</Table.Th>
              <Table.Th ta="right">{t('placementDashboard.placed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.byProgramme.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('placementDashboard.empty')}</Table.Td>
              </Table.Tr>
            ) : (
              d.byProgramme.map((p) => (
                <Table.Tr key={p.programmeId}>
                  <Table.Td>{programmeName(p)}</Table.Td>
                  <Table.Td ta="right">{num(p.needed)}</Table.Td>
                  <Table.Td ta="right">{num(p.offered)}</Table.Td>
                  <Table.Td ta="right">{num(p.placed)}</Table.Td>
                </Table.Tr>
              ))
            )}
            <Table.Tr fw={700}>
              <Table.Td>{t('placementDashboard.total')}</Table.Td>
              <Table.Td ta="right">{num(d.totals.needed)}</Table.Td>
              <Table.Td ta="right">{num(d.totals.offered)}</Table.Td>
              <Table.Td ta="right">{num(d.totals.placed)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('placementDashboard.byPartner')}
        </Title>
        {d.byPartner === null ? (
          <Text c="dimmed" data-testid="placement-partners-withheld">
            {t('placementDashboard.withheld')}
          </Text>
        ) : (
          <Table withTableBorder data-testid="placement-partners">
            <caption className="visually-hidden-caption">{t('placementDashboard.byPartner')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('placementDashboard.partner')}</Table.Th>
                <Table.Th ta="right">{t('placementDashboard.offered')}</Table.Th>
                <Table.Th ta="right">{t('placementDashboard.placed')}</Table.Th>
                <Table.Th ta="right">{t('placementDashboard.completed')}</Table.Th>
                <Table.Th ta="right">{t('placementDashboard.hired')}</Table.Th>
                {RATE_KEYS.map((key) => (
                  <Table.Th key={key} ta="right">
                    {t(`placementDashboard.${key}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.byPartner.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={9}>{t('placementDashboard.empty')}</Table.Td>
                </Table.Tr>
              ) : (
                d.byPartner.map((p) => (
                  <Table.Tr key={p.organisationId}>
                    <Table.Td>{localized(p.name, locale) || p.shortName}</Table.Td>
                    <Table.Td ta="right">{num(p.offered)}</Table.Td>
                    <Table.Td ta="right">{num(p.placed)}</Table.Td>
                    <Table.Td ta="right">{num(p.completed)}</Table.Td>
                    <Table.Td ta="right">{num(p.hired)}</Table.Td>
                    {RATE_KEYS.map((key) => (
                      <Table.Td key={key} ta="right">
                        <Rate value={p[key]} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('placementDashboard.byPriorityArea')}
        </Title>
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
        <Table withTableBorder mt="sm" data-testid="placement-areas">
          <caption className="visually-hidden-caption">{t('placementDashboard.byPriorityArea')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('placementDashboard.area')}</Table.Th>
              <Table.Th ta="right">{t('placementDashboard.placed')}</Table.Th>
              <Table.Th ta="right">{t('placementDashboard.completed')}</Table.Th>
              <Table.Th ta="right">{t('placementDashboard.hired')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.byPriorityArea.map((a) => (
              <Table.Tr key={a.priorityArea}>
                <Table.Td>{t(`priorityAreas.${a.priorityArea}`)}</Table.Td>
                <Table.Td ta="right">{num(a.placed)}</Table.Td>
                <Table.Td ta="right">{num(a.completed)}</Table.Td>
                <Table.Td ta="right">{num(a.hired)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Text size="sm" c="dimmed">
        {t('placementDashboard.definitions')}
      </Text>
    </Stack>
  );
}
