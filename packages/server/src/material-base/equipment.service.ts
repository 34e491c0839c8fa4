import type {
  CreateEquipmentBody,
  Equipment,
  EquipmentListQuery,
  UpdateEquipmentBody,
} from '@kadr/contracts';
import { equipmentRepository, labsRepository, type RecordPage } from '@kadr/db';
import { recordChange } from '../audit/audit.service.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError, fieldIssue, notFound, pgErrorCode, validationError, withUniqueCheck } from '../errors.ts';
import { presentEquipment } from './presenters.ts';
import { organisationScope } from '../policy.ts';

function inventoryNumberTaken(): AppError {
  return new AppError('CONFLICT', {
    message: 'An item with this inventory number exists',
    details: { issues: [fieldIssue('body.inventoryNumber', 'unique', 'already used')] },
  });
}

async function requireLab(ctx: ServiceContext, labId: number): Promise<void> {
  if (!(await labsRepository.findById(ctx.db, labId)))
    throw validationError([fieldIssue('body.labId', 'exists', `No lab ${labId}`)]);
}

/** Lists equipment; a partner sees only the items its investments funded. */
export async function listEquipment(
  ctx: ServiceContext,
  query: EquipmentListQuery,
): Promise<RecordPage<Equipment>> {
  const scope = organisationScope(ctx.actor);
  const page = await equipmentRepository.list(ctx.db, { ...query, fundedBy: scope ?? query.fundedBy });
  return { ...page, items: page.items.map(presentEquipment) };
}

/** One item; NOT_FOUND for a partner unless its investments funded the item. */
export async function getEquipment(ctx: ServiceContext, id: number): Promise<Equipment> {
  const scope = organisationScope(ctx.actor);
  if (scope !== undefined && !(await equipmentRepository.isFundedBy(ctx.db, id, scope)))
    throw notFound('equipment item', id);
  const item = await equipmentRepository.findById(ctx.db, id);
  if (!item) throw notFound('equipment item', id);
  return presentEquipment(item);
}

/** Adds an item (admin); the inventory number is unique. */
export async function createEquipment(ctx: ServiceContext, body: CreateEquipmentBody): Promise<Equipment> {
  await requireLab(ctx, body.labId);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const created = await equipmentRepository.create(tx, body);
        await recordChange(tx, ctx, {
          action: 'create',
          entity: 'equipment',
          entityId: created.id,
          before: null,
          after: created,
        });
        return presentEquipment(created);
      }),
    inventoryNumberTaken,
  );
}

/** Changes an item (admin), e.g. its condition or lab. */
export async function updateEquipment(
  ctx: ServiceContext,
  id: number,
  body: UpdateEquipmentBody,
): Promise<Equipment> {
  if (body.labId !== undefined) await requireLab(ctx, body.labId);
  return withUniqueCheck(
    () =>
      inTransaction(ctx, async (tx) => {
        const before = await equipmentRepository.findById(tx, id);
        if (!before) throw notFound('equipment item', id);
        const after = (await equipmentRepository.update(tx, id, body, ctx.now()))!;
        await recordChange(tx, ctx, { action: 'update', entity: 'equipment', entityId: id, before, after });
        return presentEquipment(after);
      }),
    inventoryNumberTaken,
  );
}

/** Deletes an item with no allocations or bookings (admin); otherwise 409 (write it off instead). */
export async function deleteEquipment(ctx: ServiceContext, id: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await equipmentRepository.findById(tx, id);
    if (!before) throw notFound('equipment item', id);
    await equipmentRepository.delete(tx, id).catch((error: unknown) => {
      if (pgErrorCode(error) === '23503')
        throw new AppError('CONFLICT', {
          message: 'Investments or bookings refer to this item; set its condition to written_off instead',
        });
      throw error;
    });
    await recordChange(tx, ctx, { action: 'delete', entity: 'equipment', entityId: id, before, after: null });
  });
}
