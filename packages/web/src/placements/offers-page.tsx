import type { Offer, OfferStatus, Region } from '@kadr/contracts';
import { OFFER_STATUSES, PRACTICE_TYPES } from '@kadr/contracts/vocabularies';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { lazyDialog } from '../components/lazy-dialog';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth';
import { useCanWriteOffers, useOfferMutations, useOffers } from '../api/placements';
import { type Column, DataTable } from '../components/data-table';
import { errorWithReason } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatTenge } from '../components/number-format';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { useProgrammes } from '../programmes/api';
import { OfferTerms } from './offer-terms';
import { KZ_REGIONS } from '../api/vocabulary';
import { FilterSelect } from '../components/filter-select';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const OfferFormModal = lazyDialog(() => import('./offer-form-modal').then((m) => m.OfferFormModal));

const STATUS_COLOR: Record<OfferStatus, string> = { draft: 'gray', published: 'green', withdrawn: 'red' };

/** An offer's status as a coloured badge. */
export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`offerStatuses.${status}`)}
    </Badge>
  );
}

/**
 * Practice offers with search, filters (status, type, programme, year of study, region) and sorting; each offer with
 * its place and prerequisites in the reader's language. A partner sees and posts its own; the officer and admins post
 * for any partner; students see the published ones. Drafts are published, offers withdrawn.
 */
export function OffersPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const canWrite = useCanWriteOffers();
  const { transition } = useOfferMutations();
  const [editing, setEditing] = useState<Offer | null | undefined>(undefined);
  const list = useListState<{
    status: string | undefined;
    practiceType: string | undefined;
    programmeId: string | undefined;
    year: string | undefined;
    region: Region | undefined;
  }>({
    sort: '-createdAt',
    filters: {
      status: undefined,
      practiceType: undefined,
      programmeId: undefined,
      year: undefined,
      region: undefined,
    },
  });
  const offers = useOffers(list.params);
  const programmes = useProgrammes({ pageSize: 200, sort: 'code' });

  const act = (offer: Offer, action: 'publish' | 'withdraw') =>
    transition.mutate(
      { id: offer.id, action },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t(`offers.${action}Done`) }),
        onError: (error) => notifications.show({ color: 'red', message: errorWithReason(t, error) }),
      },
    );

  const columns: Column<Offer>[] = [
    {
      key: 'title',
      header: t('offers.title'),
      sortField: 'title',
      render: (o) => (
        <Stack gap={0}>
          <Text fw={500}>{localized(o.title, locale)}</Text>
          <Text size="xs" c="dimmed">
            {o.programmes.map((p) => p.code).join(', ') || t('offers.anyProgramme')}
            {o.eligibleYears.length
              ? ` · ${t('offers.yearsList', { years: o.eligibleYears.join(', ') })}`
              : ''}
          </Text>
          <OfferTerms offer={o} size="xs" />
        </Stack>
      ),
    },
    ...(me?.role === 'partner'
      ? []
      : [
          { key: 'partner', header: t('offers.organisation'), render: (o: Offer) => o.organisationShortName },
        ]),
    { key: 'type', header: t('offers.practiceType'), render: (o) => t(`practiceTypes.${o.practiceType}`) },
    { key: 'capacity', header: t('offers.capacity'), sortField: 'capacity', render: (o) => o.capacity },
    {
      key: 'period',
      header: t('offers.period'),
      sortField: 'startsOn',
      nowrap: true,
      render: (o) => `${formatDate(o.startsOn, locale)} – ${formatDate(o.endsOn, locale)}`,
    },
    {
      key: 'stipend',
      header: t('offers.stipend'),
      nowrap: true,
      render: (o) => (o.stipendTiyn === null ? t('offers.unpaid') : formatTenge(o.stipendTiyn, locale)),
    },
    { key: 'status', header: t('offers.status'), render: (o) => <OfferStatusBadge status={o.status} /> },
    ...(canWrite
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            nowrap: true,
            render: (o: Offer) => (
              <Group gap="xs" wrap="nowrap">
                {o.status !== 'withdrawn' ? (
                  <Button
                    size="xs"
                    variant="default"
                    {...OfferFormModal.opener}
                    onClick={() => setEditing(o)}
                    aria-label={t('offers.editLabel', { title: localized(o.title, locale) })}
                  >
                    {t('common.edit')}
                  </Button>
                ) : null}
                {o.status === 'draft' ? (
                  <Button size="xs" onClick={() => act(o, 'publish')} data-testid={`publish-${o.id}`}>
                    {t('offers.publish')}
                  </Button>
                ) : null}
                {o.status !== 'withdrawn' ? (
                  <Button size="xs" variant="light" color="red" onClick={() => act(o, 'withdraw')}>
                    {t('offers.withdraw')}
                  </Button>
                ) : null}
              </Group>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('offers.pageTitle')}
        </Title>
        {canWrite ? (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...OfferFormModal.opener}
            onClick={() => setEditing(null)}
            data-testid="create-offer"
          >
            {t('offers.create')}
          </Button>
        ) : null}
      </Group>
      {canWrite ? (
        <OfferFormModal
          opened={editing !== undefined}
          offer={editing ?? null}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      <DataTable
        testId="offers-table"
        caption={t('offers.pageTitle')}
        columns={columns}
        list={list}
        query={offers}
        rowKey={(o) => o.id}
        searchHint={t('offers.search')}
        filters={
          <Group gap="sm" align="flex-end">
            {me?.role === 'student' ? null : (
              <FilterSelect
                label={t('offers.status')}
                w={170}
                choices={OFFER_STATUSES}
                labels="offerStatuses"
                {...list.filter('status')}
              />
            )}
            <FilterSelect
              label={t('offers.practiceType')}
              w={190}
              choices={PRACTICE_TYPES}
              labels="practiceTypes"
              {...list.filter('practiceType')}
            />
            <FilterSelect
              label={t('offers.programme')}
              w={220}
              searchable
              data={(programmes.data?.items ?? []).map((p) => ({
                value: String(p.id),
                label: `${p.code} ${localized(p.name, locale)}`,
              }))}
              {...list.filter('programmeId')}
            />
            <FilterSelect
              label={t('offers.yearOfStudy')}
              w={130}
              data={['1', '2', '3', '4', '5', '6']}
              {...list.filter('year')}
            />
            <FilterSelect
              label={t('offers.region')}
              w={220}
              searchable
              choices={KZ_REGIONS}
              labels="demand.regions"
              {...list.filter('region')}
            />
          </Group>
        }
      />
    </Stack>
  );
}
