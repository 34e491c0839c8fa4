import type { PlacementDetail, PlacementStatus, SignoffParty } from '@kadr/contracts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import {
  useGradePlacement,
  useIssueMentorLink,
  useMarkHired,
  usePlacement,
  useSignOff,
  useSupervisorOptions,
  useTransitionPlacement,
  useUpdatePlacementPeople,
} from '../api/practice';
import { NotFoundPage, PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate, formatDateTime } from '../components/format';
import { SimpleTable } from '../components/simple-table';
import { currentLocale, localized } from '../i18n';
import { PLACEMENT_STATUS_COLOR } from './practice-status';

/** An error of the last action, in the reader's language. */
function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const refusal =
    error instanceof ApiError && typeof error.details.refusal === 'string' ? error.details.refusal : null;
  return (
    <Alert color="red" role="alert">
      {refusal ? t(`practice.refusal.${refusal}`) : errorMessage(t, error)}
    </Alert>
  );
}

/** Buttons for the transitions the reader may make now. */
function Transitions({ p }: { p: PlacementDetail }) {
  const { t } = useTranslation();
  const move = useTransitionPlacement(p.id);
  const [note, setNote] = useState('');
  if (p.allowedTransitions.length === 0) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('practice.actions')}
        </Title>
        <TextInput label={t('practice.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          {p.allowedTransitions.map((to: PlacementStatus) => (
            <Button
              key={to}
              variant={to === 'declined' || to === 'withdrawn' ? 'outline' : 'filled'}
              color={to === 'declined' || to === 'withdrawn' ? 'red' : 'blue'}
              loading={move.isPending && move.variables?.to === to}
              onClick={() => move.mutate({ to, note }, { onSuccess: () => setNote('') })}
              data-testid={`transition-${to}`}
            >
              {t(`practice.to.${to}`)}
            </Button>
          ))}
        </Group>
        <ActionError error={move.error} />
      </Stack>
    </Card>
  );
}

const LANGS = ['kk', 'ru', 'en'] as const;

/** The agreement: downloads, its fingerprint, the sign-offs and the reader's sign-off buttons. */
function Agreement({ p }: { p: PlacementDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const signOff = useSignOff(p.id);
  const open = p.status === 'offered' || p.status === 'confirmed';
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('practice.agreement')}
        </Title>
        <Group gap="md">
          {LANGS.map((lang) => (
            <Anchor
              key={lang}
              href={`/api/placements/${p.id}/agreement?lang=${lang}`}
              data-testid={`agreement-${lang}`}
            >
              {t('practice.downloadAgreement', { lang: lang.toUpperCase() })}
            </Anchor>
          ))}
        </Group>
        <Text size="sm">
          {t('practice.fingerprint')}: <Code>{p.agreementSha256.slice(0, 16)}</Code>
        </Text>
        <Badge color={p.agreementSigned ? 'green' : 'gray'} variant="light" data-testid="agreement-signed">
          {p.agreementSigned ? t('practice.signedAll') : t('practice.notSignedAll')}
        </Badge>
        <SimpleTable
          caption={t('practice.signoffs')}
          testId="signoffs"
          rows={p.signoffs}
          rowKey={(s) => s.party}
          columns={[
            { key: 'party', header: t('practice.party'), render: (s) => t(`practice.parties.${s.party}`) },
            { key: 'by', header: t('practice.signedBy'), render: (s) => s.signedBy },
            { key: 'at', header: t('practice.signedAt'), render: (s) => formatDateTime(s.signedAt, locale) },
            {
              key: 'current',
              header: t('practice.signedVersion'),
              render: (s) => (s.current ? t('practice.currentVersion') : t('practice.olderVersion')),
            },
          ]}
        />
        {open ? (
          <Group>
            {p.canSignFor.map((party: SignoffParty) => (
              <Button
                key={party}
                variant="light"
                loading={signOff.isPending && signOff.variables?.party === party}
                onClick={() => signOff.mutate({ party, documentSha256: p.agreementSha256 })}
                data-testid={`signoff-${party}`}
              >
                {t('practice.signFor', { party: t(`practice.parties.${party}`) })}
              </Button>
            ))}
          </Group>
        ) : null}
        <ActionError error={signOff.error} />
      </Stack>
    </Card>
  );
}

