import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDateOf,
  DEFAULT_TIME_ZONE,
  daysBetween,
  startOfDate,
  weekdaysBetween,
  zonedInstant,
  zoneOffsetMs,
} from './calendar.ts';

const at = (iso: string) => new Date(iso);

describe('university calendar in the configured zone', () => {
  it('takes today in Almaty time (UTC+5), not UTC', () => {
    expect(calendarDateOf(at('2025-03-01T18:59:59Z'), DEFAULT_TIME_ZONE)).toBe('2025-03-01');
    expect(calendarDateOf(at('2025-03-01T19:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2025-03-02');
    expect(startOfDate('2025-03-02', DEFAULT_TIME_ZONE).toISOString()).toBe('2025-03-01T19:00:00.000Z');
  });

  it('follows the zone it is given: Asia/Aqtobe (+05), UTC and America/Bogota (-05)', () => {
    expect(calendarDateOf(at('2025-03-01T19:00:00Z'), 'Asia/Aqtobe')).toBe('2025-03-02');
    expect(calendarDateOf(at('2025-03-01T19:00:00Z'), 'UTC')).toBe('2025-03-01');
    expect(calendarDateOf(at('2025-03-02T04:59:59Z'), 'America/Bogota')).toBe('2025-03-01');
    expect(startOfDate('2025-03-02', 'America/Bogota').toISOString()).toBe('2025-03-02T05:00:00.000Z');
  });

  it('keeps Almaty on UTC+6 before March 2024, when Kazakhstan moved to one zone', () => {
    expect(zoneOffsetMs(at('2024-02-28T12:00:00Z'), 'Asia/Almaty')).toBe(6 * 3_600_000);
    expect(zoneOffsetMs(at('2024-03-02T12:00:00Z'), 'Asia/Almaty')).toBe(5 * 3_600_000);
    expect(startOfDate('2023-09-01', 'Asia/Almaty').toISOString()).toBe('2023-08-31T18:00:00.000Z');
  });

  it('follows daylight saving in Europe/Berlin (UTC+1 in winter, UTC+2 in summer)', () => {
    expect(startOfDate('2025-01-15', 'Europe/Berlin').toISOString()).toBe('2025-01-14T23:00:00.000Z');
    expect(startOfDate('2025-07-15', 'Europe/Berlin').toISOString()).toBe('2025-07-14T22:00:00.000Z');
    // The clocks go forward at 02:00 on 30 March 2025 and back at 03:00 on 26 October 2025.
    expect(startOfDate('2025-03-31', 'Europe/Berlin').toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(startOfDate('2025-10-27', 'Europe/Berlin').toISOString()).toBe('2025-10-26T23:00:00.000Z');
    expect(calendarDateOf(at('2025-07-14T21:59:59Z'), 'Europe/Berlin')).toBe('2025-07-14');
    expect(calendarDateOf(at('2025-07-14T22:00:00Z'), 'Europe/Berlin')).toBe('2025-07-15');
    expect(calendarDateOf(at('2025-01-14T22:59:59Z'), 'Europe/Berlin')).toBe('2025-01-14');
  });

  it('reads a skipped wall time just after the change and a repeated one as its first instant', () => {
    expect(zonedInstant('2025-03-30', 'Europe/Berlin', '02:30').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    expect(zonedInstant('2025-10-26', 'Europe/Berlin', '02:30').toISOString()).toBe(
      '2025-10-26T00:30:00.000Z',
    );
    expect(zonedInstant('2025-10-26', 'Europe/Berlin', '09:00').toISOString()).toBe(
      '2025-10-26T08:00:00.000Z',
    );
    // São Paulo skipped midnight on 4 November 2018: the day began at 01:00 (-02:00).
    expect(startOfDate('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(calendarDateOf(startOfDate('2018-11-04', 'America/Sao_Paulo'), 'America/Sao_Paulo')).toBe(
      '2018-11-04',
    );
  });

  it('refuses an unknown zone', () => {
    expect(() => calendarDateOf(at('2025-03-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('adds days and counts days and weekdays across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-01-01', '2025-03-31')).toBe(89);
    expect(daysBetween('2025-01-02', '2025-01-01')).toBe(-1);
    expect(weekdaysBetween('2025-03-03', '2025-03-09')).toBe(5);
    expect(weekdaysBetween('2025-03-08', '2025-03-09')).toBe(0);
    expect(weekdaysBetween('2025-03-10', '2025-03-09')).toBe(0);
  });
});
