import type { PlacementStatus, Region } from '@kadr/contracts';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  enrolments,
  organisations,
  placementRounds,
  placements,
  practiceOffers,
  programmes,
  programmeVersions,
  roundPreferences,
  roundStudents,
  students,
} from '../schema/index.ts';

/**
 * A placement as the practice KPIs and the supply of the gap report read it: the offer's period, type and region,
 * the partner, and the programme group and priority area of its enrolment (the one recorded on the placement, else
 * the student's current one, else the latest; null when the student has none).
 */
export interface PracticeFactRow {
  id: number;
  studentId: number;
  studentName: string;
  organisationId: number;
  partnerName: string;
  /** The partner's city in the three languages (any may be empty). */
  partnerCity: { kk: string; ru: string; en: string };
  offerRegion: Region | null;
  status: PlacementStatus;
  startsOn: string;
  endsOn: string;
  practiceType: string;
  roundId: number | null;
  hiredOn: string | null;
  programmeGroup: string | null;
  priorityArea: string | null;
}

/** The rounds of the latest allocated academic year, and the students who took part in them. */
export interface AllocatedRounds {
  academicYear: number;
  roundIds: number[];
  applicants: number[];
}

/** Reads the placements behind the practice KPIs and the placements and hires of the gap report. */
export const practiceFactsRepository = {
  /** Every placement with its offer, partner and the student's programme group and area, oldest first. */
  async placements(db: Db): Promise<PracticeFactRow[]> {
    // The placement's enrolment (recorded since migration 0011), else the student's current one, else the latest.
    const enrolment = sql`coalesce(
      (select e.version_id from ${enrolments} e where e.id = ${placements.enrolmentId}),
      (select e.version_id from ${enrolments} e where e.student_id = ${placements.studentId}
        order by (e.status in ('active', 'on-leave')) desc, e.id desc limit 1))`;
    const rows = await db
      .select({
        id: placements.id,
        studentId: placements.studentId,
        studentName: students.fullName,
        organisationId: practiceOffers.organisationId,
        partnerName: organisations.shortName,
        cityKk: organisations.cityKk,
        cityRu: organisations.cityRu,
        cityEn: organisations.cityEn,
        offerRegion: practiceOffers.region,
        status: placements.status,
        startsOn: practiceOffers.startsOn,
        endsOn: practiceOffers.endsOn,
        practiceType: practiceOffers.practiceType,
        roundId: placements.roundId,
        hiredOn: placements.hiredOn,
        programmeGroup: programmes.programmeGroup,
        priorityArea: programmes.priorityArea,
      })
      .from(placements)
      .innerJoin(practiceOffers, eq(practiceOffers.id, placements.offerId))
      .innerJoin(organisations, eq(organisations.id, practiceOffers.organisationId))
      .innerJoin(students, eq(students.id, placements.studentId))
      .leftJoin(programmeVersions, sql`${programmeVersions.id} = ${enrolment}`)
      .leftJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .orderBy(asc(placements.id));
    return rows.map(({ cityKk, cityRu, cityEn, ...r }) => ({
      ...r,
      partnerCity: { kk: cityKk, ru: cityRu, en: cityEn },
    }));
  },

  /**
   * The rounds of the latest academic year up to `upToYear` with a round allocated and made public (published or
   * archived) by `publishedBy` when given, with the distinct students who took part in them (listed in a round or
   * having ranked an offer); undefined when there is none.
   */
  async lastAllocatedRounds(
    db: Db,
    upToYear: number,
    publishedBy?: Date,
  ): Promise<AllocatedRounds | undefined> {
    const rounds = await db
      .select({ id: placementRounds.id, academicYear: placementRounds.academicYear })
      .from(placementRounds)
      .where(
        and(
          inArray(placementRounds.status, ['published', 'archived']),
          lte(placementRounds.academicYear, upToYear),
          publishedBy ? lte(placementRounds.publishedAt, publishedBy) : undefined,
        ),
      );
    if (rounds.length === 0) return undefined;
    const academicYear = Math.max(...rounds.map((r) => r.academicYear));
    const roundIds = rounds.filter((r) => r.academicYear === academicYear).map((r) => r.id);
    // Listed in a round or having ranked an offer in it: one query for both.
    const students = await db
      .select({ studentId: roundStudents.studentId })
      .from(roundStudents)
      .where(inArray(roundStudents.roundId, roundIds))
      .union(
        db
          .select({ studentId: roundPreferences.studentId })
          .from(roundPreferences)
          .where(inArray(roundPreferences.roundId, roundIds)),
      );
    return {
      academicYear,
      roundIds: roundIds.sort((a, b) => a - b),
      applicants: students.map((a) => a.studentId).sort((a, b) => a - b),
    };
  },

  /** The city of the home university (where its graduates are) in the three languages; empty when none. */
  async homeCity(db: Db): Promise<{ kk: string; ru: string; en: string }> {
    const [home] = await db
      .select({ kk: organisations.cityKk, ru: organisations.cityRu, en: organisations.cityEn })
      .from(organisations)
      .where(eq(organisations.kind, 'home_university'))
      .orderBy(asc(organisations.id))
      .limit(1);
    return home ?? { kk: '', ru: '', en: '' };
  },
};
