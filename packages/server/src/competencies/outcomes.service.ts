import type { OutcomesLock, ProgrammeOutcomes, PutOutcomesBody } from '@kadr/contracts';
import {
  competenciesRepository,
  type Db,
  type OutcomeInput,
  type OutcomeRecord,
  type OutcomesVersion,
  outcomesRepository,
  programmesRepository,
} from '@kadr/db';
import type { Change } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, type ReasonedIssue, validationError } from '../errors.ts';
import { recomputePassportsIn } from '../passport/passport.service.ts';
import { visibleVersion } from '../programmes/programme-access.ts';
import { recordChanges } from './audit-changes.ts';

/** Roles that change a draft version's outcomes (the PROGRAMME_WRITERS policy). */
const EDITOR_ROLES = ['admin', 'coordinator'];

/**
 * Why `role` may not change the version's outcomes, or null when it may: the version's state first (an active
 * version was approved by every co-developer as it stands; its outcomes change through a new draft version).
 */
export function outcomesLock(
  version: Pick<OutcomesVersion, 'status' | 'submittedAt'>,
  role: string,
): OutcomesLock | null {
  if (version.status !== 'draft') return version.status;
  if (version.submittedAt !== null) return 'submitted';
  return EDITOR_ROLES.includes(role) ? null : 'role';
}

async function readMapping(db: Db, version: OutcomesVersion, role: string): Promise<ProgrammeOutcomes> {
  const lockedBecause = outcomesLock(version, role);
  // One after another: inside a transaction the queries share one connection.
  const disciplines = await outcomesRepository.disciplinesOf(db, version.id);
  const promised = await outcomesRepository.promisedOf(db, version.id);
  const outcomes = await outcomesRepository.outcomesOf(db, version.id);
  const named = await outcomesRepository.competenciesByIds(db, [
    ...promised.map((p) => p.competencyId),
    ...outcomes.map((o) => o.competencyId),
  ]);
  const byId = new Map(named.map((c) => [c.competencyId, c]));
  // Editors of an approved version are pointed at the open draft, where its outcomes change.
  const draft =
    EDITOR_ROLES.includes(role) && (lockedBecause === 'active' || lockedBecause === 'superseded')
      ? ((await programmesRepository.findById(db, version.programmeId))?.draftVersion ?? null)
      : null;
  return {
    versionId: version.id,
    versionNumber: version.number,
    versionStatus: version.status,
    programme: { id: version.programmeId, code: version.programmeCode, name: version.programmeName },
    disciplines,
    editable: lockedBecause === null,
    lockedBecause,
    draftVersion: draft ? { id: draft.id, number: draft.number } : null,
    promised: promised
      .map((p) => ({ ...byId.get(p.competencyId)!, targetLevel: p.targetLevel }))
      .sort((a, b) => a.frameworkCode.localeCompare(b.frameworkCode) || a.code.localeCompare(b.code)),
    outcomes,
    competencies: named,
  };
}

/**
 * The promised competencies and learning outcomes of a programme version, with its disciplines, for whoever may
 * read the version: staff, co-developing partners (drafts too), enrolled students and observers (not drafts).
 */
export async function getOutcomes(ctx: ServiceContext, versionId: number): Promise<ProgrammeOutcomes> {
  // Whoever may read the version reads its outcomes (programmes/programme-access.ts); others get 404.
  await visibleVersion(ctx, versionId);
  const version = (await outcomesRepository.findVersion(ctx.db, versionId))!;
  return readMapping(ctx.db, version, ctx.actor.role);
}

/** Disciplines of another version and competencies that do not exist, each named by its path in the body. */
async function referenceIssues(db: Db, versionId: number, body: PutOutcomesBody): Promise<ReasonedIssue[]> {
  const disciplineIds = new Set((await outcomesRepository.disciplinesOf(db, versionId)).map((d) => d.id));
  const competencyIds = await competenciesRepository.existingIds(db, [
    ...body.promised.map((p) => p.competencyId),
    ...body.outcomes.map((o) => o.competencyId),
  ]);
  const issues: ReasonedIssue[] = [];
  body.promised.forEach((p, i) => {
    if (!competencyIds.has(p.competencyId))
      issues.push(fieldIssue(`body.promised.${i}.competencyId`, 'exists', `No competency ${p.competencyId}`));
  });
  body.outcomes.forEach((o, i) => {
    if (o.disciplineId !== undefined && !disciplineIds.has(o.disciplineId))
      issues.push(
        fieldIssue(
          `body.outcomes.${i}.disciplineId`,
          'inVersion',
          `Discipline ${o.disciplineId} is not a discipline of version ${versionId}`,
        ),
      );
    if (!competencyIds.has(o.competencyId))
      issues.push(fieldIssue(`body.outcomes.${i}.competencyId`, 'exists', `No competency ${o.competencyId}`));
  });
  return issues;
}

const outcomeKey = (o: Pick<OutcomeInput, 'disciplineId' | 'practiceType' | 'competencyId'>) =>
  `${o.disciplineId !== null ? `d${o.disciplineId}` : `p${o.practiceType}`}:${o.competencyId}`;

const sameText = (a: OutcomeInput['description'], b: OutcomeInput['description']) =>
  a.kk === b.kk && a.ru === b.ru && a.en === b.en;

