import { describe, expect, it } from 'vitest';
import { createRandom, drawTicket, pickInt, shuffleInPlace } from './lottery.ts';

describe('drawTicket', () => {
  it('gives the same ticket for the same seed and id', () => {
    expect(drawTicket(42, 'a1')).toBe(drawTicket(42, 'a1'));
  });

  it('gives a safe integer in [0, 2^53)', () => {
    for (let i = 0; i < 1000; i++) {
      const ticket = drawTicket(i * 7919, `applicant-${i}`);
      expect(Number.isSafeInteger(ticket)).toBe(true);
      expect(ticket).toBeGreaterThanOrEqual(0);
    }
  });

  it('changes when the seed changes, including seeds above 2^32', () => {
    expect(drawTicket(1, 'a1')).not.toBe(drawTicket(2, 'a1'));
    expect(drawTicket(1, 'a1')).not.toBe(drawTicket(1 + 2 ** 32, 'a1'));
  });

  it('draws no two equal tickets among 100k distinct ids', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(drawTicket(7, `A${i}`));
    expect(seen.size).toBe(100_000);
  });

  it('makes each of two applicants win about half of the seeds', () => {
    let wins = 0;
    for (let seed = 0; seed < 2000; seed++) if (drawTicket(seed, 'x') < drawTicket(seed, 'y')) wins++;
    expect(wins).toBeGreaterThan(900);
    expect(wins).toBeLessThan(1100);
  });
});

describe('createRandom', () => {
  it('replays the same stream for the same seed', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('spreads pickInt evenly over a small range', () => {
    const random = createRandom(3);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[pickInt(random, 6)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffles to a permutation of the input', () => {
    const items = shuffleInPlace(createRandom(5), [1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...items].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
