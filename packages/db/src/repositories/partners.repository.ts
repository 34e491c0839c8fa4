import type { BranchStatus, OrganisationKind } from '@kadr/contracts';
import { count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  agreementParties,
  agreements,
  investments,
  jointProgrammes,
  organisations,
  partnerProfiles,
} from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';
import { toNumber } from './sorting.ts';

/** Branch status and note of a partner. */
export interface BranchRecord {
  status: BranchStatus;
  note: string;
}

/** A row of the partner list. */
export interface PartnerSummaryRecord {
  id: number;
  kind: OrganisationKind;
  shortName: string;
  name: { kk: string; ru: string; en: string };
  country: string;
  branchStatus: BranchStatus;
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

const o = organisations;
/** The partner list leaves out the university itself. */
const notHome = ne(o.kind, 'home_university');

/**
 * The partner list's figures. Whether an agreement is still active depends on the day, which the list passes as
 * its placeholder `today` on every call, so that the list's selection is the same on every call (deferred).
 */
const summary = {
  agreements: sql<number>`(select count(*) from ${agreementParties} ap where ap.organisation_id = ${o.id})`,
  activeAgreements: sql<number>`(select count(*) from ${agreementParties} ap join ${agreements} ag
    on ag.id = ap.agreement_id where ap.organisation_id = ${o.id} and ag.status = 'active'
    and (ag.valid_until is null or ag.valid_until >= ${sql.placeholder('today')}))`,
  jointProgrammes: sql<number>`(select count(*) from ${jointProgrammes} jp where jp.organisation_id = ${o.id})`,
  investedTiyn: sql<number>`(select coalesce(sum(i.amount_tiyn), 0) from ${investments} i where i.organisation_id = ${o.id})`,
  branchStatus: sql<BranchStatus>`coalesce(${partnerProfiles.branchStatus}, 'none')`,
};

/** The partner list's rows: an organisation, its profile's branch status and its figures. */
function selectPartners(db: Db) {
  return db
    .select({
      id: o.id,
      kind: o.kind,
      shortName: o.shortName,
      country: o.country,
      nameKk: o.nameKk,
      nameRu: o.nameRu,
      nameEn: o.nameEn,
      ...summary,
    })
    .from(o)
    .leftJoin(partnerProfiles, eq(partnerProfiles.organisationId, o.id));
}

/** The list's rows, not yet filtered: a deferred list builds them once per shape (list.ts). */
function listRows(db: Db) {
  return selectPartners(db).$dynamic();
}

/** A page's rows as records, field by field: a rest and spread copy of every row cost more than the rest of its mapping. */
function presentRows(rows: Awaited<ReturnType<typeof listRows>>): PartnerSummaryRecord[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    shortName: r.shortName,
    country: r.country,
    branchStatus: r.branchStatus,
    name: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn },
    agreements: toNumber(r.agreements),
    activeAgreements: toNumber(r.activeAgreements),
    jointProgrammes: toNumber(r.jointProgrammes),
    investedTiyn: toNumber(r.investedTiyn),
  }));
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
    return listPage(params, {
      rows: { db, build: listRows },
      filters: [
        notHome,
        equalTo(o.kind, params.kind),
        equalTo(o.id, params.onlyId),
        params.branchStatus ? sql`${summary.branchStatus} = ${params.branchStatus}` : undefined,
        search(params.q, o.shortName, o.nameKk, o.nameRu, o.nameEn),
      ],
      sortable: { shortName: o.shortName, kind: o.kind, country: o.country, ...summary },
      fallback: ascending(o.shortName),
      id: o.id,
      present: presentRows,
      name: 'partners',
      placeholders: { today: params.today },
    });
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
