/**
 * Who sees which programmes (issue 11): staff see every programme and every version; a partner sees the
 * programmes its organisation co-develops, drafts included (it approves them); a student sees the programme of
 * their enrolment; an observer sees the catalogue. Students and observers never see drafts, and only staff and
 * the approver's own organisation see who approved. Outside the scope a record answers 404, never 403.
 */
import type { ProgrammeVersionStatus } from '@kadr/contracts';
import { type Db, programmesRepository, programmeVersionsRepository, type VersionRecord } from '@kadr/db';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { organisationScope } from '../policy.ts';

/** What the actor may see of the catalogue. */
export type ProgrammeView =
  | { kind: 'staff' }
  | { kind: 'partner'; organisationId: number }
  | { kind: 'student'; programmeIds: number[] }
  | { kind: 'catalogue' };

const STAFF = new Set(['admin', 'coordinator', 'officer']);

/** The statuses of versions every reader sees; drafts only staff and co-developing partners. */
const PUBLISHED: readonly ProgrammeVersionStatus[] = ['active', 'superseded'];

/** The actor's view of the catalogue (a student's programmes are read from their enrolments). */
export async function programmeViewOf(ctx: ServiceContext): Promise<ProgrammeView> {
  const { actor } = ctx;
  if (STAFF.has(actor.role)) return { kind: 'staff' };
  if (actor.role === 'partner') return { kind: 'partner', organisationId: organisationScope(actor)! };
  if (actor.role === 'student')
    return {
      kind: 'student',
      programmeIds: await programmesRepository.idsOfStudentUser(ctx.db, actor.userId),
    };
  if (actor.role === 'observer') return { kind: 'catalogue' };
  // The routes' policies keep other roles out; a service called otherwise shows them nothing.
  return { kind: 'student', programmeIds: [] };
}

/** The version statuses the view may read, or undefined for all. */
export function visibleStatuses(view: ProgrammeView): readonly ProgrammeVersionStatus[] | undefined {
  return view.kind === 'staff' || view.kind === 'partner' ? undefined : PUBLISHED;
}

/** True when the view may read the programme. */
export async function canSeeProgramme(db: Db, view: ProgrammeView, programmeId: number): Promise<boolean> {
  switch (view.kind) {
    case 'staff':
    case 'catalogue':
      return true;
    case 'partner':
      return programmesRepository.isCodevelopedBy(db, programmeId, view.organisationId);
    case 'student':
      return view.programmeIds.includes(programmeId);
  }
}

/** NOT_FOUND unless the view may read the programme. */
export async function assertProgrammeVisible(
  db: Db,
  view: ProgrammeView,
  programmeId: number,
): Promise<void> {
  if (!(await canSeeProgramme(db, view, programmeId))) throw notFound('programme', programmeId);
}

/** The version, if the view may read it (its programme, and not a draft for students and observers). */
export async function visibleVersion(
  ctx: ServiceContext,
  id: number,
  db: Db = ctx.db,
): Promise<{ version: VersionRecord; view: ProgrammeView }> {
  const view = await programmeViewOf(ctx);
  const version = await programmeVersionsRepository.findById(db, id);
  const statuses = visibleStatuses(view);
  if (
    !version ||
    (statuses && !statuses.includes(version.status)) ||
    !(await canSeeProgramme(db, view, version.programmeId))
  )
    throw notFound('programme version', id);
  return { version, view };
}

/** True when the view may see which person gave an approval (staff, and the approver's own organisation). */
export function seesApprover(view: ProgrammeView, organisationId: number): boolean {
  return view.kind === 'staff' || (view.kind === 'partner' && view.organisationId === organisationId);
}

/** True when the view may see the agreement of a co-developer (staff, and the partner for its own). */
export function seesAgreement(view: ProgrammeView, organisationId: number): boolean {
  return seesApprover(view, organisationId);
}

/**
 * Whose credit equivalences a discipline's `equivalenceCount` counts for the actor: a partner lists only its own
 * organisation's (equivalences.service.ts), so it counts only those; everyone else every organisation's.
 */
export function equivalencesOf(ctx: ServiceContext): number | undefined {
  return ctx.actor.role === 'partner' ? ctx.actor.organisationId : undefined;
}
