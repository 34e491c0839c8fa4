import { Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllocationRounds, useRoundResults } from '../api/allocation';
import { formatNumber } from '../components/number-format';
import { SimpleTable } from '../components/simple-table';
import { currentLocale, localized } from '../i18n';

/** Who was placed at each offer of a published round (a partner: its own offers, only what students shared). */
export function RoundResultsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const rounds = useAllocationRounds();
  const published = (rounds.data ?? []).filter((r) => r.status === 'published' || r.status === 'archived');
  const [selected, setSelected] = useState<string | null>(null);
  const roundId = selected === null ? published[0]?.id : Number(selected);
  const results = useRoundResults(roundId);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('allocation.resultsTitle')}
      </Title>
      <Text c="dimmed">{t('allocation.resultsAbout')}</Text>
      <Select
        label={t('allocation.round')}
        data={published.map((r) => ({ value: String(r.id), label: localized(r.name, locale) }))}
        value={roundId === undefined ? null : String(roundId)}
        onChange={setSelected}
        allowDeselect={false}
        maw={480}
      />
      {rounds.data && published.length === 0 ? <Text>{t('allocation.noPublished')}</Text> : null}
      {(results.data?.offers ?? []).map((offer) => (
        <Stack key={offer.offerId} gap="xs" component="section" aria-labelledby={`offer-${offer.offerId}`}>
          <Title order={2} size="h4" id={`offer-${offer.offerId}`}>
            {localized(offer.title, locale)} ({formatNumber(offer.placements.length, locale)} /{' '}
            {formatNumber(offer.seats, locale)})
          </Title>
          <SimpleTable
            caption={localized(offer.title, locale)}
            rowKey={(p) => p.id}
            rows={offer.placements}
            columns={[
              {
                key: 'name',
                header: t('allocation.student'),
                render: (p) => p.fullName ?? t('allocation.notShared'),
              },
              { key: 'email', header: t('allocation.email'), render: (p) => p.email ?? '—' },
              {
                key: 'choice',
                header: t('allocation.choice'),
                render: (p) => (p.choiceRank === null ? '—' : formatNumber(p.choiceRank, locale)),
              },
              {
                key: 'status',
                header: t('allocation.status'),
                render: (p) => t(`allocation.placementStatuses.${p.status}`),
              },
            ]}
          />
        </Stack>
      ))}
    </Stack>
  );
}
