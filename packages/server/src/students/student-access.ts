/**
 * Who sees which student, and what of them (DOMAIN §8): staff see every student with every field; a student sees
 * only themself; a partner sees a student only with a current consent for its organisation, and only the scopes
 * it lists; every other role sees no student. Records outside the reader's view answer NOT_FOUND.
 * Placements and the passport call {@link studentScopesFor} / {@link requireStudentScope} for the same rule.
 */
import type { ConsentScope } from '@kadr/contracts';
import { CONSENT_SCOPES } from '@kadr/contracts';
import { consentedScopes, type StudentRecord, studentsRepository } from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { seesAllStudents } from '../policy.ts';

/** What the reader may see of one student: everything (`full`), or the scopes a partner's consents list. */
export type StudentView =
  | { full: true; scopes: readonly ConsentScope[] }
  | { full: false; scopes: ConsentScope[] };

const FULL: StudentView = { full: true, scopes: CONSENT_SCOPES };

/**
 * What the actor may see of the student today; undefined when nothing (the student is then "not found").
 * Staff and the student themself see everything; a partner what its current consents list.
 */
export async function studentViewOf(
  ctx: ServiceContext,
  student: StudentRecord,
): Promise<StudentView | undefined> {
  const { actor } = ctx;
  if (seesAllStudents(actor)) return FULL;
  if (actor.role === 'student') return student.userId === actor.userId ? FULL : undefined;
  if (actor.role !== 'partner') return undefined;
  const scopes = await consentedScopes(ctx.db, student.id, actor.organisationId, todayOf(ctx));
  return scopes.length > 0 ? { full: false, scopes } : undefined;
}

/** The consented scopes the actor has on the student (every scope for staff and the student; [] when none). */
export async function studentScopesFor(
  ctx: ServiceContext,
  studentId: number,
): Promise<readonly ConsentScope[]> {
  const student = await studentsRepository.findById(ctx.db, studentId);
  if (!student) return [];
  return (await studentViewOf(ctx, student))?.scopes ?? [];
}

/** The student and the actor's view of them, or NOT_FOUND when the student is missing or out of view. */
export async function requireVisibleStudent(
  ctx: ServiceContext,
  id: number,
): Promise<{ student: StudentRecord; view: StudentView }> {
  const student = await studentsRepository.findById(ctx.db, id);
  const view = student ? await studentViewOf(ctx, student) : undefined;
  if (!student || !view) throw notFound('student', id);
  return { student, view };
}

/**
 * The student, when the actor may see `scope` of them (a partner needs a current consent listing it);
 * NOT_FOUND otherwise, so that a partner cannot tell a student without consent from no student.
 */
export async function requireStudentScope(
  ctx: ServiceContext,
  id: number,
  scope: ConsentScope,
): Promise<StudentRecord> {
  const { student, view } = await requireVisibleStudent(ctx, id);
  if (!view.scopes.includes(scope)) throw notFound('student', id);
  return student;
}
