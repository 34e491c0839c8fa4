import { createResultBodySchema, GRADE_LETTERS, type GradeLetter } from '@kadr/contracts';
import { type Db, enrolmentsRepository, type ResultInput, resultsRepository } from '@kadr/db';
import { gradeFor } from '../students/results.service.ts';
import { asText, date, oneOf, wholeNumber } from './columns.ts';
import { cellIssue, checkRow, type Importer, type RowIssue, type ValidRow } from './importer.ts';

/** A result row: the student by IIN, the discipline by code in a version the student is enrolled in. */
export interface ResultRow {
  iin: string;
  discipline: string;
  attempt: number;
  points: number;
  letter: GradeLetter;
  gradePoint: number;
  gradedOn: string;
}

/** Rows per file: a faculty's session results. 10,000 import in a few seconds (bench/imports). */
const MAX_RESULT_ROWS = 20_000;

/**
 * The ids the rows name, in two queries whatever the number of rows: each IIN's student and the versions they are
 * enrolled in (the current enrolment first), then the disciplines of those versions by code.
 */
async function resolver(db: Db, rows: { iin: string }[]) {
  const enrolled = await enrolmentsRepository.enrolledVersionsByIin(db, [...new Set(rows.map((r) => r.iin))]);
  const students = new Map<string, { studentId: number; versionIds: number[] }>();
  for (const e of enrolled) {
    const s = students.get(e.iin) ?? { studentId: e.studentId, versionIds: [] };
    s.versionIds.push(e.versionId);
    students.set(e.iin, s);
  }
  const disciplines = await resultsRepository.disciplinesByCode(db, [
    ...new Set(enrolled.map((e) => e.versionId)),
  ]);
  return (row: { iin: string; discipline: string }) => {
    const student = students.get(row.iin);
    if (!student) return { issue: cellIssue('iin', 'exists', 'No enrolled student with this IIN') };
    for (const versionId of student.versionIds) {
      const disciplineId = disciplines.get(`${versionId}#${row.discipline}`);
      if (disciplineId) return { studentId: student.studentId, disciplineId };
    }
    return {
      issue: cellIssue(
        'discipline',
        'enrolledInVersion',
        `No discipline ${row.discipline} in the student's programme`,
      ),
    };
  };
}

/**
 * Discipline results on the national scale: the letter optional and checked against the points, the attempt 1
 * unless given; a result already recorded for the same student, discipline and attempt is refused.
 */
export const resultsImporter: Importer<ResultRow> = {
  kind: 'results',
  entity: 'result',
  maxRows: MAX_RESULT_ROWS,
  columns: [
    {
      name: 'iin',
      required: true,
      format: "The student's IIN, 12 digits",
      example: '061211600012',
      parse: asText,
    },
    {
      name: 'discipline',
      required: true,
      format: "Discipline code in the student's programme version",
      example: 'MAT 1101',
      parse: (t) => ({ ok: true, value: t.toUpperCase() }),
    },
    {
      name: 'attempt',
      required: false,
      format: '1 for the first sitting (default), 2 for a re-examination, …',
      example: '1',
      parse: wholeNumber(1, 10),
    },
    {
      name: 'points',
      required: true,
      format: 'Whole points 0-100',
      example: '87',
      parse: wholeNumber(0, 100),
    },
    {
      name: 'letter',
      required: false,
      format: `${GRADE_LETTERS.join(' | ')}; must agree with the points`,
      example: 'B+',
      parse: oneOfLetters,
    },
    {
      name: 'graded_on',
      required: true,
      format: 'YYYY-MM-DD or DD.MM.YYYY',
      example: '2025-01-20',
      parse: date,
    },
  ],
  build(v) {
    const checked = checkRow(
      createResultBodySchema,
      {
        studentId: 1,
        disciplineId: 1,
        attempt: v.attempt,
        points: v.points,
        letter: v.letter,
        gradedOn: v.graded_on,
      },
      { attempt: 'attempt', points: 'points', letter: 'letter', gradedOn: 'graded_on' },
    );
    if (!checked.value) return { issues: checked.issues };
    const grade = gradeFor(checked.value.points, checked.value.letter);
    if (grade.issue) return { issues: [cellIssue('letter', 'gradeMatchesPoints', grade.issue)] };
    const { attempt, points, gradedOn } = checked.value;
    return {
      issues: [],
      value: {
        iin: v.iin as string,
        discipline: v.discipline as string,
        attempt,
        points,
        gradedOn,
        letter: grade.letter,
        gradePoint: grade.gradePoint,
      },
    };
  },
  async check(db, rows: ValidRow<ResultRow>[]) {
    const issues: RowIssue[] = [];
    const resolve = await resolver(
      db,
      rows.map((r) => r.value),
    );
    const resolved: { row: number; key: string; studentId: number }[] = [];
    for (const { row, value } of rows) {
      const ids = resolve(value);
      if ('issue' in ids && ids.issue) issues.push({ row, ...ids.issue });
      else if ('studentId' in ids)
        resolved.push({
          row,
          studentId: ids.studentId!,
          key: `${ids.studentId}#${ids.disciplineId}#${value.attempt}`,
        });
    }
    const recorded = await resultsRepository.existingKeys(db, [...new Set(resolved.map((r) => r.studentId))]);
    const firstRow = new Map<string, number>();
    for (const { row, key } of resolved) {
      const first = firstRow.get(key);
      if (first !== undefined)
        issues.push({ row, ...cellIssue('attempt', 'noRepeats', `Repeats row ${first}`) });
      else firstRow.set(key, row);
      if (recorded.has(key))
        issues.push({ row, ...cellIssue('attempt', 'unique', 'This attempt is already recorded') });
    }
    return issues;
  },
  async write(tx, rows, at) {
    const resolve = await resolver(tx, rows);
    const inputs: ResultInput[] = rows.map((r) => {
      const ids = resolve(r) as { studentId: number; disciplineId: number };
      const { iin: _iin, discipline: _discipline, ...grade } = r;
      return { ...grade, studentId: ids.studentId, disciplineId: ids.disciplineId };
    });
    const ids = await resultsRepository.insertMany(tx, inputs, at);
    return inputs.map((input, i) => ({ id: ids[i]!, after: { id: ids[i]!, ...input } }));
  },
};

/** A letter of the national scale, written as people do (`b+`, `A-`). */
function oneOfLetters(t: string) {
  const letter = t.trim().toUpperCase();
  return (GRADE_LETTERS as readonly string[]).includes(letter)
    ? { ok: true as const, value: letter }
    : oneOf(GRADE_LETTERS)(t);
}
