import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';
import { type ListParams, limitOffset, orderByOf, type RecordPage } from './list.ts';

/** One audit record. */
export interface AuditRecord {
  id: number;
  at: Date;
  actorId: number | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** What a change writes to the audit log. */
export type AuditInput = Omit<AuditRecord, 'id' | 'at'> & { at?: Date };

/** Filters of the audit browser. */
export interface AuditFilters {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actorId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Appends to and reads the audit log. Records are never updated or deleted. */
export const auditRepository = {
  async record(db: Db, input: AuditInput): Promise<void> {
    await db.insert(auditLog).values({
      ...input,
      before: input.before ?? null,
      after: input.after ?? null,
    });
  },

  async list(db: Db, params: ListParams & AuditFilters): Promise<RecordPage<AuditRecord>> {
    const filters: (SQL | undefined)[] = [];
    if (params.entity) filters.push(eq(auditLog.entity, params.entity));
    if (params.entityId) filters.push(eq(auditLog.entityId, params.entityId));
    if (params.action) filters.push(eq(auditLog.action, params.action));
    if (params.actorId !== undefined) filters.push(eq(auditLog.actorId, params.actorId));
    if (params.from) filters.push(gte(auditLog.at, params.from));
    if (params.to) filters.push(lte(auditLog.at, params.to));
    const where = and(...filters);
    const order = orderByOf(
      params.sort,
      { at: auditLog.at, entity: auditLog.entity, action: auditLog.action },
      desc(auditLog.at),
      auditLog.id,
    );
    const { limit, offset } = limitOffset(params);
    const items = await db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
    const [total] = await db.select({ n: count() }).from(auditLog).where(where);
    return { items, total: total?.n ?? 0, page: params.page, pageSize: params.pageSize };
  },
};
