import { lazyDialog } from '../components/lazy-dialog';
import type { Competency, PracticeType, ProgrammeOutcomes, PutOutcomesBody } from '@kadr/contracts';
import { PRACTICE_TYPES } from '@kadr/contracts/vocabularies';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { NotFoundPage, PageLoader } from '../app/status-pages';
import { errorMessage } from '../components/error-text';
import { serverIssueText } from '../components/issue-text';
import { currentLocale, localized } from '../i18n';
import { useCanEditProgrammes } from '../programmes/api';
import { useOutcomes, usePutOutcomes } from './api';
import { CompetencyPicker } from './competency-picker';
import { TypeBadge } from './framework-page';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const OutcomeTextsModal = lazyDialog(() => import('./outcome-texts-modal').then((m) => m.OutcomeTextsModal));
const VersionFormModal = lazyDialog(() =>
  import('../programmes/version-form-modal').then((m) => m.VersionFormModal),
);

type Named = ProgrammeOutcomes['competencies'][number];
type Texts = { kk: string; ru: string; en: string };
const LEVELS = [1, 2, 3, 4, 5] as const;
const EMPTY: Texts = { kk: '', ru: '', en: '' };
/** Plain elements with inline styles: a 60 × 80 matrix paints without a component per cell. */
const MATRIX_STYLE = { borderCollapse: 'collapse', fontSize: 'var(--mantine-font-size-sm)' } as const;
const SELECT_STYLE = { font: 'inherit', padding: '2px 4px', minWidth: '3.2em' } as const;
const COLUMN_STYLE = { maxWidth: '9em', padding: '4px', verticalAlign: 'bottom', fontWeight: 600 } as const;
const ROW_STYLE = { textAlign: 'left', padding: '2px 8px', fontWeight: 'normal' } as const;

/** A row of the matrix: a discipline of the version or a practice type. */
type Row = {
  key: string;
  disciplineId?: number;
  practiceType?: PracticeType;
  label: string;
  semester?: number;
};

/** The editor's state: promised levels by competency, outcome levels and descriptions by row and competency. */
interface Draft {
  promised: Map<number, number>;
  levels: Map<string, number>;
  descriptions: Map<string, Texts>;
  /** The competencies shown as columns, in order. */
  columns: number[];
}

const cellKey = (rowKey: string, competencyId: number) => `${rowKey}|${competencyId}`;
const rowKeyOf = (o: { disciplineId: number | null; practiceType: string | null }) =>
  o.disciplineId !== null ? `d${o.disciplineId}` : `p${o.practiceType}`;

function draftOf(data: ProgrammeOutcomes): Draft {
  const levels = new Map<string, number>();
  const descriptions = new Map<string, Texts>();
  for (const o of data.outcomes) {
    levels.set(cellKey(rowKeyOf(o), o.competencyId), o.targetLevel);
    descriptions.set(cellKey(rowKeyOf(o), o.competencyId), o.description);
  }
  const columns = [
    ...data.promised.map((p) => p.competencyId),
    ...data.competencies
      .map((c) => c.competencyId)
      .filter((id) => !data.promised.some((p) => p.competencyId === id)),
  ];
  return {
    promised: new Map(data.promised.map((p) => [p.competencyId, p.targetLevel])),
    levels,
    descriptions,
    columns,
  };
}

/** The PUT body the draft stands for: every promised level and every non-empty cell. */
function bodyOf(draft: Draft, rows: Row[]): PutOutcomesBody {
  const outcomes: PutOutcomesBody['outcomes'] = [];
  for (const row of rows)
    for (const competencyId of draft.columns) {
      const key = cellKey(row.key, competencyId);
      const targetLevel = draft.levels.get(key);
      if (targetLevel === undefined) continue;
      outcomes.push({
        ...(row.disciplineId !== undefined
          ? { disciplineId: row.disciplineId }
          : { practiceType: row.practiceType }),
        competencyId,
        targetLevel,
        description: draft.descriptions.get(key) ?? EMPTY,
      });
    }
  return {
    promised: [...draft.promised].map(([competencyId, targetLevel]) => ({ competencyId, targetLevel })),
    outcomes,
  };
}

