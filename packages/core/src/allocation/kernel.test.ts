import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRankAt } from './build-index.ts';
import { type FlatInstance, solveDeferredAcceptance } from './kernel.ts';

/** A small instance as plain arrays: prefs[i] = targets best first, rankings[j] = applicants best first. */
interface PlainInstance {
  capacity: number[];
  prefs: number[][];
  rankings: number[][];
}

function toFlat({ capacity, prefs, rankings }: PlainInstance): FlatInstance {
  const n = prefs.length;
  const m = capacity.length;
  const prefOffset = Int32Array.from([0, ...prefs.map((_, i) => prefs.slice(0, i + 1).flat().length)]);
  const rankOffset = Int32Array.from([0, ...rankings.map((_, j) => rankings.slice(0, j + 1).flat().length)]);
  const lists = {
    n,
    m,
    prefOffset,
    prefTarget: Int32Array.from(prefs.flat()),
    rankOffset,
    rankList: Int32Array.from(rankings.flat()),
  };
  const built = buildRankAt(lists);
  if (!built.ok) throw new Error(`inconsistent test instance: ${built.problem}`);
  return { ...lists, capacity: Int32Array.from(capacity), rankAt: built.rankAt };
}

/** Textbook deferred acceptance with a queue and explicit holder sets: the reference. */
function solveByTextbook({ capacity, prefs, rankings }: PlainInstance): number[] {
  const match = prefs.map(() => -1);
  const next = prefs.map(() => 0);
  const holders: number[][] = capacity.map(() => []);
  const queue = prefs.map((_, i) => i);
  while (queue.length > 0) {
    const a = queue.shift()!;
    if (next[a]! >= prefs[a]!.length) continue;
    const j = prefs[a]![next[a]!++]!;
    const held = holders[j]!;
    held.push(a);
    held.sort((x, y) => rankings[j]!.indexOf(x) - rankings[j]!.indexOf(y));
    match[a] = j;
    if (held.length > capacity[j]!) {
      const loser = held.pop()!;
      match[loser] = -1;
      queue.push(loser);
    }
  }
  return match;
}

function countBlockingPairs({ capacity, prefs, rankings }: PlainInstance, match: ArrayLike<number>): number {
  let blocking = 0;
  for (let a = 0; a < prefs.length; a++) {
    const list = prefs[a]!;
    const own = match[a]! < 0 ? list.length : list.indexOf(match[a]!);
    for (const j of list.slice(0, own)) {
      const held = prefs.map((_, b) => b).filter((b) => match[b] === j);
      const worst = Math.max(-1, ...held.map((b) => rankings[j]!.indexOf(b)));
      if (held.length < capacity[j]! || rankings[j]!.indexOf(a) < worst) blocking++;
    }
  }
  return blocking;
}

/** Random instances: every applicant lists a random subset; each target ranks its listers randomly. */
function plainInstanceArb(maxApplicants: number, maxTargets: number) {
  return fc
    .record({ n: fc.integer({ min: 0, max: maxApplicants }), m: fc.integer({ min: 1, max: maxTargets }) })
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
    .map(
      ({ capacity, prefs, priority }): PlainInstance => ({
        capacity,
        prefs,
        rankings: capacity.map((_, j) =>
          prefs
            .map((_, a) => a)
            .filter((a) => prefs[a]!.includes(j))
            .sort((x, y) => priority[j]![x]! - priority[j]![y]! || x - y),
        ),
      }),
    );
}

