import { describe, expect, it } from 'vitest';
import { checkEligibility } from './eligibility.ts';
import type { ApplicantInput, TargetInput } from './model.ts';
import { resolvePolicy } from './policy.ts';

const grants = resolvePolicy({ preset: 'kz-grants' });
const engineering: TargetInput = { id: 'B057', capacity: 5, profileSubjects: ['math', 'physics'] };
const pedagogy: TargetInput = { ...engineering, id: 'B009', minScore: 75 };
const good = { mathLiteracy: 7, history: 12, readingLiteracy: 6, math: 30, physics: 30 };
const applicant = (score: number, subjects: Record<string, number> = good): ApplicantInput => ({
  id: 'a',
  choices: [],
  score,
  subjects,
});

describe('checkEligibility (R1, R11)', () => {
  it('accepts 50 points on a general target and refuses 74 on a pedagogical one (threshold 75)', () => {
    expect(checkEligibility(applicant(50), engineering, grants)).toBeNull();
    expect(checkEligibility(applicant(74), pedagogy, grants)).toEqual({
      rule: 'min-total',
      value: 74,
      required: 75,
    });
  });

  it('refuses 49 points under the default threshold of 50', () => {
    expect(checkEligibility(applicant(49), engineering, grants)).toMatchObject({
      rule: 'min-total',
      required: 50,
    });
  });

  it('names the subject below its minimum (history 4 < 5)', () => {
    const result = checkEligibility(applicant(80, { ...good, history: 4 }), engineering, grants);
    expect(result).toEqual({ rule: 'min-subject', subject: 'history', value: 4, required: 5 });
  });

  it('applies the profile-subject minimum of 5 to each profile subject', () => {
    const result = checkEligibility(applicant(80, { ...good, physics: 4 }), engineering, grants);
    expect(result).toEqual({ rule: 'min-subject', subject: 'physics', value: 4, required: 5 });
  });

  it('refuses an applicant whose profile pair does not match the target', () => {
    const { physics: _physics, ...biology } = { ...good, biology: 30 };
    expect(checkEligibility(applicant(90, biology), engineering, grants)).toEqual({
      rule: 'profile-subject',
      subject: 'physics',
    });
  });

  it('lets a target override one subject minimum and keeps the others', () => {
    const strict: TargetInput = { ...engineering, minSubjectScores: { math: 25 } };
    expect(checkEligibility(applicant(80, { ...good, math: 20 }), strict, grants)).toMatchObject({
      subject: 'math',
      required: 25,
    });
  });

  it('refuses applicants from other regions for a regional target (R11)', () => {
    const regional: TargetInput = { ...engineering, region: 'Atyrau' };
    expect(checkEligibility({ ...applicant(90), region: 'Almaty' }, regional, grants)).toEqual({
      rule: 'region',
      value: 'Almaty',
      required: 'Atyrau',
    });
    expect(checkEligibility({ ...applicant(90), region: 'Atyrau' }, regional, grants)).toBeNull();
  });

  it('accepts everyone under the generic policy', () => {
    expect(
      checkEligibility({ id: 'a', choices: [] }, { id: 't', capacity: 1 }, resolvePolicy({})),
    ).toBeNull();
  });
});
