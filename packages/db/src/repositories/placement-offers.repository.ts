import type { OfferStatus, PracticeType, Region } from '@kadr/contracts';
import { and, asc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencies,
  obligations,
  organisations,
  practiceOfferCompetencies,
  practiceOfferProgrammes,
  practiceOffers,
  programmes,
} from '../schema/index.ts';
import { equalTo, type ListParams, listPage, type RecordPage, search } from './list.ts';

type Names = { kk: string; ru: string; en: string };

/** The terms of an offer a student reads: what, where, when and paid how (a placement shows them too). */
export interface OfferTerms {
  title: Names;
  description: Names;
  practiceType: PracticeType;
  prerequisites: Names;
  startsOn: string;
  endsOn: string;
  location: Names;
  region: Region | null;
  stipendTiyn: number | null;
  dualEnterpriseShare: number | null;
  mentorPayTiyn: number | null;
}

/** The fields an offer shares with what is written for it: its terms, who offers it, how many places. */
interface OfferFields extends OfferTerms {
  organisationId: number;
  obligationId: number | null;
  eligibleYears: number[];
  capacity: number;
  hiringIntention: boolean;
}

/** An offer with its organisation's short name, its programmes and its required competencies. */
export interface OfferRecord extends OfferFields {
  id: number;
  organisationShortName: string;
  programmes: { id: number; code: string; name: Names }[];
  competencies: { competencyId: number; code: string; name: Names; level: number }[];
  status: OfferStatus;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields of an offer as written; the lists replace the stored ones when given. */
export interface OfferInput extends OfferFields {
  programmeIds: number[];
  competencies: { competencyId: number; level: number }[];
}

/** The terms of an offer from its stored row (the trilingual texts in three columns each). */
export function offerTermsOf(r: typeof practiceOffers.$inferSelect): OfferTerms {
  return {
    title: { kk: r.titleKk, ru: r.titleRu, en: r.titleEn },
    description: { kk: r.descriptionKk, ru: r.descriptionRu, en: r.descriptionEn },
    practiceType: r.practiceType,
    prerequisites: { kk: r.prerequisitesKk, ru: r.prerequisitesRu, en: r.prerequisitesEn },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    location: { kk: r.locationKk, ru: r.locationRu, en: r.locationEn },
    region: r.region,
    stipendTiyn: r.stipendTiyn,
    dualEnterpriseShare: r.dualEnterpriseShare === null ? null : Number(r.dualEnterpriseShare),
    mentorPayTiyn: r.mentorPayTiyn,
  };
}

export interface OfferListParams extends ListParams {
  q?: string | undefined;
  status?: OfferStatus | undefined;
  practiceType?: PracticeType | undefined;
  organisationId?: number | undefined;
  programmeId?: number | undefined;
  obligationId?: number | undefined;
  year?: number | undefined;
  region?: Region | undefined;
  /** Only these statuses (a student sees published offers only). */
  statuses?: OfferStatus[] | undefined;
}

const o = practiceOffers;

function selectOffers(db: Db) {
  return db
    .select({ ...getTableColumns(o), organisationShortName: organisations.shortName })
    .from(o)
    .innerJoin(organisations, eq(organisations.id, o.organisationId));
}
type Row = Awaited<ReturnType<typeof selectOffers>>[number];

/** Reads the programmes and competencies of the offers and folds them into records. */
async function present(db: Db, rows: Row[]): Promise<OfferRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const progs = await db
    .select({
      offerId: practiceOfferProgrammes.offerId,
      id: programmes.id,
      code: programmes.code,
      nameKk: programmes.nameKk,
      nameRu: programmes.nameRu,
      nameEn: programmes.nameEn,
    })
    .from(practiceOfferProgrammes)
    .innerJoin(programmes, eq(programmes.id, practiceOfferProgrammes.programmeId))
    .where(inArray(practiceOfferProgrammes.offerId, ids))
    .orderBy(asc(programmes.code));
  const comps = await db
    .select({
      offerId: practiceOfferCompetencies.offerId,
      competencyId: competencies.id,
      code: competencies.code,
      nameKk: competencies.nameKk,
      nameRu: competencies.nameRu,
      nameEn: competencies.nameEn,
      level: practiceOfferCompetencies.level,
    })
    .from(practiceOfferCompetencies)
    .innerJoin(competencies, eq(competencies.id, practiceOfferCompetencies.competencyId))
    .where(inArray(practiceOfferCompetencies.offerId, ids))
    .orderBy(asc(competencies.code), asc(competencies.id));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    organisationShortName: r.organisationShortName,
    obligationId: r.obligationId,
    ...offerTermsOf(r),
    programmes: progs
      .filter((p) => p.offerId === r.id)
      .map((p) => ({ id: p.id, code: p.code, name: { kk: p.nameKk, ru: p.nameRu, en: p.nameEn } })),
    eligibleYears: [...r.eligibleYears].sort((a, b) => a - b),
    competencies: comps
      .filter((c) => c.offerId === r.id)
      .map((c) => ({
        competencyId: c.competencyId,
        code: c.code,
        name: { kk: c.nameKk, ru: c.nameRu, en: c.nameEn },
        level: c.level,
      })),
    capacity: r.capacity,
    hiringIntention: r.hiringIntention,
    status: r.status,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

function toColumns(input: Partial<OfferInput>) {
  const {
    title,
    description,
    prerequisites,
    location,
    programmeIds: _p,
    competencies: _c,
    dualEnterpriseShare,
    ...rest
  } = input;
  return {
    ...rest,
    ...(prerequisites
      ? {
          prerequisitesKk: prerequisites.kk,
          prerequisitesRu: prerequisites.ru,
          prerequisitesEn: prerequisites.en,
        }
      : {}),
    ...(location ? { locationKk: location.kk, locationRu: location.ru, locationEn: location.en } : {}),
    ...(title ? { titleKk: title.kk, titleRu: title.ru, titleEn: title.en } : {}),
    ...(description
      ? { descriptionKk: description.kk, descriptionRu: description.ru, descriptionEn: description.en }
      : {}),
    ...(dualEnterpriseShare === undefined
      ? {}
      : { dualEnterpriseShare: dualEnterpriseShare === null ? null : dualEnterpriseShare.toFixed(2) }),
  };
}

async function writeLists(db: Db, offerId: number, input: Partial<OfferInput>): Promise<void> {
  if (input.programmeIds) {
    await db.delete(practiceOfferProgrammes).where(eq(practiceOfferProgrammes.offerId, offerId));
    if (input.programmeIds.length > 0)
      await db
        .insert(practiceOfferProgrammes)
        .values(input.programmeIds.map((programmeId) => ({ offerId, programmeId })));
  }
  if (input.competencies) {
    await db.delete(practiceOfferCompetencies).where(eq(practiceOfferCompetencies.offerId, offerId));
    if (input.competencies.length > 0)
      await db
        .insert(practiceOfferCompetencies)
        .values(input.competencies.map((c) => ({ offerId, competencyId: c.competencyId, level: c.level })));
  }
}

/** SQL: the offer admits students of the programme (none listed means every programme). */
function admitsProgramme(programmeId: number): SQL {
  return sql`(not exists (select 1 from ${practiceOfferProgrammes} p where p.offer_id = ${o.id})
    or exists (select 1 from ${practiceOfferProgrammes} p where p.offer_id = ${o.id} and p.programme_id = ${programmeId}))`;
}

/** SQL: the offer admits the year of study (none listed means any). */
function admitsYear(year: number): SQL {
  return sql`(cardinality(${o.eligibleYears}) = 0 or ${year} = any(${o.eligibleYears}))`;
}

/** Reads and writes practice offers. */
export const placementOffersRepository = {
  async create(db: Db, input: OfferInput, createdBy: number | null): Promise<OfferRecord> {
    const [row] = await db
      .insert(o)
      .values({ ...toColumns(input), createdBy } as typeof o.$inferInsert)
      .returning({ id: o.id });
    await writeLists(db, row!.id, input);
    return (await placementOffersRepository.findById(db, row!.id))!;
  },

  async update(db: Db, id: number, patch: Partial<OfferInput>, at: Date): Promise<OfferRecord | undefined> {
    const [row] = await db
      .update(o)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(o.id, id))
      .returning({ id: o.id });
    if (!row) return undefined;
    await writeLists(db, id, patch);
    return placementOffersRepository.findById(db, id);
  },

