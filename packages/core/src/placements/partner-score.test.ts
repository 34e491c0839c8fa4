import { describe, expect, it } from 'vitest';
import { competencyFit, offerAdmits, orderByScore, partnerScore } from './partner-score.ts';

const required = [
  { competencyId: 1, level: 4 },
  { competencyId: 2, level: 2 },
];
const levels = { '1': 2, '2': 3 }; // fit = (0.5 + 1) / 2 = 0.75

describe('partnerScore', () => {
  const cases: [string, Parameters<typeof partnerScore>[0], string[], number | null][] = [
    ['gpa with results shared', { scoring: 'gpa', gpaWeight: null }, ['results'], 0.75],
    ['gpa without results shared', { scoring: 'gpa', gpaWeight: null }, ['profile', 'passport'], null],
    ['fit with the passport shared', { scoring: 'competency-fit', gpaWeight: null }, ['passport'], 0.75],
    ['fit without the passport shared', { scoring: 'competency-fit', gpaWeight: null }, ['results'], null],
    ['mix of both, default weight', { scoring: 'mix', gpaWeight: null }, ['results', 'passport'], 0.75],
    ['mix, the GPA only', { scoring: 'mix', gpaWeight: 0.2 }, ['results'], 0.2 * 0.75],
    ['mix, the passport only', { scoring: 'mix', gpaWeight: 0.2 }, ['passport'], 0.8 * 0.75],
    ['mix, nothing shared', { scoring: 'mix', gpaWeight: 0.2 }, [], 0],
  ];
  for (const [name, policy, scopes, expected] of cases)
    it(`scores ${name} from what was shared only`, () => {
      const score = partnerScore(policy, required, { scopes, gpa: 3, levels });
      if (expected === null) expect(score).toBeNull();
      else expect(score).toBeCloseTo(expected, 12);
    });

  it('counts a missing passport or no required competencies as a fit of 0', () => {
    expect(competencyFit(required, undefined)).toBe(0);
    expect(competencyFit([], levels)).toBe(0);
    expect(competencyFit(required, { '1': 8 })).toBe(0.5);
  });
});

describe('orderByScore', () => {
  it('orders by score, unshared last, ties by the seeded lottery whatever the input order', () => {
    const scored = [
      { id: 1, score: null },
      { id: 2, score: 0.5 },
      { id: 3, score: 0.9 },
      { id: 4, score: 0.5 },
      { id: 5, score: 0.1 + 0.2 }, // 0.30000000000000004
      { id: 6, score: 0.3 },
    ];
    const order = orderByScore(scored, 7).map((s) => s.id);
    expect(order[0]).toBe(3);
    expect(order.slice(1, 3).sort()).toEqual([2, 4]);
    expect(order.slice(3, 5).sort()).toEqual([5, 6]);
    expect(order[5]).toBe(1);
    expect(orderByScore([...scored].reverse(), 7).map((s) => s.id)).toEqual(order);
  });
});

describe('offerAdmits', () => {
  it('admits by programme and year of study, an empty list admitting all', () => {
    const offer = { programmeIds: [1], eligibleYears: [3, 4] };
    expect(offerAdmits(offer, { programmeId: 1, year: 3 })).toBe(true);
    expect(offerAdmits(offer, { programmeId: 2, year: 3 })).toBe(false);
    expect(offerAdmits(offer, { programmeId: 1, year: 2 })).toBe(false);
    expect(offerAdmits(offer, undefined)).toBe(false);
    expect(offerAdmits({ programmeIds: [], eligibleYears: [] }, { programmeId: null, year: null })).toBe(
      true,
    );
  });
});
