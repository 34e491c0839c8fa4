import type { AgreementKind, BranchStatus, InvestmentSource } from '@kadr/contracts';
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  agreementParties,
  agreements,
  investments,
  jointProgrammes,
  organisations,
  partnerProfiles,
  programmeCodevelopers,
  programmes,
} from '../schema/index.ts';
import type { StoredAgreementStatus } from '../schema/agreements.ts';

/** A foreign partner's branch status, from its profile. */
export interface BranchProfileRow {
  organisationId: number;
  shortName: string;
  branchStatus: BranchStatus;
}

/** A branch agreement with its foreign parties (never the home university). */
export interface BranchAgreementRow {
  id: number;
  number: string;
  status: StoredAgreementStatus;
  signedOn: string | null;
  validUntil: string | null;
  partyIds: number[];
}

/** What the KPI formulas read from the operational tables; the formulas themselves are in @kadr/core. */
export const strategyInputsRepository = {
  /** The branch statuses of foreign partner universities that have a profile. */
  async branchProfiles(db: Db): Promise<BranchProfileRow[]> {
    return db
      .select({
        organisationId: partnerProfiles.organisationId,
        shortName: organisations.shortName,
        branchStatus: partnerProfiles.branchStatus,
      })
      .from(partnerProfiles)
      .innerJoin(organisations, eq(organisations.id, partnerProfiles.organisationId))
      .where(and(ne(partnerProfiles.branchStatus, 'none'), eq(organisations.kind, 'partner_university')))
      .orderBy(asc(organisations.shortName));
  },

  /** Agreements of one kind with their parties other than the home university. */
  async agreementsOfKind(db: Db, kind: AgreementKind): Promise<BranchAgreementRow[]> {
    const rows = await db
      .select({
        id: agreements.id,
        number: agreements.number,
        status: agreements.status,
        signedOn: agreements.signedOn,
        validUntil: agreements.validUntil,
        partyId: agreementParties.organisationId,
      })
      .from(agreements)
      .innerJoin(agreementParties, eq(agreementParties.agreementId, agreements.id))
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(and(eq(agreements.kind, kind), ne(organisations.kind, 'home_university')))
      .orderBy(asc(agreements.id));
    const byId = new Map<number, BranchAgreementRow>();
    for (const { partyId, ...agreement } of rows) {
      const found = byId.get(agreement.id) ?? { ...agreement, partyIds: [] };
      found.partyIds.push(partyId);
      byId.set(agreement.id, found);
    }
    return [...byId.values()];
  },

  /** Short names of organisations by id. */
  async shortNames(db: Db, ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: organisations.id, shortName: organisations.shortName })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    return new Map(rows.map((r) => [r.id, r.shortName]));
  },

  /** Catalogue programmes with their degree type and the agreements their co-developers name. */
  async cataloguedProgrammes(db: Db) {
    return db
      .select({
        id: programmes.id,
        code: programmes.code,
        name: { kk: programmes.nameKk, ru: programmes.nameRu, en: programmes.nameEn },
        degreeType: programmes.degreeType,
        agreementIds: sql<
          number[]
        >`coalesce(array_agg(${programmeCodevelopers.agreementId}) filter (where ${programmeCodevelopers.agreementId} is not null), '{}')`,
      })
      .from(programmes)
      .leftJoin(programmeCodevelopers, eq(programmeCodevelopers.programmeId, programmes.id))
      .groupBy(programmes.id)
      .orderBy(asc(programmes.code));
  },

  /** The joint programmes recorded on partner profiles. */
  async jointProgrammeRecords(db: Db) {
    return db
      .select({
        id: jointProgrammes.id,
        organisationId: jointProgrammes.organisationId,
        name: { kk: jointProgrammes.nameKk, ru: jointProgrammes.nameRu, en: jointProgrammes.nameEn },
        degreeType: jointProgrammes.degreeType,
        agreementId: jointProgrammes.agreementId,
        startYear: jointProgrammes.startYear,
      })
      .from(jointProgrammes)
      .orderBy(asc(jointProgrammes.nameRu));
  },

  /** Ledger totals by source, year and organisation from `firstYear` on (up to the day `upTo`, when given). */
  async ledgerBySourceYearOrganisation(
    db: Db,
    firstYear: number,
    upTo?: string,
  ): Promise<
    { source: InvestmentSource; year: number; organisationId: number | null; amountTiyn: number }[]
  > {
    const year = sql<number>`extract(year from ${investments.investedOn})::int`.mapWith(Number);
    return db
      .select({
        source: investments.source,
        year,
        organisationId: investments.organisationId,
        amountTiyn: sql<number>`coalesce(sum(${investments.amountTiyn}), 0)`.mapWith(Number),
      })
      .from(investments)
      .where(
        and(
          gte(investments.investedOn, `${firstYear}-01-01`),
          upTo ? lte(investments.investedOn, upTo) : undefined,
        ),
      )
      .groupBy(investments.source, sql`2`, investments.organisationId);
  },

  /** The ledger's investments of one source from `firstYear` on, newest first (the records behind a KPI). */
  async investmentsOfSource(db: Db, source: InvestmentSource, firstYear: number, limit: number) {
    return db
      .select({
        id: investments.id,
        investedOn: investments.investedOn,
        amountTiyn: investments.amountTiyn,
        description: {
          kk: investments.descriptionKk,
          ru: investments.descriptionRu,
          en: investments.descriptionEn,
        },
        shortName: organisations.shortName,
      })
      .from(investments)
      .leftJoin(organisations, eq(organisations.id, investments.organisationId))
      .where(
        and(
          eq(investments.source, source),
          gte(investments.investedOn, `${firstYear}-01-01`),
          source === 'ppp_partner' ? isNotNull(investments.organisationId) : undefined,
        ),
      )
      .orderBy(desc(investments.investedOn), desc(investments.id))
      .limit(limit);
  },
};
