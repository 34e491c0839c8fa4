import type { PracticeType, PriorityArea } from '@kadr/contracts';
import { and, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  enrolments,
  learningOutcomes,
  organisations,
  placements,
  practiceOfferProgrammes,
  practiceOffers,
  programmes,
  programmeVersions,
} from '../schema/index.ts';

/** Active students of a programme version admitted in one year, with the version's practice types. */
export interface CohortRow {
  programmeId: number;
  admissionYear: number;
  durationSemesters: number;
  practiceTypes: PracticeType[];
  students: number;
}

/** A published offer of the academic year, with its partner and the programmes it is open to. */
export interface DashboardOfferRow {
  offerId: number;
  organisationId: number;
  capacity: number;
  programmeIds: number[];
}

/** A placement on an offer of the year, with the programme and priority area of the student's enrolment. */
export interface DashboardPlacementRow {
  offerId: number;
  organisationId: number;
  status: string;
  hired: boolean;
  programmeId: number | null;
  priorityArea: PriorityArea | null;
}

/** A programme's name and area. */
export interface DashboardProgrammeRow {
  id: number;
  code: string;
  name: { kk: string; ru: string; en: string };
  priorityArea: PriorityArea;
}

/** The days of academic year `year` (`2026` for 2026/27: 1 September to 31 August). */
function yearBounds(year: number): [string, string] {
  return [`${year}-09-01`, `${year + 1}-08-31`];
}

/** Reads the facts behind the placement dashboards. */
export const placementDashboardRepository = {
  /** Active enrolments by programme and admission year, with each version's practice types. */
  async cohorts(db: Db): Promise<CohortRow[]> {
    const types = sql<
      PracticeType[]
    >`coalesce((select array_agg(distinct lo.practice_type) from ${learningOutcomes} lo
      where lo.version_id = ${programmeVersions.id} and lo.practice_type is not null), '{}')`;
    const rows = await db
      .select({
        programmeId: programmes.id,
        versionId: programmeVersions.id,
        admissionYear: enrolments.admissionYear,
        durationSemesters: programmes.durationSemesters,
        practiceTypes: types,
        students: sql<number>`count(*)`.mapWith(Number),
      })
      .from(enrolments)
      .innerJoin(programmeVersions, eq(programmeVersions.id, enrolments.versionId))
      .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .where(eq(enrolments.status, 'active'))
      .groupBy(programmes.id, programmeVersions.id, enrolments.admissionYear, programmes.durationSemesters);
    return rows.map(({ versionId: _v, ...row }) => row);
  },

  /** Published offers starting in the academic year, of one partner when `organisationId` is given. */
  async offers(db: Db, year: number, organisationId?: number): Promise<DashboardOfferRow[]> {
    const [from, to] = yearBounds(year);
    return db
      .select({
        offerId: practiceOffers.id,
        organisationId: practiceOffers.organisationId,
        capacity: practiceOffers.capacity,
        programmeIds: sql<number[]>`coalesce((select array_agg(op.programme_id order by op.programme_id)
          from ${practiceOfferProgrammes} op where op.offer_id = ${practiceOffers.id}), '{}')`,
      })
      .from(practiceOffers)
      .where(
        and(
          eq(practiceOffers.status, 'published'),
          gte(practiceOffers.startsOn, from),
          lte(practiceOffers.startsOn, to),
          organisationId === undefined ? undefined : eq(practiceOffers.organisationId, organisationId),
        ),
      );
  },

  /** Placements on offers starting in the academic year (of one partner when given). */
  async placements(db: Db, year: number, organisationId?: number): Promise<DashboardPlacementRow[]> {
    const [from, to] = yearBounds(year);
    // The student's enrolment: the current one, else the latest.
    const enrolment = sql`(select e.version_id from ${enrolments} e where e.student_id = ${placements.studentId}
      order by (e.status in ('active', 'on-leave')) desc, e.id desc limit 1)`;
    const rows = await db
      .select({
        offerId: placements.offerId,
        organisationId: practiceOffers.organisationId,
        status: placements.status,
        hired: isNotNull(placements.hiredOn).mapWith(Boolean),
        programmeId: programmes.id,
        priorityArea: programmes.priorityArea,
      })
      .from(placements)
      .innerJoin(practiceOffers, eq(practiceOffers.id, placements.offerId))
      .leftJoin(programmeVersions, sql`${programmeVersions.id} = ${enrolment}`)
      .leftJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .where(
        and(
          gte(practiceOffers.startsOn, from),
          lte(practiceOffers.startsOn, to),
          organisationId === undefined ? undefined : eq(practiceOffers.organisationId, organisationId),
        ),
      );
    return rows;
  },

  async programmes(db: Db, ids: number[]): Promise<DashboardProgrammeRow[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({
        id: programmes.id,
        code: programmes.code,
        nameKk: programmes.nameKk,
        nameRu: programmes.nameRu,
        nameEn: programmes.nameEn,
        priorityArea: programmes.priorityArea,
      })
      .from(programmes)
      .where(inArray(programmes.id, ids));
    return rows.map(({ nameKk, nameRu, nameEn, ...r }) => ({
      ...r,
      name: { kk: nameKk, ru: nameRu, en: nameEn },
    }));
  },

  async organisationNames(
    db: Db,
    ids: number[],
  ): Promise<Map<number, { shortName: string; name: { kk: string; ru: string; en: string } }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({
        id: organisations.id,
        shortName: organisations.shortName,
        nameKk: organisations.nameKk,
        nameRu: organisations.nameRu,
        nameEn: organisations.nameEn,
      })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    return new Map(
      rows.map((r) => [r.id, { shortName: r.shortName, name: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn } }]),
    );
  },
};
