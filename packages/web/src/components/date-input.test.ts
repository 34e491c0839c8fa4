import { describe, expect, it } from 'vitest';
import { endOfDay, fromLocalInput, toLocalInput } from './date-input';

describe('datetime-local conversions', () => {
  it('round-trips an instant through the input value', () => {
    const iso = '2026-03-02T04:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('reads a bare date as local midnight and gives undefined for empty or bad text', () => {
    expect(fromLocalInput('2026-03-02')).toBe(new Date(2026, 2, 2).toISOString());
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('not a date')).toBeUndefined();
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('ends a day at the next local midnight', () => {
    expect(endOfDay('2026-03-02')).toBe(new Date(2026, 2, 3).toISOString());
    expect(endOfDay('')).toBeUndefined();
  });
});
