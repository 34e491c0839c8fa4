import { describe, expect, it } from 'vitest';
import { needsPractice, placementRates, practiceYears } from './dashboard.ts';

describe('practiceYears', () => {
  it('places each practice type in its years of study', () => {
    expect([...practiceYears(['educational'], 4)]).toEqual([1]);
    expect([...practiceYears(['industrial'], 4)]).toEqual([2, 3]);
    expect([...practiceYears(['industrial'], 2)]).toEqual([2]);
    expect([...practiceYears(['pre-diploma', 'research'], 4)]).toEqual([4]);
    expect([...practiceYears(['dual'], 4)]).toEqual([2, 3, 4]);
    expect([...practiceYears([], 4)]).toEqual([]);
  });

  it('needs no place outside the programme years or without a practice that year', () => {
    expect(needsPractice(['industrial', 'pre-diploma'], 4, 1)).toBe(false);
    expect(needsPractice(['industrial', 'pre-diploma'], 4, 3)).toBe(true);
    expect(needsPractice(['industrial', 'pre-diploma'], 4, 5)).toBe(false);
    expect(needsPractice(['pre-diploma'], 4, 0)).toBe(false);
  });
});

describe('placementRates', () => {
  it('divides by what was offered, answered, accepted and completed', () => {
    expect(
      placementRates({ offered: 10, placed: 8, accepted: 6, declined: 2, completed: 3, hired: 1 }),
    ).toEqual({
      fillRate: 0.8,
      acceptanceRate: 0.75,
      completionRate: 0.5,
      hireRate: 1 / 3,
    });
  });

  it('answers null rather than 0 when there is nothing to divide by', () => {
    expect(
      placementRates({ offered: 0, placed: 0, accepted: 0, declined: 0, completed: 0, hired: 0 }),
    ).toEqual({
      fillRate: null,
      acceptanceRate: null,
      completionRate: null,
      hireRate: null,
    });
  });
});
