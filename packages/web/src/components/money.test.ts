import { describe, expect, it } from 'vitest';
import { parseKzt } from '@kadr/contracts';
import { formatTenge } from './money';

describe('tenge', () => {
  it("parses typed amounts into tiyn with the contracts' parseKzt, narrow spaces included", () => {
    expect(parseKzt('1\u202f500\u00a0000,50')).toBe(150000050);
    expect(parseKzt('1 500 000,50')).toBe(150000050);
    expect(parseKzt('12.5')).toBe(1250);
    expect(parseKzt('7')).toBe(700);
    expect(parseKzt('1.234')).toBeUndefined();
    expect(parseKzt('abc')).toBeUndefined();
  });

  it('formats tiyn with grouping', () => {
    expect(formatTenge(150000050, 'en')).toBe('1,500,000.50 ₸');
    expect(formatTenge(100000, 'en')).toBe('1,000 ₸');
  });
});
