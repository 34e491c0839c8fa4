import type { CreateStudentBody, Student, StudentListQuery, UpdateStudentBody } from '@kadr/contracts';
import {
  consentedScopesOf,
  type Db,
  enrolmentsRepository,
  type RecordPage,
  type StudentRecord,
  studentsRepository,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError, withUniqueCheck } from '../errors.ts';
import { seesAllStudents } from '../policy.ts';
import { auditedStudent, presentStudent } from './presenters.ts';
import { requireVisibleStudent, type StudentView } from './student-access.ts';

/**
 * Lists the students the actor may see: staff all (searching name or IIN); a partner those with a current consent
 * for its organisation (searching the name only, so that a partner cannot probe IINs); a student only themself.
 */
export async function listStudents(
  ctx: ServiceContext,
  query: StudentListQuery,
): Promise<RecordPage<Student>> {
  const { actor } = ctx;
  const full = seesAllStudents(actor);
  const today = todayOf(ctx);
  const own =
    actor.role === 'student' ? await studentsRepository.findByUserId(ctx.db, actor.userId) : undefined;
  if (actor.role === 'student' && !own)
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const page = await studentsRepository.list(ctx.db, {
    ...query,
    searchIin: full || own !== undefined,
    onlyId: own?.id,
    consentedTo: actor.role === 'partner' ? { organisationId: actor.organisationId, on: today } : undefined,
  });
  const ids = page.items.map((s) => s.id);
  const enrolments = await enrolmentsRepository.listForStudents(ctx.db, ids);
  const scopes =
    actor.role === 'partner' ? await consentedScopesOf(ctx.db, ids, actor.organisationId, today) : undefined;
  const viewOf = (id: number): StudentView =>
    scopes ? { full: false, scopes: scopes.get(id) ?? [] } : { full: true, scopes: [] };
  return {
    ...page,
    items: page.items.map((s) =>
      presentStudent(
        s,
        enrolments.filter((e) => e.studentId === s.id),
        viewOf(s.id),
      ),
    ),
  };
}

async function present(db: Db, student: StudentRecord, view: StudentView): Promise<Student> {
  return presentStudent(student, await enrolmentsRepository.listForStudents(db, [student.id]), view);
}

/** One student as the actor may see them; NOT_FOUND outside the actor's view. */
export async function getStudent(ctx: ServiceContext, id: number): Promise<Student> {
  const { student, view } = await requireVisibleStudent(ctx, id);
  return present(ctx.db, student, view);
}

/** The signed-in student's own record; NOT_FOUND when their account has none. */
export async function getOwnStudent(ctx: ServiceContext): Promise<Student> {
  const student = await studentsRepository.findByUserId(ctx.db, ctx.actor.userId);
  if (!student) throw new AppError('NOT_FOUND', { message: 'Your account has no student record' });
  return present(ctx.db, student, { full: true, scopes: [] });
}

/**
 * The references and unique keys of a new or changed student: the account exists with the student role and is no
 * other student's; the IIN is no other student's (CONFLICT naming the field).
 */
async function checkStudent(db: Db, body: UpdateStudentBody, id?: number): Promise<void> {
  if (body.userId && !(await studentsRepository.isStudentUser(db, body.userId)))
    throw validationError([
      fieldIssue('body.userId', 'exists', `No user ${body.userId} with the student role`),
    ]);
  const taken = (path: string, message: string) =>
    new AppError('CONFLICT', { message, details: { issues: [fieldIssue(path, 'unique', 'Already taken')] } });
  const byIin = body.iin ? await studentsRepository.findByIin(db, body.iin) : undefined;
  if (byIin && byIin.id !== id) throw taken('body.iin', 'A student with this IIN exists');
  const byUser = body.userId ? await studentsRepository.findByUserId(db, body.userId) : undefined;
  if (byUser && byUser.id !== id)
    throw taken('body.userId', 'This account is already linked to another student');
}

/** A unique violation that a concurrent write slipped past the checks: CONFLICT. */
function conflict(): AppError {
  return new AppError('CONFLICT', { message: 'The IIN or the account is taken' });
}

/** Records a student (admin, coordinator); audited with the IIN masked. */
export async function createStudent(ctx: ServiceContext, body: CreateStudentBody): Promise<Student> {
  await checkStudent(ctx.db, body);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await studentsRepository.create(tx, body);
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'student',
          entityId: created.id,
          before: null,
          after: auditedStudent(created),
        });
        return present(tx, created, { full: true, scopes: [] });
      }),
    conflict,
  );
}

/** Changes a student's personal data (admin, coordinator); audited with the IIN masked. */
export async function updateStudent(
  ctx: ServiceContext,
  id: number,
  body: UpdateStudentBody,
): Promise<Student> {
  await checkStudent(ctx.db, body, id);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await studentsRepository.findById(tx, id);
        if (!before) throw notFound('student', id);
        const after = (await studentsRepository.update(tx, id, body, ctx.now()))!;
        await recordChange(tx, ctx, {
          action: 'update',
          entity: 'student',
          entityId: id,
          before: auditedStudent(before),
          after: auditedStudent(after),
        });
        return present(tx, after, { full: true, scopes: [] });
      }),
    conflict,
  );
}
