import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, rankDescending, sortByKeys, sortByTicket } from './tie-break.ts';

describe('rankDescending', () => {
  it('ranks integers densely with 0 for the highest', () => {
    expect(Array.from(rankDescending(Float64Array.of(3, 7, 3, 5)).rank)).toEqual([2, 0, 2, 1]);
  });

  it('ranks fractional values and -Infinity (missing) last', () => {
    const key = rankDescending(Float64Array.of(4.5, Number.NEGATIVE_INFINITY, 4.9, 4.5));
    expect(Array.from(key.rank)).toEqual([1, 2, 0, 1]);
    expect(key.levels).toBe(3);
  });

  it('reports one level when all values are equal', () => {
    expect(rankDescending(Float64Array.of(1, 1, 1)).levels).toBe(1);
  });
});

describe('sortByKeys', () => {
  it('orders like a lexicographic comparator, stable over the initial order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.double({ min: 0, max: 3, noNaN: true })),
          {
            maxLength: 60,
          },
        ),
        (rows) => {
          const keys = [
            rankDescending(Float64Array.from(rows, (r) => r[0])),
            rankDescending(Float64Array.from(rows, (r) => (r[1] ? 1 : 0))),
            rankDescending(Float64Array.from(rows, (r) => r[2])),
          ].filter((k) => k.levels > 1);
          const initial = Int32Array.from(rows.keys());
          const expected = [...rows.keys()].sort(
            (a, b) =>
              rows[b]![0] - rows[a]![0] ||
              Number(rows[b]![1]) - Number(rows[a]![1]) ||
              rows[b]![2] - rows[a]![2] ||
              a - b,
          );
          expect(Array.from(sortByKeys(initial, keys))).toEqual(expected);
        },
      ),
    );
  });

  it('packs many boolean keys into one pass and still orders them lexicographically', () => {
    const rows = [0b1010, 0b0110, 0b1011, 0b0000, 0b1110];
    const keys = [3, 2, 1, 0].map((bit) => rankDescending(Float64Array.from(rows, (r) => (r >> bit) & 1)));
    expect(Array.from(sortByKeys(Int32Array.of(0, 1, 2, 3, 4), keys))).toEqual([4, 2, 0, 1, 3]);
  });
});

describe('sortByTicket', () => {
  it('orders by ticket, lower first, and by id for equal tickets', () => {
    const tickets = Float64Array.of(2 ** 40 + 5, 17, 2 ** 52, 17, 3);
    const ids = ['e', 'd', 'c', 'b', 'a'];
    const order = sortByTicket(tickets, (i) => ids[i]!);
    expect(Array.from(order)).toEqual([4, 3, 1, 0, 2]);
  });

  it('matches a comparator sort on random 53-bit tickets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 200 }),
        (values) => {
          const ids = values.map((_, i) => `id${i}`);
          const expected = [...values.keys()].sort(
            (a, b) => values[a]! - values[b]! || compareIds(ids[a]!, ids[b]!),
          );
          expect(Array.from(sortByTicket(Float64Array.from(values), (i) => ids[i]!))).toEqual(expected);
        },
      ),
    );
  });
});
