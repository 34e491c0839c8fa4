import type { Applicant, OfferScoring } from '@kadr/contracts';
import { OFFER_SCORINGS } from '@kadr/contracts/vocabularies';
import { Alert, Button, Group, NumberInput, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { useApplicantMutations, useApplicants } from '../api/placements';
import { errorWithReason } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { fieldErrors } from '../components/issue-text';
import { formatNumber } from '../components/number-format';
import { type SimpleColumn, SimpleTable } from '../components/simple-table';
import { currentLocale, localized } from '../i18n';
import { OfferTerms } from './offer-terms';
import { RankedList } from './ranked-list';

/**
 * The students who chose a partner's offer in a round, each shown only as far as they consented to share with the
 * partner (the offer's place and prerequisites under its title, in the reader's language); the partner picks a scoring policy (GPA, competency fit, a mix with its weight) or ranks them explicitly
 * (drag, or the move buttons from the keyboard) until the partners' deadline.
 */
export function ApplicantsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { roundId, offerId } = useParams({ strict: false }) as { roundId: string; offerId: string };
  const query = useApplicants(Number(roundId), Number(offerId));
  const { rank, scoring } = useApplicantMutations(Number(roundId), Number(offerId));
  const [policy, setPolicy] = useState<OfferScoring>('gpa');
  const [weight, setWeight] = useState<number | ''>(0.5);
  const [order, setOrder] = useState<number[]>([]);

  useEffect(() => {
    if (!query.data) return;
    setPolicy(query.data.roundOffer.scoring);
    setWeight(query.data.roundOffer.gpaWeight ?? 0.5);
    // The server lists the applicants in the order the engine ranks them (the partner's or the policy's).
    setOrder(query.data.applicants.map((a) => a.studentId));
  }, [query.data]);

  if (query.error) return <Alert color="red">{errorWithReason(t, query.error)}</Alert>;
  if (!query.data) return <PageLoader />;
  const { round, roundOffer, applicants, editable } = query.data;
  const byId = new Map(applicants.map((a) => [a.studentId, a]));
  const nameOf = (a: Applicant) => a.fullName ?? t('applicants.hidden', { id: a.studentId });
  const number = (v: number | null, digits = 2) =>
    v === null
      ? t('applicants.notShared')
      : formatNumber(v, locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const scoringErrors = fieldErrors(t, scoring.error);

  const columns: SimpleColumn<Applicant>[] = [
    { key: 'name', header: t('applicants.student'), render: nameOf },
    { key: 'choice', header: t('applicants.choice'), render: (a) => a.choice },
    {
      key: 'programme',
      header: t('applicants.programme'),
      render: (a) =>
        a.programmeCode
          ? `${a.programmeCode} · ${t('applicants.year', { year: a.year })}`
          : t('applicants.notShared'),
    },
    { key: 'gpa', header: t('applicants.gpa'), render: (a) => number(a.gpa) },
    { key: 'fit', header: t('applicants.fit'), render: (a) => number(a.fit) },
    { key: 'score', header: t('applicants.score'), render: (a) => number(a.score, 3) },
    { key: 'rank', header: t('applicants.rank'), render: (a) => a.rank ?? '—' },
    { key: 'position', header: t('applicants.position'), render: (a) => a.position ?? '—' },
    {
      key: 'scopes',
      header: t('applicants.shared'),
      render: (a) =>
        a.scopes.length
          ? a.scopes.map((s) => t(`consentScopes.${s}`)).join(', ')
          : t('applicants.nothingShared'),
    },
  ];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('applicants.title', { offer: localized(roundOffer.offer.title, locale) })}
      </Title>
      <OfferTerms offer={roundOffer.offer} />
      <Text size="sm">
        {localized(round.name, locale)} · {t('applicants.seats', { n: roundOffer.seats })} ·{' '}
        {editable
          ? t('applicants.until', { date: formatDateTime(round.partnerRankingClosesAt, locale) })
          : t('applicants.closed')}
      </Text>
      <Alert icon={<IconLock aria-hidden="true" />} color="gray">
        {t('applicants.consentNote')}
      </Alert>
      <SimpleTable
        testId="applicants-table"
        caption={t('applicants.tableCaption')}
        columns={columns}
        rows={applicants}
        rowKey={(a) => a.studentId}
      />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('applicants.scoringTitle')}
          </Title>
          <Group align="flex-end">
            <Select
              label={t('applicants.scoring')}
              data={OFFER_SCORINGS.filter((s) => s !== 'explicit').map((s) => ({
                value: s,
                label: t(`scorings.${s}`),
              }))}
              value={policy === 'explicit' ? null : policy}
              placeholder={t('scorings.explicit')}
              onChange={(v) => v && setPolicy(v as OfferScoring)}
              disabled={!editable}
              allowDeselect={false}
              w={240}
              data-testid="scoring-select"
            />
            {policy === 'mix' ? (
              <NumberInput
                label={t('applicants.gpaWeight')}
                description={t('applicants.gpaWeightHint')}
                min={0}
                max={1}
                step={0.05}
                decimalScale={2}
                value={weight}
                onChange={(v) => setWeight(typeof v === 'number' ? v : '')}
                error={scoringErrors.gpaWeight}
                disabled={!editable}
                w={200}
              />
            ) : null}
            <Button
              disabled={!editable || policy === 'explicit'}
              loading={scoring.isPending}
              data-testid="save-scoring"
              onClick={() =>
                scoring.mutate(
                  { scoring: policy, gpaWeight: policy === 'mix' ? (weight === '' ? null : weight) : null },
                  {
                    onSuccess: () =>
                      notifications.show({ color: 'green', message: t('applicants.scoringSaved') }),
                  },
                )
              }
            >
              {t('applicants.useScoring')}
            </Button>
          </Group>
          {scoring.error && !scoringErrors.gpaWeight ? (
            <Text c="red" size="sm" role="alert">
              {errorWithReason(t, scoring.error)}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('applicants.explicitTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('applicants.explicitHint')}
          </Text>
          <RankedList
            testId="partner-ranking"
            label={t('applicants.explicitTitle')}
            editable={editable}
            onChange={setOrder}
            items={order.filter((id) => byId.has(id)).map((id) => ({ id, label: nameOf(byId.get(id)!) }))}
          />
          {rank.error ? (
            <Text c="red" size="sm" role="alert">
              {errorWithReason(t, rank.error)}
            </Text>
          ) : null}
          <Group>
            <Button
              disabled={!editable || order.length === 0}
              loading={rank.isPending}
              data-testid="save-partner-ranking"
              onClick={() =>
                rank.mutate(order, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('applicants.rankingSaved') }),
                })
              }
            >
              {t('applicants.saveRanking')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
