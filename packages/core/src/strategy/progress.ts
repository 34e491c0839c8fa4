/**
 * Targets, periods and milestones of the strategy tracker: pure, the day comes in as an argument.
 */
import type { KpiDirection } from './registry.ts';

/**
 * Progress towards a target, from 0 up (1 = met; above 1 = exceeded): value / target for a KPI where more is
 * better, target / value where less is better. Null when there is no value, or the target cannot be divided by.
 * @example targetProgress({ value: 3, target: 5, direction: 'increase' }) // 0.6
 */
export function targetProgress(input: {
  value: number | null;
  target: number;
  direction: KpiDirection;
}): number | null {
  const { value, target, direction } = input;
  if (value === null) return null;
  if (direction === 'increase') return target > 0 ? round4(value / target) : value >= target ? 1 : null;
  if (value <= 0) return value <= target ? 1 : null;
  return round4(target / value);
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** A snapshot period: a calendar month, `YYYY-MM`. */
export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The period (`YYYY-MM`) a calendar day falls in. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * The `count` periods ending with `last`, oldest first.
 * @example periodsUpTo('2026-02', 3) // ['2025-12', '2026-01', '2026-02']
 */
export function periodsUpTo(last: string, count: number): string[] {
  const index = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7)) - 1;
  const periods: string[] = [];
  for (let i = index - count + 1; i <= index; i++) {
    periods.push(`${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return periods;
}

/** The stored statuses of a project milestone; `overdue` is read from the due date. */
export const STORED_MILESTONE_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;
/** A stored milestone status. */
export type StoredMilestoneStatus = (typeof STORED_MILESTONE_STATUSES)[number];
/** A milestone's status as shown: the stored one, or `overdue` when still open after its due date. */
export type MilestoneStatus = StoredMilestoneStatus | 'overdue';

/** A milestone's status on `today`: pending or in progress past the due date reads as `overdue`. */
export function effectiveMilestoneStatus(
  m: { status: StoredMilestoneStatus; dueOn: string },
  today: string,
): MilestoneStatus {
  if ((m.status === 'pending' || m.status === 'in_progress') && m.dueOn < today) return 'overdue';
  return m.status;
}
