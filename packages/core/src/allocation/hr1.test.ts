import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHr1Matching, Hr1ParseError, Hr1Reader, indexHr1, parseHr1 } from './hr1.ts';
import { solveDeferredAcceptance } from './kernel.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The example of the docs: 3 applicants, 2 programmes of one seat each. */
const TINY = `HR1 3 2 4
1 1
2 0 1
1 0
1 1
2 1 0
2 0 2
`;

function solveText(text: string): string {
  return decode(formatHr1Matching(solveDeferredAcceptance(parseHr1(encode(text))).match));
}

function parseError(text: string): Hr1ParseError {
  try {
    parseHr1(encode(text));
  } catch (error) {
    if (error instanceof Hr1ParseError) return error;
    throw error;
  }
  throw new Error('expected an Hr1ParseError');
}

/** A random HR1 instance as text: random lists, random strict rankings of the applicants that listed. */
const hr1TextArb = fc
  .record({ n: fc.integer({ min: 0, max: 9 }), m: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, m }) =>
    fc.record({
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: m, maxLength: m }),
      prefs: fc.array(fc.shuffledSubarray([...Array(m).keys()]), { minLength: n, maxLength: n }),
      priority: fc.array(fc.array(fc.integer(), { minLength: n, maxLength: n }), {
        minLength: m,
        maxLength: m,
      }),
    }),
  )
  .map(({ capacity, prefs, priority }) => {
    const rankings = capacity.map((_, j) =>
      prefs
        .map((_, a) => a)
        .filter((a) => prefs[a]!.includes(j))
        .sort((x, y) => priority[j]![x]! - priority[j]![y]! || x - y),
    );
    const e = prefs.flat().length;
    const lines = [`HR1 ${prefs.length} ${capacity.length} ${e}`, capacity.join(' ')];
    for (const list of [...prefs, ...rankings]) lines.push([list.length, ...list].join(' '));
    return { text: `${lines.join('\n')}\n`, capacity, prefs, rankings };
  });

/** Straightforward reference: a queue of free applicants, holders re-sorted on every proposal. */
function solveByReference(capacity: number[], prefs: number[][], rankings: number[][]): string {
  const match = prefs.map(() => -1);
  const next = prefs.map(() => 0);
  const holders: number[][] = capacity.map(() => []);
  const free = prefs.map((_, i) => i);
  while (free.length > 0) {
    const a = free.pop()!;
    if (next[a]! >= prefs[a]!.length) continue;
    const j = prefs[a]![next[a]!++]!;
    holders[j]!.push(a);
    holders[j]!.sort((x, y) => rankings[j]!.indexOf(x) - rankings[j]!.indexOf(y));
    match[a] = j;
    if (holders[j]!.length > capacity[j]!) {
      const loser = holders[j]!.pop()!;
      match[loser] = -1;
      free.push(loser);
    }
  }
  return match.map((j) => `${j}\n`).join('');
}

describe('parseHr1', () => {
  it('reads both sides into CSR arrays with each application’s ranking position', () => {
    const inst = parseHr1(encode(TINY));
    expect(inst.n).toBe(3);
    expect(inst.m).toBe(2);
    expect([...inst.capacity]).toEqual([1, 1]);
    expect([...inst.prefOffset]).toEqual([0, 2, 3, 4]);
    expect([...inst.prefTarget]).toEqual([0, 1, 0, 1]);
    expect([...inst.rankOffset]).toEqual([0, 2, 4]);
    expect([...inst.rankList]).toEqual([1, 0, 0, 2]);
    // Applicant 0 is 2nd at programme 0 and 1st at programme 1; applicant 2 is 2nd at programme 1.
    expect([...inst.rankAt]).toEqual([1, 0, 0, 1]);
  });

  it('accepts tabs, CRLF, repeated blanks and a missing final newline', () => {
    const messy = '  HR1\t3 2  4\r\n1\t1\r\n2 0 1\r\n1 0\n\n1 1\n2   1 0\n2 0 2';
    expect(solveText(messy)).toBe(solveText(TINY));
  });

  it('gives the same instance whatever the chunk boundaries, including inside numbers', () => {
    const bytes = encode(TINY.replace('HR1 3 2 4', 'HR1 0000003 2 4'));
    const whole = parseHr1(bytes);
    for (let size = 1; size <= 7; size++) {
      const reader = new Hr1Reader(bytes.length);
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.slice(at, at + size));
      expect(indexHr1(reader.end())).toEqual(whole);
    }
  });

  it('accepts an instance with no applicants and no programmes', () => {
    const inst = parseHr1(encode('HR1 0 0 0\n\n'));
    expect(inst.n + inst.m + inst.prefTarget.length).toBe(0);
  });

  it('counts lines through blank lines to report the right one', () => {
    expect(parseError('HR1 1 1 1\n\n1\n\n1 5\n1 0\n').line).toBe(5);
  });
});

