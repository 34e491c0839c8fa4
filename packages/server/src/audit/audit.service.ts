import type { AuditEntity, AuditEntry, AuditListQuery, AuditPage } from '@kadr/contracts';
import { type AuditRecord, auditRepository, type Db } from '@kadr/db';
import type { ServiceContext } from '../context.ts';
import { isoTime } from '../iso-time.ts';

/** What changed, for the audit log. `before` is null on create, `after` is null on delete. */
export interface Change {
  action: 'create' | 'update' | 'delete';
  entity: AuditEntity;
  entityId: string | number;
  before: unknown;
  after: unknown;
}

/** Dates become ISO strings so that before and after compare as plain JSON. */
function toJson(value: unknown): unknown {
  return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Writes the audit record of a change. Call it with the transaction that made the change, so
 * that the change and its record commit or roll back together.
 */
export async function recordChange(tx: Db, ctx: ServiceContext, change: Change): Promise<void> {
  await auditRepository.record(tx, {
    // System actors (seed, CLI) have no user row: id 0 is recorded as no actor.
    actorId: ctx.actor.userId > 0 ? ctx.actor.userId : null,
    actorEmail: ctx.actor.email,
    action: change.action,
    entity: change.entity,
    entityId: String(change.entityId),
    before: toJson(change.before),
    after: toJson(change.after),
    requestId: ctx.requestId,
    at: ctx.now(),
  });
}

/** Records the deletion of each of `records` (children removed with their parent), in the caller's transaction. */
export async function recordDeletes(
  tx: Db,
  ctx: ServiceContext,
  entity: AuditEntity,
  records: readonly { id: number }[],
): Promise<void> {
  for (const before of records) {
    await recordChange(tx, ctx, { action: 'delete', entity, entityId: before.id, before, after: null });
  }
}

function presentAudit(r: AuditRecord): AuditEntry {
  // Field by field: a spread of each entry cost a page more than its query's row mapping.
  return {
    id: r.id,
    at: isoTime(r.at),
    actorId: r.actorId,
    actorEmail: r.actorEmail,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
  };
}

/** A page of the audit log (admin), filtered by entity, action, actor and time. */
export async function listAuditEntries(ctx: ServiceContext, query: AuditListQuery): Promise<AuditPage> {
  const { from, to, ...rest } = query;
  const page = await auditRepository.list(ctx.db, {
    ...rest,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
  });
  return { ...page, items: page.items.map(presentAudit), totalCapped: page.totalCapped ?? false };
}
