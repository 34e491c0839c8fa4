import type { RoundOffer } from '@kadr/contracts';
import { Alert, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { useMyRanking, useSaveRanking } from '../api/placements';
import { errorWithReason } from '../components/error-text';
import { formatDate, formatDateTime } from '../components/format';
import { fieldErrors } from '../components/issue-text';
import { TimeZoneNote } from '../components/time-zone-note';
import { currentLocale, localized } from '../i18n';
import { OfferTerms } from './offer-terms';
import { RankedList } from './ranked-list';

/** The line under an offer: partner, practice type, period, places. */
export function OfferLine({ offer }: { offer: RoundOffer['offer'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      {offer.organisationShortName} · {t(`practiceTypes.${offer.practiceType}`)} ·{' '}
      {formatDate(offer.startsOn, locale)} – {formatDate(offer.endsOn, locale)}
      {offer.region ? ` · ${t(`demand.regions.${offer.region}`)}` : ''}
    </>
  );
}

/**
 * The student's ranking of a round's offers: the offers open to them (each with its place and prerequisites in
 * the reader's language), their ranking in order (drag an entry, or
 * move it with its buttons from the keyboard; each move is announced), saved while the round is open. The page says
 * plainly that ranking in their true order of preference is safe.
 */
export function RankingPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { roundId } = useParams({ strict: false }) as { roundId: string };
  const id = Number(roundId);
  const query = useMyRanking(id);
  const save = useSaveRanking(id);
  const [ranking, setRanking] = useState<number[]>([]);
  const [dirty, setDirty] = useState(false);
  const [added, setAdded] = useState<{ id: number; at: number } | null>(null);

  useEffect(() => {
    if (query.data && !dirty) setRanking(query.data.ranking);
  }, [query.data, dirty]);

  if (query.error) return <Alert color="red">{errorWithReason(t, query.error)}</Alert>;
  if (!query.data) return <PageLoader />;
  const { round, offers, editable } = query.data;
  const byId = new Map(offers.map((o) => [o.offer.id, o]));
  const title = (o: RoundOffer) => localized(o.offer.title, locale);
  const full = ranking.length >= round.maxChoices;
  const rest = offers.filter((o) => !ranking.includes(o.offer.id));
  const issues = fieldErrors(t, save.error);

  const change = (ids: number[]) => {
    setRanking(ids);
    setDirty(true);
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('ranking.title', { round: localized(round.name, locale) })}
      </Title>
      <Alert
        icon={<IconInfoCircle aria-hidden="true" />}
        color="blue"
        title={t('ranking.safeTitle')}
        data-testid="ranking-safe"
      >
        {t('ranking.safe')}
      </Alert>
      <Text size="sm">
        {editable
          ? t('ranking.until', { date: formatDateTime(round.rankingClosesAt, locale), max: round.maxChoices })
          : t('ranking.closed')}{' '}
        <TimeZoneNote />
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('ranking.mine', { n: ranking.length, max: round.maxChoices })}
              </Title>
              {editable ? (
                <Text size="sm" c="dimmed">
                  {t('ranking.howTo')}
                </Text>
              ) : null}
              <RankedList
                testId="my-ranking"
                label={t('ranking.mineLabel')}
                editable={editable}
                onChange={change}
                added={added}
                items={ranking
                  .filter((offerId) => byId.has(offerId))
                  .map((offerId) => {
                    const o = byId.get(offerId)!;
                    return {
                      id: offerId,
                      label: title(o),
                      detail: (
                        <>
                          <OfferLine offer={o.offer} />
                          <OfferTerms offer={o.offer} />
                        </>
                      ),
                    };
                  })}
              />
              {Object.values(issues).map((message) => (
                <Text key={message} c="red" size="sm" role="alert">
                  {message}
                </Text>
              ))}
              {save.error && Object.keys(issues).length === 0 ? (
                <Text c="red" size="sm" role="alert">
                  {errorWithReason(t, save.error)}
                </Text>
              ) : null}
              {editable ? (
                <Group>
                  <Button
                    data-testid="save-ranking"
                    loading={save.isPending}
                    disabled={!dirty}
                    onClick={() =>
                      save.mutate(ranking, {
                        onSuccess: () => {
                          setDirty(false);
                          notifications.show({ color: 'green', message: t('ranking.saved') });
                        },
                      })
                    }
                  >
                    {t('ranking.save')}
                  </Button>
                  {dirty ? (
                    <Text size="sm" c="dimmed">
                      {t('ranking.unsaved')}
                    </Text>
                  ) : null}
                </Group>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('ranking.available', { n: rest.length })}
              </Title>
              {rest.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('ranking.noMore')}
                </Text>
              ) : (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="available-offers">
                  {rest.map((o) => (
                    <li key={o.offer.id} style={{ marginBottom: 6 }}>
                      <Paper withBorder p="xs">
                        <Group justify="space-between" wrap="nowrap">
                          <Stack gap={0}>
                            <Text fw={500}>{title(o)}</Text>
                            <Text size="sm" c="dimmed" component="div">
                              <OfferLine offer={o.offer} /> · {t('ranking.seats', { n: o.seats })}
                            </Text>
                            <OfferTerms offer={o.offer} />
                          </Stack>
                          {editable ? (
                            <Button
                              size="xs"
                              variant="light"
                              leftSection={<IconPlus size={14} aria-hidden="true" />}
                              disabled={full}
                              aria-label={t('ranking.addLabel', { title: title(o) })}
                              data-testid={`add-${o.offer.id}`}
                              onClick={() => {
                                change([...ranking, o.offer.id]);
                                setAdded((last) => ({ id: o.offer.id, at: (last?.at ?? 0) + 1 }));
                              }}
                            >
                              {t('ranking.add')}
                            </Button>
                          ) : null}
                        </Group>
                      </Paper>
                    </li>
                  ))}
                </ul>
              )}
              {full && editable ? (
                <Text size="sm" c="dimmed">
                  {t('ranking.full', { max: round.maxChoices })}
                </Text>
              ) : null}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