describe('parseHr1 rejects invalid input with the line of the fault', () => {
  const cases: [string, string, number, RegExp][] = [
    ['an empty input', '', 1, /end of input.*header/],
    ['another magic word', 'HR2 1 1 1\n1\n1 0\n1 0\n', 1, /bad header/],
    ['a magic word glued to a number', 'HR11 1 1\n', 1, /bad header/],
    ['a truncated header', 'HR1 1 1', 1, /end of input.*header/],
    ['a letter inside a number', 'HR1 1 1 1\n1\n1 0x\n1 0\n', 3, /non-negative integer, found "0x"/],
    ['a negative number', 'HR1 1 1 1\n-1\n1 0\n1 0\n', 2, /found "-1"/],
    ['a number beyond 32 bits', 'HR1 1 1 1\n99999999999\n1 0\n1 0\n', 2, /too large/],
    ['a control byte', 'HR1 1 1 1\n1\n1\u00000\n1 0\n', 3, /unexpected byte 0x0/],
    ['a programme id out of range', 'HR1 1 1 1\n1\n1 1\n1 0\n', 3, /lists target 1, but there are 1 targets/],
    ['a programme listed twice', 'HR1 1 2 2\n1 1\n2 1 1\n1 0\n1 0\n', 3, /lists target 1 twice/],
    ['lists longer than E', 'HR1 2 1 1\n2\n1 0\n1 0\n1 0\n', 4, /past the 1 applications/],
    [
      'lists shorter than E',
      'HR1 1 2 2\n1 1\n1 0\n1 0\n1 0\n',
      3,
      /lists hold 1 applications, the header declares 2/,
    ],
    [
      'an applicant id out of range',
      'HR1 1 1 1\n1\n1 0\n1 1\n',
      4,
      /ranks applicant 1, but there are 1 applicants/,
    ],
    ['rankings longer than E', 'HR1 1 1 1\n1\n1 0\n2 0 0\n', 4, /ranking goes past/],
    ['rankings shorter than E', 'HR1 2 2 2\n1 1\n1 0\n1 1\n1 0\n0\n', 6, /rankings hold 1 applications/],
    [
      'a ranking entry for an applicant who did not list it',
      'HR1 2 2 2\n1 1\n1 0\n1 1\n1 1\n1 0\n',
      5,
      /target 0 ranks applicant 1, who did not list it/,
    ],
    [
      'an applicant ranked twice by one programme',
      'HR1 1 2 2\n1 1\n2 0 1\n2 0 0\n0\n',
      4,
      /target 0 ranks applicant 0 twice/,
    ],
    [
      'an applicant named by more rankings than its choices',
      'HR1 2 2 2\n1 1\n1 0\n1 1\n1 0\n1 0\n',
      6,
      /target 1 ranks applicant 0, who did not list it/,
    ],
    [
      'a file truncated inside a list',
      'HR1 2 1 2\n2\n1 0\n1',
      4,
      /end of input: expected the list of applicant 1 of 2/,
    ],
    [
      'a file truncated before the rankings',
      'HR1 1 1 1\n1\n1 0\n',
      3,
      /end of input: expected the ranking of target 0 of 1/,
    ],
    // Padded so that the header's counts still fit in the input's size.
    [
      'a file truncated inside the capacities',
      `HR1 1 3 1\n1 1\n${' '.repeat(20)}`,
      2,
      /capacity of target 2 of 3/,
    ],
    ['data after the last ranking', 'HR1 1 1 1\n1\n1 0\n1 0\n7\n', 5, /after the last ranking/],
    [
      'counts larger than the input can hold',
      'HR1 1000000000 1 1000000000\n',
      1,
      /more than the input holds/,
    ],
  ];
  for (const [what, text, line, reason] of cases) {
    it(`rejects ${what} at line ${line}`, () => {
      const error = parseError(text);
      expect(error.line).toBe(line);
      expect(error.reason).toMatch(reason);
      expect(error.message).toBe(`line ${line}: ${error.reason}`);
    });
  }

  it('rejects a token longer than any number when it straddles chunks', () => {
    const reader = new Hr1Reader();
    reader.push(encode('HR1 1 1 1\n1'));
    expect(() => reader.push(new Uint8Array(100).fill(49))).toThrow(Hr1ParseError);
  });

  it('only ever throws Hr1ParseError on corrupted instances', () => {
    fc.assert(
      fc.property(
        hr1TextArb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom('cut', 'byte', 'drop'),
        ({ text }, at, value, how) => {
          const bytes = encode(text);
          const i = at % Math.max(bytes.length, 1);
          let corrupted: Uint8Array;
          if (how === 'cut') corrupted = bytes.slice(0, i);
          else if (how === 'drop') corrupted = Uint8Array.of(...bytes.slice(0, i), ...bytes.slice(i + 1));
          else corrupted = Uint8Array.of(...bytes.slice(0, i), value % 256, ...bytes.slice(i + 1));
          try {
            solveDeferredAcceptance(parseHr1(corrupted));
          } catch (error) {
            expect(error).toBeInstanceOf(Hr1ParseError);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('formatHr1Matching', () => {
  it('writes one target id or -1 per line', () => {
    expect(decode(formatHr1Matching(Int32Array.of(2, -1, 0, 123456789)))).toBe('2\n-1\n0\n123456789\n');
  });

  it('writes nothing for no applicants', () => {
    expect(formatHr1Matching(new Int32Array(0)).length).toBe(0);
  });
});

describe('HR1 end to end', () => {
  it('solves the tiny example', () => {
    // 1 takes programme 0 from 0; 0 takes programme 1, where 2 ranks below it.
    expect(solveText(TINY)).toBe('1\n0\n-1\n');
  });

  it('writes the same bytes as a straightforward reference on random instances', () => {
    fc.assert(
      fc.property(hr1TextArb, ({ text, capacity, prefs, rankings }) => {
        expect(solveText(text)).toBe(solveByReference(capacity, prefs, rankings));
      }),
      { numRuns: 500 },
    );
  });
});
