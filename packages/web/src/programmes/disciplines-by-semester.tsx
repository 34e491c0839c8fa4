import { lazyDialog } from '../components/lazy-dialog';
import type { Discipline, ProgrammeVersionDetail } from '@kadr/contracts';
import { Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../components/row-actions';
import { useConfirmAction } from '../components/use-confirm-action';
import { currentLocale, localized } from '../i18n';
import { useDisciplineMutations } from './api';
import { DisciplineEquivalences } from './equivalences';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const DisciplineFormModal = lazyDialog(() =>
  import('./discipline-form-modal').then((m) => m.DisciplineFormModal),
);

/** The disciplines of each semester, in order, with the semester's credits and ECTS. */
export function semestersOf(disciplines: readonly Discipline[]) {
  const bySemester = new Map<number, Discipline[]>();
  for (const d of disciplines) bySemester.set(d.semester, [...(bySemester.get(d.semester) ?? []), d]);
  return [...bySemester.entries()]
    .sort(([a], [b]) => a - b)
    .map(([semester, rows]) => ({
      semester,
      rows,
      credits: rows.reduce((sum, d) => sum + d.credits, 0),
      ects: rows.reduce((sum, d) => sum + d.ects, 0),
    }));
}

/** One semester's table; its caption names the semester for screen readers and its footer sums the credits. */
function SemesterTable(props: {
  semester: ReturnType<typeof semestersOf>[number];
  editable: boolean;
  onEdit: (d: Discipline) => void;
  onDelete: (d: Discipline) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { semester } = props;
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  const toggle = (id: number) =>
    setShown((before) => {
      const after = new Set(before);
      if (!after.delete(id)) after.add(id);
      return after;
    });
  const columns = props.editable ? 9 : 8;
  const toggleText = (id: number) =>
    shown.has(id) ? t('programmes.hideEquivalences') : t('programmes.showEquivalences');
  const title = t('programmes.semesterN', { number: semester.semester });
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid={`semester-${semester.semester}`}>
        <caption className="visually-hidden-caption">{title}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('programmes.disciplineCode')}</Table.Th>
            <Table.Th scope="col">{t('programmes.discipline')}</Table.Th>
            <Table.Th scope="col">{t('programmes.credits')}</Table.Th>
            <Table.Th scope="col">{t('programmes.ects')}</Table.Th>
            <Table.Th scope="col">{t('programmes.cycle')}</Table.Th>
            <Table.Th scope="col">{t('programmes.component')}</Table.Th>
            <Table.Th scope="col">{t('programmes.labsAndEquipment')}</Table.Th>
            <Table.Th scope="col">{t('programmes.equivalences')}</Table.Th>
            {props.editable ? <Table.Th scope="col">{t('common.actions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {semester.rows.map((d) => (
            <Fragment key={d.id}>
              <Table.Tr>
                <Table.Td>{d.code}</Table.Td>
                <Table.Td>{localized(d.name, locale)}</Table.Td>
                <Table.Td>{d.credits}</Table.Td>
                <Table.Td>{d.ects}</Table.Td>
                <Table.Td>{t(`disciplineCycles.${d.cycle}`)}</Table.Td>
                <Table.Td>{t(`disciplineComponents.${d.component}`)}</Table.Td>
                <Table.Td>{[...d.labs, ...d.equipment].map((a) => a.code).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    aria-expanded={shown.has(d.id)}
                    aria-controls={shown.has(d.id) ? `equivalences-row-${d.id}` : undefined}
                    // The name starts with the visible text (axe: label-content-name-mismatch) and names the discipline.
                    aria-label={`${toggleText(d.id)}: ${t('programmes.equivalencesOf', { name: d.code })}`}
                    onClick={() => toggle(d.id)}
                    data-testid={`equivalences-toggle-${d.id}`}
                  >
                    {toggleText(d.id)}
                  </Button>
                </Table.Td>
                {props.editable ? (
                  <Table.Td>
                    <RowActions
                      actions={[
                        {
                          label: t('common.edit'),
                          ariaLabel: t('programmes.editOf', { name: d.code }),
                          opener: DisciplineFormModal.opener,
                          onClick: () => props.onEdit(d),
                        },
                        {
                          label: t('programmes.delete'),
                          ariaLabel: t('programmes.deleteOf', { name: d.code }),
                          onClick: () => props.onDelete(d),
                          color: 'red',
                        },
                      ]}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
              {shown.has(d.id) ? (
                <Table.Tr id={`equivalences-row-${d.id}`}>
                  <Table.Td colSpan={columns}>
                    <DisciplineEquivalences discipline={d} editable={props.editable} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('programmes.semesterTotal')}
            </Table.Th>
            <Table.Td fw={600}>{semester.credits}</Table.Td>
            <Table.Td fw={600}>{semester.ects}</Table.Td>
            <Table.Td colSpan={columns - 4} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The disciplines of a version grouped by semester, with totals; a draft being edited adds, edits and deletes them. */
export function DisciplinesBySemester({
  version: v,
  editable,
}: {
  version: ProgrammeVersionDetail;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Discipline | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const mutations = useDisciplineMutations(v.id);
  const confirm = useConfirmAction();
  const semesters = semestersOf(v.disciplines);
  const open = (d: Discipline | null) => {
    setEditing(d);
    setFormOpen(true);
  };
  return (
    <Card withBorder component="section" data-testid="version-disciplines">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('programmes.disciplines')}
          </Title>
          {editable ? (
            <Button
              {...DisciplineFormModal.opener}
              onClick={() => open(null)}
              data-testid="discipline-create"
            >
              {t('programmes.addDiscipline')}
            </Button>
          ) : null}
        </Group>
        <Text size="sm" data-testid="version-totals">
          {t('programmes.totals', {
            credits: v.credits,
            ects: v.ects,
            disciplines: v.disciplineCount,
            programmeCredits: v.programme.credits,
          })}
        </Text>
        {semesters.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('programmes.noDisciplines')}
          </Text>
        ) : null}
        {semesters.map((s) => (
          <Stack key={s.semester} gap={4}>
            <Title order={3} size="h4">
              {t('programmes.semesterN', { number: s.semester })}
            </Title>
            <SemesterTable
              semester={s}
              editable={editable}
              onEdit={open}
              onDelete={(d) =>
                confirm.ask({
                  title: t('programmes.deleteDisciplineTitle'),
                  message: t('programmes.deleteDisciplineConfirm', { name: d.code }),
                  confirmLabel: t('programmes.delete'),
                  run: () => mutations.remove.mutateAsync(d.id),
                  done: t('programmes.disciplineDeleted'),
                })
              }
            />
          </Stack>
        ))}
      </Stack>
      {editable ? (
        <DisciplineFormModal
          opened={formOpen}
          versionId={v.id}
          discipline={editing}
          semester={semesters.at(-1)?.semester ?? 1}
          maxSemester={v.programme.durationSemesters}
          onClose={() => setFormOpen(false)}
        />
      ) : null}
      {confirm.dialog}
    </Card>
  );
}
