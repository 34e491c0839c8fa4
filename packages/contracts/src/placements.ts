/**
 * Practice placements (DESIGN.md capability 4, DOMAIN §2 and §3): the vocabularies shared by the database, the
 * API and the web. Offers, rounds, placements, journals, mentor assessments and the notification outbox.
 * The request and response schemas of each part live beside these as they are built.
 */
import { z } from 'zod';
import { NOTIFICATION_STATUSES, OFFER_SCORINGS, OFFER_STATUSES, ROUND_STATUSES } from './vocabularies.ts';

// These lists live in vocabularies.ts, which loads no zod (the web's pages take them there).
export { NOTIFICATION_STATUSES };

// Practice types (educational, industrial, pre-diploma, research, dual) are the programmes' PRACTICE_TYPES.

// The lists of statuses and scorings live in vocabularies.ts, which loads no zod (the web's lists take them there).
export { OFFER_SCORINGS, OFFER_STATUSES, ROUND_STATUSES };

export const offerStatusSchema = z.enum(OFFER_STATUSES);
export type OfferStatus = z.infer<typeof offerStatusSchema>;

export const roundStatusSchema = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof roundStatusSchema>;

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

export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;
