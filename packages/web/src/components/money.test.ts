import { describe, expect, it } from 'vitest';
import { formatTenge, parseTenge } from './money';

describe('tenge', () => {
  it('parses typed amounts into tiyn', () => {
    expect(parseTenge('1 500 000,50')).toBe(150000050);
    expect(parseTenge('12.5')).toBe(1250);
    expect(parseTenge('7')).toBe(700);
    expect(parseTenge('1.234')).toBeUndefined();
    expect(parseTenge('abc')).toBeUndefined();
  });

  it('formats tiyn with grouping', () => {
    expect(formatTenge(150000050, 'en')).toBe('1,500,000.50 ₸');
    expect(formatTenge(100000, 'en')).toBe('1,000 ₸');
  });
});
