import type { ImpactReport } from '@kadr/contracts';
import { Alert, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImpactReport } from '../api/material';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatNumber, formatPercent, formatTenge } from '../components/number-format';
import { currentLocale } from '../i18n';
import { DownloadButton } from '../components/download-button';

/** One figure of the impact summary. */
function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="md" style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Card>
  );
}

/** The competencies trained on the partner's assets: one row each, most student-hours first. */
function CompetenciesTable({ competencies }: { competencies: ImpactReport['competencies'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const number = (value: number) => formatNumber(value, locale, { maximumFractionDigits: 1 });
  return (
    <Stack gap="xs" data-testid="impact-competencies">
      <Title order={3} size="h4">
        {t('impact.competencies')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('impact.competenciesAbout')}
      </Text>
      {competencies.items.length === 0 ? (
        <Text size="sm">{t('impact.competenciesNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <caption className="visually-hidden-caption">{t('impact.competencies')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('impact.competency')}</Table.Th>
                <Table.Th scope="col">{t('impact.competencyType')}</Table.Th>
                <Table.Th scope="col">{t('impact.levelTrained')}</Table.Th>
                <Table.Th scope="col">{t('impact.disciplines')}</Table.Th>
                <Table.Th scope="col">{t('impact.sessions')}</Table.Th>
                <Table.Th scope="col">{t('impact.studentHours')}</Table.Th>
                <Table.Th scope="col">{t('impact.attributedStudentHours')}</Table.Th>
                <Table.Th scope="col">{t('impact.shareOfHours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {competencies.items.map((c) => (
                <Table.Tr key={c.competencyId}>
                  <Table.Th scope="row" fw={400}>
                    {c.frameworkCode} {c.code} {c.name[locale] || c.name.en || c.name.ru || c.name.kk}
                  </Table.Th>
                  <Table.Td>{t(`competencies.types.${c.type}`)}</Table.Td>
                  <Table.Td>{c.targetLevel}</Table.Td>
                  <Table.Td>{number(c.disciplines)}</Table.Td>
                  <Table.Td>{number(c.sessions)}</Table.Td>
                  <Table.Td>{number(c.studentHours)}</Table.Td>
                  <Table.Td>{number(c.attributedStudentHours)}</Table.Td>
                  <Table.Td>{formatPercent(c.share, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** "Your money trained N students for H hours": the impact figures and PDF/XLSX downloads in the interface language. */
export function ImpactSection({ partnerId }: { partnerId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const report = useImpactReport(partnerId, locale);
  const number = (value: number) => formatNumber(value, locale, { maximumFractionDigits: 1 });
  const base = `/api/partners/${partnerId}/impact`;
  return (
    <Card withBorder padding="md" data-testid="impact-section">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('impact.title')}
          </Title>
          <Group gap="xs">
            <DownloadButton href={`${base}.pdf?lang=${locale}`} format="pdf" testId="impact-pdf">
              {t('impact.downloadPdf')}
            </DownloadButton>
            <DownloadButton href={`${base}.xlsx?lang=${locale}`} format="xlsx" testId="impact-xlsx">
              {t('impact.downloadXlsx')}
            </DownloadButton>
          </Group>
        </Group>
        {report.error ? <Alert color="red">{errorMessage(t, report.error)}</Alert> : null}
        {report.isPending ? <PageLoader /> : null}
        {report.data ? (
          <>
            <Text size="sm">
              {t('impact.headline', {
                students: number(report.data.summary.distinctStudents),
                hours: number(report.data.summary.studentHours),
              })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
              <Figure
                label={t('impact.invested')}
                value={formatTenge(report.data.summary.investedTiyn, locale)}
              />
              <Figure label={t('impact.labs')} value={number(report.data.summary.labs)} />
              <Figure label={t('impact.equipment')} value={number(report.data.summary.equipment)} />
              <Figure label={t('impact.sessions')} value={number(report.data.summary.sessions)} />
              <Figure label={t('impact.hoursUsed')} value={number(report.data.summary.hoursUsed)} />
              <Figure label={t('impact.studentHours')} value={number(report.data.summary.studentHours)} />
              <Figure
                label={t('impact.attributedStudentHours')}
                value={number(report.data.summary.attributedStudentHours)}
              />
              <Figure label={t('impact.students')} value={number(report.data.summary.distinctStudents)} />
              <Figure label={t('impact.disciplines')} value={number(report.data.summary.disciplines)} />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('impact.period', {
                from: formatDate(report.data.period.from, locale),
                to: formatDate(report.data.period.to, locale),
              })}
            </Text>
            <CompetenciesTable competencies={report.data.competencies} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
