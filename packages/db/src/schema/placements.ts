/**
 * Practice placements (capability 4, DOMAIN §2-§3): partners' offers, allocation rounds with the students' and the
 * partners' rankings, the placements the engine produced and their lifecycle, the tri-partite agreement's sign-offs,
 * the student's journal, the mentor's single-use links and competency assessments (evidence for the passport), and
 * the notification outbox that every capability may write to.
 */
import type {
  GradeLetter,
  JournalStatus,
  Locale,
  NotificationStatus,
  OfferScoring,
  OfferStatus,
  PlacementStatus,
  PracticeType,
  Region,
  RoundStatus,
  SignoffParty,
} from '@kadr/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { obligations } from './agreements.ts';
import { linkTable, money, nullableReference, reference, timestamps } from './columns.ts';
import { competencies } from './competencies.ts';
import { organisations } from './organisations.ts';
import { programmes } from './programmes.ts';
import { enrolments, students } from './students.ts';
import { users } from './users.ts';

/**
 * Places a partner offers for practice. Counted against the agreement obligation "places per year" it names.
 * Money in tiyn (columns.ts); the dual-education terms only for `practice_type = 'dual'`.
 */
export const practiceOffers = pgTable(
  'practice_offers',
  {
    id: serial('id').primaryKey(),
    organisationId: reference('organisation_id', () => organisations.id),
    obligationId: nullableReference('obligation_id', () => obligations.id, { onDelete: 'set null' }),
    titleKk: text('title_kk').notNull().default(''),
    titleRu: text('title_ru').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    descriptionKk: text('description_kk').notNull().default(''),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    practiceType: text('practice_type').$type<PracticeType>().notNull(),
    /** Years of study admitted (1 = first year); empty means any. */
    eligibleYears: integer('eligible_years').array().notNull().default(sql`'{}'::integer[]`),
    // Prerequisites in the partner's words (a safety course, a medical certificate), in the three languages, any
    // of which may be empty (migration 0029 copied the one-language text into all three).
    prerequisitesKk: text('prerequisites_kk').notNull().default(''),
    prerequisitesRu: text('prerequisites_ru').notNull().default(''),
    prerequisitesEn: text('prerequisites_en').notNull().default(''),
    capacity: integer('capacity').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    // Where the practice is, in the three languages, any of which may be empty (as prerequisites).
    locationKk: text('location_kk').notNull().default(''),
    locationRu: text('location_ru').notNull().default(''),
    locationEn: text('location_en').notNull().default(''),
    /** A code of KZ_REGIONS, or null (abroad, or not given); migration 0029 read the free texts into codes. */
    region: text('region').$type<Region>(),
    /** Monthly stipend; null when unpaid. */
    stipendTiyn: money('stipend_tiyn'),
    /** Dual education: share of the time spent at the enterprise, 0..1. */
    dualEnterpriseShare: numeric('dual_enterprise_share', { precision: 3, scale: 2 }),
    /** Dual education: monthly pay of the enterprise mentor. */
    mentorPayTiyn: money('mentor_pay_tiyn'),
    /** The company intends to hire good interns after the practice. */
    hiringIntention: boolean('hiring_intention').notNull().default(false),
    status: text('status').$type<OfferStatus>().notNull().default('draft'),
    createdBy: nullableReference('created_by', () => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('practice_offers_organisation_idx').on(t.organisationId),
    index('practice_offers_obligation_idx').on(t.obligationId),
    check('practice_offers_capacity', sql`${t.capacity} between 1 and 10000`),
    check('practice_offers_period', sql`${t.endsOn} >= ${t.startsOn}`),
    check(
      'practice_offers_dual_share',
      sql`${t.dualEnterpriseShare} is null or (${t.dualEnterpriseShare} > 0 and ${t.dualEnterpriseShare} <= 1)`,
    ),
  ],
);

/** The programmes whose students may take an offer; none listed means every programme. */
export const practiceOfferProgrammes = linkTable('practice_offer_programmes', {
  offerId: reference('offer_id', () => practiceOffers.id, { onDelete: 'cascade' }),
  programmeId: reference('programme_id', () => programmes.id),
});

/** Competencies an offer requires (and the mentor assesses), with the level expected at its end (1-5). */
export const practiceOfferCompetencies = pgTable(
  'practice_offer_competencies',
  {
    offerId: reference('offer_id', () => practiceOffers.id, { onDelete: 'cascade' }),
    competencyId: reference('competency_id', () => competencies.id),
    level: integer('level').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.offerId, t.competencyId] }),
    check('practice_offer_competencies_level', sql`${t.level} between 1 and 5`),
  ],
);

/**
 * An allocation round. `max_choices` bounds a student's ranking. After the engine ran, `preview` holds the
 * presented report (for the officer's preview) and `check_verdict` the checker's verdict; both are kept with the
 * round once published. A later round names the round whose accepted seats it keeps.
 */
