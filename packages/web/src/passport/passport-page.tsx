import type { Passport, PassportCompetency, PassportEvidence } from '@kadr/contracts';
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { usePassport } from '../api/passport';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatNumber } from '../components/number-format';
import { currentLocale, localized } from '../i18n';
import { DownloadButton } from '../components/download-button';

const PROGRESS_COLOR = { reached: 'green', 'in-progress': 'yellow', 'not-started': 'gray' } as const;

/** The signed-in student's own passport, at `/passport`. */
export function MyPassportPage() {
  return <PassportView studentId="me" />;
}

/** A student's passport for staff and consenting partners, at `/students/:studentId/passport`. */
export function StudentPassportPage() {
  const { studentId } = useParams({ strict: false }) as { studentId?: string };
  return <PassportView studentId={Number(studentId)} />;
}

/** One line about a piece of evidence: what, when, how it was graded and the level it shows. */
function evidenceLine(piece: PassportEvidence, t: TFunction, locale: ReturnType<typeof currentLocale>) {
  const what = piece.discipline
    ? `${piece.discipline.code} ${localized(piece.discipline.name, locale)}`
    : piece.title;
  const details = [
    piece.points !== null
      ? t('passport.grade', { letter: piece.letter, points: piece.points, attempt: piece.attempt })
      : '',
    piece.hours !== null ? t('passport.hours', { hours: formatNumber(piece.hours, locale) }) : '',
    piece.assessor,
  ].filter(Boolean);
  return `${t(`passport.kinds.${piece.kind}`)} · ${formatDate(piece.date, locale)} · ${what}${details.length ? ` · ${details.join(', ')}` : ''}`;
}

function CompetencyRow({ c }: { c: PassportCompetency }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Table.Tr data-testid="passport-competency">
      <Table.Td style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>{c.competency.code}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text fw={600} size="sm">
          {localized(c.competency.name, locale)}
        </Text>
        <Badge variant="outline" size="xs">
          {t(`passport.types.${c.competency.type}`)}
        </Badge>
        {c.evidence.length === 0 ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('passport.noEvidence')}
          </Text>
        ) : (
          <ul style={{ margin: '4px 0 0', paddingLeft: 16 }}>
            {c.evidence.map((piece) => (
              <li
                key={`${piece.kind}-${piece.discipline?.id ?? piece.ref}-${piece.bookingId ?? ''}-${piece.date}`}
              >
                <Text size="xs" c={piece.counts ? undefined : 'dimmed'}>
                  {evidenceLine(piece, t, locale)}
                  {piece.counts
                    ? ` → ${t('passport.levelShort', { level: piece.level })}`
                    : ` (${t('passport.notCounted')})`}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {c.planned.length > 0 ? (
          <Text size="xs" c="dimmed">
            {t('passport.planned')}: {c.planned.map((d) => d.code).join(', ')}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top', textAlign: 'center' }}>{c.targetLevel}</Table.Td>
      <Table.Td style={{ verticalAlign: 'top', textAlign: 'center' }}>
        <Text fw={700}>{c.level}</Text>
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Badge color={PROGRESS_COLOR[c.progress]} variant="light">
          {t(`passport.progress.${c.progress}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Card>
  );
}

function PassportBody({ passport, base }: { passport: Passport; base: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { summary, version } = passport;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" data-testid="passport-title">
            {t('passport.title')}: {passport.student.fullName}
          </Title>
          <Text c="dimmed">
            {version.programme.code} {localized(version.programme.name, locale)} ·{' '}
            {t('passport.version', { number: version.number })} ·{' '}
            {t('passport.admitted', { year: passport.enrolment.admissionYear })}
          </Text>
        </div>
        <Group gap="xs">
          <DownloadButton href={`${base}.pdf?lang=${locale}`} format="pdf" testId="passport-pdf">
            {t('passport.downloadPdf')}
          </DownloadButton>
          <DownloadButton href={`${base}.json`} format="json" testId="passport-json">
            {t('passport.downloadJson')}
          </DownloadButton>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('passport.reached')} value={`${summary.reached} / ${summary.promised}`} />
        <Figure label={t('passport.inProgress')} value={String(summary.inProgress)} />
        <Figure label={t('passport.evidenceCount')} value={String(summary.evidenceCount)} />
        <Figure
          label="GPA"
          value={formatNumber(passport.gpa, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('passport.rule')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('passport.code')}</Table.Th>
              <Table.Th>{t('passport.competency')}</Table.Th>
              <Table.Th>{t('passport.target')}</Table.Th>
              <Table.Th>{t('passport.level')}</Table.Th>
              <Table.Th>{t('passport.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {passport.competencies.map((c) => (
              <CompetencyRow key={c.competency.id} c={c} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A passport: the summary, downloads (PDF in the interface language, open JSON) and every competency with its evidence. */
export function PassportView({ studentId }: { studentId: number | 'me' }) {
  const { t } = useTranslation();
  const passport = usePassport(studentId);
  if (passport.isPending) return <PageLoader />;
  if (passport.error)
    return (
      <Stack maw={1100}>
        <Title order={1} size="h2">
          {t('passport.title')}
        </Title>
        <Alert color="red">{errorMessage(t, passport.error)}</Alert>
      </Stack>
    );
  return (
    <div style={{ maxWidth: 1100 }}>
      <PassportBody passport={passport.data} base={`/api/students/${passport.data.student.id}/passport`} />
    </div>
  );
}
