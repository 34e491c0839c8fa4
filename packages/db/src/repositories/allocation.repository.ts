/**
 * Allocation of a placement round (issue 12 item 2): what the engine's input is built from (the round's offers,
 * students, rankings, GPAs, passports and consents, and the seats kept from earlier rounds), the stored preview,
 * the atomic publication of placements, the results students and partners read, accept/decline, the next round.
 */
import type { ConsentScope, OfferScoring, PlacementStatus, RoundStatus } from '@kadr/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { MissingReferenceError } from '../bulk-references.ts';
import type { Db } from '../client.ts';
import { chunks } from './unnest.ts';

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Names as stored, in the three languages. */
export interface Names {
  kk: string;
  ru: string;
  en: string;
}

/** The `name_kk`, `name_ru` and `name_en` columns of a row read with SQL. */
function namesOf(row: Record<string, unknown>): Names {
  return { kk: String(row.name_kk), ru: String(row.name_ru), en: String(row.name_en) };
}

/** A round as allocation reads it. */
export interface AllocationRound {
  id: number;
  name: Names;
  academicYear: number;
  status: RoundStatus;
  previousRoundId: number | null;
  responseClosesAt: Date;
  seed: number;
  allocatedAt: Date | null;
  publishedAt: Date | null;
  hasPreview: boolean;
  checkVerdict: unknown;
}

/** An offer of a round with what its ranking needs. */
export interface AllocationOffer {
  offerId: number;
  organisationId: number;
  seats: number;
  scoring: OfferScoring;
  gpaWeight: number | null;
  eligibleYears: number[];
  programmeIds: number[];
  competencies: { competencyId: number; level: number }[];
}

/** A student of a round with their current programme. */
export interface AllocationStudent {
  studentId: number;
  programmeId: number | null;
  admissionYear: number | null;
}

/** Everything the engine's input is built from. */
export interface AllocationData {
  offers: AllocationOffer[];
  students: AllocationStudent[];
  /** Ranks, best first, by student. */
  preferences: { studentId: number; offerId: number; rank: number }[];
  partnerRankings: { offerId: number; studentId: number; rank: number }[];
  /** Credits and credit-weighted grade points over the last attempt of each discipline. */
  results: { studentId: number; credits: number; weighted: number }[];
  passports: { studentId: number; levels: Record<string, number> }[];
  /** Consents current on the day, to the round's partners only. */
  consents: { studentId: number; organisationId: number; scopes: ConsentScope[] }[];
  /** Seats taken in earlier rounds of the chain and not given up. */
  kept: { studentId: number; offerId: number }[];
}

/** A placement to write at publication. */
export interface NewPlacement {
  offerId: number;
  studentId: number;
  choiceRank: number | null;
  explanation: unknown;
  locale: string;
}

/** A placement with its round, for the student's answer. */
export interface RespondablePlacement {
  id: number;
  studentId: number;
  studentUserId: number | null;
  status: PlacementStatus;
  respondBy: Date | null;
  roundId: number | null;
}

/** One row of the results of a round. */
export interface PlacedRow {
  placementId: number;
  offerId: number;
  studentId: number;
  status: PlacementStatus;
  choiceRank: number | null;
  fullName: string;
  email: string;
}

const KEPT_STATUSES = `'offered', 'confirmed', 'in-progress', 'completed'`;

