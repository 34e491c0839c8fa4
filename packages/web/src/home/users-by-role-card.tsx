import { ROLES } from '../api/vocabulary';
import { Card, Text, Title } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page, User } from '@kadr/contracts';
import { apiFetch } from '../api/client';
import { PageLoader } from '../app/status-pages';

const BarChart = lazy(() => import('../charts/bar-chart'));

/** Admin home card: how many users each role has (one count query per role), as a bar chart. */
export default function UsersByRoleCard() {
  const { t, i18n } = useTranslation();
  const results = useQueries({
    queries: ROLES.map((role) => ({
      queryKey: ['users', { role, pageSize: 1 }],
      queryFn: () => apiFetch<Page<User>>('/api/users', { query: { role, pageSize: 1 } }),
    })),
  });
  const ready = results.every((r) => r.data);
  // A string key keeps the chart from re-rendering when the query objects change but the counts do not.
  const totalsKey = results.map((r) => r.data?.total ?? 0).join(',');
  const values = useMemo(() => totalsKey.split(',').map(Number), [totalsKey]);
  const language = i18n.resolvedLanguage;
  const labels = useMemo(() => (language ? ROLES.map((role) => t(`roles.${role}`)) : []), [t, language]);
  const failed = results.find((r) => r.error);

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4">
        {t('home.usersByRole')}
      </Title>
      {failed ? <Text c="red.8">{t('errors.UNKNOWN')}</Text> : null}
      {ready ? (
        <Suspense fallback={<PageLoader />}>
          <BarChart
            labels={labels}
            values={values}
            ariaLabel={labels.map((label, i) => `${label}: ${values[i]}`).join(', ')}
          />
        </Suspense>
      ) : (
        <PageLoader />
      )}
    </Card>
  );
}