/** The place of each mapped cell in the PUT body (`outcomes.N`), in the order {@link bodyOf} sends them. */
function outcomeIndexes(draft: Draft, rows: Row[]): Map<string, number> {
  const indexes = new Map<string, number>();
  for (const row of rows)
    for (const competencyId of draft.columns) {
      const key = cellKey(row.key, competencyId);
      if (draft.levels.has(key)) indexes.set(key, indexes.size);
    }
  return indexes;
}

/** The draft with the descriptions of some outcomes (by their place in the body) replaced. */
function withTexts(draft: Draft, indexes: Map<string, number>, texts: Map<number, Texts>): Draft {
  const descriptions = new Map(draft.descriptions);
  for (const [key, index] of indexes) {
    const text = texts.get(index);
    if (text) descriptions.set(key, text);
  }
  return { ...draft, descriptions };
}

/** A level 1-5 or none, as a native select: light enough for 60 × 80 cells and usable from the keyboard. */
function LevelSelect(props: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}) {
  return (
    <select
      style={SELECT_STYLE}
      aria-label={props.label}
      value={props.value ?? ''}
      onChange={(e) =>
        props.onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))
      }
    >
      <option value="">–</option>
      {LEVELS.map((l) => (
        <option key={l} value={l}>
          {l}
        </option>
      ))}
    </select>
  );
}

/**
 * Why the outcomes do not change here, and where they do: an approved version changes only through a new draft
 * version copied from it (docs/competencies.md), a submitted draft once withdrawn.
 */
function LockedNotice({ data }: { data: ProgrammeOutcomes }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canEdit = useCanEditProgrammes();
  const [versioning, setVersioning] = useState(false);
  const reason = data.lockedBecause;
  if (!reason) return null;
  const versionPage = `/programme-versions/${data.versionId}`;
  return (
    <Alert color="blue" title={t('outcomes.lockedTitle')} data-testid="outcomes-locked">
      <Stack gap="xs">
        <Text size="sm">{t(`outcomes.locked.${reason}`, { number: data.versionNumber })}</Text>
        {canEdit && reason === 'active' ? <Text size="sm">{t('outcomes.activeHow')}</Text> : null}
        {canEdit && reason === 'superseded' ? <Text size="sm">{t('outcomes.supersededHow')}</Text> : null}
        {data.draftVersion ? (
          <Anchor
            href={`/programme-versions/${data.draftVersion.id}/outcomes`}
            size="sm"
            data-testid="outcomes-draft-link"
          >
            {t('outcomes.openDraft', { number: data.draftVersion.number })}
          </Anchor>
        ) : null}
        {canEdit && reason === 'active' && !data.draftVersion ? (
          <Group>
            <Button
              size="xs"
              {...VersionFormModal.opener}
              onClick={() => setVersioning(true)}
              data-testid="outcomes-new-version"
            >
              {t('outcomes.startVersion')}
            </Button>
          </Group>
        ) : null}
        {reason === 'submitted' ? (
          <Anchor href={versionPage} size="sm">
            {t('outcomes.openVersion')}
          </Anchor>
        ) : null}
      </Stack>
      {canEdit ? (
        <VersionFormModal
          opened={versioning}
          programmeId={data.programme.id}
          onClose={() => setVersioning(false)}
          onCreated={(v) =>
            navigate({ to: '/programme-versions/$versionId/outcomes', params: { versionId: String(v.id) } })
          }
        />
      ) : null}
    </Alert>
  );
}

/**
 * The learning outcomes of a programme version: the competencies it promises with their levels, and the matrix of
 * its disciplines and practice types against those competencies with the level (1-5) each one trains to. Editors
 * change a draft version and save the whole mapping at once; every other reader sees it.
 */
