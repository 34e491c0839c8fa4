import { COMPETENCY_PROGRESS, COMPETENCY_TYPES, EVIDENCE_KINDS } from '@kadr/contracts';
import * as core from '@kadr/core';
import { describe, expect, it } from 'vitest';

describe('the passport vocabularies of core and contracts', () => {
  it('name the same evidence kinds and competency types', () => {
    expect([...core.EVIDENCE_KINDS]).toEqual([...EVIDENCE_KINDS]);
    expect([...core.COMPETENCY_KINDS]).toEqual([...COMPETENCY_TYPES]);
  });

  it('name the same progress states', () => {
    const passport = core.computePassport({
      promised: [1, 2, 3].map((competencyId) => ({ competencyId, targetLevel: 2 })),
      outcomes: [
        { disciplineId: 1, competencyId: 1, targetLevel: 2 },
        { disciplineId: 1, competencyId: 2, targetLevel: 1 },
      ],
      results: [{ disciplineId: 1, attempt: 1, points: 90, gradedOn: '2026-01-01' }],
      labSessions: [],
      assessed: [],
    });
    expect(passport.competencies.map((c) => c.progress)).toEqual([...COMPETENCY_PROGRESS]);
  });
});
