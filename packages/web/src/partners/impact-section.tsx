import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useImpactReport } from '../api/material';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatNumber, formatTenge } from '../components/number-format';
import { currentLocale } from '../i18n';

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
            <Button
              component="a"
              href={`${base}.pdf?lang=${locale}`}
              download
              variant="light"
              leftSection={<IconFileTypePdf size={16} aria-hidden="true" />}
              data-testid="impact-pdf"
            >
              {t('impact.downloadPdf')}
            </Button>
            <Button
              component="a"
              href={`${base}.xlsx?lang=${locale}`}
              download
              variant="light"
              color="green"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
              data-testid="impact-xlsx"
            >
              {t('impact.downloadXlsx')}
            </Button>
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
          </>
        ) : null}
      </Stack>
    </Card>
  );
}