describe('solveDeferredAcceptance', () => {
  it('lets a better-ranked applicant displace the worst holder, who then moves down its list', () => {
    const plain = {
      capacity: [1, 1],
      prefs: [[0, 1], [0], [1]],
      rankings: [
        [1, 0],
        [0, 2],
      ],
    };
    const { match, matchEdge, count, worst } = solveDeferredAcceptance(toFlat(plain));
    expect([...match]).toEqual([1, 0, -1]);
    expect([...matchEdge]).toEqual([1, 2, -1]);
    expect([...count]).toEqual([1, 1]);
    expect([...worst]).toEqual([0, 0]);
  });

  it('follows a displacement chain across several targets', () => {
    // 2 takes 0 from 0, who takes 1 from 1, who falls to its last choice.
    const plain = {
      capacity: [1, 1, 1],
      prefs: [[0, 1], [1, 2], [0]],
      rankings: [[2, 0], [0, 1], [1]],
    };
    expect([...solveDeferredAcceptance(toFlat(plain)).match]).toEqual([1, 2, 0]);
  });

  it('leaves applicants unmatched when every listed target prefers its holders', () => {
    const plain = { capacity: [2], prefs: [[0], [0], [0]], rankings: [[2, 0, 1]] };
    const { match, count, worst } = solveDeferredAcceptance(toFlat(plain));
    expect([...match]).toEqual([0, -1, 0]);
    expect(count[0]).toBe(2);
    expect(worst[0]).toBe(1);
  });

  it('never assigns a target with zero capacity and reports it empty', () => {
    const plain = { capacity: [0, 1], prefs: [[0, 1], [0]], rankings: [[0, 1], [0]] };
    const { match, count, worst } = solveDeferredAcceptance(toFlat(plain));
    expect([...match]).toEqual([1, -1]);
    expect([...count]).toEqual([0, 1]);
    expect(worst[0]).toBe(-1);
  });

  it('handles applicants with empty lists anywhere, including last', () => {
    const plain = { capacity: [1], prefs: [[], [0], []], rankings: [[1]] };
    expect([...solveDeferredAcceptance(toFlat(plain)).match]).toEqual([-1, 0, -1]);
  });

  it('solves an instance with no applicants', () => {
    const result = solveDeferredAcceptance(toFlat({ capacity: [3], prefs: [], rankings: [[]] }));
    expect(result.match.length).toBe(0);
    expect([...result.worst]).toEqual([-1]);
  });

  it('does not modify the instance', () => {
    const inst = toFlat({ capacity: [1, 1], prefs: [[0, 1], [0]], rankings: [[1, 0], [0]] });
    const copy = structuredClone(inst);
    solveDeferredAcceptance(inst);
    expect(inst).toEqual(copy);
  });

  it('gives the same result in a dirty workspace as in fresh memory, and ignores one too small', () => {
    fc.assert(
      fc.property(plainInstanceArb(12, 5), fc.integer(), (plain, garbage) => {
        const inst = toFlat(plain);
        const fresh = solveDeferredAcceptance(inst);
        const workspace = new Int32Array(inst.prefTarget.length + 3).fill(garbage);
        expect(solveDeferredAcceptance(inst, { workspace })).toEqual(fresh);
        const tooSmall = new Int32Array(Math.max(0, inst.prefTarget.length - 1)).fill(garbage);
        expect(solveDeferredAcceptance(inst, { workspace: tooSmall })).toEqual(fresh);
      }),
      { numRuns: 200 },
    );
  });

  it('returns the textbook applicant-optimal matching on random instances', () => {
    fc.assert(
      fc.property(plainInstanceArb(12, 5), (plain) => {
        expect([...solveDeferredAcceptance(toFlat(plain)).match]).toEqual(solveByTextbook(plain));
      }),
      { numRuns: 400 },
    );
  });

  it('returns a stable matching with consistent target state on random instances', () => {
    fc.assert(
      fc.property(plainInstanceArb(30, 8), (plain) => {
        const inst = toFlat(plain);
        const { match, matchEdge, count, worst } = solveDeferredAcceptance(inst);
        expect(countBlockingPairs(plain, match)).toBe(0);
        for (let j = 0; j < inst.m; j++) {
          const held = [...match.keys()].filter((a) => match[a] === j);
          expect(count[j]).toBe(held.length);
          expect(held.length).toBeLessThanOrEqual(plain.capacity[j]!);
          expect(worst[j]).toBe(Math.max(-1, ...held.map((a) => plain.rankings[j]!.indexOf(a))));
        }
        for (let a = 0; a < inst.n; a++) {
          const e = matchEdge[a]!;
          expect(e < 0 ? -1 : inst.prefTarget[e]).toBe(match[a]);
          if (e >= 0) expect(e >= inst.prefOffset[a]! && e < inst.prefOffset[a + 1]!).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
