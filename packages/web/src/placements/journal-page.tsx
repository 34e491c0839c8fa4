import type { JournalEntry, PlacementCompetency } from '@kadr/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import {
  useAddJournalEntry,
  useAssessPlacement,
  usePlacement,
  usePlacementJournal,
  useReviewJournalEntry,
  useUpdateJournalEntry,
} from '../api/practice';
import { NotFoundPage, PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { formatDate } from '../components/format';
import { formatNumber } from '../components/number-format';
import { currentLocale, localized } from '../i18n';

const ENTRY_COLOR = { submitted: 'blue', approved: 'green', returned: 'orange' } as const;

/** The journal's entries, with a review column when `review` is given. */
export function JournalTable({
  entries,
  review,
  edit,
}: {
  entries: readonly JournalEntry[];
  review?: (entry: JournalEntry) => React.ReactNode;
  edit?: (entry: JournalEntry) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (entries.length === 0) return <Text c="dimmed">{t('practice.journalEmpty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped data-testid="journal-table">
        <caption className="visually-hidden-caption">{t('practice.journal')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('practice.entryDate')}</Table.Th>
            <Table.Th scope="col">{t('practice.hours')}</Table.Th>
            <Table.Th scope="col">{t('practice.whatWasDone')}</Table.Th>
            <Table.Th scope="col">{t('practice.statusLabel')}</Table.Th>
            {review || edit ? <Table.Th scope="col">{t('practice.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="journal-entry">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.entryDate, locale)}</Table.Td>
              <Table.Td>{formatNumber(e.hours, locale)}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.body}
                </Text>
                {e.reviewComment ? (
                  <Text size="xs" c="dimmed">
                    {e.reviewedBy}: {e.reviewComment}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge color={ENTRY_COLOR[e.status]} variant="light">
                  {t(`practice.entryStatus.${e.status}`)}
                </Badge>
              </Table.Td>
              {review || edit ? (
                <Table.Td>
                  {review ? review(e) : null}
                  {edit ? edit(e) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The student's form for a new day, or a correction of a returned one. */
function EntryForm({
  placementId,
  entry,
  onDone,
}: {
  placementId: number;
  entry?: JournalEntry;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddJournalEntry(placementId);
  const update = useUpdateJournalEntry();
  const [entryDate, setEntryDate] = useState(entry?.entryDate ?? '');
  const [hours, setHours] = useState<number | string>(entry?.hours ?? 8);
  const [body, setBody] = useState(entry?.body ?? '');
  const mutation = entry ? update : add;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const input = { entryDate, hours: Number(hours), body };
        const done = {
          onSuccess: () => {
            if (!entry) setBody('');
            onDone?.();
          },
        };
        if (entry) update.mutate({ id: entry.id, ...input }, done);
        else add.mutate(input, done);
      }}
      aria-label={entry ? t('practice.correctEntry') : t('practice.addEntry')}
    >
      <Stack gap="xs">
        <Group align="start">
          <TextInput
            label={t('practice.entryDate')}
            description={t('practice.dateFormat')}
            required
            value={entryDate}
            onChange={(e) => setEntryDate(e.currentTarget.value)}
          />
          <NumberInput
            label={t('practice.hours')}
            required
            min={0.1}
            max={24}
            step={0.5}
            decimalScale={1}
            value={hours}
            onChange={setHours}
          />
        </Group>
        <Textarea
          label={t('practice.whatWasDone')}
          required
          autosize
          minRows={2}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {entry ? t('practice.resubmit') : t('practice.addEntry')}
          </Button>
        </Group>
        {mutation.error ? (
          <Alert color="red" role="alert">
            {errorMessage(t, mutation.error)}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}

/** The mentor's approve / return controls of one submitted entry. */
function ReviewControls({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const review = useReviewJournalEntry();
  const [comment, setComment] = useState('');
  if (entry.status !== 'submitted') return null;
  return (
    <Stack gap={4}>
      <TextInput
        size="xs"
        label={t('practice.reviewComment')}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      <Group gap={4}>
        <Button size="xs" onClick={() => review.mutate({ id: entry.id, decision: 'approve', comment })}>
          {t('practice.approve')}
        </Button>
        <Button
          size="xs"
          variant="outline"
          color="orange"
          onClick={() => review.mutate({ id: entry.id, decision: 'return', comment })}
        >
          {t('practice.return')}
        </Button>
      </Group>
      {review.error ? (
        <Text size="xs" c="red.8" role="alert">
          {errorMessage(t, review.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** A level 1-5 and a comment for each required competency; `submit` sends them. */
export function AssessmentFields({
  competencies,
  values,
  onChange,
}: {
  competencies: readonly PlacementCompetency[];
  values: Record<number, { level: string | null; comment: string }>;
  onChange: (id: number, value: { level: string | null; comment: string }) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (competencies.length === 0) return <Text c="dimmed">{t('practice.noCompetencies')}</Text>;
  return (
    <Stack gap="sm">
      {competencies.map((c) => {
        const value = values[c.id] ?? {
          level: c.assessment ? String(c.assessment.level) : null,
          comment: '',
        };
        const name = `${c.code} ${localized(c.name, locale)}`;
        return (
          <Card withBorder key={c.id} data-testid="assessment-competency">
            <Text fw={600} size="sm">
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('practice.expectedLevel')}: {c.expectedLevel}
              {c.assessment ? ` · ${t('practice.assessedLevel')}: ${c.assessment.level}` : ''}
            </Text>
            <Group align="start" grow>
              <Select
                label={t('practice.levelOf', { name: c.code })}
                data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: t(`practice.levels.${l}`) }))}
                value={value.level}
                onChange={(level) => onChange(c.id, { ...value, level })}
              />
              <TextInput
                label={t('practice.commentOf', { name: c.code })}
                value={value.comment}
                onChange={(e) => onChange(c.id, { ...value, comment: e.currentTarget.value })}
              />
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

/** The assessments the fields hold, for the API. */
export function assessmentsOf(values: Record<number, { level: string | null; comment: string }>) {
  return Object.entries(values)
    .filter(([, v]) => v.level)
    .map(([id, v]) => ({ competencyId: Number(id), level: Number(v.level), comment: v.comment }));
}

/** The signed-in mentor's assessment form. */
function MentorAssessment({
  placementId,
  competencies,
}: {
  placementId: number;
  competencies: PlacementCompetency[];
}) {
  const { t } = useTranslation();
  const assess = useAssessPlacement(placementId);
  const [values, setValues] = useState<Record<number, { level: string | null; comment: string }>>({});
  return (
    <Card withBorder>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          assess.mutate({ assessments: assessmentsOf(values) }, { onSuccess: () => setValues({}) });
        }}
      >
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('practice.assessment')}
          </Title>
          <AssessmentFields
            competencies={competencies}
            values={values}
            onChange={(id, value) => setValues((v) => ({ ...v, [id]: value }))}
          />
          <Group>
            <Button type="submit" loading={assess.isPending} disabled={assessmentsOf(values).length === 0}>
              {t('practice.saveAssessment')}
            </Button>
          </Group>
          {assess.isSuccess ? <Alert color="green">{t('practice.assessmentSaved')}</Alert> : null}
          {assess.error ? (
            <Alert color="red" role="alert">
              {errorMessage(t, assess.error)}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}

/** The journal of a placement: the student keeps it, the mentor reviews it and assesses the practice. */
export function JournalPage() {
  const { t } = useTranslation();
  const { placementId } = useParams({ strict: false }) as { placementId?: string };
  const id = Number(placementId);
  const placement = usePlacement(id);
  const journal = usePlacementJournal(id);
  const [editing, setEditing] = useState<number | null>(null);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (placement.error instanceof ApiError && [403, 404].includes(placement.error.status))
    return <NotFoundPage />;
  if (placement.error) return <Alert color="red">{errorMessage(t, placement.error)}</Alert>;
  if (!placement.data || !journal.data) return <PageLoader />;
  const p = placement.data;
  const running = p.status === 'in-progress';
  const student = p.parties.includes('student') && running;
  const mentor = p.parties.includes('mentor') && running;
  const editable = journal.data.find((e) => e.id === editing);
  return (
    <Stack>
      <Link className="table-link" to="/placements/$placementId" params={{ placementId: String(p.id) }}>
        ← {p.student.fullName}
      </Link>
      <Title order={1}>{t('practice.journal')}</Title>
      <Text size="sm" data-testid="journal-totals">
        {t('practice.journalTotals', {
          entries: p.journal.entries,
          hours: formatNumber(p.journal.approvedHours, currentLocale()),
          pending: p.journal.pending,
        })}
      </Text>
      {!running ? <Alert color="gray">{t('practice.journalClosed')}</Alert> : null}
      {student ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {editable ? t('practice.correctEntry') : t('practice.addEntry')}
          </Title>
          {editable ? (
            <EntryForm
              key={editable.id}
              placementId={p.id}
              entry={editable}
              onDone={() => setEditing(null)}
            />
          ) : (
            <EntryForm placementId={p.id} />
          )}
        </Card>
      ) : null}
      <JournalTable
        entries={journal.data}
        review={mentor ? (e) => <ReviewControls entry={e} /> : undefined}
        edit={
          student
            ? (e) =>
                e.status === 'approved' ? null : (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(e.id)}>
                    {t('practice.correct')}
                  </Button>
                )
            : undefined
        }
      />
      {mentor ? <MentorAssessment placementId={p.id} competencies={p.competencies} /> : null}
    </Stack>
  );
}
