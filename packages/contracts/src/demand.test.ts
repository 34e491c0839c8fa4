import { describe, expect, it } from 'vitest';
import { nationalCodeIssues, unitGroupOf } from './demand.ts';

const uri = (n: number) => `http://data.europa.eu/esco/occupation/0a1b2c3d-0000-4000-8000-00000000000${n}`;

describe('national classifier codes against ISCO-08 unit groups', () => {
  it('reads the unit group from the first four digits', () => {
    expect(unitGroupOf('2146-1-002')).toBe('2146');
    expect(unitGroupOf(' 2511 ')).toBe('2511');
    expect(unitGroupOf('214')).toBeNull();
    expect(unitGroupOf('')).toBeNull();
  });

  it('reports a later line of one occupation in another unit group, and nothing else', () => {
    expect(
      nationalCodeIssues([
        { occupationUri: uri(1), nationalCode: '' },
        { occupationUri: uri(1), nationalCode: '2146-1-002' },
        { occupationUri: uri(2), nationalCode: '2141' },
        { occupationUri: uri(1), nationalCode: '2146' },
        { occupationUri: uri(1), nationalCode: '2144-2-004' },
        { occupationUri: uri(2), nationalCode: '21' },
        { occupationUri: uri(2), nationalCode: '2511-0-002' },
      ]),
    ).toEqual([
      { index: 4, message: expect.stringContaining('2146 on line 2; this code is in 2144') },
      { index: 6, message: expect.stringContaining('2141 on line 3; this code is in 2511') },
    ]);
  });
});