export function OutcomesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { versionId } = useParams({ strict: false }) as { versionId?: string };
  const id = Number(versionId);
  const outcomes = useOutcomes(id);
  const save = usePutOutcomes(id);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [named, setNamed] = useState<Map<number, Named>>(new Map());
  /** The row whose outcome descriptions are open. */
  const [textsRow, setTextsRow] = useState<Row>();
  const data = outcomes.data;
  useEffect(() => {
    if (!data) return;
    setDraft(draftOf(data));
    setNamed(new Map(data.competencies.map((c) => [c.competencyId, c])));
  }, [data]);
  const rows = useMemo<Row[]>(
    () =>
      data
        ? [
            ...data.disciplines.map((d) => ({
              key: `d${d.id}`,
              disciplineId: d.id,
              label: `${d.code} ${localized(d.name, locale)}`,
              semester: d.semester,
            })),
            ...PRACTICE_TYPES.map((p) => ({
              key: `p${p}`,
              practiceType: p,
              label: t(`outcomes.practices.${p}`),
            })),
          ]
        : [],
    [data, locale, t],
  );
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (outcomes.error instanceof ApiError && outcomes.error.status === 404) return <NotFoundPage />;
  if (outcomes.error) return <Alert color="red">{errorMessage(t, outcomes.error)}</Alert>;
  if (!data || !draft) return <PageLoader />;
  const editable = data.editable;
  const nameOf = (competencyId: number) => {
    const c = named.get(competencyId);
    return c ? `${c.code} ${localized(c.name, locale)}` : String(competencyId);
  };
  const update = (change: (d: Draft) => void) =>
    setDraft((d) => {
      if (!d) return d;
      const next = {
        ...d,
        promised: new Map(d.promised),
        levels: new Map(d.levels),
        columns: [...d.columns],
      };
      change(next);
      return next;
    });
  const addCompetency = (c: Competency) => {
    setNamed((m) =>
      new Map(m).set(c.id, {
        competencyId: c.id,
        code: c.code,
        frameworkCode: c.frameworkCode,
        type: c.type,
        name: c.name,
      }),
    );
    update((d) => {
      d.columns.push(c.id);
      d.promised.set(c.id, 3);
    });
  };
  const submit = () =>
    save.mutate(bodyOf(draft, rows), {
      onSuccess: () => notifications.show({ color: 'green', message: t('outcomes.saved') }),
    });
  const indexes = outcomeIndexes(draft, rows);
  const mappedOf = (row: Row) => draft.columns.filter((cid) => draft.levels.has(cellKey(row.key, cid)));
  const saveTexts = async (texts: Map<number, Texts>) => {
    const next = withTexts(draft, indexes, texts);
    await save.mutateAsync(bodyOf(next, rows));
    setDraft(next);
    notifications.show({ color: 'green', message: t('outcomes.saved') });
  };
  const issues = save.error instanceof ApiError ? save.error.issues : [];

  return (
    <Stack gap="md">
      <Group gap="sm">
        <Title order={1} size="h2">
          {t('outcomes.title', { code: data.programme.code, number: data.versionNumber })}
        </Title>
        <Badge variant="light">{t(`outcomes.status.${data.versionStatus}`)}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {localized(data.programme.name, locale)}
        {editable ? ` · ${t('outcomes.aboutEditable')}` : ''}
      </Text>
      <LockedNotice data={data} />
      <Text size="sm">{t('outcomes.scale')}</Text>
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('outcomes.promised')}
          </Title>
          <Table data-testid="promised-table">
            <caption className="visually-hidden-caption">{t('outcomes.promised')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('competencies.competency')}</Table.Th>
                <Table.Th scope="col">{t('competencies.type')}</Table.Th>
                <Table.Th scope="col">{t('outcomes.promisedLevel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.columns.map((cid) => {
                const c = named.get(cid);
                const level = draft.promised.get(cid);
                return (
                  <Table.Tr key={cid}>
                    <Table.Th scope="row" fw="normal">
                      {c ? `${c.frameworkCode} ` : ''}
                      {nameOf(cid)}
                    </Table.Th>
                    <Table.Td>{c ? <TypeBadge type={c.type} /> : null}</Table.Td>
                    <Table.Td>
                      {editable ? (
                        <LevelSelect
                          label={t('outcomes.promisedLevelOf', { name: nameOf(cid) })}
                          value={level}
                          onChange={(v) =>
                            update((d) => {
                              if (v === undefined) d.promised.delete(cid);
                              else d.promised.set(cid, v);
                            })
                          }
                        />
                      ) : (
                        (level ?? '–')
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {draft.columns.length === 0 ? <Text size="sm">{t('outcomes.noneYet')}</Text> : null}
          {editable ? (
            <CompetencyPicker
              label={t('outcomes.addCompetency')}
              placeholder={t('outcomes.searchCompetency')}
              nothingFound={t('outcomes.nothingFound')}
              w={420}
              onPick={addCompetency}
              exclude={draft.columns}
            />
          ) : null}
        </Stack>
      </Card>
      {draft.columns.length > 0 ? (
        <Table.ScrollContainer minWidth={400} maxHeight="70vh">
          <table style={MATRIX_STYLE} data-testid="outcomes-matrix">
            <caption className="visually-hidden-caption">{t('outcomes.matrix')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcomes.semester')}</th>
                <th scope="col">{t('outcomes.disciplineOrPractice')}</th>
                {draft.columns.map((cid) => (
                  <th key={cid} scope="col" title={nameOf(cid)} style={COLUMN_STYLE}>
                    {named.get(cid) ? localized(named.get(cid)!.name, locale) : cid}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td>{row.semester ?? ''}</td>
                  <th scope="row" style={ROW_STYLE}>
                    {row.label}{' '}
                    {mappedOf(row).length > 0 ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={t('outcomes.textsOfRow', { row: row.label })}
                        {...OutcomeTextsModal.opener}
                        onClick={() => {
                          save.reset();
                          setTextsRow(row);
                        }}
                      >
                        {t('outcomes.texts')}
                      </Button>
                    ) : null}
                  </th>
                  {draft.columns.map((cid) => {
                    const key = cellKey(row.key, cid);
                    const level = draft.levels.get(key);
                    return (
                      <td key={cid}>
                        {editable ? (
                          <LevelSelect
                            label={t('outcomes.levelOf', { row: row.label, name: nameOf(cid) })}
                            value={level}
                            onChange={(v) =>
                              update((d) => {
                                if (v === undefined) d.levels.delete(key);
                                else d.levels.set(key, v);
                              })
                            }
                          />
                        ) : (
                          (level ?? '')
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </Table.ScrollContainer>
      ) : null}
      {textsRow ? (
        <OutcomeTextsModal
          opened
          rowLabel={textsRow.label}
          editable={editable}
          readOnlyText={
            data.lockedBecause
              ? t(`outcomes.locked.${data.lockedBecause}`, { number: data.versionNumber })
              : ''
          }
          outcomes={mappedOf(textsRow).map((cid) => {
            const key = cellKey(textsRow.key, cid);
            return {
              index: indexes.get(key)!,
              competencyLabel: nameOf(cid),
              targetLevel: draft.levels.get(key)!,
              description: draft.descriptions.get(key) ?? EMPTY,
            };
          })}
          bodyWith={(texts) => bodyOf(withTexts(draft, indexes, texts), rows)}
          onSave={saveTexts}
          saving={save.isPending}
          serverError={save.error}
          onClose={() => setTextsRow(undefined)}
        />
      ) : null}
      {save.error && !textsRow ? (
        <Alert color="red" role="alert" data-testid="outcomes-error">
          {errorMessage(t, save.error)}
          {issues.length > 0 ? (
            <ul>
              {issues.map((issue) => (
                <li key={issue.path}>
                  {issue.path}: {serverIssueText(t, issue)}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {editable ? (
        <Group>
          <Button onClick={submit} loading={save.isPending} data-testid="outcomes-save">
            {t('outcomes.save')}
          </Button>
          <Button variant="default" onClick={() => setDraft(draftOf(data))}>
            {t('outcomes.reset')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