export const allocationRepository = {
  async findRound(db: Db, id: number): Promise<AllocationRound | undefined> {
    const [row] = await rows<Record<string, unknown>>(
      db,
      sql`select id, name_kk, name_ru, name_en, academic_year, status, previous_round_id, response_closes_at, seed, allocated_at,
        published_at, preview is not null as has_preview, check_verdict
      from placement_rounds where id = ${id}`,
    );
    if (!row) return undefined;
    return {
      id: Number(row.id),
      name: namesOf(row),
      academicYear: Number(row.academic_year),
      status: row.status as RoundStatus,
      previousRoundId: row.previous_round_id === null ? null : Number(row.previous_round_id),
      responseClosesAt: new Date(row.response_closes_at as string),
      seed: Number(row.seed),
      allocatedAt: row.allocated_at === null ? null : new Date(row.allocated_at as string),
      publishedAt: row.published_at === null ? null : new Date(row.published_at as string),
      hasPreview: Boolean(row.has_preview),
      checkVerdict: row.check_verdict,
    };
  },

  /** Rounds in the given statuses, newest first. */
  async listRounds(
    db: Db,
    statuses: readonly RoundStatus[],
  ): Promise<
    {
      id: number;
      name: Names;
      status: RoundStatus;
      allocatedAt: Date | null;
      publishedAt: Date | null;
      responseClosesAt: Date;
    }[]
  > {
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select id, name_kk, name_ru, name_en, status, allocated_at, published_at, response_closes_at from placement_rounds
      where status = any(${sql.param([...statuses])}::text[]) order by id desc limit 200`,
    );
    return found.map((r) => ({
      id: Number(r.id),
      name: namesOf(r),
      status: r.status as RoundStatus,
      allocatedAt: r.allocated_at === null ? null : new Date(r.allocated_at as string),
      publishedAt: r.published_at === null ? null : new Date(r.published_at as string),
      responseClosesAt: new Date(r.response_closes_at as string),
    }));
  },

  /** Locks the round's row until the end of the transaction (runs and publications of one round queue). */
  async lockRound(db: Db, id: number): Promise<void> {
    await db.execute(sql`select id from placement_rounds where id = ${id} for update`);
  },

  /**
   * A digest of what the allocation depends on: the round's offers and seats, its students, the students'
   * rankings and the partners' rankings. A preview whose digest differs from the current one is stale.
   */
  async fingerprint(db: Db, roundId: number): Promise<string> {
    const [row] = await rows<{ digest: string }>(
      db,
      sql`select md5(concat_ws('|',
        (select string_agg(offer_id || ':' || seats || ':' || scoring || ':' || coalesce(gpa_weight::text, ''), ',' order by offer_id) from round_offers where round_id = ${roundId}),
        (select string_agg(student_id::text, ',' order by student_id) from round_students where round_id = ${roundId}),
        (select string_agg(student_id || ':' || offer_id || ':' || rank, ',' order by student_id, rank) from round_preferences where round_id = ${roundId}),
        (select string_agg(offer_id || ':' || student_id || ':' || rank, ',' order by offer_id, rank) from round_partner_rankings where round_id = ${roundId})
      )) as digest`,
    );
    return row!.digest;
  },

  /** Loads what the engine's input is built from; consents as current on `today`. */
  async loadData(db: Db, round: AllocationRound, today: string): Promise<AllocationData> {
    const id = round.id;
    const offers = await rows<Record<string, unknown>>(
      db,
      sql`select ro.offer_id, o.organisation_id, ro.seats, ro.scoring, ro.gpa_weight::float8 as gpa_weight,
        o.eligible_years,
        coalesce((select array_agg(p.programme_id) from practice_offer_programmes p where p.offer_id = ro.offer_id), '{}') as programme_ids,
        coalesce((select json_agg(json_build_object('competencyId', c.competency_id, 'level', c.level))
          from practice_offer_competencies c where c.offer_id = ro.offer_id), '[]') as competencies
      from round_offers ro join practice_offers o on o.id = ro.offer_id
      where ro.round_id = ${id} order by ro.offer_id`,
    );
    const students = await rows<Record<string, unknown>>(
      db,
      // The student's current active enrolment, as the rounds' eligibility reads it (the latest when several).
      sql`select distinct on (rs.student_id) rs.student_id, v.programme_id, e.admission_year
      from round_students rs
      left join enrolments e on e.student_id = rs.student_id and e.status = 'active'
      left join programme_versions v on v.id = e.version_id
      where rs.round_id = ${id} order by rs.student_id, e.enrolled_on desc nulls last, e.id desc nulls last`,
    );
    // Rankings and consents come one row per student or offer with arrays: materialising tens of thousands of row
    // objects is what costs on PGlite (as passport.repository.ts reads results).
    const preferences = await rows<{ student_id: number; offers: number[]; ranks: number[] }>(
      db,
      sql`select student_id, array_agg(offer_id order by rank) as offers, array_agg(rank order by rank) as ranks
      from round_preferences where round_id = ${id} group by student_id`,
    );
    const partnerRankings = await rows<{ offer_id: number; students: number[]; ranks: number[] }>(
      db,
      sql`select offer_id, array_agg(student_id order by rank) as students, array_agg(rank order by rank) as ranks
      from round_partner_rankings where round_id = ${id} group by offer_id`,
    );
    const results = await rows<Record<string, unknown>>(
      db,
      sql`select l.student_id, sum(d.credits)::float8 as credits, sum(d.credits * l.grade_point)::float8 as weighted
      from (select distinct on (r.student_id, r.discipline_id) r.student_id, r.discipline_id, r.grade_point
        from discipline_results r join round_students rs on rs.student_id = r.student_id and rs.round_id = ${id}
        order by r.student_id, r.discipline_id, r.attempt desc) l
      join disciplines d on d.id = l.discipline_id
      group by l.student_id`,
    );
    const passports = await rows<Record<string, unknown>>(
      db,
      sql`select p.student_id, p.levels from competency_passports p
      join round_students rs on rs.student_id = p.student_id and rs.round_id = ${id}`,
    );
    const consents = await rows<Record<string, unknown>>(
      db,
      sql`select c.student_id, array_agg(c.organisation_id) as organisations,
        array_agg(array_to_string(c.scopes, ',')) as scopes from consents c
      join round_students rs on rs.student_id = c.student_id and rs.round_id = ${id}
      where c.revoked_at is null and c.given_on <= ${today} and (c.valid_until is null or c.valid_until >= ${today})
        and c.organisation_id in (select o.organisation_id from round_offers ro
          join practice_offers o on o.id = ro.offer_id where ro.round_id = ${id})
      group by c.student_id`,
    );
    const kept =
      round.previousRoundId === null
        ? []
        : await rows<Record<string, unknown>>(
            db,
            sql`with recursive chain(id, previous, depth) as (
              select id, previous_round_id, 0 from placement_rounds where id = ${round.previousRoundId}
              union all
              select r.id, r.previous_round_id, c.depth + 1 from placement_rounds r join chain c on r.id = c.previous
              where c.depth < 50)
            select distinct on (p.student_id) p.student_id, p.offer_id from placements p
            where p.round_id in (select id from chain) and p.status in (${sql.raw(KEPT_STATUSES)})
              and p.offer_id in (select offer_id from round_offers where round_id = ${id})
            order by p.student_id, p.id desc`,
          );
    return {
      offers: offers.map((o) => ({
        offerId: Number(o.offer_id),
        organisationId: Number(o.organisation_id),
        seats: Number(o.seats),
        scoring: o.scoring as OfferScoring,
        gpaWeight: o.gpa_weight === null ? null : Number(o.gpa_weight),
        eligibleYears: (o.eligible_years as number[]).map(Number),
        programmeIds: (o.programme_ids as number[]).map(Number),
        competencies: parseJson(o.competencies) as AllocationOffer['competencies'],
      })),
      students: students.map((s) => ({
        studentId: Number(s.student_id),
        programmeId: s.programme_id === null ? null : Number(s.programme_id),
        admissionYear: s.admission_year === null ? null : Number(s.admission_year),
      })),
      preferences: preferences.flatMap((p) =>
        p.offers.map((offerId, k) => ({
          studentId: Number(p.student_id),
          offerId: Number(offerId),
          rank: Number(p.ranks[k]),
        })),
      ),
      partnerRankings: partnerRankings.flatMap((p) =>
        p.students.map((studentId, k) => ({
          offerId: Number(p.offer_id),
          studentId: Number(studentId),
          rank: Number(p.ranks[k]),
        })),
      ),
      results: results.map((r) => ({
        studentId: Number(r.student_id),
        credits: Number(r.credits),
        weighted: Number(r.weighted),
      })),
      passports: passports.map((p) => ({
        studentId: Number(p.student_id),
        levels: parseJson(p.levels) as Record<string, number>,
      })),
      consents: consents.flatMap((c) =>
        (c.organisations as number[]).map((organisationId, k) => ({
          studentId: Number(c.student_id),
          organisationId: Number(organisationId),
          scopes: String((c.scopes as string[])[k])
            .split(',')
            .filter(Boolean) as ConsentScope[],
        })),
      ),
      kept: kept.map((k) => ({ studentId: Number(k.student_id), offerId: Number(k.offer_id) })),
    };
  },

  /** Stores the preview and the checker's verdict of a run. */
  async savePreview(
    db: Db,
    roundId: number,
    values: { preview: unknown; verdict: unknown; at: Date; by: number | null },
  ): Promise<void> {
    await db.execute(
      sql`update placement_rounds set preview = ${JSON.stringify(values.preview)}::jsonb,
        check_verdict = ${JSON.stringify(values.verdict)}::jsonb, allocated_at = ${values.at.toISOString()},
        allocated_by = ${values.by}, updated_at = ${values.at.toISOString()} where id = ${roundId}`,
    );
  },

  /** The stored preview's statistics and digest, without the outcomes. */
  async previewStats(db: Db, roundId: number): Promise<{ fingerprint: string; stats: unknown } | undefined> {
    const [row] = await rows<{ fingerprint: string | null; stats: unknown }>(
      db,
      sql`select preview->>'fingerprint' as fingerprint, preview->'stats' as stats from placement_rounds
      where id = ${roundId} and preview is not null`,
    );
    return row ? { fingerprint: String(row.fingerprint), stats: parseJson(row.stats) } : undefined;
  },

  /** The stored preview of a round (the whole document: its outcomes too). */
  async preview(db: Db, roundId: number): Promise<unknown> {
    const [row] = await rows<{ preview: unknown }>(
      db,
      sql`select preview from placement_rounds where id = ${roundId}`,
    );
    return row ? parseJson(row.preview) : null;
  },

  /** The students' names and their current programmes' names, for the preview's statistics. */
  async studentFacts(
    db: Db,
    roundId: number,
  ): Promise<{ studentId: number; fullName: string; programmeId: number | null; programme: Names | null }[]> {
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select rs.student_id, s.full_name, p.id as programme_id, p.name_kk, p.name_ru, p.name_en
      from round_students rs join students s on s.id = rs.student_id
      left join enrolments e on e.student_id = rs.student_id and e.status in ('active', 'on-leave')
      left join programme_versions v on v.id = e.version_id
      left join programmes p on p.id = v.programme_id
      where rs.round_id = ${roundId}`,
    );
    return found.map((r) => ({
      studentId: Number(r.student_id),
      fullName: String(r.full_name),
      programmeId: r.programme_id === null ? null : Number(r.programme_id),
      programme:
        r.programme_id === null ? null : { kk: `${r.name_kk}`, ru: `${r.name_ru}`, en: `${r.name_en}` },
    }));
  },

  /** The partners of a round's offers, with their names. */
  async offerOwners(
    db: Db,
    roundId: number,
    filter: { organisationId?: number | undefined; offerId?: number | undefined } = {},
  ): Promise<{ offerId: number; organisationId: number; name: Names; title: Names; seats: number }[]> {
    const byOrganisation =
      filter.organisationId === undefined ? sql`` : sql` and o.organisation_id = ${filter.organisationId}`;
    const byOffer = filter.offerId === undefined ? sql`` : sql` and ro.offer_id = ${filter.offerId}`;
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select ro.offer_id, ro.seats, o.organisation_id, g.name_kk, g.name_ru, g.name_en,
        o.title_kk, o.title_ru, o.title_en
      from round_offers ro join practice_offers o on o.id = ro.offer_id
      join organisations g on g.id = o.organisation_id
      where ro.round_id = ${roundId}${byOrganisation}${byOffer} order by ro.offer_id`,
    );
    return found.map((r) => ({
      offerId: Number(r.offer_id),
      organisationId: Number(r.organisation_id),
      seats: Number(r.seats),
      name: { kk: `${r.name_kk}`, ru: `${r.name_ru}`, en: `${r.name_en}` },
      title: { kk: `${r.title_kk}`, ru: `${r.title_ru}`, en: `${r.title_en}` },
    }));
  },

  /** The students' languages (their accounts' locale, `kk` without an account) and accounts. */
  async studentAccounts(
    db: Db,
    studentIds: number[],
  ): Promise<{ studentId: number; userId: number | null; email: string; locale: string }[]> {
    if (studentIds.length === 0) return [];
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select s.id, u.id as user_id, coalesce(nullif(u.email, ''), s.email) as email, coalesce(u.locale, 'kk') as locale
      from students s left join users u on u.id = s.user_id
      where s.id = any(${sql.param(studentIds)}::int[])`,
    );
    return found.map((r) => ({
      studentId: Number(r.id),
      userId: r.user_id === null ? null : Number(r.user_id),
      email: String(r.email),
      locale: String(r.locale),
    }));
  },

  /**
   * Writes the placements (status offered) with their events, the unplaced students' explanations and the
   * round's publication, in the caller's transaction.
   * @returns the ids of the new placements, in input order
   */
  async publish(
    db: Db,
    roundId: number,
    values: {
      placements: NewPlacement[];
      unplaced: { studentId: number; explanation: unknown }[];
      respondBy: Date;
      at: Date;
      by: number | null;
      verdict: unknown;
    },
  ): Promise<number[]> {
    const at = values.at.toISOString();
    const ids: number[] = [];
    // Every reference is checked as a set (joins, counts), so that the per-row foreign-key triggers may be off on
    // PGlite (withSetCheckedReferences); on PostgreSQL the triggers check them again.
    const [known] = await rows<{ ok: boolean }>(
      db,
      sql`select exists (select 1 from placement_rounds where id = ${roundId})
        and (${values.by}::int is null or exists (select 1 from users where id = ${values.by}::int)) as ok`,
    );
    if (!known?.ok) throw new MissingReferenceError('the round or the publishing user');
    // Each batch is one JSON document parsed by the server (a jsonb[] parameter of thousands of explanations
    // costs several times more to send and parse), and one statement writes the placements and their events.
    for (const batch of chunks(values.placements)) {
      const document = JSON.stringify(
        batch.map((p) => ({ o: p.offerId, s: p.studentId, c: p.choiceRank, x: p.explanation, l: p.locale })),
      );
      const created = await rows<{ id: number }>(
        db,
        sql`with ins as (
          insert into placements (round_id, offer_id, student_id, enrolment_id, status, choice_rank, explanation,
            respond_by, locale, created_at, updated_at)
          select ${roundId}, o.id, s.id, en.id, 'offered', (e->>'c')::int, e->'x',
            ${values.respondBy.toISOString()}::timestamptz, e->>'l', ${at}::timestamptz, ${at}::timestamptz
          from jsonb_array_elements(${document}::jsonb) with ordinality as t(e, n)
          join practice_offers o on o.id = (e->>'o')::int
          join students s on s.id = (e->>'s')::int
          -- the student's current enrolment (at most one is active or on leave): the passport the practice feeds
          left join enrolments en on en.student_id = s.id and en.status in ('active', 'on-leave')
          order by n
          returning id),
        events as (
          insert into placement_events (placement_id, to_status, actor_user_id, note, at)
          select id, 'offered', ${values.by}::int, 'round published', ${at}::timestamptz from ins)
        select id from ins`,
      );
      if (created.length !== batch.length) throw new MissingReferenceError('an offer or a student');
      ids.push(...created.map((r) => Number(r.id)).sort((a, b) => a - b));
    }
    for (const batch of chunks(values.unplaced)) {
      const document = JSON.stringify(batch.map((u) => ({ s: u.studentId, x: u.explanation })));
      const [written] = await rows<{ count: number }>(
        db,
        sql`with ins as (
          insert into round_unplaced (round_id, student_id, explanation)
          select ${roundId}, s.id, e->'x' from jsonb_array_elements(${document}::jsonb) as t(e)
          join students s on s.id = (e->>'s')::int
          returning 1)
        select count(*)::int as count from ins`,
      );
      if (Number(written?.count) !== batch.length) throw new MissingReferenceError('a student');
    }
    await db.execute(
      sql`update placement_rounds set status = 'published', published_at = ${at}, published_by = ${values.by},
        check_verdict = ${JSON.stringify(values.verdict)}::jsonb, updated_at = ${at} where id = ${roundId}`,
    );
    return ids;
  },

  /** The student's record id for a user account. */
  async studentOfUser(db: Db, userId: number): Promise<number | undefined> {
    const [row] = await rows<{ id: number }>(db, sql`select id from students where user_id = ${userId}`);
    return row ? Number(row.id) : undefined;
  },

  /** A student's outcomes in published rounds, newest first. */
  async studentOutcomes(
    db: Db,
    studentId: number,
  ): Promise<
    {
      roundId: number;
      roundName: Names;
      publishedAt: Date;
      responseClosesAt: Date;
      placement: {
        id: number;
        offerId: number;
        status: PlacementStatus;
        choiceRank: number | null;
        respondBy: Date | null;
        title: Names;
        organisation: Names;
      } | null;
      explanation: unknown;
    }[]
  > {
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select r.id as round_id, r.name_kk as round_name_kk, r.name_ru as round_name_ru,
        r.name_en as round_name_en, r.published_at, r.response_closes_at,
        p.id as placement_id, p.offer_id, p.status, p.choice_rank, p.respond_by,
        coalesce(p.explanation, u.explanation) as explanation,
        o.title_kk, o.title_ru, o.title_en, g.name_kk, g.name_ru, g.name_en
      from placement_rounds r
      left join placements p on p.round_id = r.id and p.student_id = ${studentId}
      left join round_unplaced u on u.round_id = r.id and u.student_id = ${studentId}
      left join practice_offers o on o.id = p.offer_id
      left join organisations g on g.id = o.organisation_id
      where r.status in ('published', 'archived') and (p.id is not null or u.student_id is not null)
      order by r.published_at desc, r.id desc`,
    );
    return found.map((r) => ({
      roundId: Number(r.round_id),
      roundName: { kk: `${r.round_name_kk}`, ru: `${r.round_name_ru}`, en: `${r.round_name_en}` },
      publishedAt: new Date(r.published_at as string),
      responseClosesAt: new Date(r.response_closes_at as string),
      placement:
        r.placement_id === null
          ? null
          : {
              id: Number(r.placement_id),
              offerId: Number(r.offer_id),
              status: r.status as PlacementStatus,
              choiceRank: r.choice_rank === null ? null : Number(r.choice_rank),
              respondBy: r.respond_by === null ? null : new Date(r.respond_by as string),
              title: { kk: `${r.title_kk}`, ru: `${r.title_ru}`, en: `${r.title_en}` },
              organisation: { kk: `${r.name_kk}`, ru: `${r.name_ru}`, en: `${r.name_en}` },
            },
      explanation: parseJson(r.explanation),
    }));
  },

  /** Titles of offers by id. */
  async offerTitles(db: Db, offerIds: number[]): Promise<Map<number, Names>> {
    if (offerIds.length === 0) return new Map();
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select id, title_kk, title_ru, title_en from practice_offers where id = any(${sql.param(offerIds)}::int[])`,
    );
    return new Map(
      found.map((r) => [Number(r.id), { kk: `${r.title_kk}`, ru: `${r.title_ru}`, en: `${r.title_en}` }]),
    );
  },

  /** The placements of a round at the given offers (all offers when `offerIds` is undefined). */
  async roundResults(db: Db, roundId: number, offerIds: number[] | undefined): Promise<PlacedRow[]> {
    const filter = offerIds === undefined ? sql`` : sql` and p.offer_id = any(${sql.param(offerIds)}::int[])`;
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select p.id, p.offer_id, p.student_id, p.status, p.choice_rank, s.full_name, s.email
      from placements p join students s on s.id = p.student_id
      where p.round_id = ${roundId}${filter} order by p.offer_id, p.choice_rank nulls last, s.full_name, p.id`,
    );
    return found.map((r) => ({
      placementId: Number(r.id),
      offerId: Number(r.offer_id),
      studentId: Number(r.student_id),
      status: r.status as PlacementStatus,
      choiceRank: r.choice_rank === null ? null : Number(r.choice_rank),
      fullName: String(r.full_name),
      email: String(r.email),
    }));
  },

  /** The consents current on `on` of the students to one organisation. */
  async consentsTo(
    db: Db,
    studentIds: number[],
    organisationId: number,
    on: string,
  ): Promise<Map<number, ConsentScope[]>> {
    if (studentIds.length === 0) return new Map();
    const found = await rows<Record<string, unknown>>(
      db,
      sql`select student_id, scopes from consents
      where student_id = any(${sql.param(studentIds)}::int[]) and organisation_id = ${organisationId}
        and revoked_at is null and given_on <= ${on} and (valid_until is null or valid_until >= ${on})`,
    );
    const out = new Map<number, ConsentScope[]>();
    for (const r of found) {
      const id = Number(r.student_id);
      out.set(id, [...new Set([...(out.get(id) ?? []), ...(r.scopes as ConsentScope[])])]);
    }
    return out;
  },

  /** A placement with what the student's answer checks. */
  async findPlacement(db: Db, id: number): Promise<RespondablePlacement | undefined> {
    const [row] = await rows<Record<string, unknown>>(
      db,
      sql`select p.id, p.student_id, s.user_id, p.status, p.respond_by, p.round_id
      from placements p join students s on s.id = p.student_id where p.id = ${id} for update of p`,
    );
    if (!row) return undefined;
    return {
      id: Number(row.id),
      studentId: Number(row.student_id),
      studentUserId: row.user_id === null ? null : Number(row.user_id),
      status: row.status as PlacementStatus,
      respondBy: row.respond_by === null ? null : new Date(row.respond_by as string),
      roundId: row.round_id === null ? null : Number(row.round_id),
    };
  },

  /** Moves a placement to `to`, with its event. */
  async transition(
    db: Db,
    placement: RespondablePlacement,
    to: PlacementStatus,
    by: { userId: number | null; at: Date; note: string },
  ): Promise<void> {
    const at = by.at.toISOString();
    await db.execute(
      sql`update placements set status = ${to}, updated_at = ${at} where id = ${placement.id}`,
    );
    await db.execute(
      sql`insert into placement_events (placement_id, from_status, to_status, actor_user_id, note, at)
      values (${placement.id}, ${placement.status}, ${to}, ${by.userId}, ${by.note}, ${at})`,
    );
  },

  /**
   * Creates the round after a published one: closed (ready to run), the same offers and seats, the students
   * left without a place (not those who declined) with their rankings and the partners' rankings of them.
   */
  async createNextRound(
    db: Db,
    previous: AllocationRound,
    values: { name: Names; responseClosesAt: Date; at: Date; by: number | null },
  ): Promise<{ id: number; students: number; offers: number }> {
    const at = values.at.toISOString();
    const [created] = await rows<{ id: number }>(
      db,
      sql`insert into placement_rounds (name_kk, name_ru, name_en, academic_year, status, max_choices, previous_round_id,
        ranking_closes_at, partner_ranking_closes_at, response_closes_at, seed, created_by, created_at, updated_at)
      select ${values.name.kk}, ${values.name.ru}, ${values.name.en}, academic_year, 'closed', max_choices, id, ${at}, ${at},
        ${values.responseClosesAt.toISOString()}, seed, ${values.by}, ${at}, ${at}
      from placement_rounds where id = ${previous.id} returning id`,
    );
    const id = Number(created!.id);
    const offers = await rows<{ n: number }>(
      db,
      sql`with ins as (insert into round_offers (round_id, offer_id, seats, scoring, gpa_weight)
        select ${id}, offer_id, seats, scoring, gpa_weight from round_offers where round_id = ${previous.id} returning 1)
      select count(*)::int as n from ins`,
    );
    const students = await rows<{ n: number }>(
      db,
      sql`with ins as (insert into round_students (round_id, student_id)
        select ${id}, rs.student_id from round_students rs where rs.round_id = ${previous.id}
          and not exists (select 1 from placements p where p.round_id = ${previous.id} and p.student_id = rs.student_id)
        returning 1)
      select count(*)::int as n from ins`,
    );
    await db.execute(
      sql`insert into round_preferences (round_id, student_id, offer_id, rank, created_at, updated_at)
      select ${id}, p.student_id, p.offer_id, p.rank, ${at}, ${at} from round_preferences p
      join round_students rs on rs.round_id = ${id} and rs.student_id = p.student_id
      where p.round_id = ${previous.id}`,
    );
    await db.execute(
      sql`insert into round_partner_rankings (round_id, offer_id, student_id, rank)
      select ${id}, k.offer_id, k.student_id, row_number() over (partition by k.offer_id order by k.rank)
      from round_partner_rankings k join round_students rs on rs.round_id = ${id} and rs.student_id = k.student_id
      where k.round_id = ${previous.id}`,
    );
    return { id, students: Number(students[0]!.n), offers: Number(offers[0]!.n) };
  },
};

/** PGlite answers json as objects, node-postgres too; a string (some drivers) is parsed. */
function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
