import { describe, expect, it } from 'vitest';
import { checkAllocation } from './checker.ts';
import { drawTicket } from './lottery.ts';
import type { AllocationInput } from './model.ts';
import { KZ_GRANT_TIE_BREAK } from './policy.ts';
import type { ApplicantReport } from './report.ts';
import { assignmentOf, solveReport } from './test-support.ts';

const reasonsOf = (report: ReturnType<typeof solveReport>, id: string) =>
  report.applicants.find((a) => a.id === id)!.reasons;

describe('R7 tie-break chain and lottery', () => {
  // Everyone scores 100 except e; the chain decides, then the seeded lottery.
  const input = (capacity: number): AllocationInput => ({
    applicants: [
      { id: 'a', choices: ['T'], score: 100, privileges: ['altynBelgi'], certificateAverage: 4.0 },
      { id: 'b', choices: ['T'], score: 100, certificateAverage: 4.9 },
      { id: 'c', choices: ['T'], score: 100, privileges: ['patriotismBadge'], certificateAverage: 4.5 },
      { id: 'd', choices: ['T'], score: 100, certificateAverage: 4.9 },
      { id: 'e', choices: ['T'], score: 99, privileges: ['altynBelgi'], certificateAverage: 5.0 },
    ],
    targets: [{ id: 'T', capacity }],
    policy: { tieBreak: KZ_GRANT_TIE_BREAK, seed: 2024 },
  });

  it('ranks Altyn Belgi first and the patriotism badge second among equal scores', () => {
    const report = solveReport(input(2));
    expect(assignmentOf(report)).toEqual({ a: 'T/general', b: '-', c: 'T/general', d: '-', e: '-' });
    expect(reasonsOf(report, 'b')).toEqual([
      expect.objectContaining({
        reason: 'below-cutoff',
        shortBy: 0,
        decidedBy: 'privilege:patriotismBadge',
        cutoffApplicant: 'c',
      }),
    ]);
    expect(checkAllocation(input(2), report).violations).toEqual([]);
  });

  it('lets a higher score beat every privilege (99 with Altyn Belgi loses by 1)', () => {
    expect(reasonsOf(solveReport(input(2)), 'e')).toEqual([
      expect.objectContaining({ score: 99, cutoffScore: 100, shortBy: 1, decidedBy: 'score' }),
    ]);
  });

  it('breaks a full tie (same privileges, same 4.9 average) by the seeded lottery and records the tickets', () => {
    const report = solveReport(input(3));
    const b = report.applicants.find((x) => x.id === 'b')!;
    const d = report.applicants.find((x) => x.id === 'd')!;
    expect(b.ticket).toBe(drawTicket(2024, 'b'));
    expect(d.ticket).toBe(drawTicket(2024, 'd'));
    const [winner, loser] = b.ticket < d.ticket ? [b, d] : [d, b];
    expect(winner.target).toBe('T');
    expect(loser.target).toBeNull();
    expect(loser.reasons).toEqual([
      expect.objectContaining({ decidedBy: 'lottery', cutoffApplicant: winner.id }),
    ]);
    expect(report.lottery).toMatchObject({ seed: 2024, decisive: 1 });
    expect(checkAllocation(input(3), report).violations).toEqual([]);
  });

  it('gives the same result for the same seed and lets another seed decide differently', () => {
    const same = solveReport(input(3));
    expect(solveReport(input(3))).toEqual(same);
    const winners = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const report = solveReport(input(3), { seed });
      winners.add(report.applicants.filter((x) => x.target && (x.id === 'b' || x.id === 'd'))[0]!.id);
    }
    expect(winners).toEqual(new Set(['b', 'd']));
  });

  it('uses the profile-subject score of the target as the last criterion', () => {
    const report = solveReport({
      applicants: [
        { id: 'p', choices: ['T'], score: 100, subjects: { math: 40, physics: 45 } },
        { id: 'q', choices: ['T'], score: 100, subjects: { math: 45, physics: 45 } },
      ],
      targets: [{ id: 'T', capacity: 1, profileSubjects: ['math', 'physics'] }],
      policy: { tieBreak: [{ by: 'profileScore' }] },
    });
    expect(assignmentOf(report)).toEqual({ p: '-', q: 'T/general' });
    expect(reasonsOf(report, 'p')).toEqual([expect.objectContaining({ decidedBy: 'profileScore' })]);
  });
});