/** Staff set the supervisor and the mentor. */
function PeopleForm({ p }: { p: PlacementDetail }) {
  const { t } = useTranslation();
  const options = useSupervisorOptions(true);
  const save = useUpdatePlacementPeople(p.id);
  const [supervisor, setSupervisor] = useState<string | null>(p.supervisor ? String(p.supervisor.id) : null);
  const [mentorName, setMentorName] = useState(p.mentor.name);
  const [mentorEmail, setMentorEmail] = useState(p.mentor.email);
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ supervisorUserId: supervisor ? Number(supervisor) : null, mentorName, mentorEmail });
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('practice.people')}
          </Title>
          <Select
            label={t('practice.supervisor')}
            searchable
            clearable
            value={supervisor}
            onChange={setSupervisor}
            data={(options.data ?? []).map((u) => ({ value: String(u.id), label: u.fullName }))}
          />
          <TextInput
            label={t('practice.mentorName')}
            value={mentorName}
            onChange={(e) => setMentorName(e.currentTarget.value)}
          />
          <TextInput
            label={t('practice.mentorEmail')}
            type="email"
            value={mentorEmail}
            onChange={(e) => setMentorEmail(e.currentTarget.value)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('practice.save')}
            </Button>
          </Group>
          <ActionError error={save.error} />
        </Stack>
      </form>
    </Card>
  );
}

/** Staff record the final grade and issue the mentor's link while the practice runs. */
function StaffPractice({ p }: { p: PlacementDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const grade = useGradePlacement(p.id);
  const link = useIssueMentorLink(p.id);
  const [points, setPoints] = useState<number | string>(p.finalGrade?.points ?? '');
  if (p.status !== 'in-progress' && p.status !== 'completed') return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('practice.grading')}
        </Title>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            grade.mutate({ points: Number(points) });
          }}
        >
          <Group align="end">
            <NumberInput
              label={t('practice.points')}
              min={0}
              max={100}
              allowDecimal={false}
              value={points}
              onChange={setPoints}
            />
            <Button type="submit" loading={grade.isPending}>
              {t('practice.saveGrade')}
            </Button>
          </Group>
        </form>
        <ActionError error={grade.error} />
        {p.status === 'in-progress' ? (
          <>
            <Group>
              <Button variant="light" loading={link.isPending} onClick={() => link.mutate({ days: 14 })}>
                {t('practice.issueLink')}
              </Button>
            </Group>
            {link.data ? (
              <Alert color="blue" data-testid="mentor-link">
                <Text size="sm">
                  {t('practice.linkIssued', { date: formatDateTime(link.data.expiresAt, locale) })}
                </Text>
                <Code block>{`${window.location.origin}${link.data.path}`}</Code>
                {link.data.emailed ? <Text size="sm">{t('practice.linkEmailed')}</Text> : null}
              </Alert>
            ) : null}
            <ActionError error={link.error} />
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

/** Staff or the company mark the hire after a completed practice. */
function Hire({ p }: { p: PlacementDetail }) {
  const { t } = useTranslation();
  const hire = useMarkHired(p.id);
  const [day, setDay] = useState(p.hiredOn ?? '');
  if (p.status !== 'completed' || !(p.parties.includes('staff') || p.parties.includes('company')))
    return null;
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          hire.mutate({ hiredOn: day || null });
        }}
      >
        <Group align="end">
          <TextInput
            label={t('practice.hiredOn')}
            description={t('practice.dateFormat')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
          />
          <Button type="submit" loading={hire.isPending}>
            {t('practice.markHired')}
          </Button>
        </Group>
        <ActionError error={hire.error} />
      </form>
    </Card>
  );
}

