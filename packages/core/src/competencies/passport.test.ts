import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssessedEvidence } from './evidence.ts';
import { labSessionLevel, resultLevel } from './evidence.ts';
import { computePassport, type PassportInput } from './passport.ts';

const none: PassportInput = { promised: [], outcomes: [], results: [], labSessions: [], assessed: [] };

function input(overrides: Partial<PassportInput>): PassportInput {
  return { ...none, ...overrides };
}

describe('the level rule', () => {
  it('gives the target level from 75 points, one less below, none when failed', () => {
    expect(resultLevel(100, 4)).toBe(4);
    expect(resultLevel(75, 4)).toBe(4);
    expect(resultLevel(74, 4)).toBe(3);
    expect(resultLevel(50, 1)).toBe(1);
    expect(resultLevel(49, 4)).toBe(0);
  });

  it('caps a lab session at level 3', () => {
    expect(labSessionLevel(2)).toBe(2);
    expect(labSessionLevel(5)).toBe(3);
  });
});

describe('computePassport', () => {
  const promised = [{ competencyId: 7, targetLevel: 3 }];
  const outcomes = [
    { disciplineId: 1, competencyId: 7, targetLevel: 3 },
    { disciplineId: 2, competencyId: 7, targetLevel: 2 },
  ];

  it('counts only the last attempt at a discipline', () => {
    const passport = computePassport(
      input({
        promised,
        outcomes,
        results: [
          { disciplineId: 1, attempt: 2, points: 80, gradedOn: '2026-02-01' },
          { disciplineId: 1, attempt: 1, points: 30, gradedOn: '2026-01-20' },
        ],
      }),
    );
    const [competency] = passport.competencies;
    expect(competency).toMatchObject({ competencyId: 7, level: 3, progress: 'reached' });
    expect(competency!.evidence).toHaveLength(1);
    expect(competency!.evidence[0]).toMatchObject({
      kind: 'discipline-result',
      attempt: 2,
      letter: 'B',
      level: 3,
    });
    expect(competency!.plannedDisciplineIds).toEqual([2]);
  });

  it('lists a failed attempt without counting it', () => {
    const passport = computePassport(
      input({
        promised,
        outcomes,
        results: [{ disciplineId: 2, attempt: 1, points: 40, gradedOn: '2026-01-20' }],
      }),
    );
    expect(passport.competencies[0]).toMatchObject({ level: 0, progress: 'not-started' });
    expect(passport.competencies[0]!.evidence[0]).toMatchObject({ counts: false, letter: 'F' });
    expect(passport.summary).toEqual({
      promised: 1,
      reached: 0,
      inProgress: 0,
      notStarted: 1,
      evidenceCount: 0,
    });
  });

  it('takes lab sessions of a mapped discipline and assessed evidence, sorted by date', () => {
    const signOff: AssessedEvidence = {
      kind: 'mentor-sign-off',
      ref: 'placement:3/sign-off:1',
      competencyId: 7,
      level: 4,
      date: '2026-06-30',
      assessor: 'A. Mentor',
      title: 'Industrial practice',
    };
    const passport = computePassport(
      input({
        promised,
        outcomes,
        labSessions: [{ bookingId: 11, disciplineId: 2, date: '2026-03-02', hours: 2 }],
        assessed: [signOff, { ...signOff, competencyId: 99, ref: 'other' }],
      }),
    );
    const [competency] = passport.competencies;
    expect(competency!.evidence.map((e) => e.kind)).toEqual(['lab-session', 'mentor-sign-off']);
    expect(competency).toMatchObject({ level: 4, progress: 'reached' });
    expect(passport.levels).toEqual({ '7': 4 });
    expect(passport.summary.evidenceCount).toBe(2);
  });

  it('is in progress when the evidence is below the target', () => {
    const passport = computePassport(
      input({
        promised: [{ competencyId: 7, targetLevel: 4 }],
        outcomes,
        results: [{ disciplineId: 1, attempt: 1, points: 60, gradedOn: '2026-01-20' }],
      }),
    );
    expect(passport.competencies[0]).toMatchObject({ level: 2, progress: 'in-progress' });
  });

  it('ignores outcomes and evidence of competencies the version does not promise', () => {
    const passport = computePassport(
      input({
        promised,
        outcomes: [{ disciplineId: 1, competencyId: 8, targetLevel: 5 }],
        results: [{ disciplineId: 1, attempt: 1, points: 99, gradedOn: '2026-01-20' }],
      }),
    );
    expect(passport.competencies).toHaveLength(1);
    expect(passport.competencies[0]!.evidence).toEqual([]);
  });
});

