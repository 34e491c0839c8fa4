import type { CreateEnrolmentBody, Enrolment, EnrolmentStatus, UpdateEnrolmentBody } from '@kadr/contracts';
import { enrolmentsRepository, studentsRepository } from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError, withUniqueCheck } from '../errors.ts';
import { presentEnrolment } from './presenters.ts';
import { requireStudentScope } from './student-access.ts';

const CURRENT: readonly EnrolmentStatus[] = ['active', 'on-leave'];

/** The moves an enrolment may make: between active and on leave, or to one of the two ends, which are final. */
const NEXT: Record<EnrolmentStatus, readonly EnrolmentStatus[]> = {
  active: ['on-leave', 'graduated', 'withdrawn'],
  'on-leave': ['active', 'graduated', 'withdrawn'],
  graduated: [],
  withdrawn: [],
};

/** A student's enrolments, oldest first (a partner needs the `profile` scope). */
export async function listEnrolments(ctx: ServiceContext, studentId: number): Promise<Enrolment[]> {
  await requireStudentScope(ctx, studentId, 'profile');
  return (await enrolmentsRepository.listForStudents(ctx.db, [studentId])).map(presentEnrolment);
}

/**
 * Enrols a student in a programme version that is not a draft (admin, coordinator). CONFLICT while the student has
 * a current enrolment (active or on leave): end it first.
 */
export async function createEnrolment(
  ctx: ServiceContext,
  studentId: number,
  body: CreateEnrolmentBody,
): Promise<Enrolment> {
  if (!(await studentsRepository.findById(ctx.db, studentId))) throw notFound('student', studentId);
  const version = await enrolmentsRepository.findVersion(ctx.db, body.versionId);
  if (!version)
    throw validationError([fieldIssue('body.versionId', 'exists', `No programme version ${body.versionId}`)]);
  if (version.status === 'draft')
    throw validationError([
      fieldIssue('body.versionId', 'versionActive', 'A draft version takes no students'),
    ]);
  const existing = await enrolmentsRepository.listForStudents(ctx.db, [studentId]);
  if (existing.some((e) => CURRENT.includes(e.status)))
    throw new AppError('CONFLICT', { message: 'The student already has a current enrolment; end it first' });
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await enrolmentsRepository.create(tx, { studentId, ...body, endedOn: null });
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'enrolment',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentEnrolment(created);
      }),
    () => new AppError('CONFLICT', { message: 'The student already has a current enrolment' }),
  );
}

/** Moves an enrolment to a new status (admin, coordinator); ending it records the day (default today). */
export async function updateEnrolment(
  ctx: ServiceContext,
  id: number,
  body: UpdateEnrolmentBody,
): Promise<Enrolment> {
  return inTransaction(ctx, async (tx) => {
    const before = await enrolmentsRepository.findById(tx, id);
    if (!before) throw notFound('enrolment', id);
    if (!NEXT[before.status].includes(body.status))
      throw new AppError('INVALID_TRANSITION', {
        message: `An enrolment cannot move from ${before.status} to ${body.status}`,
      });
    const ends = !CURRENT.includes(body.status);
    if (!ends && body.endedOn)
      throw validationError([
        fieldIssue('body.endedOn', 'endOnlyWhenEnded', 'Only a graduation or a withdrawal has an end date'),
      ]);
    const endedOn = ends ? (body.endedOn ?? todayOf(ctx)) : null;
    if (endedOn && endedOn < before.enrolledOn)
      throw validationError([
        fieldIssue('body.endedOn', 'periodInOrder', `The enrolment began on ${before.enrolledOn}`),
      ]);
    const after = (await enrolmentsRepository.update(tx, id, { status: body.status, endedOn }, ctx.now()))!;
    await recordChange(tx, ctx, { action: 'update', entity: 'enrolment', entityId: id, before, after });
    return presentEnrolment(after);
  });
}
