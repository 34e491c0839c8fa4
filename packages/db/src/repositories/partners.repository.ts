import { and, asc, count, eq, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  agreementParties,
  agreements,
  investments,
  jointProgrammes,
  organisations,
  partnerProfiles,
} from '../schema/index.ts';
import { type ListParams, likePattern, limitOffset, type RecordPage } from './list.ts';
import { orderByExpr, toNumber } from './sorting.ts';

/** Branch status and note of a partner. */
export interface BranchRecord {
  status: string;
  note: string;
}

/** A row of the partner list. */
export interface PartnerSummaryRecord {
  id: number;
  kind: string;
  shortName: string;
  name: { kk: string; ru: string; en: string };
  country: string;
  branchStatus: string;
  agreements: number;
  activeAgreements: number;
  jointProgrammes: number;
  investedTiyn: number;
}

/** Filters of the partner list; `today` decides which agreements are still active. */
export interface PartnerListParams extends ListParams {
  q?: string | undefined;
  kind?: string | undefined;
  branchStatus?: string | undefined;
  onlyId?: number | undefined;
  today: string;
}

function summaryColumns(today: string) {
  const o = organisations;
  return {
    agreements: sql<number>`(select count(*) from ${agreementParties} ap where ap.organisation_id = ${o.id})`,
    activeAgreements: sql<number>`(select count(*) from ${agreementParties} ap join ${agreements} ag
      on ag.id = ap.agreement_id where ap.organisation_id = ${o.id} and ag.status = 'active'
      and (ag.valid_until is null or ag.valid_until >= ${today}))`,
    jointProgrammes: sql<number>`(select count(*) from ${jointProgrammes} jp where jp.organisation_id = ${o.id})`,
    investedTiyn: sql<number>`(select coalesce(sum(i.amount_tiyn), 0) from ${investments} i where i.organisation_id = ${o.id})`,
    branchStatus: sql<string>`coalesce(${partnerProfiles.branchStatus}, 'none')`,
  };
}

/** Reads partner-level facts: branch status, the partner list with its figures, counts. */
export const partnersRepository = {
  async findBranch(db: Db, organisationId: number): Promise<BranchRecord> {
    const [row] = await db
      .select()
      .from(partnerProfiles)
      .where(eq(partnerProfiles.organisationId, organisationId));
    return { status: row?.branchStatus ?? 'none', note: row?.branchNote ?? '' };
  },

  async saveBranch(db: Db, organisationId: number, branch: BranchRecord, at: Date): Promise<BranchRecord> {
    const values = { organisationId, branchStatus: branch.status, branchNote: branch.note, updatedAt: at };
    await db
      .insert(partnerProfiles)
      .values(values)
      .onConflictDoUpdate({ target: partnerProfiles.organisationId, set: values });
    return branch;
  },

  /** Every organisation but the home university, with counts and the invested total. */
  async list(db: Db, params: PartnerListParams): Promise<RecordPage<PartnerSummaryRecord>> {
    const o = organisations;
    const columns = summaryColumns(params.today);
    const filters: (SQL | undefined)[] = [ne(o.kind, 'home_university')];
    if (params.kind) filters.push(eq(o.kind, params.kind));
    if (params.onlyId !== undefined) filters.push(eq(o.id, params.onlyId));
    if (params.branchStatus) filters.push(sql`${columns.branchStatus} = ${params.branchStatus}`);
    if (params.q) {
      const p = likePattern(params.q);
      filters.push(or(ilike(o.shortName, p), ilike(o.nameKk, p), ilike(o.nameRu, p), ilike(o.nameEn, p)));
    }
    const where = and(...filters);
    const order = orderByExpr(
      params.sort,
      { shortName: o.shortName, kind: o.kind, country: o.country, ...columns },
      asc(o.shortName),
      o.id,
    );
    const { limit, offset } = limitOffset(params);
    const rows = await db
      .select({
        id: o.id,
        kind: o.kind,
        shortName: o.shortName,
        nameKk: o.nameKk,
        nameRu: o.nameRu,
        nameEn: o.nameEn,
        country: o.country,
        ...columns,
      })
      .from(o)
      .leftJoin(partnerProfiles, eq(partnerProfiles.organisationId, o.id))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset);
    const [total] = await db
      .select({ n: count() })
      .from(o)
      .leftJoin(partnerProfiles, eq(partnerProfiles.organisationId, o.id))
      .where(where);
    const items = rows.map(({ nameKk, nameRu, nameEn, ...r }) => ({
      ...r,
      name: { kk: nameKk, ru: nameRu, en: nameEn },
      agreements: toNumber(r.agreements),
      activeAgreements: toNumber(r.activeAgreements),
      jointProgrammes: toNumber(r.jointProgrammes),
      investedTiyn: toNumber(r.investedTiyn),
    }));
    return { items, total: total?.n ?? 0, page: params.page, pageSize: params.pageSize };
  },

  /** Partners by kind and foreign universities by branch status. */
  async countsByKindAndBranch(
    db: Db,
  ): Promise<{ kinds: Map<string, number>; branches: Map<string, number> }> {
    const kinds = await db
      .select({ key: organisations.kind, n: count() })
      .from(organisations)
      .where(ne(organisations.kind, 'home_university'))
      .groupBy(organisations.kind);
    const status = sql<string>`coalesce(${partnerProfiles.branchStatus}, 'none')`;
    const branches = await db
      .select({ key: status, n: count() })
      .from(organisations)
      .leftJoin(partnerProfiles, eq(partnerProfiles.organisationId, organisations.id))
      .where(eq(organisations.kind, 'partner_university'))
      .groupBy(status);
    return {
      kinds: new Map(kinds.map((r) => [r.key, r.n])),
      branches: new Map(branches.map((r) => [r.key, r.n])),
    };
  },
};
