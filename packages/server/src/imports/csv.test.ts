import { describe, expect, it } from 'vitest';
import { parseAllocations } from './investments.importer.ts';
import { date, kzt } from './columns.ts';
import { detectDelimiter, parseCsv } from './csv.ts';

describe('CSV reader', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks, keeping file line numbers', () => {
    const records = parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""",3\r\n"multi\nline",2,\n\nlast,1,2');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', '3'] },
      { line: 3, fields: ['multi\nline', '2', ''] },
      { line: 5, fields: [''] },
      { line: 6, fields: ['last', '1', '2'] },
    ]);
  });

  it('detects a semicolon separator (Kazakh and Russian spreadsheet locales)', () => {
    expect(detectDelimiter('a;b;"c,d"\n1;2;3')).toBe(';');
    expect(parseCsv('a;b\n"1,5";Қарағанды')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1,5', 'Қарағанды'] },
    ]);
  });
});

describe('import cells', () => {
  it('reads tenge amounts exactly into tiyn and refuses floats with more decimals', () => {
    expect(kzt('1 500 000,50')).toEqual({ ok: true, value: 150_000_050 });
    expect(kzt('0.1')).toEqual({ ok: true, value: 10 });
    expect(kzt('12.345').ok).toBe(false);
    expect(kzt('-5').ok).toBe(false);
    expect(kzt('0').ok).toBe(false);
  });

  it('reads ISO and dotted dates and refuses impossible ones', () => {
    expect(date('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(date('01.09.2023')).toEqual({ ok: true, value: '2023-09-01' });
    expect(date('2023-02-29').ok).toBe(false);
    expect(date('09/01/2023').ok).toBe(false);
  });

  it('reads allocation cells and names the part it cannot read', () => {
    expect(parseAllocations('lab:MET-201=1000; equipment:KDTU-EQ-0001=250,50 | eq:X1=1')).toEqual({
      ok: true,
      value: [
        { asset: 'lab', code: 'MET-201', amountTiyn: 100_000 },
        { asset: 'equipment', code: 'KDTU-EQ-0001', amountTiyn: 25_050 },
        { asset: 'equipment', code: 'X1', amountTiyn: 100 },
      ],
    });
    expect(parseAllocations('room:1=5')).toMatchObject({
      ok: false,
      message: expect.stringContaining('room:1=5'),
    });
  });
});
