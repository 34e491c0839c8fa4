import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMyPlacementResults, useRespondToPlacement } from '../api/allocation';
import { errorMessage } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { TimeZoneNote } from '../components/time-zone-note';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';

/** The student's placement results: the place offered, why (in plain words), accept or decline by the deadline. */
export function MyPlacementResultsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const results = useMyPlacementResults(locale);
  const respond = useRespondToPlacement();
  const confirm = useConfirmAction();

  const ask = (id: number, decision: 'accept' | 'decline', title: string) =>
    confirm.ask({
      title: t(`allocation.${decision}Title`),
      message: t(`allocation.${decision}Message`, { title }),
      confirmLabel: t(`allocation.${decision}`),
      color: decision === 'accept' ? 'green' : 'red',
      run: () => respond.mutateAsync({ id, decision }),
      done: t(`allocation.${decision}Done`),
    });

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('allocation.myTitle')}
      </Title>
      {results.error ? <Alert color="red">{errorMessage(t, results.error)}</Alert> : null}
      {results.data && results.data.length === 0 ? <Text>{t('allocation.noResults')}</Text> : null}
      {(results.data ?? []).map((r) => (
        <Card key={r.roundId} withBorder component="section" aria-labelledby={`round-${r.roundId}`}>
          <Stack gap="sm">
            <Title order={2} size="h3" id={`round-${r.roundId}`}>
              {localized(r.roundName, locale)}
            </Title>
            {r.placement ? (
              <Group gap="sm">
                <Text fw={600}>
                  {localized(r.placement.offerTitle, locale)} ·{' '}
                  {localized(r.placement.organisationName, locale)}
                </Text>
                <Badge variant="light">{t(`allocation.placementStatuses.${r.placement.status}`)}</Badge>
              </Group>
            ) : (
              <Text fw={600}>{t('allocation.noPlace')}</Text>
            )}
            <List spacing={4} data-testid="explanation">
              {r.explanation.map((sentence) => (
                <List.Item key={sentence}>{sentence}</List.Item>
              ))}
            </List>
            {r.placement?.canRespond ? (
              <>
                <Text size="sm">
                  {t('allocation.respondBy', { at: formatDateTime(r.placement.respondBy, locale) })}
                </Text>
                <TimeZoneNote />
                <Group>
                  <Button
                    color="green"
                    onClick={() => ask(r.placement!.id, 'accept', localized(r.placement!.offerTitle, locale))}
                  >
                    {t('allocation.accept')}
                  </Button>
                  <Button
                    color="red"
                    variant="outline"
                    onClick={() =>
                      ask(r.placement!.id, 'decline', localized(r.placement!.offerTitle, locale))
                    }
                  >
                    {t('allocation.decline')}
                  </Button>
                </Group>
              </>
            ) : r.placement?.status === 'offered' ? (
              <Alert color="yellow">{t('allocation.responseClosed')}</Alert>
            ) : null}
          </Stack>
        </Card>
      ))}
      {confirm.dialog}
    </Stack>
  );
}
