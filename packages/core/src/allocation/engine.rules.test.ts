import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import { allocate } from './engine.ts';
import type { AllocationInput, ApplicantInput } from './model.ts';
import { assignmentOf, solveReport } from './test-support.ts';

const byId = (report: ReturnType<typeof solveReport>, id: string) =>
  report.applicants.find((a) => a.id === id)!;

describe('R1 eligibility', () => {
  const subjects = { history: 10, math: 40, physics: 30 };
  const input: AllocationInput = {
    applicants: [
      { id: 'a1', choices: ['ped', 'eng'], score: 80, subjects },
      { id: 'a2', choices: ['ped', 'eng'], score: 70, subjects },
      { id: 'a3', choices: ['ped', 'eng'], score: 60, subjects: { ...subjects, history: 4 } },
      { id: 'a4', choices: ['ped', 'eng'], score: 90, subjects: { history: 10, math: 45, biology: 35 } },
      { id: 'a5', choices: ['ped', 'eng'], score: 85, subjects: { ...subjects, math: 3 } },
    ],
    targets: [
      { id: 'ped', capacity: 5, minScore: 75, profileSubjects: ['math', 'physics'] },
      { id: 'eng', capacity: 5, profileSubjects: ['math', 'physics'] },
    ],
    policy: { eligibility: { minTotal: 50, minSubjects: { history: 5 }, minProfileSubject: 5 } },
  };
  const report = solveReport(input);

  it('places eligible applicants and skips targets whose threshold they miss', () => {
    expect(assignmentOf(report)).toEqual({ a1: 'ped/general', a2: 'eng/general', a3: '-', a4: '-', a5: '-' });
  });

  it('explains a missed per-target threshold with the shortfall (70 < 75 by 5)', () => {
    expect(byId(report, 'a2').reasons).toEqual([
      {
        choice: 1,
        target: 'ped',
        reason: 'ineligible',
        rule: 'min-total',
        value: 70,
        required: 75,
        shortBy: 5,
      },
    ]);
  });

  it('names the first failing rule per choice: threshold on one, subject minimum on the other', () => {
    expect(byId(report, 'a3').reasons).toEqual([
      {
        choice: 1,
        target: 'ped',
        reason: 'ineligible',
        rule: 'min-total',
        value: 60,
        required: 75,
        shortBy: 15,
      },
      {
        choice: 2,
        target: 'eng',
        reason: 'ineligible',
        rule: 'min-subject',
        subject: 'history',
        value: 4,
        required: 5,
        shortBy: 1,
      },
    ]);
  });

  it('refuses a profile pair that does not match, and a profile subject under 5', () => {
    expect(byId(report, 'a4').reasons?.map((r) => r.reason === 'ineligible' && r.rule)).toEqual([
      'profile-subject',
      'profile-subject',
    ]);
    expect(byId(report, 'a5').reasons?.[1]).toMatchObject({
      rule: 'min-subject',
      subject: 'math',
      shortBy: 2,
    });
  });

  it('passes the independent checker', () => {
    expect(checkAllocation(input, report).violations).toEqual([]);
  });
});

describe('R2 choices', () => {
  const applicant = (choices: string[]): ApplicantInput => ({ id: 'a', choices, score: 90 });
  const targets = ['x1', 'x2', 'y1', 'z1', 'w1', 'v1'].map((id) => ({ id, capacity: 1, group: id[0] }));

  it('rejects an application with more groups than allowed, naming its path', () => {
    const outcome = allocate({
      applicants: [applicant(['x1', 'y1', 'z1'])],
      targets,
      policy: { limits: { maxGroups: 2 } },
    });
    expect(outcome).toEqual({
      ok: false,
      issues: [{ path: 'applicants[0].choices[2]', message: '3 groups exceed the limit of 2' }],
    });
  });

  it('rejects more than four GOPs under the kz-grants preset, and more choices per group than allowed', () => {
    const tooMany = allocate({
      applicants: [applicant(['x1', 'y1', 'z1', 'w1', 'v1'])],
      targets,
      policy: { preset: 'kz-grants' },
    });
    expect(tooMany.ok).toBe(false);
    const perGroup = allocate({
      applicants: [applicant(['x1', 'x2'])],
      targets,
      policy: { limits: { maxChoicesPerGroup: 1 } },
    });
    expect(perGroup.ok ? [] : perGroup.issues.map((i) => i.message)).toEqual([
      '2 choices in group "x" exceed the limit of 1',
    ]);
  });

  it('reports unknown and duplicate choices with their JSON path', () => {
    const outcome = allocate({ applicants: [applicant(['x1', 'nope', 'x1'])], targets });
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      { path: 'applicants[0].choices[1]', message: 'unknown target "nope"' },
      { path: 'applicants[0].choices[2]', message: 'duplicate choice "x1"' },
    ]);
  });
});

