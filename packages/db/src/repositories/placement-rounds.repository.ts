import type { OfferScoring, RoundStatus } from '@kadr/contracts';
import { and, asc, count, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  competencyPassports,
  enrolments,
  placementRounds,
  practiceOfferProgrammes,
  practiceOffers,
  programmes,
  programmeVersions,
  roundOffers,
  roundPartnerRankings,
  roundPreferences,
  roundStudents,
  students,
  users,
} from '../schema/index.ts';
import { ascending, equalTo, listPage, type ListParams, type RecordPage, search } from './list.ts';

/** A round with its counts. */
export interface RoundRecord {
  id: number;
  /** The name in kk, ru and en (English may be empty). */
  name: { kk: string; ru: string; en: string };
  academicYear: number;
  status: RoundStatus;
  maxChoices: number;
  previousRoundId: number | null;
  rankingClosesAt: Date;
  partnerRankingClosesAt: Date;
  responseClosesAt: Date;
  offerCount: number;
  seatCount: number;
  studentCount: number;
  rankedCount: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RoundInput {
  name: { kk: string; ru: string; en: string };
  academicYear: number;
  maxChoices: number;
  previousRoundId: number | null;
  rankingClosesAt: Date;
  partnerRankingClosesAt: Date;
  responseClosesAt: Date;
}

export interface RoundListParams extends ListParams {
  q?: string | undefined;
  status?: RoundStatus | undefined;
  academicYear?: number | undefined;
  /** Only rounds the student is eligible in. */
  studentId?: number | undefined;
  /** Only rounds holding an offer of the organisation. */
  organisationId?: number | undefined;
  /** Leave drafts out (partners and students never see them). */
  notDraft?: boolean | undefined;
}

/** An offer's place in a round. */
export interface RoundOfferRecord {
  roundId: number;
  offerId: number;
  seats: number;
  scoring: OfferScoring;
  gpaWeight: number | null;
  applicantCount: number;
}

/** A student of a round: their current programme and year of study in the round's academic year. */
export interface RoundStudentRecord {
  studentId: number;
  fullName: string;
  userId: number | null;
  programmeId: number | null;
  programmeCode: string | null;
  year: number | null;
  choices: number;
}

const r = placementRounds;
const roundId = sql.raw('"placement_rounds"."id"');
const roundSelection = {
  id: r.id,
  nameKk: r.nameKk,
  nameRu: r.nameRu,
  nameEn: r.nameEn,
  academicYear: r.academicYear,
  status: r.status,
  maxChoices: r.maxChoices,
  previousRoundId: r.previousRoundId,
  rankingClosesAt: r.rankingClosesAt,
  partnerRankingClosesAt: r.partnerRankingClosesAt,
  responseClosesAt: r.responseClosesAt,
  offerCount: sql<number>`(select count(*) from ${roundOffers} ro where ro.round_id = ${roundId})`.mapWith(
    Number,
  ),
  seatCount:
    sql<number>`(select coalesce(sum(ro.seats), 0) from ${roundOffers} ro where ro.round_id = ${roundId})`.mapWith(
      Number,
    ),
  studentCount:
    sql<number>`(select count(*) from ${roundStudents} rs where rs.round_id = ${roundId})`.mapWith(Number),
  rankedCount:
    sql<number>`(select count(distinct rp.student_id) from ${roundPreferences} rp where rp.round_id = ${roundId})`.mapWith(
      Number,
    ),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
};

function selectRounds(db: Db) {
  return db.select(roundSelection).from(r);
}

type RoundRow = Awaited<ReturnType<typeof selectRounds>>[number];

function toRecord({ nameKk, nameRu, nameEn, ...rest }: RoundRow): RoundRecord {
  return { ...rest, name: { kk: nameKk, ru: nameRu, en: nameEn } };
}

/** The columns of a change: the name in its three columns. */
function toColumns(input: Partial<RoundInput> & { status?: RoundStatus }) {
  const { name, ...rest } = input;
  return { ...rest, ...(name ? { nameKk: name.kk, nameRu: name.ru, nameEn: name.en } : {}) };
}

/**
 * SQL: the student's current (active) enrolment with its programme and year of study in `academicYear`
 * (the academic year minus the year of admission, plus one).
 */
function currentEnrolments(academicYear: number | SQL) {
  return sql`(select distinct on (e.student_id) e.student_id, v.programme_id, p.code as programme_code,
      (${academicYear} - e.admission_year + 1)::int as year
    from ${enrolments} e
    join ${programmeVersions} v on v.id = e.version_id
    join ${programmes} p on p.id = v.programme_id
    where e.status = 'active'
    order by e.student_id, e.enrolled_on desc, e.id desc)`;
}

/** SQL: the offer (alias `o`) admits a student of programme `programmeId` in year `year`. */
function offerAdmits(programmeId: SQL, year: SQL): SQL {
  return sql`(not exists (select 1 from ${practiceOfferProgrammes} pp where pp.offer_id = o.id)
      or exists (select 1 from ${practiceOfferProgrammes} pp where pp.offer_id = o.id and pp.programme_id = ${programmeId}))
    and (cardinality(o.eligible_years) = 0 or ${year} = any(o.eligible_years))`;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Reads and writes allocation rounds, their offers and students, and both sides' rankings. */
export const placementRoundsRepository = {
  async create(db: Db, input: RoundInput, createdBy: number | null): Promise<RoundRecord> {
    const { name, ...rest } = input;
    const [row] = await db
      .insert(r)
      .values({ ...rest, nameKk: name.kk, nameRu: name.ru, nameEn: name.en, createdBy })
      .returning({ id: r.id });
    return (await placementRoundsRepository.findById(db, row!.id))!;
  },

  async update(
    db: Db,
    id: number,
    patch: Partial<RoundInput> & { status?: RoundStatus },
    at: Date,
  ): Promise<RoundRecord | undefined> {
    await db
      .update(r)
      .set({ ...toColumns(patch), updatedAt: at })
      .where(eq(r.id, id));
    return placementRoundsRepository.findById(db, id);
  },

  async findById(db: Db, id: number): Promise<RoundRecord | undefined> {
    const [row] = await selectRounds(db).where(eq(r.id, id));
    return row && toRecord(row);
  },

  /** Locks the round row until the transaction ends (serialises changes of its status and rankings). */
  async lock(db: Db, id: number): Promise<RoundRecord | undefined> {
    const rows = await db.select({ id: r.id }).from(r).where(eq(r.id, id)).for('update');
    return rows.length > 0 ? placementRoundsRepository.findById(db, id) : undefined;
  },

  async list(db: Db, params: RoundListParams): Promise<RecordPage<RoundRecord>> {
    return listPage(params, {
      rows: selectRounds(db).$dynamic(),
      filters: [
        equalTo(r.status, params.status),
        equalTo(r.academicYear, params.academicYear),
        params.notDraft ? ne(r.status, 'draft') : undefined,
        params.studentId === undefined
          ? undefined
          : sql`exists (select 1 from ${roundStudents} rs where rs.round_id = ${r.id} and rs.student_id = ${params.studentId})`,
        params.organisationId === undefined
          ? undefined
          : sql`exists (select 1 from ${roundOffers} ro join ${practiceOffers} o on o.id = ro.offer_id
              where ro.round_id = ${r.id} and o.organisation_id = ${params.organisationId})`,
        search(params.q, r.nameKk, r.nameRu, r.nameEn),
      ],
      sortable: {
        createdAt: r.createdAt,
        academicYear: r.academicYear,
        // By the Russian name: the one every round has (the fallback order after the reader's language).
        name: r.nameRu,
        rankingClosesAt: r.rankingClosesAt,
      },
      fallback: sql`${r.createdAt} desc`,
      id: r.id,
      present: (rows) => rows.map(toRecord),
    });
  },

  /** True when the round holds an offer of the organisation. */
  async holdsOfferOf(db: Db, id: number, organisationId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(roundOffers)
      .innerJoin(practiceOffers, eq(practiceOffers.id, roundOffers.offerId))
      .where(and(eq(roundOffers.roundId, id), eq(practiceOffers.organisationId, organisationId)));
    return (row?.n ?? 0) > 0;
  },

  /** The ids of the rounds, open or closed, that hold the offer. */
  async roundsHoldingOffer(db: Db, offerId: number): Promise<number[]> {
    const rows = await db
      .select({ id: r.id })
      .from(roundOffers)
      .innerJoin(r, eq(r.id, roundOffers.roundId))
      .where(and(eq(roundOffers.offerId, offerId), inArray(r.status, ['open', 'closed'])))
      .orderBy(asc(r.id));
    return rows.map((x) => x.id);
  },

  // ---- Offers of a round ----

  async roundOffers(db: Db, id: number, offerIds?: number[]): Promise<RoundOfferRecord[]> {
    if (offerIds && offerIds.length === 0) return [];
    const rows = await db
      .select({
        roundId: roundOffers.roundId,
        offerId: roundOffers.offerId,
        seats: roundOffers.seats,
        scoring: roundOffers.scoring,
        gpaWeight: roundOffers.gpaWeight,
        applicantCount: sql<number>`(select count(*) from ${roundPreferences} rp
          where rp.round_id = ${roundOffers.roundId} and rp.offer_id = ${roundOffers.offerId})`.mapWith(
          Number,
        ),
      })
      .from(roundOffers)
      .where(and(eq(roundOffers.roundId, id), offerIds ? inArray(roundOffers.offerId, offerIds) : undefined))
      .orderBy(asc(roundOffers.offerId));
    return rows.map((x) => ({ ...x, gpaWeight: x.gpaWeight === null ? null : Number(x.gpaWeight) }));
  },

  async putRoundOffer(
    db: Db,
    input: {
      roundId: number;
      offerId: number;
      seats: number;
      scoring: OfferScoring;
      gpaWeight: number | null;
    },
  ): Promise<void> {
    const values = { ...input, gpaWeight: input.gpaWeight === null ? null : input.gpaWeight.toFixed(2) };
    await db
      .insert(roundOffers)
      .values(values)
      .onConflictDoUpdate({
        target: [roundOffers.roundId, roundOffers.offerId],
        set: { seats: values.seats, scoring: values.scoring, gpaWeight: values.gpaWeight },
      });
  },

  async setScoring(
    db: Db,
    roundId: number,
    offerId: number,
    scoring: OfferScoring,
    gpaWeight: number | null,
  ): Promise<void> {
    await db
      .update(roundOffers)
      .set({ scoring, gpaWeight: gpaWeight === null ? null : gpaWeight.toFixed(2) })
      .where(and(eq(roundOffers.roundId, roundId), eq(roundOffers.offerId, offerId)));
  },

  /** Removes an offer from a round with the students' choices of it and the partner's ranking of it. */
  async removeRoundOffer(db: Db, roundId: number, offerId: number): Promise<void> {
    await db
      .delete(roundPartnerRankings)
      .where(and(eq(roundPartnerRankings.roundId, roundId), eq(roundPartnerRankings.offerId, offerId)));
    await db
      .delete(roundPreferences)
      .where(and(eq(roundPreferences.roundId, roundId), eq(roundPreferences.offerId, offerId)));
    await db
      .delete(roundOffers)
      .where(and(eq(roundOffers.roundId, roundId), eq(roundOffers.offerId, offerId)));
  },

  // ---- Students of a round ----

  /**
   * Adds the students with a current (active) enrolment in one of `programmeIds` (any when empty) and in one of
   * `years` of study in the round's academic year (any when empty), when either list is given, and the students
   * listed. Answers the ids added (those already in the round are skipped).
   */
  /**
   * The students with these IINs: their id, whether they have a current active enrolment (what a round takes), and
   * whether the round already holds them.
   */
  async studentsByIin(
    db: Db,
    id: number,
    iins: string[],
  ): Promise<Map<string, { studentId: number; active: boolean; inRound: boolean }>> {
    if (iins.length === 0) return new Map();
    const found = rowsOf<{ iin: string; id: number; active: boolean; in_round: boolean }>(
      await db.execute(sql`select s.iin, s.id,
          exists (select 1 from ${enrolments} e where e.student_id = s.id and e.status = 'active') as active,
          exists (select 1 from ${roundStudents} rs where rs.round_id = ${id} and rs.student_id = s.id) as in_round
        from ${students} s where s.iin = any(${sql.param(iins)}::text[])`),
    );
    return new Map(
      found.map((r) => [
        r.iin,
        { studentId: Number(r.id), active: Boolean(r.active), inRound: Boolean(r.in_round) },
      ]),
    );
  },

  async addStudents(
    db: Db,
    id: number,
    academicYear: number,
    filter: { programmeIds: number[]; years: number[]; studentIds: number[] },
  ): Promise<number[]> {
    const ids = new Set<number>(filter.studentIds);
    if (filter.programmeIds.length > 0 || filter.years.length > 0) {
      const programmeCondition =
        filter.programmeIds.length > 0
          ? sql`ce.programme_id in (${sql.join(
              filter.programmeIds.map((p) => sql`${p}`),
              sql`, `,
            )})`
          : sql`true`;
      const yearCondition =
        filter.years.length > 0
          ? sql`ce.year in (${sql.join(
              filter.years.map((y) => sql`${y}`),
              sql`, `,
            )})`
          : sql`true`;
      const found = rowsOf<{ student_id: number }>(
        await db.execute(sql`select ce.student_id from ${currentEnrolments(academicYear)} ce
          where ${programmeCondition} and ${yearCondition}`),
      );
      for (const row of found) ids.add(Number(row.student_id));
    }
    if (ids.size === 0) return [];
    const inserted = await db
      .insert(roundStudents)
      .values([...ids].map((studentId) => ({ roundId: id, studentId })))
      .onConflictDoNothing()
      .returning({ studentId: roundStudents.studentId });
    return inserted.map((x) => x.studentId).sort((a, b) => a - b);
  },

  /** Removes a student from a round with their ranking and the partners' ranks of them. */
  async removeStudent(db: Db, id: number, studentId: number): Promise<boolean> {
    await db
      .delete(roundPartnerRankings)
      .where(and(eq(roundPartnerRankings.roundId, id), eq(roundPartnerRankings.studentId, studentId)));
    await db
      .delete(roundPreferences)
      .where(and(eq(roundPreferences.roundId, id), eq(roundPreferences.studentId, studentId)));
    const removed = await db
      .delete(roundStudents)
      .where(and(eq(roundStudents.roundId, id), eq(roundStudents.studentId, studentId)))
      .returning({ studentId: roundStudents.studentId });
    return removed.length > 0;
  },

  async hasStudent(db: Db, id: number, studentId: number): Promise<boolean> {
    const [row] = await db
      .select({ n: count() })
      .from(roundStudents)
      .where(and(eq(roundStudents.roundId, id), eq(roundStudents.studentId, studentId)));
    return (row?.n ?? 0) > 0;
  },

  /** The round's students with their programme, year and number of choices (a page). */
  async listStudents(
    db: Db,
    id: number,
    academicYear: number,
    params: ListParams & { q?: string | undefined; ranked?: 'yes' | 'no' | undefined; studentIds?: number[] },
  ): Promise<RecordPage<RoundStudentRecord>> {
    const ce = sql`${currentEnrolments(academicYear)}`;
    const choices = sql<number>`(select count(*) from ${roundPreferences} rp
      where rp.round_id = ${id} and rp.student_id = ${students.id})`.mapWith(Number);
    const rows = db
      .select({
        studentId: students.id,
        fullName: students.fullName,
        userId: students.userId,
        programmeId: sql<number | null>`ce.programme_id`,
        programmeCode: sql<string | null>`ce.programme_code`,
        year: sql<number | null>`ce.year`,
        choices,
      })
      .from(roundStudents)
      .innerJoin(students, eq(students.id, roundStudents.studentId))
      .leftJoin(sql`${ce} ce`, sql`ce.student_id = ${students.id}`)
      .$dynamic();
    return listPage(params, {
      rows,
      filters: [
        eq(roundStudents.roundId, id),
        params.studentIds ? inArray(students.id, params.studentIds) : undefined,
        params.ranked === 'yes'
          ? sql`${choices} > 0`
          : params.ranked === 'no'
            ? sql`${choices} = 0`
            : undefined,
        search(params.q, students.fullName),
      ],
      sortable: { fullName: students.fullName, choices },
      fallback: ascending(students.fullName),
      id: students.id,
      present: (list) =>
        list.map((x) => ({
          ...x,
          programmeId: x.programmeId === null ? null : Number(x.programmeId),
          year: x.year === null ? null : Number(x.year),
        })),
    });
  },

  /** The users of the round's students who have an account (to notify them), by user id. */
  async studentUsers(db: Db, id: number): Promise<{ userId: number; email: string; locale: string }[]> {
    return db
      .select({ userId: users.id, email: users.email, locale: users.locale })
      .from(roundStudents)
      .innerJoin(students, eq(students.id, roundStudents.studentId))
      .innerJoin(users, eq(users.id, students.userId))
      .where(and(eq(roundStudents.roundId, id), eq(users.active, true)))
      .orderBy(asc(users.id));
  },

  /** The round's student record of a user (a signed-in student), when they are in the round. */
  async studentOfUser(db: Db, id: number, userId: number): Promise<number | undefined> {
    const [row] = await db
      .select({ id: students.id })
      .from(roundStudents)
      .innerJoin(students, eq(students.id, roundStudents.studentId))
      .where(and(eq(roundStudents.roundId, id), eq(students.userId, userId)));
    return row?.id;
  },

  /** The offers of the round the student may rank: their current programme and year of study are admitted. */
  async eligibleOfferIds(db: Db, id: number, academicYear: number, studentId: number): Promise<number[]> {
    const rows = rowsOf<{ offer_id: number }>(
      await db.execute(sql`select ro.offer_id from ${roundOffers} ro
        join ${practiceOffers} o on o.id = ro.offer_id
        join ${currentEnrolments(academicYear)} ce on ce.student_id = ${studentId}
        where ro.round_id = ${id} and o.status = 'published' and ${offerAdmits(sql`ce.programme_id`, sql`ce.year`)}
        order by ro.offer_id`),
    );
    return rows.map((x) => Number(x.offer_id));
  },

  // ---- Rankings ----

  /** The student's ranking: offer ids, first choice first. */
  async preferences(db: Db, id: number, studentId: number): Promise<number[]> {
    const rows = await db
      .select({ offerId: roundPreferences.offerId })
      .from(roundPreferences)
      .where(and(eq(roundPreferences.roundId, id), eq(roundPreferences.studentId, studentId)))
      .orderBy(asc(roundPreferences.rank));
    return rows.map((x) => x.offerId);
  },

  async replacePreferences(
    db: Db,
    id: number,
    studentId: number,
    offerIds: number[],
    at: Date,
  ): Promise<void> {
    await db
      .delete(roundPreferences)
      .where(and(eq(roundPreferences.roundId, id), eq(roundPreferences.studentId, studentId)));
    if (offerIds.length > 0)
      await db.insert(roundPreferences).values(
        offerIds.map((offerId, i) => ({
          roundId: id,
          studentId,
          offerId,
          rank: i + 1,
          createdAt: at,
          updatedAt: at,
        })),
      );
  },

  /** The students who ranked the offer in the round, with the choice it is for them. */
  async applicants(db: Db, id: number, offerId: number): Promise<{ studentId: number; choice: number }[]> {
    return db
      .select({ studentId: roundPreferences.studentId, choice: roundPreferences.rank })
      .from(roundPreferences)
      .where(and(eq(roundPreferences.roundId, id), eq(roundPreferences.offerId, offerId)))
      .orderBy(asc(roundPreferences.rank), asc(roundPreferences.studentId));
  },

  /** The partner's explicit ranking of the offer's applicants: student ids, best first. */
  async partnerRanking(db: Db, id: number, offerId: number): Promise<number[]> {
    const rows = await db
      .select({ studentId: roundPartnerRankings.studentId })
      .from(roundPartnerRankings)
      .where(and(eq(roundPartnerRankings.roundId, id), eq(roundPartnerRankings.offerId, offerId)))
      .orderBy(asc(roundPartnerRankings.rank));
    return rows.map((x) => x.studentId);
  },

  async replacePartnerRanking(db: Db, id: number, offerId: number, studentIds: number[]): Promise<void> {
    await db
      .delete(roundPartnerRankings)
      .where(and(eq(roundPartnerRankings.roundId, id), eq(roundPartnerRankings.offerId, offerId)));
    if (studentIds.length > 0)
      await db
        .insert(roundPartnerRankings)
        .values(studentIds.map((studentId, i) => ({ roundId: id, offerId, studentId, rank: i + 1 })));
  },

  /** The stored passports' levels of the students (competency id → level). */
  async passportLevels(db: Db, studentIds: number[]): Promise<Map<number, Record<string, number>>> {
    if (studentIds.length === 0) return new Map();
    const rows = await db
      .select({ studentId: competencyPassports.studentId, levels: competencyPassports.levels })
      .from(competencyPassports)
      .where(inArray(competencyPassports.studentId, studentIds));
    return new Map(rows.map((x) => [x.studentId, x.levels]));
  },

  /** Students' first choices per practice type (for the observer's summary). */
  async firstChoicesByType(db: Db, id: number): Promise<{ practiceType: string; count: number }[]> {
    return db
      .select({ practiceType: practiceOffers.practiceType, count: count() })
      .from(roundPreferences)
      .innerJoin(practiceOffers, eq(practiceOffers.id, roundPreferences.offerId))
      .where(and(eq(roundPreferences.roundId, id), eq(roundPreferences.rank, 1)))
      .groupBy(practiceOffers.practiceType)
      .orderBy(asc(practiceOffers.practiceType));
  },
};
