import type { GapCell, GapReport } from '@kadr/contracts';
import {
  Alert,
  Badge,
  Card,
  Drawer,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGapCell, useGapReport } from '../api/demand';
import { KZ_REGIONS, PRIORITY_AREAS } from '../api/vocabulary';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatNumber } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { DownloadButton } from '../components/download-button';

const BarChart = lazy(() => import('../charts/bar-chart'));

type Cell = GapReport['groups'][number]['cells'][number];

/** Background and text of a balance: red shades for shortfalls, green for surpluses, grey when balanced. */
function cellColours(balance: number, scale: number): { background: string; color: string } {
  if (Math.abs(balance) < 0.5) return { background: '#f1f3f5', color: '#212529' };
  const strength = Math.min(1, Math.abs(balance) / Math.max(scale, 1));
  const step = strength > 0.66 ? 2 : strength > 0.33 ? 1 : 0;
  if (balance < 0)
    return [
      { background: '#ffe3e3', color: '#212529' },
      { background: '#ffa8a8', color: '#212529' },
      { background: '#c92a2a', color: '#ffffff' },
    ][step]!;
  return [
    { background: '#d3f9d8', color: '#212529' },
    { background: '#8ce99a', color: '#212529' },
    { background: '#2b8a3e', color: '#ffffff' },
  ][step]!;
}

