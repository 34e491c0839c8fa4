import type { AuditAction, AuditEntity } from '@kadr/contracts';
import { gte, lte } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/index.ts';
import { descending, equalTo, listPage, type ListParams, type RecordPage } from './list.ts';

/** One audit record. */
export interface AuditRecord {
  id: number;
  at: Date;
  actorId: number | null;
  actorEmail: string | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** What a change writes to the audit log: the entity is one of the kinds the contracts name. */
export type AuditInput = Omit<AuditRecord, 'id' | 'entity'> & { entity: AuditEntity };

/** Filters of the audit browser. */
export interface AuditFilters {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: AuditAction | undefined;
  actorId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * The audit list counts at most this many matching entries: the log grows with every change and a full count
 * on every page read the whole of it (ADR 0018). A page says `totalCapped` when more match.
 */
export const AUDIT_COUNT_CAP = 1000;

/** The log's rows, not yet filtered: a deferred list builds them once per shape (list.ts). */
function listRows(db: Db) {
  return db.select().from(auditLog).$dynamic();
}

/** The log's rows are its records. */
function rowsAsRecords(rows: AuditRecord[]): AuditRecord[] {
  return rows;
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

  /** A page of the log, newest first by default; the count stops at `countCap` (default AUDIT_COUNT_CAP). */
  async list(
    db: Db,
    params: ListParams & AuditFilters & { countCap?: number },
  ): Promise<RecordPage<AuditRecord>> {
    return listPage(params, {
      rows: { db, build: listRows },
      filters: [
        equalTo(auditLog.entity, params.entity),
        equalTo(auditLog.entityId, params.entityId),
        equalTo(auditLog.action, params.action),
        equalTo(auditLog.actorId, params.actorId),
        params.from ? gte(auditLog.at, params.from) : undefined,
        params.to ? lte(auditLog.at, params.to) : undefined,
      ],
      sortable: { at: auditLog.at, entity: auditLog.entity, action: auditLog.action },
      fallback: descending(auditLog.at),
      id: auditLog.id,
      present: rowsAsRecords,
      countCap: { table: auditLog, cap: params.countCap ?? AUDIT_COUNT_CAP },
      name: 'audit',
    });
  },
};