describe('input validation', () => {
  const targets = [{ id: 't', capacity: 1 }];

  it('reports duplicate applicant ids, with and without explicit rankings', () => {
    const applicants = [
      { id: 'a', choices: ['t'] },
      { id: 'b', choices: ['t'] },
      { id: 'a', choices: ['t'] },
    ];
    const expected = {
      ok: false,
      issues: [{ path: 'applicants[2].id', message: 'duplicate applicant id "a"' }],
    };
    expect(allocate({ applicants, targets })).toEqual(expected);
    expect(allocate({ applicants, targets: [{ ...targets[0]!, ranking: ['b'] }] })).toEqual(expected);
  });

  it('reports unknown and twice-ranked applicants in an explicit ranking', () => {
    const outcome = allocate({
      applicants: [{ id: 'a', choices: ['t'] }],
      targets: [{ id: 't', capacity: 1, ranking: ['a', 'zz', 'a'] }],
    });
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      { path: 'targets[0].ranking[1]', message: 'unknown applicant "zz"' },
      { path: 'targets[0].ranking[2]', message: 'applicant "a" is ranked twice' },
    ]);
  });

  it('reports reserved pools whose seats exceed the capacity, and kept seats on unknown pools', () => {
    const outcome = allocate({
      applicants: [{ id: 'a', choices: ['t'] }],
      targets: [{ id: 't', capacity: 1, pools: [{ id: 'q', category: 'x', seats: 2 }] }],
      kept: [{ applicant: 'z', target: 't', pool: 'nope' }],
    });
    expect(outcome.ok ? [] : outcome.issues).toEqual([
      { path: 'targets[0].pools', message: 'pool seats 2 exceed capacity 1' },
      { path: 'kept[0].pool', message: 'unknown pool "nope" of "t"' },
    ]);
  });
});

describe('R3 pools keyed by group and language', () => {
  it('keeps separate capacities for the Kazakh and Russian streams of one GOP', () => {
    const input: AllocationInput = {
      applicants: [90, 80, 70].map((score) => ({ id: `s${score}`, choices: ['B057-kk', 'B057-ru'], score })),
      targets: [
        { id: 'B057-kk', capacity: 1, group: 'B057' },
        { id: 'B057-ru', capacity: 1, group: 'B057' },
      ],
    };
    const report = solveReport(input);
    expect(assignmentOf(report)).toEqual({ s90: 'B057-kk/general', s80: 'B057-ru/general', s70: '-' });
    expect(
      byId(report, 's70').reasons?.map((r) => r.reason === 'below-cutoff' && [r.target, r.shortBy]),
    ).toEqual([
      ['B057-kk', 20],
      ['B057-ru', 10],
    ]);
  });
});

describe('R4 and R5 quota pools', () => {
  const input: AllocationInput = {
    applicants: [
      { id: 'u1', choices: ['A', 'B'], score: 90 },
      { id: 'u2', choices: ['A', 'B'], score: 80 },
      { id: 'u3', choices: ['A', 'B'], score: 60 },
      { id: 'r1', choices: ['A', 'B'], score: 70, categories: ['rural'] },
      { id: 'r2', choices: ['B'], score: 50, categories: ['rural'] },
    ],
    targets: [
      { id: 'A', capacity: 2, tags: ['rural-development'] },
      { id: 'B', capacity: 2 },
    ],
    policy: { quotas: [{ id: 'rural', category: 'rural', share: 0.5, only: ['rural-development'] }] },
  };
  const report = solveReport(input);

  it('gives the rural seat of a rural-development target to a rural applicant below the general cutoff', () => {
    expect(assignmentOf(report)).toEqual({
      u1: 'A/general',
      u2: 'B/general',
      u3: 'B/general',
      r1: 'A/rural',
      r2: '-',
    });
  });

  it('creates no rural pool on a target outside the list (R5)', () => {
    expect(report.targets.map((t) => t.pools.map((p) => `${p.id}:${p.nominal}`))).toEqual([
      ['general:1', 'rural:1'],
      ['general:2'],
    ]);
    expect(byId(report, 'r2').reasons).toEqual([
      expect.objectContaining({
        target: 'B',
        pool: 'general',
        reason: 'below-cutoff',
        score: 50,
        cutoffScore: 60,
        shortBy: 10,
      }),
    ]);
  });

  it('passes the independent checker', () => {
    expect(checkAllocation(input, report).violations).toEqual([]);
  });
});