const level = fc.integer({ min: 1, max: 5 });
const id = fc.integer({ min: 1, max: 6 });
const date = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const inputArb: fc.Arbitrary<PassportInput> = fc.record({
  promised: fc.array(fc.record({ competencyId: id, targetLevel: level }), { maxLength: 6 }),
  outcomes: fc.array(fc.record({ disciplineId: id, competencyId: id, targetLevel: level }), {
    maxLength: 12,
  }),
  results: fc.array(
    fc.record({
      disciplineId: id,
      attempt: fc.integer({ min: 1, max: 3 }),
      points: fc.integer({ min: 0, max: 100 }),
      gradedOn: date,
    }),
    { maxLength: 8 },
  ),
  labSessions: fc.array(
    fc.record({ bookingId: fc.integer({ min: 1, max: 50 }), disciplineId: id, date, hours: fc.constant(2) }),
    { maxLength: 8 },
  ),
  assessed: fc.array(
    fc.record({
      kind: fc.constantFrom('practice-assessment' as const, 'mentor-sign-off' as const),
      ref: fc.string({ maxLength: 4 }),
      competencyId: id,
      level: fc.integer({ min: 0, max: 7 }),
      date,
      assessor: fc.constant('M'),
      title: fc.constant('T'),
    }),
    { maxLength: 4 },
  ),
});

describe('computePassport properties', () => {
  it('keeps every level within 0-5 and equal to its best counted evidence', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        for (const c of computePassport(i).competencies) {
          expect(c.level).toBeGreaterThanOrEqual(0);
          expect(c.level).toBeLessThanOrEqual(5);
          expect(c.level).toBe(Math.max(0, ...c.evidence.map((e) => e.level)));
          expect(c.progress === 'reached').toBe(c.level >= c.targetLevel);
        }
      }),
    );
  });

  it('never lowers a level when evidence is added', () => {
    fc.assert(
      fc.property(inputArb, inputArb, (i, extra) => {
        const before = computePassport(i).levels;
        const after = computePassport({
          ...i,
          labSessions: [...i.labSessions, ...extra.labSessions],
          assessed: [...i.assessed, ...extra.assessed],
        }).levels;
        for (const [competency, reached] of Object.entries(before))
          expect(after[competency]).toBeGreaterThanOrEqual(reached);
      }),
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const reversed: PassportInput = {
          promised: [...i.promised].reverse(),
          outcomes: [...i.outcomes].reverse(),
          results: [...i.results].reverse(),
          labSessions: [...i.labSessions].reverse(),
          assessed: [...i.assessed].reverse(),
        };
        // Two attempts with the same number at one discipline would be a duplicate key in the database.
        const attempts = new Set(i.results.map((r) => `${r.disciplineId}/${r.attempt}`));
        fc.pre(attempts.size === i.results.length);
        expect(computePassport(reversed)).toEqual(computePassport(i));
      }),
    );
  });

  it('summarises one entry per promised competency', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const { summary, competencies } = computePassport(i);
        expect(competencies.length).toBe(new Set(i.promised.map((p) => p.competencyId)).size);
        expect(summary.reached + summary.inProgress + summary.notStarted).toBe(summary.promised);
        expect(summary.evidenceCount).toBe(
          competencies.flatMap((c) => c.evidence).filter((e) => e.counts).length,
        );
      }),
    );
  });
});
