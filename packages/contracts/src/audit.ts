import { z } from 'zod';
import { idQuerySchema, textSchema } from './common.ts';
import { listQuery } from './lists.ts';
import { isoDateTimeSchema } from './money.ts';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

/**
 * The kinds of record the audit log names (an entry's `entity`): every change a service audits is of one of
 * these, so that the web can name each in the reader's language and filter by it.
 */
export const AUDIT_ENTITIES = [
  'agreement',
  'agreement_document',
  'api_token',
  'booking',
  'competency',
  'competency_framework',
  'competency_passports',
  'consent',
  'contact',
  'credit_equivalence',
  'demand_plan',
  'discipline',
  'enrolment',
  'equipment',
  'investment',
  'joint_programme',
  'journal_entry',
  'kpi_snapshot',
  'kpi_target',
  'lab',
  'learning_outcome',
  'mentor_link',
  'milestone',
  'milestone_file',
  'notification',
  'obligation',
  'organisation',
  'partner_branch',
  'placement',
  'placement_round',
  'placement_signoff',
  'practice_assessment',
  'practice_offer',
  'programme',
  'programme_competencies',
  'programme_competency',
  'programme_version',
  'programme_version_approval',
  'project',
  'result',
  'round_offer',
  'round_partner_ranking',
  'round_ranking',
  'round_student',
  'round_students',
  'student',
  'user',
] as const;
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

export const auditListQuerySchema = listQuery(['at', 'entity', 'action']).extend({
  entity: auditEntitySchema.optional(),
  entityId: textSchema().max(60).optional(),
  action: auditActionSchema.optional(),
  actorId: idQuerySchema.optional(),
  from: isoDateTimeSchema.optional(),
  to: isoDateTimeSchema.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
