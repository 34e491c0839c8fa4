import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisInput, analyseProgramme, COMPETENCY_KINDS, studyYearOf } from './analysis.ts';

const input: AnalysisInput = {
  disciplines: [
    { id: 2, semester: 3, credits: 6 },
    { id: 1, semester: 1, credits: 5 },
    { id: 3, semester: 2, credits: 4 },
  ],
  competencies: [
    { id: 10, type: 'knowledge' },
    { id: 11, type: 'skill' },
    { id: 12, type: 'competence' },
    { id: 13, type: 'skill' },
  ],
  outcomes: [
    { disciplineId: 1, practiceType: null, competencyId: 10, targetLevel: 2 },
    { disciplineId: 2, practiceType: null, competencyId: 11, targetLevel: 3 },
    { disciplineId: 2, practiceType: null, competencyId: 12, targetLevel: 2 },
    { disciplineId: null, practiceType: 'industrial', competencyId: 12, targetLevel: 4 },
    { disciplineId: 1, practiceType: null, competencyId: 13, targetLevel: 1 },
  ],
  promised: [
    { competencyId: 10, targetLevel: 3 },
    { competencyId: 11, targetLevel: 3 },
    { competencyId: 12, targetLevel: 4 },
  ],
};

describe('analyseProgramme', () => {
  const analysis = analyseProgramme(input);

  it('lays out disciplines by semester, then practices; promised competencies first', () => {
    expect(analysis.rows).toEqual([
      { kind: 'discipline', disciplineId: 1, semester: 1 },
      { kind: 'discipline', disciplineId: 3, semester: 2 },
      { kind: 'discipline', disciplineId: 2, semester: 3 },
      { kind: 'practice', practiceType: 'industrial' },
    ]);
    expect(analysis.columns.map((c) => [c.competencyId, c.promised])).toEqual([
      [10, true],
      [11, true],
      [12, true],
      [13, false],
    ]);
    expect(analysis.cells).toEqual([
      [2, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 3, 2, 0],
      [0, 0, 4, 0],
    ]);
  });

  it('finds a promised competency taught below its level, and none where a practice closes it', () => {
    expect(analysis.gaps).toEqual([
      { competencyId: 10, targetLevel: 3, bestLevel: 2, disciplineIds: [1], practiceTypes: [] },
    ]);
  });

  it('weighs the balance by credits shared among outcomes, per programme and per year', () => {
    expect(analysis.balance.credits).toEqual({ knowledge: 2.5, skill: 5.5, competence: 3, unmapped: 4 });
    expect(analysis.balance.shares).toEqual({ knowledge: 0.2273, skill: 0.5, competence: 0.2727 });
    expect(analysis.years.map((y) => [y.year, y.credits])).toEqual([
      [1, { knowledge: 2.5, skill: 2.5, competence: 0, unmapped: 4 }],
      [2, { knowledge: 0, skill: 3, competence: 3, unmapped: 0 }],
    ]);
  });

  it('counts the year of a semester', () => {
    expect([1, 2, 3, 8].map(studyYearOf)).toEqual([1, 1, 2, 4]);
  });
});

const analysisArb: fc.Arbitrary<AnalysisInput> = fc
  .record({
    disciplines: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 20 }),
        semester: fc.integer({ min: 1, max: 8 }),
        credits: fc.integer({ min: 1, max: 10 }),
      }),
      { selector: (d) => d.id, maxLength: 10 },
    ),
    types: fc.array(fc.constantFrom(...COMPETENCY_KINDS), { minLength: 8, maxLength: 8 }),
    outcomes: fc.array(
      fc.record({
        disciplineId: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        practiceType: fc.constantFrom('industrial', 'educational'),
        competencyId: fc.integer({ min: 1, max: 8 }),
        targetLevel: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 20 },
    ),
    promised: fc.array(
      fc.record({
        competencyId: fc.integer({ min: 1, max: 8 }),
        targetLevel: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 8 },
    ),
  })
  .map(({ types, outcomes, ...rest }) => ({
    ...rest,
    competencies: types.map((type, i) => ({ id: i + 1, type })),
    outcomes: outcomes.map((o) => (o.disciplineId === null ? o : { ...o, practiceType: null })),
  }));

describe('analyseProgramme properties', () => {
  it('accounts for every credit and keeps the shares summing to one', () => {
    fc.assert(
      fc.property(analysisArb, (i) => {
        const { balance, years } = analyseProgramme(i);
        const total = i.disciplines.reduce((sum, d) => sum + d.credits, 0);
        const c = balance.credits;
        expect(c.knowledge + c.skill + c.competence + c.unmapped).toBeCloseTo(total, 1);
        const shares = balance.shares.knowledge + balance.shares.skill + balance.shares.competence;
        if (total - c.unmapped > 0) expect(shares).toBeCloseTo(1, 3);
        else expect(shares).toBe(0);
        expect(years.reduce((sum, y) => sum + y.credits.unmapped, 0)).toBeCloseTo(c.unmapped, 1);
      }),
    );
  });

  it('reports a gap exactly when no row reaches the promised level', () => {
    fc.assert(
      fc.property(analysisArb, (i) => {
        const a = analyseProgramme(i);
        const gapIds = new Set(a.gaps.map((g) => g.competencyId));
        a.columns.forEach((column, c) => {
          const best = Math.max(0, ...a.cells.map((row) => row[c]!));
          const isGap = column.promised && best < column.targetLevel!;
          expect(gapIds.has(column.competencyId)).toBe(isGap);
        });
      }),
    );
  });
});
