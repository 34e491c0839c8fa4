import { lazyDialog } from '../components/lazy-dialog';
import type { CreditEquivalence, Discipline } from '@kadr/contracts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowActions } from '../components/row-actions';
import { SimpleTable } from '../components/simple-table';
import { useConfirmAction } from '../components/use-confirm-action';
import { useEquivalenceMutations, useEquivalences } from './api';

// The form dialogs, with zod and the contracts' schemas, load when they first open (ADR 0019).
const EquivalenceFormModal = lazyDialog(() =>
  import('./equivalence-form-modal').then((m) => m.EquivalenceFormModal),
);

/**
 * The credit equivalences of one discipline: partner university, course code and title, ECTS, the rule with its
 * explanation and the note; a draft being edited adds, edits and deletes them. A partner sees its own only.
 */
export function DisciplineEquivalences({
  discipline: d,
  editable,
}: {
  discipline: Discipline;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const equivalences = useEquivalences(d.id);
  const mutations = useEquivalenceMutations(d.id);
  const confirm = useConfirmAction();
  const [editing, setEditing] = useState<CreditEquivalence | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const open = (e: CreditEquivalence | null) => {
    setEditing(e);
    setFormOpen(true);
  };
  const rows = equivalences.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="discipline-equivalences">
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('programmes.equivalencesOf', { name: d.code })}
        </Text>
        {editable ? (
          <Button
            size="compact-sm"
            {...EquivalenceFormModal.opener}
            onClick={() => open(null)}
            data-testid="equivalence-create"
          >
            {t('programmes.addEquivalence')}
          </Button>
        ) : null}
      </Group>
      {equivalences.isPending ? (
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      ) : (
        <SimpleTable
          caption={t('programmes.equivalencesOf', { name: d.code })}
          rows={rows}
          rowKey={(e) => e.id}
          columns={[
            {
              key: 'partner',
              header: t('programmes.partnerUniversity'),
              render: (e) => e.organisationShortName,
            },
            { key: 'code', header: t('programmes.courseCode'), render: (e) => e.courseCode },
            { key: 'title', header: t('programmes.courseTitle'), render: (e) => e.courseTitle },
            { key: 'ects', header: t('programmes.partnerEcts'), render: (e) => e.partnerEcts },
            {
              key: 'rule',
              header: t('programmes.equivalenceRule'),
              render: (e) => (
                <Stack gap={0}>
                  <Text size="sm">{t(`equivalenceRules.${e.rule}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`equivalenceRuleHints.${e.rule}`)}
                  </Text>
                </Stack>
              ),
            },
            { key: 'note', header: t('programmes.note'), render: (e) => e.note || '—' },
            ...(editable
              ? [
                  {
                    key: 'actions',
                    header: t('common.actions'),
                    render: (e: CreditEquivalence) => (
                      <RowActions
                        actions={[
                          {
                            label: t('common.edit'),
                            ariaLabel: t('programmes.editOf', { name: e.courseCode }),
                            opener: EquivalenceFormModal.opener,
                            onClick: () => open(e),
                          },
                          {
                            label: t('programmes.delete'),
                            ariaLabel: t('programmes.deleteOf', { name: e.courseCode }),
                            color: 'red',
                            onClick: () =>
                              confirm.ask({
                                title: t('programmes.deleteEquivalenceTitle'),
                                message: t('programmes.deleteEquivalenceConfirm', {
                                  course: e.courseCode,
                                  name: d.code,
                                }),
                                confirmLabel: t('programmes.delete'),
                                run: () => mutations.remove.mutateAsync(e.id),
                                done: t('programmes.equivalenceDeleted'),
                              }),
                          },
                        ]}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editable ? (
        <EquivalenceFormModal
          opened={formOpen}
          disciplineId={d.id}
          ects={d.ects}
          equivalence={editing}
          onClose={() => setFormOpen(false)}
        />
      ) : null}
      {confirm.dialog}
    </Stack>
  );
}
