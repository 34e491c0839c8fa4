import type { ProgrammeAnalysis } from '@kadr/contracts';
import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useProgrammeAnalysis } from '../api/passport';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatNumber } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { BalanceBars } from './balance-bars';
import { CompetencyMatrix } from './competency-matrix';
import './analysis.css';

/** The analysis of a programme version, at `/programme-versions/:versionId/analysis`. */
export function AnalysisPage() {
  const { versionId } = useParams({ strict: false }) as { versionId?: string };
  return <AnalysisView versionId={Number(versionId)} />;
}

function GapsCard({ analysis }: { analysis: ProgrammeAnalysis }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder padding="md" data-testid="analysis-gaps">
      <Title order={2} size="h4" mb="xs">
        {t('analysis.gaps', { count: analysis.gaps.length })}
      </Title>
      {analysis.gaps.length === 0 ? (
        <Text size="sm">{t('analysis.noGaps')}</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('analysis.competency')}</Table.Th>
              <Table.Th>{t('analysis.levels')}</Table.Th>
              <Table.Th>{t('analysis.taughtBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {analysis.gaps.map((gap) => (
              <Table.Tr key={gap.competency.id} data-testid="analysis-gap">
                <Table.Td>
                  {gap.competency.code} {localized(gap.competency.name, locale)}
                </Table.Td>
                <Table.Td style={{ minWidth: 160 }}>
                  <div
                    className="level-bar"
                    role="img"
                    aria-label={t('analysis.gapLevels', { best: gap.bestLevel, target: gap.targetLevel })}
                  >
                    <div
                      style={{
                        width: `${(gap.bestLevel / 5) * 100}%`,
                        background: 'var(--mantine-color-orange-6)',
                      }}
                    />
                    <div style={{ left: `${(gap.targetLevel / 5) * 100}%` }} className="level-bar-target" />
                  </div>
                  <Text size="xs">
                    {t('analysis.gapLevels', { best: gap.bestLevel, target: gap.targetLevel })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {[
                      ...gap.disciplines.map((d) => d.code),
                      ...gap.practiceTypes.map((p) => t(`analysis.practice.${p}`)),
                    ].join(', ') || t('analysis.nothing')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** The matrix, the knowledge/skill/competence balance and the gaps of a version. */
export function AnalysisView({ versionId }: { versionId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const analysis = useProgrammeAnalysis(versionId);
  if (analysis.isPending) return <PageLoader />;
  if (analysis.error)
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('analysis.title')}
        </Title>
        <Alert color="red">{errorMessage(t, analysis.error)}</Alert>
      </Stack>
    );
  const a = analysis.data;
  const credits = a.balance.credits;
  const total = credits.knowledge + credits.skill + credits.competence + credits.unmapped;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2" data-testid="analysis-title">
          {t('analysis.title')}: {a.version.programme.code} {localized(a.version.programme.name, locale)}
        </Title>
        <Group gap="xs">
          <Text c="dimmed">
            {t('analysis.version', { number: a.version.number, year: a.version.startYear })}
          </Text>
          <Badge variant="light">{t(`analysis.status.${a.version.status}`)}</Badge>
          <Text c="dimmed" size="sm">
            {t('analysis.size', {
              disciplines: a.rows.filter((r) => r.discipline).length,
              competencies: a.columns.length,
              credits: formatNumber(total, locale),
            })}
          </Text>
        </Group>
      </div>
      <Group align="stretch" grow wrap="wrap">
        <Card withBorder padding="md" miw={320}>
          <Title order={2} size="h4" mb="xs">
            {t('analysis.balance')}
          </Title>
          <BalanceBars balance={a.balance} years={a.years} />
        </Card>
        <GapsCard analysis={a} />
      </Group>
      <Card withBorder padding="md">
        <Title order={2} size="h4" mb="xs">
          {t('analysis.matrix')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('analysis.matrixHelp')}
        </Text>
        <CompetencyMatrix analysis={a} />
      </Card>
    </Stack>
  );
}
