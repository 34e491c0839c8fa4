import { ActionIcon, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconX } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One entry of a {@link RankedList}. */
export interface RankedItem {
  id: number;
  /** The accessible name of the entry (its title). */
  label: string;
  detail?: ReactNode;
}

/** Moves the entry at `from` to `to` (both in range). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/**
 * An ordered list that the reader reorders by dragging an entry with the mouse, or from the keyboard with the
 * move-up and move-down buttons of each entry; every move is announced in an aria-live region ("X is now 2 of 3").
 * The focus follows the moved entry's button, so a keyboard user can press it again; an entry added from outside
 * (`added`) takes the focus itself and its addition is announced.
 */
export function RankedList({
  items,
  onChange,
  editable,
  testId,
  label,
  added,
}: {
  items: RankedItem[];
  onChange: (ids: number[]) => void;
  editable: boolean;
  testId: string;
  /** The list's accessible name. */
  label: string;
  /**
   * The entry just added from outside the list (`at` tells one addition from the next): it takes the focus, since
   * the button that added it leaves the page, and the addition is announced.
   */
  added?: { id: number; at: number } | null;
}) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const entries = useRef(new Map<number, HTMLLIElement | null>());
  const ids = items.map((i) => i.id);
  const addedAt = added?.at;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per addition, when the entry has rendered
  useEffect(() => {
    if (!added) return;
    const index = items.findIndex((i) => i.id === added.id);
    if (index < 0) return;
    entries.current.get(added.id)?.focus();
    setAnnouncement(
      t('ranking.added', { title: items[index]!.label, position: index + 1, total: items.length }),
    );
  }, [addedAt]);

  const move = (from: number, to: number, focus?: 'up' | 'down') => {
    if (to < 0 || to >= items.length || from === to) return;
    const item = items[from]!;
    onChange(moveItem(ids, from, to));
    setAnnouncement(t('ranking.moved', { title: item.label, position: to + 1, total: items.length }));
    if (focus) {
      // After the re-render, keep the focus on the same button of the moved entry (or the other one at an end).
      requestAnimationFrame(() => {
        const edge = (focus === 'up' && to === 0) || (focus === 'down' && to === items.length - 1);
        const which = edge ? (focus === 'up' ? 'down' : 'up') : focus;
        buttons.current.get(`${item.id}:${which}`)?.focus();
      });
    }
  };
  const remove = (index: number) => {
    const item = items[index]!;
    onChange(ids.filter((id) => id !== item.id));
    setAnnouncement(t('ranking.removed', { title: item.label }));
  };

  return (
    <Stack gap="xs">
      <div
        aria-live="polite"
        role="status"
        className="visually-hidden-caption"
        data-testid={`${testId}-live`}
      >
        {announcement}
      </div>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('ranking.empty')}
        </Text>
      ) : (
        <ol aria-label={label} data-testid={testId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item, index) => (
            <li
              key={item.id}
              data-id={item.id}
              ref={(el) => {
                entries.current.set(item.id, el);
              }}
              tabIndex={-1}
              draggable={editable}
              onDragStart={(e) => {
                setDragged(index);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', String(item.id));
              }}
              onDragOver={(e) => {
                if (dragged !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null) move(dragged, index);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              style={{ marginBottom: 6, opacity: dragged === index ? 0.5 : 1 }}
            >
              <Paper withBorder p="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Group gap="sm" wrap="nowrap">
                    {editable ? (
                      <IconGripVertical size={18} aria-hidden="true" style={{ cursor: 'grab' }} />
                    ) : null}
                    <Badge variant="filled" size="lg" circle aria-hidden="true">
                      {index + 1}
                    </Badge>
                    <Stack gap={0}>
                      <Text fw={500}>
                        <span className="visually-hidden-caption">
                          {t('ranking.position', { position: index + 1 })}{' '}
                        </span>
                        {item.label}
                      </Text>
                      {item.detail ? (
                        <Text size="sm" c="dimmed" component="div">
                          {item.detail}
                        </Text>
                      ) : null}
                    </Stack>
                  </Group>
                  {editable ? (
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="default"
                        aria-label={t('ranking.moveUp', { title: item.label })}
                        disabled={index === 0}
                        ref={(el) => {
                          buttons.current.set(`${item.id}:up`, el);
                        }}
                        onClick={() => move(index, index - 1, 'up')}
                        data-testid={`move-up-${item.id}`}
                      >
                        <IconArrowUp size={16} aria-hidden="true" />
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        aria-label={t('ranking.moveDown', { title: item.label })}
                        disabled={index === items.length - 1}
                        ref={(el) => {
                          buttons.current.set(`${item.id}:down`, el);
                        }}
                        onClick={() => move(index, index + 1, 'down')}
                        data-testid={`move-down-${item.id}`}
                      >
                        <IconArrowDown size={16} aria-hidden="true" />
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        color="red"
                        aria-label={t('ranking.remove', { title: item.label })}
                        onClick={() => remove(index)}
                        data-testid={`remove-${item.id}`}
                      >
                        <IconX size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Group>
                  ) : null}
                </Group>
              </Paper>
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}
