import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DialogOpener } from './lazy-dialog';
import { type RowAction, RowActions } from './row-actions';
import { useConfirmAction } from './use-confirm-action';
import { type SimpleColumn, SimpleTable } from './simple-table';

/** Props of {@link EditableSection}. */
export interface EditableSectionProps<T> {
  title: string;
  testId?: string;
  rows: readonly T[];
  rowKey: (row: T) => number;
  columns: SimpleColumn<T>[];
  rowProps?: (row: T) => Record<string, unknown>;
  /** Whether the viewer may write (the server's policy); without it the section is read-only. */
  canEdit: boolean;
  /** Texts of this kind of record: `add`, `editOf`, `deleteOf`, `deleteTitle`, `deleteConfirm`, `deleted`, `delete` under this i18n prefix. */
  texts: string;
  /** The row's name in buttons and the delete question. */
  nameOf: (row: T) => string;
  remove: (row: T) => Promise<unknown>;
  /** The create/edit dialog; `row` is null when adding. */
  renderForm: (opened: boolean, row: T | null, onClose: () => void) => ReactNode;
  /** The lazy form dialog's opener (`lazyDialog`): Add and Edit start loading it on hover or focus. */
  formOpener?: DialogOpener;
  /** More row buttons between Edit and Delete (e.g. "Set status"). */
  extraActions?: (row: T) => RowAction[];
}

/**
 * A titled table of a partner's or an agreement's records with Add, Edit and Delete (confirmed) for
 * those allowed to write; shared by contacts, joint programmes and obligations.
 */
export function EditableSection<T>(props: EditableSectionProps<T>) {
  const { t } = useTranslation();
  const confirm = useConfirmAction();
  const [form, setForm] = useState<{ row: T | null } | null>(null);
  const k = (key: string) => `${props.texts}.${key}`;

  const actions: SimpleColumn<T> = {
    key: 'actions',
    header: t('common.actions'),
    render: (row) => {
      const name = props.nameOf(row);
      return (
        <RowActions
          actions={[
            {
              label: t('common.edit'),
              ariaLabel: t(k('editOf'), { name }),
              opener: props.formOpener,
              onClick: () => setForm({ row }),
            },
            ...(props.extraActions?.(row) ?? []),
            {
              label: t(k('delete')),
              ariaLabel: t(k('deleteOf'), { name }),
              color: 'red',
              onClick: () =>
                confirm.ask({
                  title: t(k('deleteTitle')),
                  message: t(k('deleteConfirm'), { name }),
                  confirmLabel: t(k('delete')),
                  run: () => props.remove(row),
                  done: t(k('deleted')),
                }),
            },
          ]}
        />
      );
    },
  };

  return (
    <Stack gap="xs" component="section">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {props.title}
        </Title>
        {props.canEdit ? (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            {...props.formOpener}
            onClick={() => setForm({ row: null })}
          >
            {t(k('add'))}
          </Button>
        ) : null}
      </Group>
      <SimpleTable<T>
        caption={props.title}
        testId={props.testId}
        rows={props.rows}
        rowKey={props.rowKey}
        rowProps={props.rowProps}
        columns={props.canEdit ? [...props.columns, actions] : props.columns}
      />
      {props.canEdit ? (
        <>
          {props.renderForm(form !== null, form?.row ?? null, () => setForm(null))}
          {confirm.dialog}
        </>
      ) : null}
    </Stack>
  );
}
