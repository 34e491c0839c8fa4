import type { JournalEntry } from '@kadr/contracts';
import {
  Alert,
  Box,
  Button,
  Card,
  Container,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useMentorLink, useSubmitMentorLink } from '../api/practice';
import { LanguageSwitch } from '../app/language-switch';
import { PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate, formatDateTime } from '../components/format';
import { currentLocale, localized } from '../i18n';
import { AssessmentFields, assessmentsOf, JournalTable } from './journal-page';

type Decision = 'none' | 'approve' | 'return';

/** A used, expired or unknown link, said plainly. */
function LinkProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : '';
  const text =
    code === 'LINK_USED'
      ? t('errors.LINK_USED')
      : code === 'LINK_EXPIRED'
        ? t('errors.LINK_EXPIRED')
        : code === 'NOT_FOUND' || code === 'VALIDATION_FAILED'
          ? t('practice.linkUnknown')
          : errorMessage(t, error);
  return (
    <Alert color="orange" title={t('practice.linkProblemTitle')} data-testid="mentor-link-problem">
      {text}
    </Alert>
  );
}

/** The frame of the public page: a header with the language switch and the main landmark. */
function Frame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={700} size="xl" c="blue.9">
            Kadr
          </Text>
          <LanguageSwitch size="sm" />
        </Group>
      </Box>
      <Container size="lg" component="main" id="main" py="md">
        <Stack>
          <Title order={1}>{t('practice.mentorTitle')}</Title>
          {children}
        </Stack>
      </Container>
    </Box>
  );
}

/** A mentor without an account reviews the journal and assesses the practice through a single-use link. */
export function MentorLinkPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { token } = useParams({ strict: false }) as { token?: string };
  const view = useMentorLink(token ?? '');
  const submit = useSubmitMentorLink(token ?? '');
  const [name, setName] = useState<string | null>(null);
  const [decisions, setDecisions] = useState<Record<number, { decision: Decision; comment: string }>>({});
  const [values, setValues] = useState<Record<number, { level: string | null; comment: string }>>({});

  if (submit.isSuccess)
    return (
      <Frame>
        <Alert color="green" data-testid="mentor-link-done">
          {t('practice.linkDone', { reviewed: submit.data.reviewed, assessed: submit.data.assessed })}
        </Alert>
      </Frame>
    );
  if (view.error)
    return (
      <Frame>
        <LinkProblem error={view.error} />
      </Frame>
    );
  if (!view.data) return <PageLoader />;
  const v = view.data;
  const assessor = name ?? v.mentorName;
  const reviews = Object.entries(decisions)
    .filter(([, d]) => d.decision !== 'none')
    .map(([id, d]) => ({
      entryId: Number(id),
      decision: d.decision as 'approve' | 'return',
      comment: d.comment,
    }));

  const reviewOf = (e: JournalEntry) => {
    if (e.status !== 'submitted') return null;
    const d = decisions[e.id] ?? { decision: 'none' as Decision, comment: '' };
    const set = (next: Partial<typeof d>) => setDecisions((all) => ({ ...all, [e.id]: { ...d, ...next } }));
    return (
      <Stack gap={4}>
        <fieldset className="bare-fieldset">
          <legend className="visually-hidden-caption">
            {t('practice.decisionFor', { date: formatDate(e.entryDate, locale) })}
          </legend>
          <SegmentedControl
            size="xs"
            value={d.decision}
            onChange={(value) => set({ decision: value as Decision })}
            data={[
              { value: 'none', label: t('practice.later') },
              { value: 'approve', label: t('practice.approve') },
              { value: 'return', label: t('practice.return') },
            ]}
          />
        </fieldset>
        {d.decision === 'return' ? (
          <TextInput
            size="xs"
            label={t('practice.reviewComment')}
            required
            value={d.comment}
            onChange={(ev) => set({ comment: ev.currentTarget.value })}
          />
        ) : null}
      </Stack>
    );
  };

  return (
    <Frame>
      <Card withBorder>
        <Text fw={600}>{v.studentName}</Text>
        <Text size="sm">
          {localized(v.offer.organisationName, locale)} · {localized(v.offer.title, locale)}
        </Text>
        <Text size="sm">
          {t('practice.period')}: {formatDate(v.offer.startsOn, locale)} —{' '}
          {formatDate(v.offer.endsOn, locale)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('practice.linkValidUntil', { date: formatDateTime(v.expiresAt, locale) })}
        </Text>
      </Card>
      <Alert color="blue">{t('practice.linkOnce')}</Alert>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit.mutate({ assessorName: assessor, reviews, assessments: assessmentsOf(values) });
        }}
      >
        <Stack>
          <TextInput
            label={t('practice.yourName')}
            required
            value={assessor}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Title order={2} size="h3">
            {t('practice.journal')}
          </Title>
          <JournalTable entries={v.journal} review={reviewOf} />
          <Title order={2} size="h3">
            {t('practice.assessment')}
          </Title>
          <AssessmentFields
            competencies={v.competencies}
            values={values}
            onChange={(id, value) => setValues((all) => ({ ...all, [id]: value }))}
          />
          {submit.error ? (
            submit.error instanceof ApiError && ['LINK_USED', 'LINK_EXPIRED'].includes(submit.error.code) ? (
              <LinkProblem error={submit.error} />
            ) : (
              <Alert color="red" role="alert">
                {errorMessage(t, submit.error)}
              </Alert>
            )
          ) : null}
          <Group>
            <Button
              type="submit"
              loading={submit.isPending}
              disabled={reviews.length === 0 && assessmentsOf(values).length === 0}
              data-testid="mentor-link-submit"
            >
              {t('practice.sendOnce')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Frame>
  );
}