export const placementRounds = pgTable(
  'placement_rounds',
  {
    id: serial('id').primaryKey(),
    // The name in the three languages, like an obligation's title (English may be empty).
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull().default(''),
    academicYear: integer('academic_year').notNull(),
    status: text('status').$type<RoundStatus>().notNull().default('draft'),
    maxChoices: integer('max_choices').notNull().default(5),
    previousRoundId: integer('previous_round_id'),
    /** Students rank until then. */
    rankingClosesAt: timestamp('ranking_closes_at', { withTimezone: true }).notNull(),
    /** Partners rank until then. */
    partnerRankingClosesAt: timestamp('partner_ranking_closes_at', { withTimezone: true }).notNull(),
    /** Students accept or decline their place until then. */
    responseClosesAt: timestamp('response_closes_at', { withTimezone: true }).notNull(),
    /** Seed of the engine's lottery, so that a run can be repeated. */
    seed: integer('seed').notNull().default(1),
    preview: jsonb('preview'),
    checkVerdict: jsonb('check_verdict'),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }),
    allocatedBy: nullableReference('allocated_by', () => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: nullableReference('published_by', () => users.id, { onDelete: 'set null' }),
    createdBy: nullableReference('created_by', () => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('placement_rounds_status_idx').on(t.status),
    check('placement_rounds_max_choices', sql`${t.maxChoices} between 1 and 20`),
  ],
);

/** The offers of a round, with the seats they bring to it and how the partner orders its applicants. */
export const roundOffers = linkTable(
  'round_offers',
  {
    roundId: reference('round_id', () => placementRounds.id, { onDelete: 'cascade' }),
    offerId: reference('offer_id', () => practiceOffers.id),
    seats: integer('seats').notNull(),
    scoring: text('scoring').$type<OfferScoring>().notNull().default('gpa'),
    /** For `mix`: the weight of the GPA, 0..1 (the competency fit takes the rest). */
    gpaWeight: numeric('gpa_weight', { precision: 3, scale: 2 }),
  },
  (t) => [check('round_offers_seats', sql`${t.seats} >= 0`)],
);

/** The students eligible in a round. */
export const roundStudents = linkTable('round_students', {
  roundId: reference('round_id', () => placementRounds.id, { onDelete: 'cascade' }),
  studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
});

/** A student's ranking of a round's offers: rank 1 is the first choice. */
export const roundPreferences = pgTable(
  'round_preferences',
  {
    roundId: reference('round_id', () => placementRounds.id, { onDelete: 'cascade' }),
    studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
    offerId: reference('offer_id', () => practiceOffers.id),
    rank: integer('rank').notNull(),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.studentId, t.offerId] }),
    uniqueIndex('round_preferences_rank_key').on(t.roundId, t.studentId, t.rank),
    index('round_preferences_offer_idx').on(t.roundId, t.offerId),
    check('round_preferences_rank', sql`${t.rank} >= 1`),
  ],
);

/** A partner's explicit ranking of the students who chose its offer (scoring `explicit`): rank 1 is the best. */
export const roundPartnerRankings = pgTable(
  'round_partner_rankings',
  {
    roundId: reference('round_id', () => placementRounds.id, { onDelete: 'cascade' }),
    offerId: reference('offer_id', () => practiceOffers.id),
    studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.offerId, t.studentId] }),
    uniqueIndex('round_partner_rankings_rank_key').on(t.roundId, t.offerId, t.rank),
    check('round_partner_rankings_rank', sql`${t.rank} >= 1`),
  ],
);

/**
 * A placement: a student at an offer, from a round's allocation (or arranged directly by the officer, round null).
 * `choice_rank` is the choice the student received; `explanation` the engine's reasons for every choice above it.
 * A university supervisor and a company mentor on every placement once confirmed.
 */
