import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInvestmentAggregates } from '../api/material';
import { InvestmentCharts } from './investment-charts';

/** Investment totals by source, year and priority area for observers: no per-partner data. */
export function AggregatesPage() {
  const { t } = useTranslation();
  const aggregates = useInvestmentAggregates();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('aggregates.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('aggregates.about')}
      </Text>
      <InvestmentCharts data={aggregates.data} error={aggregates.error} />
    </Stack>
  );
}