  async setStatus(db: Db, id: number, status: OfferStatus, at: Date): Promise<OfferRecord | undefined> {
    await db.update(o).set({ status, updatedAt: at }).where(eq(o.id, id));
    return placementOffersRepository.findById(db, id);
  },

  async findById(db: Db, id: number): Promise<OfferRecord | undefined> {
    const rows = await selectOffers(db).where(eq(o.id, id));
    return (await present(db, rows))[0];
  },

  async findByIds(db: Db, ids: number[]): Promise<OfferRecord[]> {
    if (ids.length === 0) return [];
    return present(db, await selectOffers(db).where(inArray(o.id, ids)).orderBy(asc(o.id)));
  },

  async list(db: Db, params: OfferListParams): Promise<RecordPage<OfferRecord>> {
    return listPage(params, {
      rows: selectOffers(db).$dynamic(),
      filters: [
        equalTo(o.status, params.status),
        params.statuses ? inArray(o.status, params.statuses) : undefined,
        equalTo(o.practiceType, params.practiceType),
        equalTo(o.organisationId, params.organisationId),
        equalTo(o.obligationId, params.obligationId),
        equalTo(o.region, params.region),
        params.programmeId === undefined ? undefined : admitsProgramme(params.programmeId),
        params.year === undefined ? undefined : admitsYear(params.year),
        search(
          params.q,
          o.titleKk,
          o.titleRu,
          o.titleEn,
          o.locationKk,
          o.locationRu,
          o.locationEn,
          organisations.shortName,
        ),
      ],
      sortable: {
        createdAt: o.createdAt,
        startsOn: o.startsOn,
        capacity: o.capacity,
        title: sql`coalesce(nullif(${o.titleRu}, ''), nullif(${o.titleKk}, ''), ${o.titleEn})`,
      },
      fallback: sql`${o.createdAt} desc`,
      id: o.id,
      present: (rows) => present(db, rows),
    });
  },