export const placements = pgTable(
  'placements',
  {
    id: serial('id').primaryKey(),
    roundId: nullableReference('round_id', () => placementRounds.id),
    offerId: reference('offer_id', () => practiceOffers.id),
    studentId: reference('student_id', () => students.id, { onDelete: 'cascade' }),
    /**
     * The enrolment (programme version) the practice belongs to: the student's current one when the placement was
     * made. Its assessments and sign-offs are evidence on that enrolment's passport only (docs/passport.md).
     */
    enrolmentId: nullableReference('enrolment_id', () => enrolments.id, { onDelete: 'set null' }),
    status: text('status').$type<PlacementStatus>().notNull().default('offered'),
    choiceRank: integer('choice_rank'),
    explanation: jsonb('explanation'),
    respondBy: timestamp('respond_by', { withTimezone: true }),
    supervisorUserId: nullableReference('supervisor_user_id', () => users.id, { onDelete: 'set null' }),
    mentorUserId: nullableReference('mentor_user_id', () => users.id, { onDelete: 'set null' }),
    mentorName: text('mentor_name').notNull().default(''),
    mentorEmail: text('mentor_email').notNull().default(''),
    /** The student's language for the agreement and messages. */
    locale: text('locale').$type<Locale>().notNull().default('kk'),
    finalPoints: integer('final_points'),
    finalLetter: text('final_letter').$type<GradeLetter>(),
    finalGradePoint: numeric('final_grade_point', { precision: 3, scale: 2 }),
    /** The company hired the student after the practice. */
    hiredOn: date('hired_on', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('placements_round_student_key').on(t.roundId, t.studentId),
    index('placements_offer_idx').on(t.offerId),
    index('placements_student_idx').on(t.studentId),
    index('placements_status_idx').on(t.status),
    check('placements_final_points', sql`${t.finalPoints} is null or ${t.finalPoints} between 0 and 100`),
  ],
);

/** Every transition of a placement, with who made it and when. */
export const placementEvents = pgTable(
  'placement_events',
  {
    id: serial('id').primaryKey(),
    placementId: reference('placement_id', () => placements.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<PlacementStatus>(),
    toStatus: text('to_status').$type<PlacementStatus>().notNull(),
    actorUserId: nullableReference('actor_user_id', () => users.id, { onDelete: 'set null' }),
    /** Who, as printed, when the actor has no account (a mentor through a link). */
    actorName: text('actor_name').notNull().default(''),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('placement_events_placement_idx').on(t.placementId)],
);

/** Who confirmed the tri-partite agreement for each party, and when, with the SHA-256 of the PDF they saw. */
export const placementSignoffs = pgTable(
  'placement_signoffs',
  {
    placementId: reference('placement_id', () => placements.id, { onDelete: 'cascade' }),
    party: text('party').$type<SignoffParty>().notNull(),
    userId: nullableReference('user_id', () => users.id, { onDelete: 'set null' }),
    documentSha256: text('document_sha256').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.party] })],
);

/** The student's practice journal: dated entries with hours, approved or returned by the mentor. */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: serial('id').primaryKey(),
    placementId: reference('placement_id', () => placements.id, { onDelete: 'cascade' }),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    hours: numeric('hours', { precision: 4, scale: 1 }).notNull(),
    body: text('body').notNull(),
    status: text('status').$type<JournalStatus>().notNull().default('submitted'),
    reviewComment: text('review_comment').notNull().default(''),
    reviewedBy: text('reviewed_by').notNull().default(''),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('journal_entries_placement_idx').on(t.placementId, t.entryDate),
    check('journal_entries_hours', sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);

/**
 * A single-use, expiring link for a mentor without an account. Only the SHA-256 of the token is stored;
 * `used_at` is set when the mentor submits through it.
 */
export const mentorLinks = pgTable(
  'mentor_links',
  {
    id: serial('id').primaryKey(),
    placementId: reference('placement_id', () => placements.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: nullableReference('created_by', () => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mentor_links_token_key').on(t.tokenHash),
    index('mentor_links_placement_idx').on(t.placementId),
  ],
);

/** A mentor's assessment of one required competency of a placement: evidence for the passport. */
export const practiceAssessments = pgTable(
  'practice_assessments',
  {
    id: serial('id').primaryKey(),
    placementId: reference('placement_id', () => placements.id, { onDelete: 'cascade' }),
    competencyId: reference('competency_id', () => competencies.id),
    level: integer('level').notNull(),
    comment: text('comment').notNull().default(''),
    assessorName: text('assessor_name').notNull(),
    assessorUserId: nullableReference('assessor_user_id', () => users.id, { onDelete: 'set null' }),
    mentorLinkId: nullableReference('mentor_link_id', () => mentorLinks.id, { onDelete: 'set null' }),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('practice_assessments_key').on(t.placementId, t.competencyId),
    check('practice_assessments_level', sql`${t.level} between 1 and 5`),
  ],
);

/**
 * The notification outbox: written in the transaction of the change it reports, delivered by SMTP when one is
 * configured, retried with back-off while `pending`; nothing is lost when the SMTP server is down.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    /** What it is about, such as `round-opened`, `round-results`, `mentor-link`. */
    kind: text('kind').notNull(),
    recipientUserId: nullableReference('recipient_user_id', () => users.id, { onDelete: 'set null' }),
    recipientEmail: text('recipient_email').notNull(),
    locale: text('locale').$type<Locale>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The record it is about, such as `round:3` or `placement:12`. */
    ref: text('ref').notNull().default(''),
    status: text('status').$type<NotificationStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error').notNull().default(''),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
    index('notifications_recipient_idx').on(t.recipientUserId),
  ],
);
