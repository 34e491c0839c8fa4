/**
 * The audit of what a delete removes with its parent (ON DELETE CASCADE, see agreements/cascade-audit.test.ts):
 * a version's approvals, learning outcomes, disciplines and their equivalences, each recorded as deleted in the
 * transaction that deletes them. Records that must be kept (discipline results) refuse the delete.
 */
import {
  type Db,
  type DisciplineRecord,
  disciplinesRepository,
  programmeVersionsRepository,
  type VersionRecord,
} from '@kadr/db';
import { recordChange, recordDeletes } from '../audit/audit.service.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

/** The audit entity of a version's promised competencies live in the version's own record; these are the others. */
const ENTITY = {
  version: 'programme_version',
  approval: 'programme_version_approval',
  discipline: 'discipline',
  equivalence: 'credit_equivalence',
  outcome: 'learning_outcome',
} as const;

export { ENTITY as PROGRAMME_ENTITIES };

/** Records the removal of disciplines with their equivalences and outcomes; CONFLICT when results name one. */
export async function auditDisciplinesRemoval(
  tx: Db,
  ctx: ServiceContext,
  disciplines: readonly DisciplineRecord[],
): Promise<void> {
  for (const discipline of disciplines) {
    const results = await disciplinesRepository.resultCount(tx, discipline.id);
    if (results > 0)
      throw new AppError('CONFLICT', {
        message: `${results} results name discipline ${discipline.code}; results are kept`,
      });
  }
  const ids = disciplines.map((d) => d.id);
  await recordDeletes(tx, ctx, ENTITY.equivalence, await disciplinesRepository.equivalencesOf(tx, ids));
  await recordDeletes(tx, ctx, ENTITY.outcome, await disciplinesRepository.outcomesOf(tx, ids));
  await recordDeletes(tx, ctx, ENTITY.discipline, disciplines);
}

/**
 * Records the removal of a version and everything that goes with it: approvals, practice outcomes, disciplines
 * (with their equivalences and outcomes); the promised competencies are part of the version's own record.
 */
export async function auditVersionRemoval(
  tx: Db,
  ctx: ServiceContext,
  version: VersionRecord,
): Promise<void> {
  for (const a of version.approvals)
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: ENTITY.approval,
      entityId: `${version.id}:${a.organisationId}`,
      before: a,
      after: null,
    });
  await auditDisciplinesRemoval(tx, ctx, await disciplinesRepository.allOfVersion(tx, version.id));
  const practiceOutcomes = (await programmeVersionsRepository.outcomesOf(tx, version.id)).filter(
    (o) => o.disciplineId === null,
  );
  await recordDeletes(tx, ctx, ENTITY.outcome, practiceOutcomes);
  const promised = await programmeVersionsRepository.promisedOf(tx, version.id);
  await recordChange(tx, ctx, {
    action: 'delete',
    entity: ENTITY.version,
    entityId: version.id,
    before: { ...version, promised },
    after: null,
  });
}
