import type { CreateLabBody, Lab, LabListQuery, UpdateLabBody } from '@kadr/contracts';
import { labsRepository, type RecordPage } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, pgErrorCode, withUniqueCheck } from '../errors.ts';
import { presentLab } from './presenters.ts';
import { organisationScope } from '../policy.ts';

function codeTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'A lab with this code exists',
    details: { issues: [fieldIssue('body.code', 'unique', 'already used')] },
  });
}

/** Lists labs; a partner sees only the labs its investments funded. */
export async function listLabs(ctx: ServiceContext, query: LabListQuery): Promise<RecordPage<Lab>> {
  const scope = organisationScope(ctx.actor);
  const page = await labsRepository.list(ctx.db, {
    ...query,
    active: query.active === undefined ? undefined : query.active === 'true',
    fundedBy: scope ?? query.fundedBy,
  });
  return { ...page, items: page.items.map(presentLab) };
}

/** One lab; NOT_FOUND for a partner unless its investments funded the lab. */
export async function getLab(ctx: ServiceContext, id: number): Promise<Lab> {
  const scope = organisationScope(ctx.actor);
  if (scope !== undefined && !(await labsRepository.isFundedBy(ctx.db, id, scope))) throw notFound('lab', id);
  const lab = await labsRepository.findById(ctx.db, id);
  if (!lab) throw notFound('lab', id);
  return presentLab(lab);
}

/** Creates a lab (admin). */
export async function createLab(ctx: ServiceContext, body: CreateLabBody): Promise<Lab> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await labsRepository.create(tx, body);
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'lab',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentLab(created);
      }),
    codeTaken,
  );
}

/** Changes a lab (admin). */
export async function updateLab(ctx: ServiceContext, id: number, body: UpdateLabBody): Promise<Lab> {
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await labsRepository.findById(tx, id);
        if (!before) throw notFound('lab', id);
        const after = (await labsRepository.update(tx, id, body, ctx.now()))!;
        await recordChange(tx, ctx, { action: 'update', entity: 'lab', entityId: id, before, after });
        return presentLab(after);
      }),
    codeTaken,
  );
}

/** Deletes a lab with no equipment, allocations or bookings (admin); otherwise 409 (deactivate it instead). */
export async function deleteLab(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await labsRepository.findById(tx, id);
    if (!before) throw notFound('lab', id);
    await labsRepository.delete(tx, id).catch((error: unknown) => {
      if (pgErrorCode(error) === '23503')
        throw new AppError('CONFLICT', {
          message: 'Equipment, investments or bookings refer to this lab; deactivate it instead',
        });
      throw error;
    });
    await recordChange(tx, ctx, { action: 'delete', entity: 'lab', entityId: id, before, after: null });
  });
}
