import { describe, expect, it } from 'vitest';
import { GRADE_SCALE, gradeOfPoints, gradePointAverage, letterMatchesPoints } from './grades.ts';

describe('the national grading scale', () => {
  it('gives each band its letter at the band edges', () => {
    expect(gradeOfPoints(100).letter).toBe('A');
    expect(gradeOfPoints(95).letter).toBe('A');
    expect(gradeOfPoints(94).letter).toBe('A-');
    expect(gradeOfPoints(50)).toEqual({ letter: 'D', minPoints: 50, gradePoint: 1 });
    expect(gradeOfPoints(49).letter).toBe('F');
    expect(gradeOfPoints(0).gradePoint).toBe(0);
  });

  it('covers every whole point from 0 to 100 with a band whose grade point falls as points fall', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let p = 100; p >= 0; p--) {
      const band = gradeOfPoints(p);
      expect(band.gradePoint).toBeLessThanOrEqual(previous);
      previous = band.gradePoint;
    }
    expect(new Set(GRADE_SCALE.map((b) => b.letter)).size).toBe(11);
  });

  it('refuses points that are not whole numbers from 0 to 100', () => {
    for (const p of [-1, 101, 50.5, Number.NaN]) expect(() => gradeOfPoints(p)).toThrow(RangeError);
  });

  it('checks a letter against points', () => {
    expect(letterMatchesPoints('B+', 87)).toBe(true);
    expect(letterMatchesPoints('A', 87)).toBe(false);
  });

  it('weights the GPA by credits and rounds it to two decimals', () => {
    expect(gradePointAverage([])).toBe(0);
    expect(
      gradePointAverage([
        { credits: 5, gradePoint: 4 },
        { credits: 10, gradePoint: 3.33 },
      ]),
    ).toBe(3.55);
  });
});
