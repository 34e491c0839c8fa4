import {
  and,
  getTableColumns,
  asc,
  count,
  eq,
  exists,
  gte,
  ilike,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agreementParties, agreements, obligations } from '../schema/index.ts';
import { type ListParams, likePattern, limitOffset, orderByOf, type RecordPage } from './list.ts';

/** An obligation as stored: `status` is pending, met or waived (late is derived from the due date). */
export interface ObligationRecord {
  id: number;
  agreementId: number;
  agreementNumber: string;
  kind: string;
  title: string;
  dueOn: string;
  amountTiyn: number | null;
  placesPerYear: number | null;
  status: string;
  metOn: string | null;
  evidenceText: string;
  evidenceUrl: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Fields of an obligation. */
export type ObligationInput = Omit<ObligationRecord, 'id' | 'agreementNumber' | 'createdAt' | 'updatedAt'>;

/** Filters of the obligation list; `today` derives `late`. */
export interface ObligationListParams extends ListParams {
  today: string;
  q?: string | undefined;
  agreementId?: number | undefined;
  organisationId?: number | undefined;
  onlyOrganisationId?: number | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
}

const o = obligations;

function selectObligations(db: Db) {
  const { createdAt, updatedAt, ...columns } = getTableColumns(o);
  return db
    .select({ ...columns, agreementNumber: agreements.number, createdAt, updatedAt })
    .from(o)
    .innerJoin(agreements, eq(agreements.id, o.agreementId));
}

function partyOf(organisationId: number): SQL {
  return exists(
    sql`(select 1 from ${agreementParties} ap where ap.agreement_id = ${o.agreementId} and ap.organisation_id = ${organisationId})`,
  );
}

function statusFilter(status: string, today: string): SQL | undefined {
  if (status === 'late') return and(eq(o.status, 'pending'), lt(o.dueOn, today));
  if (status === 'pending') return and(eq(o.status, 'pending'), gte(o.dueOn, today));
  return eq(o.status, status);
}

/** Reads and writes obligations of agreements. */
export const obligationsRepository = {
  async create(db: Db, input: ObligationInput): Promise<ObligationRecord> {
    const [row] = await db.insert(o).values(input).returning({ id: o.id });
    return (await obligationsRepository.findById(db, row!.id))!;
  },

  async update(db: Db, id: number, patch: Partial<ObligationInput>): Promise<ObligationRecord | undefined> {
    const [row] = await db
      .update(o)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(o.id, id))
      .returning({ id: o.id });
    return row ? obligationsRepository.findById(db, row.id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(o).where(eq(o.id, id));
  },

  async findById(db: Db, id: number): Promise<ObligationRecord | undefined> {
    const [row] = await selectObligations(db).where(eq(o.id, id));
    return row;
  },

  /** Every obligation of the given agreement, by due date. */
  async listForAgreement(db: Db, agreementId: number): Promise<ObligationRecord[]> {
    return selectObligations(db).where(eq(o.agreementId, agreementId)).orderBy(asc(o.dueOn), asc(o.id));
  },

  /** Every obligation of the agreements an organisation is a party to. */
  async listForOrganisation(db: Db, organisationId: number): Promise<ObligationRecord[]> {
    return selectObligations(db).where(partyOf(organisationId)).orderBy(asc(o.dueOn), asc(o.id));
  },

  async list(db: Db, params: ObligationListParams): Promise<RecordPage<ObligationRecord>> {
    const filters: (SQL | undefined)[] = [];
    if (params.agreementId !== undefined) filters.push(eq(o.agreementId, params.agreementId));
    if (params.organisationId !== undefined) filters.push(partyOf(params.organisationId));
    if (params.onlyOrganisationId !== undefined) filters.push(partyOf(params.onlyOrganisationId));
    if (params.kind) filters.push(eq(o.kind, params.kind));
    if (params.status) filters.push(statusFilter(params.status, params.today));
    if (params.dueFrom) filters.push(gte(o.dueOn, params.dueFrom));
    if (params.dueTo) filters.push(lte(o.dueOn, params.dueTo));
    if (params.q) {
      const p = likePattern(params.q);
      filters.push(or(ilike(o.title, p), ilike(o.evidenceText, p), ilike(agreements.number, p)));
    }
    const where = and(...filters);
    const order = orderByOf(
      params.sort,
      { dueOn: o.dueOn, kind: o.kind, status: o.status, createdAt: o.createdAt },
      asc(o.dueOn),
      o.id,
    );
    const { limit, offset } = limitOffset(params);
    const items = await selectObligations(db)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
    const [total] = await db
      .select({ n: count() })
      .from(o)
      .innerJoin(agreements, eq(agreements.id, o.agreementId))
      .where(where);
    return { items, total: total?.n ?? 0, page: params.page, pageSize: params.pageSize };
  },

  /** Open (pending) and late obligations of an organisation's agreements as of `today`. */
  async openCounts(db: Db, organisationId: number, today: string): Promise<{ open: number; late: number }> {
    const [row] = await db
      .select({
        open: sql<number>`count(*) filter (where ${o.status} = 'pending')`.mapWith(Number),
        late: sql<number>`count(*) filter (where ${o.status} = 'pending' and ${o.dueOn} < ${today}::date)`.mapWith(
          Number,
        ),
      })
      .from(o)
      .where(partyOf(organisationId));
    return { open: row?.open ?? 0, late: row?.late ?? 0 };
  },
};
