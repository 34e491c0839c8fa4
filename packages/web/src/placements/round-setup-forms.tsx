import type { Round } from '@kadr/contracts';
import { Button, Group, List, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useRoundMutations } from '../api/placements';
import { errorWithReason } from '../components/error-text';
import { fieldErrors, serverIssueText } from '../components/issue-text';
import { TimeZoneNote } from '../components/time-zone-note';

const ERRORS_ID = 'round-student-number-errors';

const DEADLINES = ['rankingClosesAt', 'partnerRankingClosesAt', 'responseClosesAt'] as const;
type Deadline = (typeof DEADLINES)[number];

/** An instant as the value of a datetime-local input (`2026-12-20T17:00`), in the browser's zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The officer changes a round's three deadlines while it is not published (the server keeps them in order). */
export function DeadlinesForm({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { update } = useRoundMutations();
  const initial = () =>
    Object.fromEntries(DEADLINES.map((d) => [d, localInput(round[d])])) as Record<Deadline, string>;
  const [values, setValues] = useState(initial);
  const errors = fieldErrors(t, update.error);
  const changed = DEADLINES.filter((d) => values[d] !== localInput(round[d]));
  return (
    <Stack gap="xs" data-testid="round-deadlines">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {DEADLINES.map((d) => (
          <TextInput
            key={d}
            label={t(`rounds.${d}`)}
            type="datetime-local"
            required
            value={values[d]}
            onChange={(event) => setValues({ ...values, [d]: event.currentTarget.value })}
            error={errors[d]}
          />
        ))}
      </SimpleGrid>
      <TimeZoneNote />
      <Group>
        <Button
          variant="light"
          disabled={changed.length === 0 || changed.some((d) => values[d] === '')}
          loading={update.isPending}
          data-testid="save-deadlines"
          onClick={() =>
            update.mutate(
              {
                id: round.id,
                patch: Object.fromEntries(changed.map((d) => [d, new Date(values[d]).toISOString()])),
              },
              {
                onSuccess: () => notifications.show({ color: 'green', message: t('rounds.deadlinesSaved') }),
              },
            )
          }
        >
          {t('rounds.saveDeadlines')}
        </Button>
      </Group>
      {update.error && Object.keys(errors).length === 0 ? (
        <Text c="red" size="sm" role="alert">
          {errorWithReason(t, update.error)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The officer pastes student numbers (IIN), one per line; a refusal lists each wrong line and adds no one. */
export function AddByNumberForm({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const { addByNumber } = useRoundMutations();
  const [text, setText] = useState('');
  const error = addByNumber.error;
  const lineIssues =
    error instanceof ApiError
      ? error.issues.flatMap((issue) => {
          const line = /numbers\.(\d+)$/.exec(issue.path)?.[1];
          return line === undefined ? [] : [{ line: Number(line) + 1, text: serverIssueText(t, issue) }];
        })
      : [];
  return (
    <Stack gap="xs">
      <Textarea
        label={t('rounds.studentNumbers')}
        description={t('rounds.studentNumbersHint')}
        autosize
        minRows={3}
        maxRows={12}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        // The refused lines are listed below it (Mantine's input error colour is below AA contrast on white).
        aria-invalid={lineIssues.length > 0}
        aria-describedby={lineIssues.length > 0 ? ERRORS_ID : undefined}
        data-testid="round-student-numbers"
      />
      {lineIssues.length > 0 ? (
        <div role="alert" id={ERRORS_ID} data-testid="round-student-number-errors">
          <Text c="red" size="sm">
            {t('rounds.studentNumbersRefused', { n: lineIssues.length })}
          </Text>
          <List size="sm" c="red">
            {lineIssues.map((issue) => (
              <List.Item key={issue.line}>
                {t('rounds.lineIssue', { line: issue.line, issue: issue.text })}
              </List.Item>
            ))}
          </List>
        </div>
      ) : error ? (
        <Text c="red" size="sm" role="alert">
          {errorWithReason(t, error)}
        </Text>
      ) : null}
      <Group>
        <Button
          disabled={text.trim() === ''}
          loading={addByNumber.isPending}
          data-testid="add-round-students-by-number"
          onClick={() =>
            addByNumber.mutate(
              { id: roundId, body: { numbers: text.split(/\r?\n/) } },
              {
                onSuccess: (r) => {
                  setText('');
                  notifications.show({
                    color: 'green',
                    message: t('rounds.studentsAddedByNumber', {
                      n: r.added,
                      already: r.alreadyInRound ?? 0,
                    }),
                  });
                },
              },
            )
          }
        >
          {t('rounds.addListedStudents')}
        </Button>
      </Group>
    </Stack>
  );
}
