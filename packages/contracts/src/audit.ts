import { z } from 'zod';
import { idQuerySchema, textSchema } from './common.ts';
import { AUDIT_ENTITIES } from './audit-entities.ts';
import { listQuery, pageOf } from './lists.ts';
import { isoDateTimeSchema } from './money.ts';
import { AUDIT_ACTIONS } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { AUDIT_ACTIONS };

export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export { AUDIT_ENTITIES };
export const auditEntitySchema = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntitySchema>;

/** One audit record: who changed what, when, with the entity before and after. */
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorEmail: z.string().nullable(),
  action: auditActionSchema,
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * A page of the audit log. The log is counted up to a cap (1,000 matching entries): `totalCapped` says that
 * more match than `total`, which is then the cap (ADR 0018).
 */
export const auditPageSchema = pageOf(auditEntrySchema).extend({
  totalCapped: z
    .boolean()
    .describe('true when more entries match than `total` says: the count stops at a cap (1,000)'),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditListQuerySchema = listQuery(['at', 'entity', 'action']).extend({
  entity: auditEntitySchema.optional(),
  entityId: textSchema().max(60).optional(),
  action: auditActionSchema.optional(),
  actorId: idQuerySchema.optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