describe('rankings with profile-subject groups', () => {
  it('ranks an applicant whose choices span two profile pairs by the order of each pair', () => {
    const subjects = { math: 10, physics: 10, informatics: 10 };
    const input: AllocationInput = {
      applicants: [
        { id: 'a', choices: ['mp'], score: 60, subjects },
        { id: 'b', choices: ['mp', 'mi'], score: 50, subjects },
        { id: 'c', choices: ['mi'], score: 70, subjects },
      ],
      targets: [
        { id: 'mp', capacity: 1, profileSubjects: ['math', 'physics'] },
        { id: 'mi', capacity: 1, profileSubjects: ['math', 'informatics'] },
      ],
      policy: { tieBreak: [{ by: 'profileScore' }] },
    };
    const report = solveReport(input);
    expect(assignmentOf(report)).toEqual({ a: 'mp/general', b: '-', c: 'mi/general' });
    expect(checkAllocation(input, report).violations).toEqual([]);
  });
});

describe('profile scores of an applicant whose choices span two profile pairs', () => {
  it('ranks it by the subjects of each pair: 30 in math+physics, 10 in math+informatics', () => {
    const input: AllocationInput = {
      applicants: [
        { id: 'a', choices: ['mp'], score: 50, subjects: { math: 10, physics: 15 } },
        { id: 'b', choices: ['mi', 'mp'], score: 50, subjects: { math: 10, physics: 20, informatics: 0 } },
        { id: 'c', choices: ['mi'], score: 50, subjects: { math: 10, informatics: 5 } },
      ],
      targets: [
        { id: 'mp', capacity: 1, profileSubjects: ['math', 'physics'] },
        { id: 'mi', capacity: 1, profileSubjects: ['math', 'informatics'] },
      ],
      policy: { tieBreak: [{ by: 'profileScore' }] },
    };
    const report = solveReport(input);
    expect(assignmentOf(report)).toEqual({ a: '-', b: 'mp/general', c: 'mi/general' });
    expect(checkAllocation(input, report).violations).toEqual([]);
  });
});

describe('R8 multiple wins go to the highest-priority choice', () => {
  const input: AllocationInput = {
    applicants: [
      { id: 'a', choices: ['X', 'Y', 'Z'], score: 95 },
      { id: 'b', choices: ['Y', 'X'], score: 90 },
      { id: 'c', choices: ['X', 'Y', 'Z'], score: 85 },
    ],
    targets: ['X', 'Y', 'Z'].map((id) => ({ id, capacity: 1 })),
  };

  it('gives a its first choice although it also wins Y and Z, and c falls to its third', () => {
    const report = solveReport(input);
    expect(assignmentOf(report)).toEqual({ a: 'X/general', b: 'Y/general', c: 'Z/general' });
    expect(report.applicants.map((x) => x.choice)).toEqual([1, 1, 3]);
    expect(
      reasonsOf(report, 'c')?.map(
        (r) => r.reason === 'below-cutoff' && [r.target, r.cutoffApplicant, r.shortBy],
      ),
    ).toEqual([
      ['X', 'a', 10],
      ['Y', 'b', 5],
    ]);
  });
});

describe('R12 every decision is explainable', () => {
  const input: AllocationInput = {
    applicants: [
      { id: 's1', choices: ['acme', 'kaz'], score: 3.9 },
      { id: 's2', choices: ['acme', 'kaz'], score: 3.5 },
      { id: 's3', choices: ['acme', 'kaz'], score: 3.1 },
    ],
    targets: [
      { id: 'acme', capacity: 1, ranking: ['s2', 's1'] },
      { id: 'kaz', capacity: 1 },
    ],
  };
  const report = solveReport(input);

  it('reports the pool, the 1-based rank and the ticket of every applicant', () => {
    expect(report.applicants.map((a: ApplicantReport) => [a.id, a.target, a.pool, a.choice, a.rank])).toEqual(
      [
        ['s1', 'kaz', 'general', 2, 1],
        ['s2', 'acme', 'general', 1, 1],
        ['s3', null, null, null, null],
      ],
    );
  });

  it('explains a company ranking: outranked by its rank, or not ranked at all', () => {
    expect(reasonsOf(report, 's1')).toEqual([
      { choice: 1, target: 'acme', pool: 'general', reason: 'outranked', rank: 2, cutoffRank: 1 },
    ]);
    expect(reasonsOf(report, 's3')).toEqual([
      { choice: 1, target: 'acme', reason: 'not-ranked' },
      expect.objectContaining({
        choice: 2,
        target: 'kaz',
        reason: 'below-cutoff',
        score: 3.1,
        cutoffScore: 3.9,
        decidedBy: 'score',
      }),
    ]);
  });

  it('publishes each pool cutoff: explicit rank for the company, score for the score-ranked target', () => {
    expect(report.targets.map((t) => t.pools[0]!.cutoff)).toEqual([
      { applicant: 's2', rank: 1 },
      { applicant: 's1', score: 3.9, rank: 1 },
    ]);
    expect(checkAllocation(input, report).violations).toEqual([]);
  });
});