/** Writes the difference between the stored outcomes and the wanted ones; returns the audit changes. */
async function replaceOutcomes(
  tx: Db,
  ctx: ServiceContext,
  versionId: number,
  wanted: OutcomeInput[],
): Promise<Change[]> {
  const current = new Map(
    (await outcomesRepository.outcomesOf(tx, versionId)).map((o) => [outcomeKey(o), o]),
  );
  const changes: Change[] = [];
  const toCreate: OutcomeInput[] = [];
  for (const input of wanted) {
    const before = current.get(outcomeKey(input));
    current.delete(outcomeKey(input));
    if (!before) toCreate.push(input);
    else if (before.targetLevel !== input.targetLevel || !sameText(before.description, input.description)) {
      await outcomesRepository.updateOutcome(tx, before.id, input, ctx.now());
      const after: OutcomeRecord = {
        ...before,
        targetLevel: input.targetLevel,
        description: input.description,
      };
      changes.push({ action: 'update', entity: 'learning_outcome', entityId: before.id, before, after });
    }
  }
  const removed = [...current.values()];
  await outcomesRepository.deleteOutcomes(
    tx,
    removed.map((o) => o.id),
  );
  for (const before of removed)
    changes.push({ action: 'delete', entity: 'learning_outcome', entityId: before.id, before, after: null });
  for (const after of await outcomesRepository.createOutcomes(tx, versionId, toCreate, ctx.now()))
    changes.push({ action: 'create', entity: 'learning_outcome', entityId: after.id, before: null, after });
  return changes;
}

/** Writes the difference between the stored promised competencies and the wanted ones; returns the audit changes. */
async function replacePromised(
  tx: Db,
  versionId: number,
  wanted: PutOutcomesBody['promised'],
): Promise<Change[]> {
  const current = new Map(
    (await outcomesRepository.promisedOf(tx, versionId)).map((p) => [p.competencyId, p]),
  );
  const entityId = (competencyId: number) => `${versionId}:${competencyId}`;
  const changes: Change[] = [];
  const upserts = [];
  for (const p of wanted) {
    const before = current.get(p.competencyId);
    current.delete(p.competencyId);
    const after = { versionId, ...p };
    if (!before)
      changes.push({
        action: 'create',
        entity: 'programme_competency',
        entityId: entityId(p.competencyId),
        before: null,
        after,
      });
    else if (before.targetLevel !== p.targetLevel)
      changes.push({
        action: 'update',
        entity: 'programme_competency',
        entityId: entityId(p.competencyId),
        before: { versionId, ...before },
        after,
      });
    else continue;
    upserts.push(p);
  }
  const removed = [...current.values()];
  await outcomesRepository.deletePromised(
    tx,
    versionId,
    removed.map((p) => p.competencyId),
  );
  await outcomesRepository.upsertPromised(tx, versionId, upserts);
  for (const before of removed)
    changes.push({
      action: 'delete',
      entity: 'programme_competency',
      entityId: entityId(before.competencyId),
      before: { versionId, ...before },
      after: null,
    });
  return changes;
}

/**
 * Replaces the whole outcomes mapping of a draft version in one transaction (admin, coordinator): the
 * promised competencies and every learning outcome. Outcomes and promises that stay keep their ids; each
 * created, changed or removed one is audited. When anything changed, the stored passports of the students whose
 * passport enrolment is in the version are recomputed in the same transaction (none while only drafts change:
 * a draft takes no students).
 * @throws CONFLICT unless the version is a draft not yet submitted for approval; VALIDATION_FAILED naming each unknown discipline or competency
 */
export async function putOutcomes(
  ctx: ServiceContext,
  versionId: number,
  body: PutOutcomesBody,
): Promise<ProgrammeOutcomes> {
  return inTransaction(ctx, async (tx) => {
    const locked = await outcomesRepository.lockVersion(tx, versionId);
    if (!locked) throw notFound('programme version', versionId);
    if (locked.status !== 'draft')
      throw new AppError('CONFLICT', {
        message: `Version ${versionId} is ${locked.status}; only a draft version's outcomes can change`,
      });
    // What the co-developers approve must not change under them: a submitted draft is withdrawn first.
    if (locked.submittedAt)
      throw new AppError('CONFLICT', {
        message: `Version ${versionId} awaits approval; withdraw it before changing its outcomes`,
      });
    const issues = await referenceIssues(tx, versionId, body);
    if (issues.length > 0) throw validationError(issues);
    const wanted: OutcomeInput[] = body.outcomes.map((o) => ({
      disciplineId: o.disciplineId ?? null,
      practiceType: o.practiceType ?? null,
      competencyId: o.competencyId,
      targetLevel: o.targetLevel,
      description: o.description,
    }));
    const changes = [
      ...(await replacePromised(tx, versionId, body.promised)),
      ...(await replaceOutcomes(tx, ctx, versionId, wanted)),
    ];
    if (changes.length > 0) {
      await recordChanges(tx, ctx, changes);
      // The stored passports of the version's students follow the new mapping in this transaction.
      await recomputePassportsIn(tx, ctx, versionId);
    }
    const version = (await outcomesRepository.findVersion(tx, versionId))!;
    return readMapping(tx, version, ctx.actor.role);
  });
}
