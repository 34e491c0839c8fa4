import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competenciesTrained, type DisciplineTraining, type TrainedOutcome } from './impact.ts';

const training: DisciplineTraining[] = [
  { disciplineId: 1, sessions: 2, studentHours: 30, partnerShare: 1 },
  { disciplineId: 1, sessions: 1, studentHours: 10, partnerShare: 0.5 },
  { disciplineId: 2, sessions: 4, studentHours: 20, partnerShare: 0.25 },
  { disciplineId: 3, sessions: 1, studentHours: 5, partnerShare: 1 },
];
const outcomes: TrainedOutcome[] = [
  { disciplineId: 1, competencyId: 10, targetLevel: 3 },
  { disciplineId: 2, competencyId: 10, targetLevel: 4 },
  { disciplineId: 2, competencyId: 11, targetLevel: 2 },
  { disciplineId: 9, competencyId: 12, targetLevel: 5 },
];

describe('competenciesTrained', () => {
  it('sums each competency over the disciplines that train it, with the partner-attributed hours and share', () => {
    expect(competenciesTrained(training, outcomes, 100)).toEqual([
      {
        competencyId: 10,
        disciplines: 2,
        targetLevel: 4,
        sessions: 7,
        studentHours: 60,
        attributedStudentHours: 30 + 5 + 5,
        share: 0.6,
      },
      {
        competencyId: 11,
        disciplines: 1,
        targetLevel: 2,
        sessions: 4,
        studentHours: 20,
        attributedStudentHours: 5,
        share: 0.2,
      },
    ]);
  });

  it('leaves out competencies of disciplines not trained on the assets, and sessions of unmapped disciplines', () => {
    const ids = competenciesTrained(training, outcomes, 100).map((c) => c.competencyId);
    expect(ids).not.toContain(12);
    expect(
      competenciesTrained([{ disciplineId: 3, sessions: 1, studentHours: 5, partnerShare: 1 }], outcomes, 5),
    ).toEqual([]);
  });

  it('answers share 0 when no student-hours were recorded', () => {
    const [first] = competenciesTrained(
      [{ disciplineId: 1, sessions: 1, studentHours: 0, partnerShare: 1 }],
      outcomes,
      0,
    );
    expect(first).toMatchObject({ competencyId: 10, sessions: 1, studentHours: 0, share: 0 });
  });

  it('does not depend on the order of the input; shares stay in 0..1; sums match the disciplines', () => {
    const row = fc.record({
      disciplineId: fc.integer({ min: 1, max: 6 }),
      sessions: fc.integer({ min: 0, max: 20 }),
      studentHours: fc.integer({ min: 0, max: 400 }),
      partnerShare: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    const outcome = fc.record({
      disciplineId: fc.integer({ min: 1, max: 6 }),
      competencyId: fc.integer({ min: 1, max: 8 }),
      targetLevel: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(row), fc.array(outcome), (rows, outs) => {
        const total = rows.reduce((t, r) => t + r.studentHours, 0);
        const result = competenciesTrained(rows, outs, total);
        const reversed = competenciesTrained([...rows].reverse(), [...outs].reverse(), total);
        // Integer hours sum exactly; the attributed hours are sums of doubles, equal up to rounding.
        const exact = ({ attributedStudentHours: _a, ...rest }: (typeof result)[number]) => rest;
        expect(reversed.map(exact)).toEqual(result.map(exact));
        for (const [i, item] of reversed.entries()) {
          const difference = Math.abs(item.attributedStudentHours - result[i]!.attributedStudentHours);
          expect(difference).toBeLessThan(0.011);
        }
        for (const item of result) {
          expect(item.share).toBeGreaterThanOrEqual(0);
          expect(item.share).toBeLessThanOrEqual(1);
          expect(item.attributedStudentHours).toBeLessThanOrEqual(item.studentHours + 0.01);
          const mine = new Set(
            outs.filter((o) => o.competencyId === item.competencyId).map((o) => o.disciplineId),
          );
          const sessions = rows.filter((r) => mine.has(r.disciplineId)).reduce((t, r) => t + r.sessions, 0);
          expect(item.sessions).toBe(sessions);
        }
      }),
    );
  });
});
