import type {
  Competency,
  CompetencyListQuery,
  CreateCompetencyBody,
  UpdateCompetencyBody,
} from '@kadr/contracts';
import { competenciesRepository, competencyFrameworksRepository, type Db, type RecordPage } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, validationError, withUniqueCheck } from '../errors.ts';
import { presentCompetency } from './presenters.ts';

function codeTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'A competency with this code exists in the framework',
    details: { issues: [fieldIssue('body.code', 'unique', 'already used')] },
  });
}

/** Lists competencies of every framework or of one (any signed-in user). */
export async function listCompetencies(
  ctx: ServiceContext,
  query: CompetencyListQuery,
): Promise<RecordPage<Competency>> {
  const page = await competenciesRepository.list(ctx.db, query);
  return { ...page, items: page.items.map(presentCompetency) };
}

/** Lists the competencies of one framework; NOT_FOUND for a framework that does not exist. */
export async function listFrameworkCompetencies(
  ctx: ServiceContext,
  frameworkId: number,
  query: Omit<CompetencyListQuery, 'frameworkId'>,
): Promise<RecordPage<Competency>> {
  if (!(await competencyFrameworksRepository.findById(ctx.db, frameworkId)))
    throw notFound('framework', frameworkId);
  return listCompetencies(ctx, { ...query, frameworkId });
}

/** One competency. */
export async function getCompetency(ctx: ServiceContext, id: number): Promise<Competency> {
  const found = await competenciesRepository.findById(ctx.db, id);
  if (!found) throw notFound('competency', id);
  return presentCompetency(found);
}

/** The broader competency must exist in the same framework and must not be the competency or one of its narrower ones. */
async function parentIssues(db: Db, frameworkId: number, parentId: number | null, id?: number) {
  if (parentId === null) return [];
  const path = 'body.parentId';
  if (parentId === id)
    return [fieldIssue(path, 'noCycle', 'A competency cannot be its own broader competency')];
  if (!(await competenciesRepository.isInFramework(db, parentId, frameworkId)))
    return [fieldIssue(path, 'exists', `No competency ${parentId} in this framework`)];
  if (id !== undefined && (await competenciesRepository.ancestorIds(db, parentId)).includes(id))
    return [fieldIssue(path, 'noCycle', 'The broader competency is one of its narrower ones (a cycle)')];
  return [];
}

/** Creates a competency in a framework (admin, coordinator). */
export async function createCompetency(ctx: ServiceContext, body: CreateCompetencyBody): Promise<Competency> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        if (!(await competencyFrameworksRepository.findById(tx, body.frameworkId)))
          throw validationError([
            fieldIssue('body.frameworkId', 'exists', `No framework ${body.frameworkId}`),
          ]);
        const issues = await parentIssues(tx, body.frameworkId, body.parentId);
        if (issues.length > 0) throw validationError(issues);
        const created = await competenciesRepository.create(tx, body, ctx.now());
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'competency',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentCompetency(created);
      }),
    codeTaken,
  );
}

/** Changes a competency (admin, coordinator); it stays in its framework. */
export async function updateCompetency(
  ctx: ServiceContext,
  id: number,
  body: UpdateCompetencyBody,
): Promise<Competency> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await competenciesRepository.findById(tx, id);
        if (!before) throw notFound('competency', id);
        if (body.parentId !== undefined) {
          const issues = await parentIssues(tx, before.frameworkId, body.parentId, id);
          if (issues.length > 0) throw validationError(issues);
        }
        const after = (await competenciesRepository.update(tx, id, body, ctx.now()))!;
        await recordChange(tx, ctx, { action: 'update', entity: 'competency', entityId: id, before, after });
        return presentCompetency(after);
      }),
    codeTaken,
  );
}

/**
 * Deletes a competency that nothing uses (admin, coordinator).
 * @throws CONFLICT when a programme promises or maps it, or when it has narrower competencies
 */
export async function deleteCompetency(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await competenciesRepository.findById(tx, id);
    if (!before) throw notFound('competency', id);
    if (await competenciesRepository.isInUse(tx, id))
      throw new AppError('CONFLICT', {
        message: 'A programme version promises or maps this competency; it cannot be deleted',
      });
    if (before.childCount > 0)
      throw new AppError('CONFLICT', {
        message: 'This competency has narrower competencies; move or delete them first',
      });
    await competenciesRepository.delete(tx, id);
    await recordChange(tx, ctx, {
      action: 'delete',
      entity: 'competency',
      entityId: id,
      before,
      after: null,
    });
  });
}