  /**
   * The places offered against each obligation in `year`: the capacity of its published offers starting in that
   * calendar year. Obligations without any such offer are absent.
   */
  async placesOffered(db: Db, obligationIds: number[], year: number): Promise<Map<number, number>> {
    if (obligationIds.length === 0) return new Map();
    const rows = await db
      .select({ obligationId: o.obligationId, places: sql<number>`sum(${o.capacity})`.mapWith(Number) })
      .from(o)
      .where(
        and(
          inArray(o.obligationId, obligationIds),
          eq(o.status, 'published'),
          sql`extract(year from ${o.startsOn}) = ${year}`,
        ),
      )
      .groupBy(o.obligationId);
    return new Map(rows.map((r) => [r.obligationId!, r.places]));
  },

  /**
   * The practice-places obligation an organisation's offer counts against by default: the one of a current
   * agreement (not terminated or expired on `today`) the organisation is party to, pending first, latest due first.
   */
  async defaultObligation(db: Db, organisationId: number, today: string): Promise<number | null> {
    const rows = await db.execute(sql`
      select ob.id from ${obligations} ob
      join agreements a on a.id = ob.agreement_id
      join agreement_parties ap on ap.agreement_id = a.id and ap.organisation_id = ${organisationId}
      where ob.kind = 'practice_places' and a.status in ('active', 'expiring')
        and (a.valid_until is null or a.valid_until >= ${today})
      order by (ob.status = 'pending') desc, ob.due_on desc, ob.id desc
      limit 1`);
    const id = (rows as unknown as { rows: { id: number }[] }).rows[0]?.id;
    return id === undefined ? null : Number(id);
  },

  /** The practice-places obligation, when the organisation is a party to its agreement; undefined otherwise. */
  async obligationOf(
    db: Db,
    obligationId: number,
    organisationId: number,
  ): Promise<{ id: number; kind: string } | undefined> {
    const rows = await db.execute(sql`
      select ob.id, ob.kind from ${obligations} ob
      join agreement_parties ap on ap.agreement_id = ob.agreement_id and ap.organisation_id = ${organisationId}
      where ob.id = ${obligationId}`);
    const row = (rows as unknown as { rows: { id: number; kind: string }[] }).rows[0];
    return row ? { id: Number(row.id), kind: row.kind } : undefined;
  },
};
