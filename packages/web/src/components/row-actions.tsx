import { ActionIcon, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DialogOpener } from './lazy-dialog';

/** One button of {@link RowActions}. */
export interface RowAction {
  label: string;
  /** The accessible name, naming the row (e.g. "Delete contact Aida Nurlanovna"). */
  ariaLabel: string;
  onClick: () => void;
  color?: string;
  /** Shown instead of the label in narrow tables (the label becomes the tooltip). */
  icon?: ReactNode;
  /** The lazy dialog the button opens: its code loads on hover or focus. */
  opener?: DialogOpener;
}

/** Small buttons at the end of a table row (edit, change status, delete). */
export function RowActions({ actions }: { actions: RowAction[] }) {
  return (
    <Group gap="xs" wrap="nowrap">
      {actions.map((a) =>
        a.icon ? (
          <ActionIcon
            key={a.label}
            variant="light"
            color={a.color}
            aria-label={a.ariaLabel}
            title={a.label}
            {...a.opener}
            onClick={a.onClick}
          >
            {a.icon}
          </ActionIcon>
        ) : (
          <Button
            key={a.label}
            size="compact-sm"
            variant="light"
            color={a.color}
            aria-label={a.ariaLabel}
            {...a.opener}
            onClick={a.onClick}
          >
            {a.label}
          </Button>
        ),
      )}
    </Group>
  );
}
