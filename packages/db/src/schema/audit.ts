/** The audit log. */
import type { AuditAction } from '@kadr/contracts';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every create, update and delete: who, when, what, before and after. Written in the change's transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').$type<AuditAction>().notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    // Newest first with ties in insertion order, the audit list's default order (at desc, id asc): the page is
    // read straight from the index, without sorting the entries of one instant (the seed writes thousands).
    index('audit_log_at_id_idx').on(t.at.desc().nullsFirst(), t.id),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);
