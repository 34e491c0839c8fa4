/**
 * Students taken into a round by a pasted list of student numbers (the IIN): every line is checked first (12
 * digits, a known student, a current active enrolment, not repeated), and an issue names its line; with any issue
 * nothing is written. Students the round already holds are counted, not added twice.
 */
import type { AddRoundStudentsByNumberBody } from '@kadr/contracts';
import { placementRoundsRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { fieldIssue, type ReasonedIssue, validationError } from '../errors.ts';
import { requireRoundIn } from './rounds.service.ts';

const STUDENT_NUMBER = /^\d{12}$/;

/** Adds the listed students to a draft or open round (officer, admin), all or none. */
export async function addRoundStudentsByNumber(
  ctx: ServiceContext,
  id: number,
  body: AddRoundStudentsByNumberBody,
): Promise<{ added: number; studentIds: number[]; alreadyInRound: number }> {
  return inTransaction(ctx, async (tx) => {
    const round = await requireRoundIn(tx, id, ['draft', 'open'], 'take students');
    const lines = body.numbers.map((line, index) => ({ index, number: line.trim() }));
    const given = lines.filter((l) => l.number !== '');
    const issues: ReasonedIssue[] = [];
    const path = (index: number) => `body.numbers.${index}`;
    if (given.length === 0)
      issues.push(fieldIssue('body.numbers', 'exists', 'Paste at least one student number'));
    const found = await placementRoundsRepository.studentsByIin(
      tx,
      id,
      given.filter((l) => STUDENT_NUMBER.test(l.number)).map((l) => l.number),
    );
    const seen = new Set<string>();
    const studentIds: number[] = [];
    let alreadyInRound = 0;
    for (const { index, number } of given) {
      const student = found.get(number);
      if (!STUDENT_NUMBER.test(number))
        issues.push(
          fieldIssue(path(index), 'studentNumber', `“${number}” is not a student number (12 digits)`),
        );
      else if (seen.has(number))
        issues.push(fieldIssue(path(index), 'noRepeats', `${number} is listed on an earlier line`));
      else if (!student)
        issues.push(fieldIssue(path(index), 'exists', `No student has the number ${number}`));
      else if (!student.active)
        issues.push(
          fieldIssue(path(index), 'enrolledStudent', `Student ${number} has no current active enrolment`),
        );
      else if (student.inRound) alreadyInRound++;
      else studentIds.push(student.studentId);
      seen.add(number);
    }
    if (issues.length > 0) throw validationError(issues);
    const added = await placementRoundsRepository.addStudents(tx, id, round.academicYear, {
      programmeIds: [],
      years: [],
      studentIds,
    });
    await recordChange(tx, ctx, {
      action: 'create',
      entity: 'round_students',
      entityId: id,
      before: null,
      after: { numbers: given.length, added, alreadyInRound },
    });
    return { added: added.length, studentIds: added, alreadyInRound };
  });
}
