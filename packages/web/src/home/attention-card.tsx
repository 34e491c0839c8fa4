import type { Agreement, Obligation, Page } from '@kadr/contracts';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverdueObligations } from '../api/agreements';
import { useExpiringAgreements } from '../api/material';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { currentLocale, localized } from '../i18n';

/** How many of each list the card shows; the link opens the whole list. */
const SHOWN = 5;

/** One list of the card: its title, up to {@link SHOWN} rows and a link to all of them. */
function AttentionList<T>(props: {
  title: string;
  testId: string;
  query: UseQueryResult<Page<T>>;
  view: 'expiring' | 'overdue';
  row: (item: T) => { key: number; agreementId: number; label: ReactNode; date: string };
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const page = props.query.data;
  return (
    <Stack gap={6} data-testid={props.testId}>
      <Group justify="space-between" align="baseline">
        <Text fw={600}>
          {props.title}: {page ? page.total : '…'}
        </Text>
        {page && page.total > 0 ? (
          <Link to="/agreements" search={{ view: props.view }} className="table-link">
            {t('home.attentionAll')}
          </Link>
        ) : null}
      </Group>
      {props.query.error ? <Text c="red">{errorMessage(t, props.query.error)}</Text> : null}
      {page?.total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.attentionNone')}
        </Text>
      ) : null}
      {page?.items.slice(0, SHOWN).map((item) => {
        const r = props.row(item);
        return (
          <Group key={r.key} gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" lineClamp={1}>
              <Link
                to="/agreements/$agreementId"
                params={{ agreementId: String(r.agreementId) }}
                className="table-link"
              >
                {r.label}
              </Link>
            </Text>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(r.date, locale)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/**
 * Renewal reminders and overdue obligations on the home page of the roles that follow agreements:
 * agreements expiring within 90 days and obligations past their due date, each with a link to the list.
 */
export function AttentionCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const expiring = useExpiringAgreements({ pageSize: SHOWN, sort: 'validUntil' });
  const overdue = useOverdueObligations({ pageSize: SHOWN, sort: 'dueOn' });
  return (
    <Card withBorder padding="lg" data-testid="attention-card">
      <Title order={2} size="h4" mb="sm">
        {t('home.attention')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <AttentionList<Agreement>
          title={t('home.attentionExpiring')}
          testId="attention-expiring"
          query={expiring}
          view="expiring"
          row={(a) => ({
            key: a.id,
            agreementId: a.id,
            label: `${a.number} · ${localized(a.title, locale)}`,
            date: a.validUntil ?? '',
          })}
        />
        <AttentionList<Obligation>
          title={t('home.attentionOverdue')}
          testId="attention-overdue"
          query={overdue}
          view="overdue"
          row={(o) => ({
            key: o.id,
            agreementId: o.agreementId,
            label: `${o.agreementNumber} · ${localized(o.title, locale)}`,
            date: o.dueOn,
          })}
        />
      </SimpleGrid>
    </Card>
  );
}
