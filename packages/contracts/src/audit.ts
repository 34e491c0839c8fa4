import { z } from 'zod';
import { listQuery } from './lists.ts';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);

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

export const auditListQuerySchema = listQuery(['at', 'entity', 'action']).extend({
  entity: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  action: auditActionSchema.optional(),
  actorId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
