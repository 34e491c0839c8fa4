/**
 * Independent verification of an allocation report against its input. It shares only the rule
 * definitions with the engine (eligibility, pool layout, criterion values, lottery tickets) and
 * none of the solving path: no compiled arrays, no radix ranking, no kernel. Rankings are
 * recomputed with a plain comparator and preference lists are expanded again from the input.
 *
 * Checks: (1) assignments are to a chosen, eligible, ranking target and a pool the applicant
 * belongs to; (2) no pool over capacity, capacities add up, quota pools keep their seats or
 * return only vacant ones and are full at the fixed point (R4 to R6); (3) cutoffs are the worst
 * holders; (4) no blocking pair at pool level; (5) every explanation matches the cutoffs.
 * Complexity: O(E * chain length) comparisons plus O(N log N) for the worst holders.
 */
import { expectReasons, reasonMatches } from './checker-reasons.ts';
import {
  buildCheckModel,
  compareApplicants,
  type CheckModel,
  type CheckTarget,
  type PoolView,
} from './check-model.ts';
import type { AllocationInput } from './model.ts';
import type { AllocationReport, ApplicantReport } from './report.ts';

/** One broken property. */
export interface Violation {
  readonly kind: 'assignment' | 'capacity' | 'quota' | 'cutoff' | 'blocking-pair' | 'explanation' | 'lottery';
  readonly message: string;
}

/** The checker's verdict. */
export interface CheckReport {
  readonly ok: boolean;
  readonly violations: readonly Violation[];
}

/**
 * Verifies a report against its input.
 * @param input the input that was allocated
 * @param report the report to verify (its seed is used)
 * @returns ok, or the first violations found (at most 100)
 * @example expect(checkAllocation(input, presentAllocation(result)).violations).toEqual([]);
 */
export function checkAllocation(input: AllocationInput, report: AllocationReport): CheckReport {
  const violations: Violation[] = [];
  const add = (kind: Violation['kind'], message: string) => {
    if (violations.length < 100) violations.push({ kind, message });
  };
  const model = buildCheckModel(input, report, add);
  if (model) {
    checkCapacities(model, add);
    checkCutoffs(model, add);
    for (const outcome of report.applicants) checkApplicant(model, outcome, add);
  }
  return { ok: violations.length === 0, violations };
}

type Add = (kind: Violation['kind'], message: string) => void;

function checkCapacities(model: CheckModel, add: Add): void {
  for (const target of model.targets.values()) {
    let total = 0;
    let returned = 0;
    for (const pool of target.pools) {
      total += pool.report.capacity;
      const where = `${target.input.id}/${pool.layout.id}`;
      if (pool.report.filled !== pool.holders.length + pool.report.kept)
        add('capacity', `${where}: filled count is wrong`);
      if (pool.report.filled > pool.report.capacity) add('capacity', `${where}: over capacity`);
      if (pool.report.nominal !== pool.layout.seats)
        add('quota', `${where}: nominal seats should be ${pool.layout.seats}`);
      if (pool.layout.isGeneral) continue;
      returned += pool.layout.seats - pool.report.capacity;
      if (pool.report.capacity > pool.layout.seats) add('quota', `${where}: reserved pool grew`);
      if (pool.layout.unfilled === 'stay-empty' && pool.report.capacity !== pool.layout.seats) {
        add('quota', `${where}: seats left a pool whose unfilled seats stay empty`);
      }
      if (pool.layout.unfilled === 'return-to-general' && pool.report.filled < pool.report.capacity) {
        add('quota', `${where}: vacant seats were not returned to the general pool`);
      }
    }
    const general = target.pools[0]!;
    if (general.report.capacity !== general.layout.seats + returned)
      add('quota', `${target.input.id}: general pool did not get the returned seats`);
    if (total !== target.input.capacity)
      add('capacity', `${target.input.id}: pool capacities do not sum to the capacity`);
  }
}

function checkCutoffs(model: CheckModel, add: Add): void {
  for (const target of model.targets.values()) {
    for (const pool of target.pools) {
      const where = `${target.input.id}/${pool.layout.id}`;
      const worst = pool.worst;
      const cutoff = pool.report.cutoff;
      if (worst === undefined) {
        if (cutoff !== null) add('cutoff', `${where}: cutoff of an empty pool`);
        continue;
      }
      if (cutoff?.applicant !== worst.id) add('cutoff', `${where}: cutoff should be "${worst.id}"`);
      else if (!target.positions && cutoff.score !== (worst.score ?? 0))
        add('cutoff', `${where}: cutoff score is wrong`);
    }
  }
}

function checkApplicant(model: CheckModel, outcome: ApplicantReport, add: Add): void {
  const view = model.applicants.get(outcome.id);
  if (!view) return;
  if (view.ticket !== outcome.ticket) add('lottery', `${outcome.id}: ticket does not match the seed`);
  if (view.kept) return;
  const list = model.expand(view.input);
  const at =
    outcome.pool === null
      ? list.length
      : list.findIndex((e) => e.target.input.id === outcome.target && e.pool.layout.id === outcome.pool);
  if (at < 0) {
    add(
      'assignment',
      `${outcome.id}: assigned to ${outcome.target}/${outcome.pool}, which is not on its list`,
    );
    return;
  }
  if (at < list.length && list[at]!.choice + 1 !== outcome.choice)
    add('assignment', `${outcome.id}: wrong choice index`);
  for (let k = 0; k < at; k++) {
    const { target, pool } = list[k]!;
    if (isBlocking(model, target, pool, view.input.id)) {
      add('blocking-pair', `${outcome.id} and ${target.input.id}/${pool.layout.id} block the matching`);
    }
  }
  if (outcome.reasons) checkReasons(model, outcome, list.slice(0, at), add);
}

function isBlocking(model: CheckModel, target: CheckTarget, pool: PoolView, applicant: string): boolean {
  const seats = pool.report.capacity - pool.report.kept;
  if (seats <= 0) return false;
  if (pool.holders.length < seats) return true;
  const a = model.applicants.get(applicant)!.input;
  return compareApplicants(model, target, a, pool.worst!) < 0;
}

function checkReasons(
  model: CheckModel,
  outcome: ApplicantReport,
  above: ReturnType<CheckModel['expand']>,
  add: Add,
): void {
  const expected = expectReasons(model, outcome, above);
  const actual = outcome.reasons ?? [];
  if (expected.length !== actual.length) {
    add('explanation', `${outcome.id}: ${actual.length} reasons, expected ${expected.length}`);
    return;
  }
  expected.forEach((want, r) => {
    const problem = reasonMatches(model, outcome, want, actual[r]!);
    if (problem) add('explanation', `${outcome.id}: reason ${r + 1}: ${problem}`);
  });
}
