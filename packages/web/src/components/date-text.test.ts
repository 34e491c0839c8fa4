import { describe, expect, it } from 'vitest';
import { fromPickerValue, parseDateText, toPickerValue } from './date-text';

describe('typed dates', () => {
  it('reads the kk/ru and en patterns and ISO', () => {
    expect(parseDateText('02.09.2024', false)).toBe('2024-09-02');
    expect(parseDateText('2/9/2024', false)).toBe('2024-09-02');
    expect(parseDateText('2024-09-02', false)).toBe('2024-09-02');
    expect(parseDateText(' 02.09.2024 10:05 ', true)).toBe('2024-09-02 10:05:00');
    expect(parseDateText('2024-09-02T10:05', true)).toBe('2024-09-02 10:05:00');
    expect(parseDateText('02/09/2024, 9:30', true)).toBe('2024-09-02 09:30:00');
  });

  it('refuses dates and times that do not exist, and text that is not a date', () => {
    for (const bad of ['31.02.2026', '00.01.2026', '2026-13-01', '02.09.24', 'tomorrow', '']) {
      expect(parseDateText(bad, false), bad).toBeNull();
    }
    expect(parseDateText('02.09.2024 24:00', true)).toBeNull();
    expect(parseDateText('02.09.2024 10:60', true)).toBeNull();
  });

  it('converts between the form value and the input value both ways', () => {
    expect(toPickerValue('', false)).toBeNull();
    expect(toPickerValue('2024-09-02', false)).toBe('2024-09-02');
    expect(toPickerValue('2024-09-02T10:05', true)).toBe('2024-09-02 10:05:00');
    expect(fromPickerValue('2024-09-02 10:05:00', true)).toBe('2024-09-02T10:05');
    expect(fromPickerValue('2024-09-02', true)).toBe('2024-09-02T00:00');
    expect(fromPickerValue(null, false)).toBe('');
  });
});