/** One placement: status, facts, actions, the agreement, the timeline and the competencies. */
export function PlacementPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { placementId } = useParams({ strict: false }) as { placementId?: string };
  const id = Number(placementId);
  const placement = usePlacement(id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (placement.error instanceof ApiError && [403, 404].includes(placement.error.status))
    return <NotFoundPage />;
  if (placement.error) return <Alert color="red">{errorMessage(t, placement.error)}</Alert>;
  if (!placement.data) return <PageLoader />;
  const p = placement.data;
  const staff = p.parties.includes('staff');
  return (
    <Stack>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1}>{p.student.fullName}</Title>
          <Text>
            {localized(p.offer.organisationName, locale)} · {localized(p.offer.title, locale)}
          </Text>
        </div>
        <Badge
          size="lg"
          color={PLACEMENT_STATUS_COLOR[p.status]}
          variant="light"
          data-testid="placement-status"
        >
          {t(`practice.status.${p.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t('practice.facts')}
            </Title>
            <Text size="sm">
              {t('practice.period')}: {formatDate(p.offer.startsOn, locale)} —{' '}
              {formatDate(p.offer.endsOn, locale)}
            </Text>
            <Text size="sm">
              {t('practice.type')}: {t(`practice.types.${p.offer.practiceType}`)}
            </Text>
            <Text size="sm">
              {t('practice.location')}: {localized(p.offer.location, locale) || '—'}
            </Text>
            <Text size="sm" data-testid="placement-supervisor">
              {t('practice.supervisor')}: {p.supervisor?.fullName ?? t('practice.notAssigned')}
            </Text>
            <Text size="sm" data-testid="placement-mentor">
              {t('practice.mentor')}:{' '}
              {p.mentor.name ? `${p.mentor.name} (${p.mentor.email})` : t('practice.notAssigned')}
            </Text>
            <Text size="sm">
              {t('practice.finalGrade')}:{' '}
              {p.finalGrade
                ? `${p.finalGrade.letter} (${p.finalGrade.points}; ${p.finalGrade.gradePoint})`
                : '—'}
            </Text>
            <Text size="sm">
              {t('practice.hiredOn')}: {p.hiredOn ? formatDate(p.hiredOn, locale) : '—'}
            </Text>
            <Link
              className="table-link"
              to="/placements/$placementId/journal"
              params={{ placementId: String(p.id) }}
              data-testid="journal-link"
            >
              {t('practice.journalLink', { entries: p.journal.entries })}
            </Link>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('practice.timeline')}
          </Title>
          {p.events.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('practice.noEvents')}
            </Text>
          ) : null}
          <Timeline active={p.events.length - 1} bulletSize={14} data-testid="placement-timeline">
            {p.events.map((e) => (
              <Timeline.Item key={e.id} title={t(`practice.status.${e.toStatus}`)}>
                <Text size="xs">
                  {formatDateTime(e.at, locale)} · {e.actorName}
                </Text>
                {e.note ? <Text size="xs">{e.note}</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </Card>
      </SimpleGrid>
      <Transitions p={p} />
      <Agreement p={p} />
      {staff && !['completed', 'declined', 'withdrawn'].includes(p.status) ? <PeopleForm p={p} /> : null}
      {staff ? <StaffPractice p={p} /> : null}
      <Hire p={p} />
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          {t('practice.competencies')}
        </Title>
        <SimpleTable
          caption={t('practice.competencies')}
          testId="placement-competencies"
          rows={p.competencies}
          rowKey={(c) => c.id}
          columns={[
            { key: 'code', header: t('practice.code'), render: (c) => c.code },
            { key: 'name', header: t('practice.competency'), render: (c) => localized(c.name, locale) },
            { key: 'expected', header: t('practice.expectedLevel'), render: (c) => c.expectedLevel },
            {
              key: 'assessed',
              header: t('practice.assessedLevel'),
              render: (c) =>
                c.assessment
                  ? `${c.assessment.level} · ${c.assessment.assessorName}`
                  : t('practice.notAssessed'),
            },
          ]}
        />
      </Card>
    </Stack>
  );
}
