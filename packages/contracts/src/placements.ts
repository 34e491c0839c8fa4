/**
 * Practice placements (DESIGN.md capability 4, DOMAIN §2 and §3): the vocabularies shared by the database, the
 * API and the web. Offers, rounds, placements, journals, mentor assessments and the notification outbox.
 * The request and response schemas of each part live beside these as they are built.
 */
import { z } from 'zod';

// Practice types (educational, industrial, pre-diploma, research, dual) are the programmes' PRACTICE_TYPES.

/** An offer is drafted, then published (it can enter rounds), and withdrawn when the company takes it back. */
export const OFFER_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const offerStatusSchema = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

/**
 * A round: drafted by the officer, open for the students' ranking, closed (partners rank, the officer runs the
 * engine and previews), published (placements written, atomically), archived once its placements are settled.
 */
export const ROUND_STATUSES = ['draft', 'open', 'closed', 'published', 'archived'] as const;
export const roundStatusSchema = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof roundStatusSchema>;

/**
 * How a partner orders the students who chose its offer: its own explicit ranking, or a scoring policy computed
 * from what each student consented to share (GPA, competency fit from the passport, or a weighted mix).
 */
export const OFFER_SCORINGS = ['explicit', 'gpa', 'competency-fit', 'mix'] as const;
export const offerScoringSchema = z.enum(OFFER_SCORINGS);
export type OfferScoring = z.infer<typeof offerScoringSchema>;

/** The placement lifecycle; `declined` is a student's refusal of an offered place. */
export const PLACEMENT_STATUSES = [
  'offered',
  'confirmed',
  'in-progress',
  'completed',
  'declined',
  'withdrawn',
] as const;
export const placementStatusSchema = z.enum(PLACEMENT_STATUSES);
export type PlacementStatus = z.infer<typeof placementStatusSchema>;

/** The parties of the tri-partite practice agreement. */
export const SIGNOFF_PARTIES = ['university', 'company', 'student'] as const;
export const signoffPartySchema = z.enum(SIGNOFF_PARTIES);
export type SignoffParty = z.infer<typeof signoffPartySchema>;

/** A journal entry is submitted by the student, then approved or returned by the mentor. */
export const JOURNAL_STATUSES = ['submitted', 'approved', 'returned'] as const;
export const journalStatusSchema = z.enum(JOURNAL_STATUSES);
export type JournalStatus = z.infer<typeof journalStatusSchema>;

/** Outbox states: pending (to send or to retry), sent, failed (retries exhausted). */
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;
