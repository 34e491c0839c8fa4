import type {
  CreateResultBody,
  GradeLetter,
  Result,
  StudentResults,
  UpdateResultBody,
} from '@kadr/contracts';
import { gradeOfPoints, gradePointAverage } from '@kadr/core';
import { type Db, type ResultRecord, resultsRepository, studentsRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import {
  AppError,
  fieldIssue,
  notFound,
  type ReasonedIssue,
  validationError,
  withUniqueCheck,
} from '../errors.ts';
import { presentResult } from './presenters.ts';
import { requireStudentScope } from './student-access.ts';

/**
 * The letter and grade point of `points` on the national scale; a message when a given letter contradicts them.
 * @example gradeFor(87, 'B+') // { letter: 'B+', gradePoint: 3.33 }
 */
export function gradeFor(
  points: number,
  letter?: GradeLetter,
): { letter: GradeLetter; gradePoint: number; issue?: string } {
  const band = gradeOfPoints(points);
  const issue =
    letter && letter !== band.letter
      ? `${points} points is ${band.letter} on the national scale, not ${letter}`
      : undefined;
  return { letter: band.letter, gradePoint: band.gradePoint, ...(issue ? { issue } : {}) };
}

/** The GPA over the last attempt of each discipline, weighted by credits, and those credits. */
export function gpaOf(results: readonly ResultRecord[]): { gpa: number; credits: number } {
  const last = new Map<number, ResultRecord>();
  for (const r of results) {
    const seen = last.get(r.disciplineId);
    if (!seen || r.attempt > seen.attempt) last.set(r.disciplineId, r);
  }
  const counted = [...last.values()];
  return {
    gpa: gradePointAverage(counted),
    credits: counted.reduce((sum, r) => sum + r.credits, 0),
  };
}

/** A student's results with the GPA (a partner needs the `results` scope). */
export async function listResults(ctx: ServiceContext, studentId: number): Promise<StudentResults> {
  await requireStudentScope(ctx, studentId, 'results');
  const results = await resultsRepository.listForStudent(ctx.db, studentId);
  return { items: results.map(presentResult), ...gpaOf(results) };
}

/** The student and the discipline exist, and the student is or was enrolled in the discipline's version. */
async function referenceIssues(db: Db, studentId: number, disciplineId: number) {
  const issues: ReasonedIssue[] = [];
  const student = await studentsRepository.findById(db, studentId);
  if (!student) issues.push(fieldIssue('body.studentId', 'exists', `No student ${studentId}`));
  const discipline = await resultsRepository.findDiscipline(db, disciplineId);
  if (!discipline) issues.push(fieldIssue('body.disciplineId', 'exists', `No discipline ${disciplineId}`));
  if (student && discipline && !(await resultsRepository.isEnrolledIn(db, studentId, discipline.versionId)))
    issues.push(
      fieldIssue(
        'body.disciplineId',
        'enrolledInVersion',
        'The discipline is not in a programme version the student is enrolled in',
      ),
    );
  return issues;
}

/** A result already recorded for the student, discipline and attempt (a unique violation): CONFLICT naming the attempt. */
function conflict(): AppError {
  return new AppError('CONFLICT', {
    message: 'This attempt at the discipline is already recorded for the student',
    details: { issues: [fieldIssue('body.attempt', 'unique', 'Already recorded')] },
  });
}

/** Records a result (admin, coordinator): letter and grade point from the points. */
export async function createResult(ctx: ServiceContext, body: CreateResultBody): Promise<Result> {
  const grade = gradeFor(body.points, body.letter);
  const issues = await referenceIssues(ctx.db, body.studentId, body.disciplineId);
  if (grade.issue) issues.push(fieldIssue('body.letter', 'gradeMatchesPoints', grade.issue));
  if (issues.length > 0) throw validationError(issues);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await resultsRepository.create(tx, {
          ...body,
          letter: grade.letter,
          gradePoint: grade.gradePoint,
        });
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'result',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentResult(created);
      }),
    conflict,
  );
}

/** Changes a result (admin, coordinator); the letter follows the points. */
export async function updateResult(ctx: ServiceContext, id: number, body: UpdateResultBody): Promise<Result> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await resultsRepository.findById(tx, id);
        if (!before) throw notFound('result', id);
        const points = body.points ?? before.points;
        const grade = gradeFor(
          points,
          body.letter ?? (body.points === undefined ? before.letter : undefined),
        );
        if (grade.issue)
          throw validationError([fieldIssue('body.letter', 'gradeMatchesPoints', grade.issue)]);
        const patch = { ...body, points, letter: grade.letter, gradePoint: grade.gradePoint };
        const after = (await resultsRepository.update(tx, id, patch, ctx.now()))!;
        await recordChange(tx, ctx, { action: 'update', entity: 'result', entityId: id, before, after });
        return presentResult(after);
      }),
    conflict,
  );
}

/** Deletes a result (admin, coordinator). */
export async function deleteResult(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await resultsRepository.findById(tx, id);
    if (!before) throw notFound('result', id);
    await resultsRepository.delete(tx, id);
    await recordChange(tx, ctx, { action: 'delete', entity: 'result', entityId: id, before, after: null });
  });
}
