import type {
  CreateEquivalenceBody,
  CreditEquivalence,
  EquivalenceListQuery,
  Page,
  UpdateEquivalenceBody,
} from '@kadr/contracts';
import { type Db, disciplinesRepository, organisationsRepository } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError, withUniqueCheck } from '../errors.ts';
import { organisationFilter } from '../policy.ts';
import { visibleDiscipline } from './disciplines.service.ts';
import { presentEquivalence } from './presenters.ts';
import { PROGRAMME_ENTITIES as ENTITY } from './version-removal.ts';
import { lockEditableVersion } from './versions.service.ts';

function courseTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'This partner course is already recognised for this discipline',
    details: { issues: [fieldIssue('body.courseCode', 'unique', 'already used')] },
  });
}

/**
 * The credit equivalences of a discipline, for whoever may read its version; a partner sees those of its own
 * organisation only (another organisation's courses are its business).
 */
export async function listEquivalences(
  ctx: ServiceContext,
  disciplineId: number,
  query: EquivalenceListQuery,
): Promise<Page<CreditEquivalence>> {
  await visibleDiscipline(ctx, disciplineId);
  const organisationId =
    ctx.actor.role === 'partner' ? organisationFilter(ctx.actor, query.organisationId) : query.organisationId;
  const page = await disciplinesRepository.listEquivalences(ctx.db, disciplineId, {
    ...query,
    organisationId,
  });
  return { ...page, items: page.items.map(presentEquivalence) };
}

async function organisationIssues(db: Db, organisationId: number | undefined) {
  if (organisationId === undefined || (await organisationsRepository.findById(db, organisationId))) return [];
  return [fieldIssue('body.organisationId', 'exists', `No organisation ${organisationId}`)];
}

/** Recognises a partner course for a discipline of a draft not yet submitted (admin, coordinator). */
export async function createEquivalence(
  ctx: ServiceContext,
  disciplineId: number,
  body: CreateEquivalenceBody,
): Promise<CreditEquivalence> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const discipline = await disciplinesRepository.findById(tx, disciplineId);
        if (!discipline) throw notFound('discipline', disciplineId);
        await lockEditableVersion(tx, discipline.versionId);
        const issues = await organisationIssues(tx, body.organisationId);
        if (issues.length > 0) throw validationError(issues);
        const created = await disciplinesRepository.createEquivalence(tx, disciplineId, body, ctx.now());
        await recordChange(tx, ctx, {
          action: 'create',
          entity: ENTITY.equivalence,
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentEquivalence(created);
      }),
    courseTaken,
  );
}

/** Locks the version of an equivalence's discipline (a draft not yet submitted) and reads the equivalence. */
async function lockEditableEquivalence(tx: Db, id: number) {
  const found = await disciplinesRepository.findEquivalence(tx, id);
  if (!found) throw notFound('credit equivalence', id);
  const discipline = (await disciplinesRepository.findById(tx, found.disciplineId))!;
  await lockEditableVersion(tx, discipline.versionId);
  return found;
}

export async function updateEquivalence(
  ctx: ServiceContext,
  id: number,
  body: UpdateEquivalenceBody,
): Promise<CreditEquivalence> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await lockEditableEquivalence(tx, id);
        const issues = await organisationIssues(tx, body.organisationId);
        if (issues.length > 0) throw validationError(issues);
        const after = (await disciplinesRepository.updateEquivalence(tx, id, body, ctx.now()))!;
        await recordChange(tx, ctx, {
          action: 'update',
          entity: ENTITY.equivalence,
          entityId: id,
          before,
          after,
        });
        return presentEquivalence(after);
      }),
    courseTaken,
  );
}

export async function deleteEquivalence(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await lockEditableEquivalence(tx, id);
    await disciplinesRepository.deleteEquivalence(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: ENTITY.equivalence,
      entityId: id,
      before,
      after: null,
    });
  });
}
