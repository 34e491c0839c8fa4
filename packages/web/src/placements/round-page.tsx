import type { OfferScoring, RoundOffer, RoundStudent } from '@kadr/contracts';
import { OFFER_SCORINGS } from '@kadr/contracts/vocabularies';
import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../app/status-pages';
import { useMe } from '../api/auth';
import {
  useCanRunRounds,
  useOffers,
  useRound,
  useRoundMutations,
  useRoundOffers,
  useRoundStudents,
} from '../api/placements';
import { type Column, DataTable } from '../components/data-table';
import { errorWithReason } from '../components/error-text';
import { formatDateTime } from '../components/format';
import { fieldErrors } from '../components/issue-text';
import { type SimpleColumn, SimpleTable } from '../components/simple-table';
import { TimeZoneNote } from '../components/time-zone-note';
import { useListState } from '../components/use-list-state';
import { currentLocale, localized } from '../i18n';
import { useProgrammes } from '../programmes/api';
import { OfferTerms } from './offer-terms';
import { AddByNumberForm, DeadlinesForm } from './round-setup-forms';
import { RoundStatusBadge } from './rounds-page';
import { FilterSelect } from '../components/filter-select';

/** Adds a published offer to the round with its seats and scoring. */
function AddOfferForm({ roundId, inRound }: { roundId: number; inRound: number[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const offers = useOffers({ status: 'published', pageSize: 200, sort: 'title' });
  const { putOffer } = useRoundMutations();
  const [offerId, setOfferId] = useState<string | null>(null);
  const [seats, setSeats] = useState<number | ''>('');
  const [scoring, setScoring] = useState<OfferScoring>('gpa');
  const [weight, setWeight] = useState<number | ''>(0.5);
  const errors = fieldErrors(t, putOffer.error);
  const options = (offers.data?.items ?? [])
    .filter((o) => !inRound.includes(o.id))
    .map((o) => ({
      value: String(o.id),
      label: `${o.organisationShortName} · ${localized(o.title, locale)} (${o.capacity})`,
    }));
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label={t('rounds.offer')}
          searchable
          data={options}
          value={offerId}
          onChange={setOfferId}
          w={360}
          data-testid="round-offer-select"
        />
        <NumberInput
          label={t('rounds.seatsLabel')}
          min={0}
          max={10000}
          allowDecimal={false}
          value={seats}
          onChange={(v) => setSeats(typeof v === 'number' ? v : '')}
          error={errors.seats}
          w={120}
        />
        <Select
          label={t('applicants.scoring')}
          data={OFFER_SCORINGS.map((s) => ({ value: s, label: t(`scorings.${s}`) }))}
          value={scoring}
          onChange={(v) => v && setScoring(v as OfferScoring)}
          allowDeselect={false}
          w={200}
        />
        {scoring === 'mix' ? (
          <NumberInput
            label={t('applicants.gpaWeight')}
            min={0}
            max={1}
            step={0.05}
            decimalScale={2}
            value={weight}
            onChange={(v) => setWeight(typeof v === 'number' ? v : '')}
            error={errors.gpaWeight}
            w={140}
          />
        ) : null}
        <Button
          disabled={!offerId}
          loading={putOffer.isPending}
          data-testid="add-round-offer"
          onClick={() => {
            const offer = offers.data?.items.find((o) => String(o.id) === offerId);
            putOffer.mutate(
              {
                id: roundId,
                offerId: Number(offerId),
                body: {
                  seats: seats === '' ? (offer?.capacity ?? 1) : seats,
                  scoring,
                  gpaWeight: scoring === 'mix' && weight !== '' ? weight : null,
                },
              },
              {
                onSuccess: () => {
                  setOfferId(null);
                  setSeats('');
                  notifications.show({ color: 'green', message: t('rounds.offerAdded') });
                },
              },
            );
          }}
        >
          {t('rounds.addOffer')}
        </Button>
      </Group>
      {putOffer.error && Object.keys(errors).length === 0 ? (
        <Text c="red" size="sm" role="alert">
          {errorWithReason(t, putOffer.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Adds eligible students by programme and year of study. */
function AddStudentsForm({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const programmes = useProgrammes({ pageSize: 200, sort: 'code' });
  const { addStudents } = useRoundMutations();
  const [programmeIds, setProgrammeIds] = useState<string[]>([]);
  const [years, setYears] = useState<string[]>([]);
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <MultiSelect
          label={t('offers.programmes')}
          searchable
          data={(programmes.data?.items ?? []).map((p) => ({
            value: String(p.id),
            label: `${p.code} ${localized(p.name, locale)}`,
          }))}
          value={programmeIds}
          onChange={setProgrammeIds}
          w={360}
        />
        <MultiSelect
          label={t('offers.years')}
          data={['1', '2', '3', '4', '5', '6'].map((y) => ({
            value: y,
            label: t('offers.year', { year: y }),
          }))}
          value={years}
          onChange={setYears}
          w={220}
        />
        <Button
          disabled={programmeIds.length === 0 && years.length === 0}
          loading={addStudents.isPending}
          data-testid="add-round-students"
          onClick={() =>
            addStudents.mutate(
              {
                id: roundId,
                body: { programmeIds: programmeIds.map(Number), years: years.map(Number), studentIds: [] },
              },
              {
                onSuccess: (r) =>
                  notifications.show({ color: 'green', message: t('rounds.studentsAdded', { n: r.added }) }),
              },
            )
          }
        >
          {t('rounds.addStudents')}
        </Button>
      </Group>
      {addStudents.error ? (
        <Text c="red" size="sm" role="alert">
          {errorWithReason(t, addStudents.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The round's students (staff): programme, year, how many offers they ranked. */
function RoundStudents({ roundId, editable }: { roundId: number; editable: boolean }) {
  const { t } = useTranslation();
  const { removeStudent } = useRoundMutations();
  const list = useListState<{ ranked: string | undefined }>({
    sort: 'fullName',
    filters: { ranked: undefined },
  });
  const students = useRoundStudents(roundId, list.params);
  const columns: Column<RoundStudent>[] = [
    { key: 'name', header: t('applicants.student'), sortField: 'fullName', render: (s) => s.fullName },
    { key: 'programme', header: t('applicants.programme'), render: (s) => s.programmeCode ?? '—' },
    { key: 'year', header: t('rounds.yearOfStudy'), render: (s) => s.year ?? '—' },
    { key: 'choices', header: t('rounds.choices'), sortField: 'choices', render: (s) => s.choices },
    ...(editable
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (s: RoundStudent) => (
              <Button
                size="xs"
                variant="light"
                color="red"
                aria-label={t('rounds.removeStudentLabel', { name: s.fullName })}
                onClick={() =>
                  removeStudent.mutate(
                    { id: roundId, studentId: s.studentId },
                    {
                      onSuccess: () =>
                        notifications.show({ color: 'green', message: t('rounds.studentRemoved') }),
                      onError: (error) =>
                        notifications.show({ color: 'red', message: errorWithReason(t, error) }),
                    },
                  )
                }
              >
                {t('rounds.removeStudent')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      testId="round-students"
      caption={t('rounds.students')}
      columns={columns}
      list={list}
      query={students}
      rowKey={(s) => s.studentId}
      searchHint={t('rounds.searchStudents')}
      filters={
        <FilterSelect
          label={t('rounds.ranked')}
          w={170}
          data={[
            { value: 'yes', label: t('rounds.rankedYes') },
            { value: 'no', label: t('rounds.rankedNo') },
          ]}
          {...list.filter('ranked')}
        />
      }
    />
  );
}

/**
 * One round. The officer adds offers and students, opens and closes it (each offer with its place and prerequisites
 * in the reader's language); a partner sees its offers in the round and opens their applicants; a student goes to their ranking; an observer sees the counts.
 */
export function RoundPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const role = useMe()?.role;
  const { roundId } = useParams({ strict: false }) as { roundId: string };
  const id = Number(roundId);
  const round = useRound(id);
  const canRun = useCanRunRounds();
  const seesOffers = role !== 'observer';
  // Who has the allocation page (its navigation entry): the officer and the admin run it, the coordinator reads it.
  const canAllocate = canRun || role === 'coordinator';
  const offers = useRoundOffers(id, seesOffers);
  const { transition, removeOffer } = useRoundMutations();

  if (round.error) return <Alert color="red">{errorWithReason(t, round.error)}</Alert>;
  if (!round.data) return <PageLoader />;
  const r = round.data;
  const setup = canRun && (r.status === 'draft' || r.status === 'open');

  const act = (action: 'open' | 'close') =>
    transition.mutate(
      { id, action },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t(`rounds.${action}Done`) }),
        onError: (error) => notifications.show({ color: 'red', message: errorWithReason(t, error) }),
      },
    );

  const offerColumns: SimpleColumn<RoundOffer>[] = [
    {
      key: 'title',
      header: t('offers.title'),
      render: (o) => (
        <Stack gap={2}>
          <Text size="sm">{localized(o.offer.title, locale)}</Text>
          <OfferTerms offer={o.offer} size="xs" />
        </Stack>
      ),
    },
    { key: 'partner', header: t('offers.organisation'), render: (o) => o.offer.organisationShortName },
    { key: 'seats', header: t('rounds.seatsLabel'), render: (o) => o.seats },
    { key: 'scoring', header: t('applicants.scoring'), render: (o) => t(`scorings.${o.scoring}`) },
    { key: 'applicants', header: t('rounds.applicants'), render: (o) => o.applicantCount },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (o) => (
        <Group gap="xs" wrap="nowrap">
          {role !== 'student' ? (
            <Link
              to="/rounds/$roundId/offers/$offerId"
              params={{ roundId: String(id), offerId: String(o.offer.id) }}
              className="table-link"
            >
              {t('rounds.seeApplicants', { title: localized(o.offer.title, locale) })}
            </Link>
          ) : null}
          {setup ? (
            <Button
              size="xs"
              variant="light"
              color="red"
              aria-label={t('rounds.removeOfferLabel', { title: localized(o.offer.title, locale) })}
              onClick={() => removeOffer.mutate({ id, offerId: o.offer.id })}
            >
              {t('rounds.removeOffer')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group>
          <Title order={1} size="h2">
            {localized(r.name, locale)}
          </Title>
          <RoundStatusBadge status={r.status} />
        </Group>
        {canRun ? (
          <Group>
            {r.status === 'draft' ? (
              <Button onClick={() => act('open')} loading={transition.isPending} data-testid="open-round">
                {t('rounds.open')}
              </Button>
            ) : null}
            {r.status === 'open' ? (
              <Button
                onClick={() => act('close')}
                loading={transition.isPending}
                variant="outline"
                data-testid="close-round"
              >
                {t('rounds.close')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text size="sm">
            {t('rounds.rankingClosesAt')}: {formatDateTime(r.rankingClosesAt, locale)}
          </Text>
          <Text size="sm">
            {t('rounds.partnerRankingClosesAt')}: {formatDateTime(r.partnerRankingClosesAt, locale)}
          </Text>
          <Text size="sm">
            {t('rounds.responseClosesAt')}: {formatDateTime(r.responseClosesAt, locale)}
          </Text>
          <Text size="sm">{t('rounds.summaryOffers', { offers: r.offerCount, seats: r.seatCount })}</Text>
          <Text size="sm">
            {t('rounds.summaryStudents', { ranked: r.rankedCount, students: r.studentCount })}
          </Text>
          <Text size="sm">{t('rounds.maxChoicesValue', { max: r.maxChoices })}</Text>
        </SimpleGrid>
        <TimeZoneNote />
      </Paper>
      {canAllocate && ['closed', 'published', 'archived'].includes(r.status) ? (
        <Link to="/allocation" search={{ round: id }} className="table-link" data-testid="round-allocation">
          {t('rounds.goAllocation')}
        </Link>
      ) : null}
      {canRun && (r.status === 'draft' || r.status === 'open' || r.status === 'closed') ? (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="xs">
            {t('rounds.deadlines')}
          </Title>
          <DeadlinesForm
            key={`${r.rankingClosesAt}|${r.partnerRankingClosesAt}|${r.responseClosesAt}`}
            round={r}
          />
        </Paper>
      ) : null}
      {role === 'student' ? (
        <Link to="/rounds/$roundId/ranking" params={{ roundId: String(id) }} className="table-link">
          {t('rounds.goRank')}
        </Link>
      ) : null}
      {seesOffers ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('rounds.offers')}
          </Title>
          {setup ? <AddOfferForm roundId={id} inRound={(offers.data ?? []).map((o) => o.offer.id)} /> : null}
          {offers.error ? <Alert color="red">{errorWithReason(t, offers.error)}</Alert> : null}
          <SimpleTable
            testId="round-offers"
            caption={t('rounds.offers')}
            columns={offerColumns}
            rows={offers.data ?? []}
            rowKey={(o) => o.offer.id}
          />
        </Stack>
      ) : null}
      {canRun || role === 'coordinator' ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('rounds.students')}
          </Title>
          {setup ? <AddStudentsForm roundId={id} /> : null}
          {setup ? <AddByNumberForm roundId={id} /> : null}
          <RoundStudents roundId={id} editable={setup} />
        </Stack>
      ) : null}
    </Stack>
  );
}
