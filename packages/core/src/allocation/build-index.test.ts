import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRankAt, type RankingLists, type SortStrategy } from './build-index.ts';

function toLists(m: number, prefs: number[][], rankings: number[][]): RankingLists {
  const offsets = (lists: number[][]) => {
    const out = new Int32Array(lists.length + 1);
    lists.forEach((list, i) => {
      out[i + 1] = out[i]! + list.length;
    });
    return out;
  };
  return {
    n: prefs.length,
    m,
    prefOffset: offsets(prefs),
    prefTarget: Int32Array.from(prefs.flat()),
    rankOffset: offsets(rankings),
    rankList: Int32Array.from(rankings.flat()),
  };
}

/** The O(E * k) definition: scan the applicant's list for every ranking entry. */
function buildByScanning(lists: RankingLists): number[] {
  const rankAt = new Array<number>(lists.prefTarget.length).fill(-1);
  for (let j = 0; j < lists.m; j++) {
    for (let g = lists.rankOffset[j]!; g < lists.rankOffset[j + 1]!; g++) {
      const a = lists.rankList[g]!;
      for (let t = lists.prefOffset[a]!; t < lists.prefOffset[a + 1]!; t++) {
        if (lists.prefTarget[t] === j) rankAt[t] = g - lists.rankOffset[j]!;
      }
    }
  }
  return rankAt;
}

/** Instances large enough to span several blocks of 1024 applicants, with short lists. */
const listsArb = fc
  .record({ n: fc.integer({ min: 0, max: 3000 }), m: fc.integer({ min: 1, max: 40 }), seed: fc.integer() })
  .map(({ n, m, seed }) => {
    let state = seed | 1;
    const next = (bound: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % bound;
    };
    const prefs = Array.from({ length: n }, () => {
      const list = new Set<number>();
      const k = next(Math.min(m, 6) + 1);
      while (list.size < k) list.add(next(m));
      return [...list];
    });
    const rankings = Array.from({ length: m }, (): number[] => []);
    for (const a of Array.from({ length: n }, (_, i) => i).sort(() => next(3) - 1)) {
      for (const j of prefs[a]!) rankings[j]!.push(a);
    }
    return { m, prefs, rankings };
  });

describe('buildRankAt', () => {
  it('gives every application its position in the target ranking', () => {
    const built = buildRankAt(toLists(2, [[1, 0], [0]], [[1, 0], [0]]));
    expect(built.ok && [...built.rankAt]).toEqual([0, 1, 0]);
  });

  const strategies: SortStrategy[] = ['direct', 'blocked'];

  for (const strategy of strategies) {
    it(`agrees with scanning every list on random instances spanning several blocks (${strategy} sort)`, () => {
      fc.assert(
        fc.property(listsArb, ({ m, prefs, rankings }) => {
          const lists = toLists(m, prefs, rankings);
          const built = buildRankAt(lists, strategy);
          expect(built.ok && [...built.rankAt]).toEqual(buildByScanning(lists));
        }),
        { numRuns: 40 },
      );
    });
  }

  it('gives the same index with the default strategy as with the blocked sort', () => {
    fc.assert(
      fc.property(listsArb, ({ m, prefs, rankings }) => {
        const lists = toLists(m, prefs, rankings);
        const auto = buildRankAt(lists);
        const blocked = buildRankAt(lists, 'blocked');
        expect(auto.ok && blocked.ok).toBe(true);
        if (auto.ok && blocked.ok) expect([...auto.rankAt]).toEqual([...blocked.rankAt]);
      }),
      { numRuns: 10 },
    );
  });

  it('names an unlisted entry planted anywhere in a random instance, whatever the strategy', () => {
    fc.assert(
      fc.property(
        listsArb,
        fc.nat(),
        fc.constantFrom(...strategies),
        ({ m, prefs, rankings }, pick, strategy) => {
          const j = pick % m;
          const outsider = prefs.findIndex((list) => !list.includes(j) && list.length > 0);
          fc.pre(outsider >= 0);
          // Move one of the outsider's entries into the ranking of a target it did not list.
          const from = prefs[outsider]![0]!;
          rankings[from] = rankings[from]!.filter((a) => a !== outsider);
          rankings[j]!.push(outsider);
          const built = buildRankAt(toLists(m, prefs, rankings), strategy);
          expect(built).toMatchObject({ ok: false, problem: 'not-listed', target: j, applicant: outsider });
        },
      ),
      { numRuns: 60 },
    );
  });

  for (const strategy of strategies) {
    it(`reports a target that ranks an applicant twice (${strategy} sort)`, () => {
      const built = buildRankAt(toLists(2, [[0, 1]], [[0, 0], []]), strategy);
      expect(built).toEqual({ ok: false, problem: 'duplicate', target: 0, applicant: 0 });
    });

    it(`reports an applicant named by more rankings than it has choices (${strategy} sort)`, () => {
      const built = buildRankAt(toLists(2, [[0], [1]], [[0], [0]]), strategy);
      expect(built).toEqual({ ok: false, problem: 'not-listed', target: 1, applicant: 0 });
    });

    it(`reports an applicant that lists a target twice through the ranking side (${strategy} sort)`, () => {
      const built = buildRankAt(toLists(2, [[0, 0]], [[0], [0]]), strategy);
      expect(built).toEqual({ ok: false, problem: 'not-listed', target: 1, applicant: 0 });
    });
  }

  it('rejects an entry that would spill from a full block into the next one (blocked sort)', () => {
    // Applicant 5 (block 0) is ranked by targets 0 and 1 but listed only 0; applicant 1029 (block 1,
    // same offset 5) listed 1 and is ranked by nobody. A spilled entry would pass as 1029's.
    const prefs = Array.from({ length: 2048 }, (_, a) => (a === 5 ? [0] : a === 1029 ? [1] : []));
    const built = buildRankAt(toLists(2, prefs, [[5], [5]]), 'blocked');
    expect(built).toEqual({ ok: false, problem: 'not-listed', target: 1, applicant: 5 });
  });

  it('reports sides of different sizes', () => {
    const built = buildRankAt(toLists(1, [[0]], [[0, 0]]));
    expect(built).toMatchObject({ ok: false, problem: 'count-mismatch' });
  });
});
