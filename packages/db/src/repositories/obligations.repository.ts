import type { ObligationKind, ObligationStatus } from '@kadr/contracts';
import type { StoredObligationStatus } from '../schema/index.ts';
import { and, getTableColumns, asc, eq, exists, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agreementParties, agreements, obligations } from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** An obligation as stored: `status` is pending, met or waived (late is derived from the due date). */
export interface ObligationRecord {
  id: number;
  agreementId: number;
  agreementNumber: string;
  kind: ObligationKind;
  title: { kk: string; ru: string; en: string };
  dueOn: string;
  amountTiyn: number | null;
  placesPerYear: number | null;
  status: StoredObligationStatus;
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
  kind?: ObligationKind | undefined;
  status?: ObligationStatus | undefined;
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

type ObligationRow = Awaited<ReturnType<typeof selectObligations>>[number];

function toRecord({ titleKk, titleRu, titleEn, ...rest }: ObligationRow): ObligationRecord {
  return { ...rest, title: { kk: titleKk, ru: titleRu, en: titleEn } };
}

function toColumns(input: Partial<ObligationInput>) {
  const { title, ...rest } = input;
  return { ...rest, ...(title ? { titleKk: title.kk, titleRu: title.ru, titleEn: title.en } : {}) };
}

function partyOf(organisationId: number): SQL {
  return exists(
    sql`(select 1 from ${agreementParties} ap where ap.agreement_id = ${o.agreementId} and ap.organisation_id = ${organisationId})`,
  );
}

function statusFilter(status: ObligationStatus, today: string): SQL | undefined {
  if (status === 'late') return and(eq(o.status, 'pending'), lt(o.dueOn, today));
  if (status === 'pending') return and(eq(o.status, 'pending'), gte(o.dueOn, today));
  return eq(o.status, status);
}

/** Reads and writes obligations of agreements. */
export const obligationsRepository = {
  async create(db: Db, input: ObligationInput): Promise<ObligationRecord> {
    const { title, ...rest } = input;
    const [row] = await db
      .insert(o)
      .values({ ...rest, titleKk: title.kk, titleRu: title.ru, titleEn: title.en })
      .returning({ id: o.id });
    return (await obligationsRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<ObligationInput>,
    at: Date,
  ): Promise<ObligationRecord | undefined> {
    const [row] = await db
      .update(o)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(o.id, id))
      .returning({ id: o.id });
    return row ? obligationsRepository.findById(db, row.id) : undefined;
  },

  async delete(db: Db, id: number): Promise<void> {
    await db.delete(o).where(eq(o.id, id));
  },

  /** Deletes every obligation of an agreement (their documents first: see agreementDocumentsRepository). */
  async deleteForAgreement(db: Db, agreementId: number): Promise<void> {
    await db.delete(o).where(eq(o.agreementId, agreementId));
  },

  /**
   * Locks an obligation until the transaction ends, so that no evidence is added to it while it is deleted
   * (an insert referencing it waits for the lock).
   */
  async lockForDelete(db: Db, id: number): Promise<void> {
    await db.select({ id: o.id }).from(o).where(eq(o.id, id)).for('update');
  },

  async findById(db: Db, id: number): Promise<ObligationRecord | undefined> {
    const [row] = await selectObligations(db).where(eq(o.id, id));
    return row && toRecord(row);
  },

  /** Every obligation of the given agreement, by due date. */
  async listForAgreement(db: Db, agreementId: number): Promise<ObligationRecord[]> {
    const rows = await selectObligations(db)
      .where(eq(o.agreementId, agreementId))
      .orderBy(asc(o.dueOn), asc(o.id));
    return rows.map(toRecord);
  },

  /** Every obligation of the agreements an organisation is a party to. */
  async listForOrganisation(db: Db, organisationId: number): Promise<ObligationRecord[]> {
    const rows = await selectObligations(db).where(partyOf(organisationId)).orderBy(asc(o.dueOn), asc(o.id));
    return rows.map(toRecord);
  },

  async list(db: Db, params: ObligationListParams): Promise<RecordPage<ObligationRecord>> {
    return listPage(params, {
      rows: selectObligations(db).$dynamic(),
      filters: [
        equalTo(o.agreementId, params.agreementId),
        params.organisationId === undefined ? undefined : partyOf(params.organisationId),
        params.onlyOrganisationId === undefined ? undefined : partyOf(params.onlyOrganisationId),
        equalTo(o.kind, params.kind),
        params.status ? statusFilter(params.status, params.today) : undefined,
        params.dueFrom ? gte(o.dueOn, params.dueFrom) : undefined,
        params.dueTo ? lte(o.dueOn, params.dueTo) : undefined,
        search(params.q, o.titleKk, o.titleRu, o.titleEn, o.evidenceText, agreements.number),
      ],
      sortable: { dueOn: o.dueOn, kind: o.kind, status: o.status, createdAt: o.createdAt },
      fallback: ascending(o.dueOn),
      id: o.id,
      present: (rows) => rows.map(toRecord),
    });
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
