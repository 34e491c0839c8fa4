import type {
  CreateFrameworkBody,
  Framework,
  FrameworkListQuery,
  UpdateFrameworkBody,
} from '@kadr/contracts';
import { competenciesRepository, competencyFrameworksRepository, type RecordPage } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, withUniqueCheck } from '../errors.ts';
import { recordChanges } from './audit-changes.ts';
import { presentFramework } from './presenters.ts';

function codeTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'A framework with this code exists',
    details: { issues: [fieldIssue('body.code', 'unique', 'already used')] },
  });
}

/** Lists competency frameworks (any signed-in user: frameworks hold no personal or partner data). */
export async function listFrameworks(
  ctx: ServiceContext,
  query: FrameworkListQuery,
): Promise<RecordPage<Framework>> {
  const page = await competencyFrameworksRepository.list(ctx.db, query);
  return { ...page, items: page.items.map(presentFramework) };
}

/** One framework. */
export async function getFramework(ctx: ServiceContext, id: number): Promise<Framework> {
  const found = await competencyFrameworksRepository.findById(ctx.db, id);
  if (!found) throw notFound('framework', id);
  return presentFramework(found);
}

/** Creates a framework (admin, coordinator). */
export async function createFramework(ctx: ServiceContext, body: CreateFrameworkBody): Promise<Framework> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await competencyFrameworksRepository.create(tx, body, ctx.now());
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'competency_framework',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentFramework(created);
      }),
    codeTaken,
  );
}

/** Changes a framework (admin, coordinator). */
export async function updateFramework(
  ctx: ServiceContext,
  id: number,
  body: UpdateFrameworkBody,
): Promise<Framework> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await competencyFrameworksRepository.findById(tx, id);
        if (!before) throw notFound('framework', id);
        const after = (await competencyFrameworksRepository.update(tx, id, body, ctx.now()))!;
        await recordChange(tx, ctx, {
          action: 'update',
          entity: 'competency_framework',
          entityId: id,
          before,
          after,
        });
        return presentFramework(after);
      }),
    codeTaken,
  );
}

/**
 * Deletes a framework that no programme uses, with its competencies, each audited (admin, coordinator).
 * @throws CONFLICT when a programme version promises or maps one of its competencies
 */
export async function deleteFramework(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (!(await competencyFrameworksRepository.lock(tx, id))) throw notFound('framework', id);
    const before = (await competencyFrameworksRepository.findById(tx, id))!;
    if (before.inUse)
      throw new AppError('CONFLICT', {
        message: 'A programme version promises or maps competencies of this framework; it cannot be deleted',
      });
    const removed = await competenciesRepository.allOfFramework(tx, id);
    await competencyFrameworksRepository.delete(tx, id);
    await recordChanges(tx, ctx, [
      { action: 'delete', entity: 'competency_framework', entityId: id, before, after: null },
      ...removed.map((c) => ({
        action: 'delete' as const,
        entity: 'competency' as const,
        entityId: c.id,
        before: c,
        after: null,
      })),
    ]);
  });
}
