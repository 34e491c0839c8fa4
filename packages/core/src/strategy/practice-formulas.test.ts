import { describe, expect, it } from 'vitest';
import {
  countStudentsInPractice,
  hireRate,
  type PracticePlacement,
  placementRate,
  placementsInPractice,
} from './practice-formulas.ts';

let id = 0;
const placement = (over: Partial<PracticePlacement>): PracticePlacement => ({
  id: ++id,
  studentId: 1,
  status: 'in-progress',
  startsOn: '2026-11-01',
  endsOn: '2026-12-20',
  practiceType: 'industrial',
  roundId: 1,
  hiredOn: null,
  ...over,
});

describe('students in practice and in dual education', () => {
  const placements = [
    placement({ studentId: 1 }),
    placement({ studentId: 1, status: 'confirmed' }),
    placement({ studentId: 2, practiceType: 'dual', status: 'confirmed' }),
    placement({ studentId: 3, status: 'offered' }),
    placement({ studentId: 4, status: 'declined' }),
    placement({ studentId: 5, startsOn: '2026-12-07' }),
    placement({ studentId: 6, endsOn: '2026-12-05', status: 'completed' }),
    placement({ studentId: 7, endsOn: '2026-12-06', status: 'completed', practiceType: 'dual' }),
  ];
  it('counts distinct students with an accepted placement whose period includes the day', () => {
    expect(countStudentsInPractice(placements, '2026-12-06')).toMatchObject({ status: 'ok', value: 3 });
    expect(placementsInPractice(placements, '2026-12-06').map((p) => p.studentId)).toEqual([1, 1, 2, 7]);
  });
  it('counts dual education apart', () => {
    expect(countStudentsInPractice(placements, '2026-12-06', true)).toMatchObject({ value: 2 });
  });
  it('answers zero, a figure, when nobody is in practice', () => {
    expect(countStudentsInPractice([], '2026-12-06')).toMatchObject({ status: 'ok', value: 0 });
  });
});

describe('placement rate', () => {
  it('divides the applicants the rounds placed by the applicants', () => {
    const result = placementRate({
      applicants: [1, 2, 3, 4],
      placements: [
        placement({ studentId: 1, status: 'completed' }),
        placement({ studentId: 2, status: 'offered' }),
        placement({ studentId: 3, status: 'declined' }),
        placement({ studentId: 9, status: 'confirmed' }),
      ],
    });
    expect(result).toMatchObject({ status: 'ok', value: 0.5 });
    expect(result.breakdown).toEqual([
      { key: 'numerator', value: 2 },
      { key: 'denominator', value: 4 },
    ]);
  });
  it('has no data without applicants', () => {
    expect(placementRate({ applicants: [], placements: [] })).toMatchObject({
      status: 'no_data',
      value: null,
    });
  });
});

describe('hire rate', () => {
  it('divides the students hired by those who completed a practice in the 365 days up to the day', () => {
    const placements = [
      placement({ studentId: 1, status: 'completed', endsOn: '2026-06-30', hiredOn: '2026-09-01' }),
      placement({ studentId: 2, status: 'completed', endsOn: '2025-12-07' }),
      placement({ studentId: 3, status: 'completed', endsOn: '2025-12-06', hiredOn: '2026-01-10' }),
      placement({ studentId: 4, status: 'in-progress', endsOn: '2026-06-30' }),
      placement({ studentId: 5, status: 'completed', endsOn: '2026-12-07' }),
    ];
    expect(hireRate(placements, '2026-12-06')).toMatchObject({ status: 'ok', value: 0.5 });
  });
  it('has no data when nobody completed a practice in that time', () => {
    expect(hireRate([], '2026-12-06')).toMatchObject({ status: 'no_data', value: null });
  });
});
