import { describe, expect, it } from 'vitest';
import { createStudentBodySchema, iinControlDigit, isValidIin } from './students.ts';

describe('the IIN', () => {
  it('accepts a published example whose control digit takes the second weights (061211600012)', () => {
    // 1..11 weights give 87 mod 11 = 10, so 3..11,1,2 give 112 mod 11 = 2, the 12th digit.
    expect(iinControlDigit('06121160001')).toBe(2);
    expect(isValidIin('061211600012')).toBe(true);
  });

  it('takes the first weights when they do not give 10', () => {
    // 9*1+5*2+0*3+1*4+0*5+1*6+3*7+0*8+0*9+0*10+1*11 = 61, 61 mod 11 = 6.
    expect(iinControlDigit('95010130001')).toBe(6);
    expect(isValidIin('950101300016')).toBe(true);
    expect(isValidIin('950101300015')).toBe(false);
  });

  it('refuses any other last digit, and anything but 12 digits', () => {
    for (const valid of ['061211600012', '950101300016'])
      for (let d = 0; d <= 9; d++) {
        const changed = `${valid.slice(0, 11)}${d}`;
        expect([changed, isValidIin(changed)]).toEqual([changed, changed === valid]);
      }
    for (const text of ['', '06121160001', '0612116000120', '06121160001a', ' 061211600012x'])
      expect(isValidIin(text)).toBe(false);
  });

  it('has no control digit when both weightings give 10 (no such IIN is issued)', () => {
    const stems = Array.from({ length: 20000 }, (_, n) => String(n).padStart(11, '0'));
    const impossible = stems.filter((s) => iinControlDigit(s) === undefined);
    expect(impossible.length).toBeGreaterThan(0);
    for (const s of impossible.slice(0, 5))
      for (let d = 0; d <= 9; d++) expect(isValidIin(`${s}${d}`)).toBe(false);
  });

  it('names the rule of a wrong control digit so that clients can translate it', () => {
    const parsed = createStudentBodySchema.safeParse({ iin: '061211600013', fullName: 'A' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['iin'], params: { rule: 'iinChecksum' } });
  });
});