const signed = (value: number, locale: ReturnType<typeof currentLocale>) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${formatNumber(Math.abs(value), locale, { maximumFractionDigits: 1 })}`;

/** The heat map of group × year: a real table, each cell a button with its numbers and state in words. */
function HeatMap({ report, onOpen }: { report: GapReport; onOpen: (group: string, year: number) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const scale = Math.max(1, ...report.groups.flatMap((g) => g.cells.map((c) => Math.abs(c.balance))));
  const state = (c: Cell) =>
    c.shortfall > 0 ? t('gaps.shortfall') : c.surplus > 0 ? t('gaps.surplus') : t('gaps.balanced');
  const n = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 });
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder withColumnBorders data-testid="gap-heatmap">
        <caption>{t('gaps.heatmapCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('gaps.group')}</Table.Th>
            <Table.Th scope="col">{t('gaps.area')}</Table.Th>
            {report.years.map((y) => (
              <Table.Th key={y} scope="col" ta="center">
                {y}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((g) => (
            <Table.Tr key={g.programmeGroup} data-group={g.programmeGroup}>
              <Table.Th scope="row">{g.programmeGroup}</Table.Th>
              <Table.Td>{g.priorityArea ? t(`priorityAreas.${g.priorityArea}`) : ''}</Table.Td>
              {g.cells.map((c) => {
                const colours = cellColours(c.balance, scale);
                return (
                  <Table.Td key={c.year} p={0} style={colours}>
                    <UnstyledButton
                      w="100%"
                      p={6}
                      style={{ color: colours.color, textAlign: 'center' }}
                      data-testid={`gap-cell-${g.programmeGroup}-${c.year}`}
                      onClick={() => onOpen(g.programmeGroup, c.year)}
                    >
                      <Text fw={700} size="sm" inherit>
                        {signed(c.balance, locale)}
                      </Text>
                      <Text size="xs" inherit>
                        {n(c.demand)} / {n(c.supply)}
                      </Text>
                      <VisuallyHidden>
                        {t('gaps.cellLabel', {
                          group: g.programmeGroup,
                          year: c.year,
                          demand: n(c.demand),
                          supply: n(c.supply),
                          state: state(c),
                          amount: n(Math.abs(c.balance)),
                        })}
                      </VisuallyHidden>
                    </UnstyledButton>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The cells of one group and year under the page's filters: numbers, partners (or why withheld), programmes and
 * skill gaps.
 */
function CellDrawer({
  cell,
  filters,
  onClose,
}: {
  cell: { programmeGroup: string; year: number } | null;
  filters: { attrition?: number | undefined; priorityArea?: string | undefined; region?: string | undefined };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const detail = useGapCell(cell, filters);
  const d = detail.data;
  const n = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 });
  const figures = (c: GapCell) => [
    [t('gaps.demand'), n(c.demand)],
    [t('gaps.projected'), n(c.projected)],
    [t('gaps.actual'), n(c.actual)],
    [t('gaps.supply'), n(c.supply)],
    [t('gaps.balance'), signed(c.balance, locale)],
    [t('gaps.placed'), c.placements === null ? '—' : n(c.placements)],
    [t('gaps.hired'), c.hires === null ? '—' : n(c.hires)],
  ];
  return (
    <Drawer
      opened={cell !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={cell ? `${cell.programmeGroup}, ${cell.year}` : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {detail.error ? <Alert color="red">{errorMessage(t, detail.error)}</Alert> : null}
      {!d ? (
        <PageLoader />
      ) : (
        <Stack gap="md" data-testid="gap-cell-detail">
          <SimpleGrid cols={{ base: 3, sm: 4 }}>
            {figures(d.cell).map(([label, value]) => (
              <div key={label}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text fw={700}>{value}</Text>
              </div>
            ))}
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('gaps.byPartner')}
          </Title>
          {d.partners === null ? (
            <Alert color="gray">{t('gaps.withheld', { count: d.cell.partners })}</Alert>
          ) : d.partners.length === 0 ? (
            <Text c="dimmed">{t('gaps.noPartners')}</Text>
          ) : (
            <Table>
              <caption className="visually-hidden-caption">{t('gaps.byPartner')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('demand.partner')}</Table.Th>
                  <Table.Th>{t('demand.occupationLabel')}</Table.Th>
                  <Table.Th>{t('demand.region')}</Table.Th>
                  <Table.Th ta="right">{t('gaps.people')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.partners.flatMap((p) =>
                  p.lines.map((l, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a plan version's lines never change or reorder
                    <Table.Tr key={`${p.planId}-${i}`}>
                      <Table.Td>
                        {i === 0 ? (
                          <Link to="/demand" search={{ plan: p.planId }} className="table-link">
                            {p.organisationName}
                          </Link>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{localized(l.occupationLabel, locale)}</Table.Td>
                      <Table.Td>{t(`demand.regions.${l.region}`)}</Table.Td>
                      <Table.Td ta="right">{n(l.headcount)}</Table.Td>
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          )}
          <Title order={3} size="h5">
            {t('gaps.byProgramme')}
          </Title>
          {d.programmes.length === 0 ? (
            <Text c="dimmed">{t('gaps.noProgrammes')}</Text>
          ) : (
            <Table>
              <caption className="visually-hidden-caption">{t('gaps.byProgramme')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('gaps.programme')}</Table.Th>
                  <Table.Th ta="right">{t('gaps.projected')}</Table.Th>
                  <Table.Th ta="right">{t('gaps.actual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.programmes.map((p) => (
                  <Table.Tr key={p.programmeId}>
                    <Table.Td>
                      <Link
                        to="/programmes/$programmeId"
                        params={{ programmeId: String(p.programmeId) }}
                        className="table-link"
                      >
                        {p.code} {localized(p.name, locale)}
                      </Link>
                    </Table.Td>
                    <Table.Td ta="right">{n(p.projected)}</Table.Td>
                    <Table.Td ta="right">{n(p.actual)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <SkillGapTable gaps={d.skillGaps} />
        </Stack>
      )}
    </Drawer>
  );
}

/** The competencies asked above the level the group's programmes teach. */
function SkillGapTable({ gaps }: { gaps: GapReport['skillGaps'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('gaps.skills')}
      </Title>
      {gaps.length === 0 ? (
        <Text c="dimmed">{t('gaps.noSkillGaps')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped data-testid="skill-gaps">
            <caption className="visually-hidden-caption">{t('gaps.skills')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('gaps.group')}</Table.Th>
                <Table.Th>{t('gaps.competency')}</Table.Th>
                <Table.Th ta="right">{t('gaps.levelAsked')}</Table.Th>
                <Table.Th ta="right">{t('gaps.inGroup')}</Table.Th>
                <Table.Th ta="right">{t('gaps.anywhere')}</Table.Th>
                <Table.Th>{t('gaps.taughtBy')}</Table.Th>
                <Table.Th ta="right">{t('gaps.people')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {gaps.map((g) => (
                <Table.Tr key={`${g.programmeGroup}-${g.competency.id}`}>
                  <Table.Td>{g.programmeGroup}</Table.Td>
                  <Table.Td>
                    {g.competency.code} {localized(g.competency.name, locale)}
                  </Table.Td>
                  <Table.Td ta="right">{g.levelAsked}</Table.Td>
                  <Table.Td ta="right">{g.bestLevelInGroup}</Table.Td>
                  <Table.Td ta="right">{g.bestLevelAnywhere}</Table.Td>
                  <Table.Td>
                    {g.bestProgramme ? (
                      <Link
                        to="/programmes/$programmeId"
                        params={{ programmeId: String(g.bestProgramme.id) }}
                        className="table-link"
                      >
                        {g.bestProgramme.code}
                      </Link>
                    ) : (
                      t('demand.none')
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{g.headcount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/**
 * Demand against supply (staff and observers): filters, the group × year heat map (colour, sign and numbers),
 * a bar chart of each group's shortfall, demand by region, the skill gaps, drill-down to a cell's partners and
 * programmes, and the XLSX export.
 */
export function GapsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [fromYear, setFromYear] = useState<number | undefined>();
  const [toYear, setToYear] = useState<number | undefined>();
  const [attritionPercent, setAttritionPercent] = useState<number | undefined>();
  const [area, setArea] = useState<string | null>(null);
  const [region, setRegion] = useState<string | null>(null);
  const [open, setOpen] = useState<{ programmeGroup: string; year: number } | null>(null);
  const attrition = attritionPercent === undefined ? undefined : attritionPercent / 100;
  const query = {
    fromYear,
    toYear,
    attrition,
    priorityArea: area ?? undefined,
    region: region ?? undefined,
  };
  const report = useGapReport(query);
  const r = report.data;
  const exportQuery = new URLSearchParams(
    Object.entries({ ...query, lang: locale }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  const shortfalls = (r?.groups ?? []).filter((g) => g.shortfall > 0);
  const n = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('gaps.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {r
              ? t('gaps.asOf', { date: formatDate(r.asOf, locale), rate: n(r.attritionRate * 100) })
              : t('gaps.about')}
          </Text>
        </div>
        <DownloadButton href={`/api/demand/gaps.xlsx?${exportQuery}`} testId="gaps-xlsx">
          {t('gaps.export')}
        </DownloadButton>
      </Group>
      <Group align="flex-end" gap="sm">
        <NumberInput
          label={t('gaps.fromYear')}
          w={110}
          min={2000}
          max={2100}
          value={fromYear ?? r?.fromYear ?? ''}
          onChange={(v) => setFromYear(typeof v === 'number' ? v : undefined)}
        />
        <NumberInput
          label={t('gaps.toYear')}
          w={110}
          min={2000}
          max={2100}
          value={toYear ?? r?.toYear ?? ''}
          onChange={(v) => setToYear(typeof v === 'number' ? v : undefined)}
        />
        <NumberInput
          label={t('gaps.attrition')}
          w={160}
          min={0}
          max={90}
          step={1}
          value={attritionPercent ?? (r ? r.attritionRate * 100 : '')}
          onChange={(v) => setAttritionPercent(typeof v === 'number' ? v : undefined)}
          data-testid="attrition"
        />
        <Select
          label={t('demand.priorityArea')}
          w={200}
          clearable
          placeholder={t('gaps.allAreas')}
          data={PRIORITY_AREAS.map((a) => ({ value: a, label: t(`priorityAreas.${a}`) }))}
          value={area}
          onChange={setArea}
        />
        <Select
          label={t('demand.region')}
          w={240}
          clearable
          searchable
          placeholder={t('gaps.allRegions')}
          data={KZ_REGIONS.map((x) => ({ value: x, label: t(`demand.regions.${x}`) }))}
          value={region}
          onChange={setRegion}
        />
      </Group>
      {report.error ? <Alert color="red">{errorMessage(t, report.error)}</Alert> : null}
      {!r && !report.error ? <PageLoader /> : null}
      {r ? (
        <>
          {region ? (
            <Text size="sm" c="dimmed" data-testid="gaps-region-filter">
              {t('gaps.regionFilter', { region: t(`demand.regions.${region}`) })}
            </Text>
          ) : null}
          {!r.placementsAvailable ? (
            <Text size="sm" c="dimmed">
              {t('gaps.placements')}
            </Text>
          ) : null}
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('gaps.heatmap')}
            </Title>
            {r.groups.length === 0 ? (
              <Text c="dimmed">{t('gaps.empty')}</Text>
            ) : (
              <HeatMap report={r} onOpen={(programmeGroup, year) => setOpen({ programmeGroup, year })} />
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {t('gaps.legend')}
            </Text>
          </Card>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('gaps.shortfalls')}
              </Title>
              {shortfalls.length === 0 ? (
                <Text c="dimmed">{t('gaps.noShortfall')}</Text>
              ) : (
                <Suspense fallback={<PageLoader />}>
                  <BarChart
                    labels={shortfalls.map((g) => g.programmeGroup)}
                    values={shortfalls.map((g) => Math.round(g.shortfall * 10) / 10)}
                    ariaLabel={t('gaps.shortfallChart', {
                      list: shortfalls.map((g) => `${g.programmeGroup} ${n(g.shortfall)}`).join(', '),
                    })}
                  />
                </Suspense>
              )}
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('gaps.regions')}
              </Title>
              <Table.ScrollContainer minWidth={400}>
                <Table striped>
                  <caption className="visually-hidden-caption">{t('gaps.regions')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('demand.region')}</Table.Th>
                      {r.years.map((y) => (
                        <Table.Th key={y} scope="col" ta="right">
                          {y}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.regions.map((x) => (
                      <Table.Tr key={x.region}>
                        <Table.Th scope="row">{t(`demand.regions.${x.region}`)}</Table.Th>
                        {x.cells.map((c) => (
                          <Table.Td key={c.year} ta="right">
                            <Text size="sm" fw={c.shortfall > 0 ? 700 : undefined}>
                              {`${n(c.demand)} / ${n(c.supply)}`}
                            </Text>
                            {c.placements || c.hires ? (
                              <Text size="xs" c="dimmed">
                                {t('gaps.regionPlaced', {
                                  placed: n(c.placements ?? 0),
                                  hired: n(c.hires ?? 0),
                                })}
                              </Text>
                            ) : null}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Text size="xs" c="dimmed" mt="xs">
                {t('gaps.regionNote')}
              </Text>
            </Card>
          </SimpleGrid>
          <Card withBorder>
            <SkillGapTable gaps={r.skillGaps} />
            <Group gap={4} mt="xs">
              {[...new Set(r.skillGaps.map((g) => g.programmeGroup))].map((g) => (
                <Badge key={g} variant="light">
                  {g}
                </Badge>
              ))}
            </Group>
          </Card>
        </>
      ) : null}
      <CellDrawer
        cell={open}
        filters={{ attrition, priorityArea: query.priorityArea, region: query.region }}
        onClose={() => setOpen(null)}
      />
    </Stack>
  );
}
