import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.ts';

describe('isoTime', () => {
  it('writes what toISOString writes, the first time and from memory', () => {
    const dates = [
      new Date('2026-12-07T01:02:03.004Z'),
      new Date(0),
      new Date(-1),
      new Date('0099-01-01T00:00:00Z'),
      new Date('+012345-06-07T08:09:10.011Z'),
      new Date('-000001-01-01T00:00:00Z'),
    ];
    for (const date of dates) {
      expect(isoTime(date)).toBe(date.toISOString());
      expect(isoTime(new Date(date.getTime()))).toBe(date.toISOString());
    }
  });

  it('stays right after its memory is emptied', () => {
    const start = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const date = new Date(start + i * 1000);
      expect(isoTime(date)).toBe(date.toISOString());
    }
    expect(isoTime(new Date(start))).toBe(new Date(start).toISOString());
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
