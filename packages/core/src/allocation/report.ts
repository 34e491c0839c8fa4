/**
 * The JSON report of an allocation: what is published and what the checker verifies.
 * Ranks and choices are 1-based; scores and tickets are copied from the input and the lottery.
 */
import type { IneligibleRule } from './eligibility.ts';
import type { UnfilledFate } from './model.ts';

/** The lowest admitted applicant of a pool. */
export interface CutoffReport {
  readonly applicant: string;
  /** Score of that applicant (score-ranked targets). */
  readonly score?: number;
  /** Position in the pool's ranking (score) or in the target's explicit ranking, 1-based. */
  readonly rank: number;
}

/** One pool of a target after allocation. */
export interface PoolReport {
  readonly id: string;
  readonly category?: string;
  readonly region?: string;
  /** Fate of unfilled seats (reserved pools only). */
  readonly unfilled?: UnfilledFate;
  /** Seats from the capacity and the quota rule. */
  readonly nominal: number;
  /** Seats after unfilled quota seats moved (kept seats included). */
  readonly capacity: number;
  /** Seats taken, kept seats included. */
  readonly filled: number;
  /** Seats held from earlier rounds. */
  readonly kept: number;
  /** Seats this pool gave to (negative) or received from (positive) reserved pools. */
  readonly moved: number;
  readonly cutoff: CutoffReport | null;
}

/** One target after allocation. */
export interface TargetReport {
  readonly id: string;
  readonly capacity: number;
  readonly filled: number;
  readonly pools: readonly PoolReport[];
}

/** Why a choice (or one pool of it) above the received one was not given. */
export type ReasonReport =
  | {
      readonly choice: number;
      readonly target: string;
      readonly reason: 'ineligible';
      readonly rule: IneligibleRule;
      readonly subject?: string;
      readonly value?: number | string;
      readonly required?: number | string;
      /** How far below the minimum (thresholds only). */
      readonly shortBy?: number;
    }
  | { readonly choice: number; readonly target: string; readonly reason: 'not-ranked' }
  | { readonly choice: number; readonly target: string; readonly pool: string; readonly reason: 'no-seats' }
  | {
      readonly choice: number;
      readonly target: string;
      readonly pool: string;
      readonly reason: 'below-cutoff';
      readonly score: number;
      readonly cutoffScore: number;
      /** cutoffScore - score: 0 when the tie-break chain decided. */
      readonly shortBy: number;
      /** `score`, a criterion name such as `privilege:altynBelgi`, `lottery` or `id`. */
      readonly decidedBy: string;
      readonly cutoffApplicant: string;
    }
  | {
      readonly choice: number;
      readonly target: string;
      readonly pool: string;
      readonly reason: 'outranked';
      /** Position in the target's explicit ranking, 1-based. */
      readonly rank: number;
      readonly cutoffRank: number;
    };

/** One applicant's outcome and explanation. */
export interface ApplicantReport {
  readonly id: string;
  readonly target: string | null;
  readonly pool: string | null;
  /** Index of the received choice, 1-based. */
  readonly choice: number | null;
  /** Position in the received pool's ranking (explicit: in the target's ranking), 1-based. */
  readonly rank: number | null;
  readonly score: number;
  /** Lottery ticket: lower wins when everything else ties. */
  readonly ticket: number;
  /** True for a seat kept from an earlier round. */
  readonly kept?: boolean;
  readonly reasons?: readonly ReasonReport[];
}

/** Counts of one run. */
export interface SummaryReport {
  readonly applicants: number;
  readonly competing: number;
  readonly assigned: number;
  readonly unassigned: number;
  readonly kept: number;
  readonly seats: number;
  readonly filled: number;
  readonly fillRate: number;
  readonly returnedSeats: number;
  readonly iterations: number;
}

/** The whole report. */
export interface AllocationReport {
  readonly engine: string;
  readonly seed: number;
  readonly policy: unknown;
  readonly summary: SummaryReport;
  readonly lottery: {
    readonly seed: number;
    readonly algorithm: string;
    /** Reasons decided by the lottery (null when explanations are off). */
    readonly decisive: number | null;
  };
  readonly targets: readonly TargetReport[];
  readonly applicants: readonly ApplicantReport[];
}
