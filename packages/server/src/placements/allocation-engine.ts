/**
 * The engine's run as the worker thread does it (allocation.worker.mjs), also callable in-process: allocate with
 * explanations, present, check, and compact every applicant's outcome for the stored preview.
 * Pure: no I/O, no clock.
 */
// The engine's own modules rather than the package index: the worker thread then compiles only these at start.
import { checkAllocation } from '@kadr/core/allocation/checker';
import { allocate } from '@kadr/core/allocation/engine';
import type { AllocationInput } from '@kadr/core/allocation/model';
import { presentAllocation } from '@kadr/core/allocation/present';
import type { AllocationReport, ReasonReport } from '@kadr/core/allocation/report';

/** Why one choice above the received one was not given, as stored (offer ids are numbers). */
export interface StoredReason {
  /** The choice, 1-based. */
  choice: number;
  offerId: number;
  reason: ReasonReport['reason'];
  /** Position in the offer's ranking (outranked). */
  rank?: number;
  /** Position of the last admitted student (outranked). */
  cutoffRank?: number;
}

/** One student's outcome: the offer received (or null), the choice, the position, the reasons above it. */
export interface StoredOutcome {
  studentId: number;
  offerId: number | null;
  choice: number | null;
  rank: number | null;
  kept: boolean;
  choices: number;
  reasons: StoredReason[];
}

/** What a run answers. */
export type EngineOutcome =
  | {
      ok: true;
      outcomes: StoredOutcome[];
      summary: AllocationReport['summary'];
      verdict: { ok: boolean; violations: { kind: string; message: string }[] };
      timings: { allocateMs: number; checkMs: number };
    }
  | { ok: false; issues: { path: string; message: string }[] };

/**
 * Allocates, presents and checks the input.
 * @param stage told when the run moves to the checker
 */
export function runEngine(
  input: AllocationInput,
  stage: (name: 'checking') => void = () => {},
): EngineOutcome {
  const started = performance.now();
  const outcome = allocate(input, { explain: true });
  if (!outcome.ok)
    return { ok: false, issues: outcome.issues.map((i) => ({ path: i.path, message: i.message })) };
  const report = presentAllocation(outcome.result);
  const allocated = performance.now();
  stage('checking');
  const check = checkAllocation(input, report);
  const checked = performance.now();
  const choiceCount = new Map(input.applicants.map((a) => [a.id, a.choices.length]));
  const outcomes = report.applicants.map(
    (a): StoredOutcome => ({
      studentId: Number(a.id),
      offerId: a.target === null ? null : Number(a.target),
      choice: a.choice,
      rank: a.rank,
      kept: a.kept === true,
      choices: choiceCount.get(a.id) ?? 0,
      reasons: (a.reasons ?? []).map(storeReason),
    }),
  );
  return {
    ok: true,
    outcomes,
    summary: report.summary,
    verdict: {
      ok: check.ok,
      violations: check.violations.map((v) => ({ kind: v.kind, message: v.message })),
    },
    timings: { allocateMs: allocated - started, checkMs: checked - allocated },
  };
}

function storeReason(reason: ReasonReport): StoredReason {
  const out: StoredReason = { choice: reason.choice, offerId: Number(reason.target), reason: reason.reason };
  if (reason.reason === 'outranked') {
    out.rank = reason.rank;
    out.cutoffRank = reason.cutoffRank;
  }
  return out;
}
