import { describe, expect, it } from 'vitest';
import { buildChainKeys, readChainColumns } from './chain-keys.ts';
import type { ApplicantInput, TargetInput, TieBreakCriterion } from './model.ts';
import type { DenseKey } from './tie-break.ts';

const chain: TieBreakCriterion[] = [
  { by: 'privilege', names: ['olympiad'] },
  { by: 'certificateAverage' },
  { by: 'profileScore' },
];
const targets: TargetInput[] = [
  { id: 'mp', capacity: 1, profileSubjects: ['math', 'physics'] },
  { id: 'mi', capacity: 1, profileSubjects: ['math', 'informatics'] },
];
const applicants: ApplicantInput[] = [
  { id: 'a0', choices: ['mp'], certificateAverage: 4.5, subjects: { math: 10, physics: 12 } },
  { id: 'a1', choices: ['mp'], certificateAverage: 4.5, subjects: { math: 10, physics: 11 } },
  { id: 'a2', choices: ['mp'], certificateAverage: 4.8, privileges: ['olympiad'], subjects: { math: 1 } },
  { id: 'a3', choices: ['mi'], certificateAverage: 4.5, subjects: { math: 9, informatics: 9 } },
  { id: 'a4', choices: ['mi'], certificateAverage: 4.5, subjects: { math: 9, informatics: 8 } },
  // In both groups: 25 in math+physics, 12 in math+informatics.
  {
    id: 'a5',
    choices: ['mi', 'mp'],
    certificateAverage: 4.5,
    subjects: { math: 10, physics: 15, informatics: 2 },
  },
];
const scores = new Float64Array(applicants.length).fill(80);
const BOTH = -2;
const homeGroup = Int32Array.of(0, 0, 0, 1, 1, BOTH);
// Lottery order unlike input order, so a key read at a member's place in the group instead of by
// applicant gets another applicant's value.
const ticketOrder = Int32Array.of(5, 3, 0, 4, 1, 2);

/** A group's members in lottery order. */
function groupOf(g: number): Int32Array {
  return ticketOrder.filter((i) => homeGroup[i] === g || homeGroup[i] === BOTH);
}

/** Each member's keys, most significant first, as one comparable string. */
function keyStrings(keys: DenseKey[], size: number): string[] {
  return Array.from({ length: size }, (_, l) =>
    keys.map((key) => String(key.rank[l]).padStart(3, '0')).join('.'),
  );
}

describe('chain keys of a ranking group', () => {
  const columns = readChainColumns(chain, applicants, homeGroup, targets);

  it.each([
    // mp: a2 holds the privilege; a5 has 25, a0 22, a1 21 in math+physics.
    [0, ['a2', 'a5', 'a0', 'a1']],
    // mi: a3 18, a4 17, a5 12 in math+informatics.
    [1, ['a3', 'a4', 'a5']],
  ])('orders group %i by privilege, certificate average and its own profile score', (g, expected) => {
    const group = groupOf(g);
    const keys = buildChainKeys(chain, applicants, scores, group, g, targets[g]!, columns);
    const strings = keyStrings(keys, group.length);
    const order = [...group.keys()].sort((x, y) => strings[x]!.localeCompare(strings[y]!));
    expect(order.map((l) => applicants[group[l]!]!.id)).toEqual(expected);
    expect(new Set(strings).size).toBe(group.length);
  });
});
