import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  currentTimeZone,
  datePattern,
  formatDate,
  formatDateTime,
  formatTime,
  setTimeZone,
} from './format';

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe('date and time formatting', () => {
  it('has one date pattern per language, whether the API sends a calendar date or an instant', () => {
    expect(formatDate('2026-04-14', 'kk')).toBe('14.04.2026');
    expect(formatDate('2026-04-14', 'ru')).toBe('14.04.2026');
    expect(formatDate('2026-04-14', 'en')).toBe('14/04/2026');
    expect(formatDate('2023-04-18T00:00:00+05:00', 'kk')).toBe('18.04.2023');
    expect(datePattern('ru')).toBe('DD.MM.YYYY');
    expect(datePattern('en')).toBe('DD/MM/YYYY');
  });

  it('shows times in the university zone, not the machine one', () => {
    // 04:00 UTC is 09:00 in Almaty: the lab session the issue saw as 04:00 in a UTC browser.
    expect(formatTime('2026-03-02T04:00:00Z')).toBe('09:00');
    expect(formatDateTime('2026-03-02T04:00:00Z', 'ru')).toBe('02.03.2026, 09:00');
    expect(formatDateTime('2026-03-02T20:30:00Z', 'en')).toBe('03/03/2026, 01:30');
    setTimeZone('UTC');
    expect(formatDateTime('2026-03-02T04:00:00Z', 'kk')).toBe('02.03.2026, 04:00');
  });

  it('keeps a calendar date as it is in any zone, and answers a dash for none', () => {
    setTimeZone('America/Los_Angeles');
    expect(formatDate('2026-04-14', 'ru')).toBe('14.04.2026');
    expect(formatDate(null, 'ru')).toBe('—');
    expect(formatDateTime(undefined, 'en')).toBe('—');
    expect(formatDate('garbage', 'en')).toBe('garbage');
  });
});

describe("the university's time zone", () => {
  it('is the one the server named, or the default when this browser cannot format in it (checked when first read)', () => {
    setTimeZone('Europe/Berlin');
    expect(currentTimeZone()).toBe('Europe/Berlin');
    setTimeZone('Mars/Olympus_Mons');
    expect(currentTimeZone()).toBe(DEFAULT_TIME_ZONE);
    expect(formatDateTime('2026-01-31T10:00:00Z', 'ru')).toBe('31.01.2026, 15:00');
  });
});
