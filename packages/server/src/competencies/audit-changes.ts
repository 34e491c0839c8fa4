import { bulkRepository, type Db } from '@kadr/db';
import type { Change } from '../audit/audit.service.ts';
import type { ServiceContext } from '../context.ts';

/**
 * Writes the audit records of many changes in one statement per batch (an import, a mapping replaced),
 * in the transaction that made them, under the request's actor and id.
 */
export async function recordChanges(tx: Db, ctx: ServiceContext, changes: Change[]): Promise<void> {
  const at = ctx.now();
  const json = (value: unknown) =>
    value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
  await bulkRepository.recordAudit(
    tx,
    changes.map((change) => ({
      // System actors (seed, CLI) have no user row: id 0 is recorded as no actor.
      actorId: ctx.actor.userId > 0 ? ctx.actor.userId : null,
      actorEmail: ctx.actor.email,
      action: change.action,
      entity: change.entity,
      entityId: String(change.entityId),
      before: json(change.before),
      after: json(change.after),
      requestId: ctx.requestId,
      at,
    })),
  );
}
