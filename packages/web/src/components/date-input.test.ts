import { afterEach, describe, expect, it } from 'vitest';
import { endOfDay, fromLocalInput, toLocalInput, todayInput } from './date-input';
import { DEFAULT_TIME_ZONE, setTimeZone } from './format';

// Whatever the machine's zone, the inputs read the university's clock (Asia/Almaty, UTC+5 since March 2024).
afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe('date-time input conversions', () => {
  it('shows an instant on the university clock and reads it back', () => {
    expect(toLocalInput('2026-03-02T04:30:00.000Z')).toBe('2026-03-02T09:30');
    expect(fromLocalInput('2026-03-02T09:30')).toBe('2026-03-02T04:30:00.000Z');
  });

  it('follows the zone the server names, including its past offsets', () => {
    setTimeZone('UTC');
    expect(fromLocalInput('2026-03-02T09:30')).toBe('2026-03-02T09:30:00.000Z');
    setTimeZone('Asia/Almaty');
    // Almaty kept UTC+6 until 1 March 2024.
    expect(fromLocalInput('2023-06-01T09:00')).toBe('2023-06-01T03:00:00.000Z');
    setTimeZone('Europe/Berlin');
    expect(fromLocalInput('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(toLocalInput('2026-01-01T12:00:00Z')).toBe('2026-01-01T13:00');
  });

  it('reads a bare date as midnight at the university and gives undefined for empty or bad text', () => {
    expect(fromLocalInput('2026-03-02')).toBe('2026-03-01T19:00:00.000Z');
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('not a date')).toBeUndefined();
    expect(fromLocalInput('2026-13-02')).toBeUndefined();
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('ends a day at the next midnight at the university, across a month end', () => {
    expect(endOfDay('2026-03-02')).toBe('2026-03-02T19:00:00.000Z');
    expect(endOfDay('2026-01-31')).toBe('2026-01-31T19:00:00.000Z');
    expect(endOfDay('')).toBeUndefined();
  });

  it("takes today's date at the university, which may already be tomorrow in UTC", () => {
    expect(todayInput(new Date('2026-03-02T20:00:00Z'))).toBe('2026-03-03');
    expect(todayInput(new Date('2026-03-02T18:00:00Z'))).toBe('2026-03-02');
  });
});
