/**
 * Test support for the allocation engine: run-and-present, brute-force enumeration of all
 * stable matchings of a tiny pool-level instance, serial dictatorship, and the quota fixed point
 * by full kernel runs. Used by tests and bench/alloc/fixed-point-check.ts; apart from the last,
 * it builds on the checker's model (check-model.ts), never on the engine's compiled arrays.
 * Complexity: brute force is exponential, O(prod (entries_i + 1)); keep instances tiny.
 */
import { buildCheckModel, compareApplicants, type CheckModel, type ExpandedEntry } from './check-model.ts';
import { allocate, type AllocateOptions } from './engine.ts';
import { type FlatInstance, solveDeferredAcceptance } from './kernel.ts';
import type { AllocationInput } from './model.ts';
import { presentAllocation } from './present.ts';
import type { AllocationReport } from './report.ts';
import type { CompiledTargets } from './targets.ts';

/**
 * Allocates and presents, failing loudly on input issues (tests expect valid input).
 * @example const report = solveReport({ applicants, targets });
 */
export function solveReport(input: AllocationInput, options: AllocateOptions = {}): AllocationReport {
  const outcome = allocate(input, options);
  if (!outcome.ok) throw new Error(`unexpected input issues: ${JSON.stringify(outcome.issues)}`);
  return presentAllocation(outcome.result);
}

/** Applicant id -> "target/pool" or "-" for every applicant of a report. */
export function assignmentOf(report: AllocationReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of report.applicants) out[a.id] = a.target === null ? '-' : `${a.target}/${a.pool}`;
  return out;
}

/** Applicant id -> index into its expanded list (list length when unassigned). */
export type EntryChoice = Map<string, number>;

function modelOf(input: AllocationInput, report: AllocationReport): CheckModel {
  const model = buildCheckModel(input, report, (kind, message) => {
    throw new Error(`${kind}: ${message}`);
  });
  if (!model) throw new Error('report does not match input');
  return model;
}

function isStableChoice(
  model: CheckModel,
  lists: Map<string, ExpandedEntry[]>,
  choice: EntryChoice,
): boolean {
  const holders = new Map<object, string[]>();
  for (const [id, k] of choice) {
    const entry = lists.get(id)![k];
    if (entry) holders.set(entry.pool, [...(holders.get(entry.pool) ?? []), id]);
  }
  for (const [id, k] of choice) {
    const list = lists.get(id)!;
    for (let above = 0; above < k; above++) {
      const { pool, target } = list[above]!;
      const seats = pool.report.capacity - pool.report.kept;
      if (seats <= 0) continue;
      const held = holders.get(pool) ?? [];
      if (held.length < seats) return false;
      const me = model.applicants.get(id)!.input;
      if (held.some((h) => compareApplicants(model, target, me, model.applicants.get(h)!.input) < 0))
        return false;
    }
  }
  return true;
}

/**
 * Enumerates every stable matching of the pool-level instance at the report's final capacities.
 * @returns one EntryChoice per stable matching
 */
export function enumerateStableMatchings(input: AllocationInput, report: AllocationReport): EntryChoice[] {
  const model = modelOf(input, report);
  const ids = input.applicants.filter((a) => !model.applicants.get(a.id)!.kept).map((a) => a.id);
  const lists = new Map(ids.map((id) => [id, model.expand(model.applicants.get(id)!.input)]));
  const load = new Map<object, number>();
  const current: EntryChoice = new Map();
  const stable: EntryChoice[] = [];
  const visit = (k: number): void => {
    if (k === ids.length) {
      if (isStableChoice(model, lists, current)) stable.push(new Map(current));
      return;
    }
    const id = ids[k]!;
    const list = lists.get(id)!;
    for (let e = 0; e <= list.length; e++) {
      const pool = list[e]?.pool;
      if (pool && (load.get(pool) ?? 0) >= pool.report.capacity - pool.report.kept) continue;
      if (pool) load.set(pool, (load.get(pool) ?? 0) + 1);
      current.set(id, e);
      visit(k + 1);
      if (pool) load.set(pool, load.get(pool)! - 1);
    }
  };
  visit(0);
  return stable;
}

/** The report's matching as entry indices into the checker's expanded lists. */
export function entryChoiceOf(input: AllocationInput, report: AllocationReport): EntryChoice {
  const model = modelOf(input, report);
  const choice: EntryChoice = new Map();
  for (const outcome of report.applicants) {
    const view = model.applicants.get(outcome.id)!;
    if (view.kept) continue;
    const list = model.expand(view.input);
    const at = list.findIndex(
      (e) => e.target.input.id === outcome.target && e.pool.layout.id === outcome.pool,
    );
    choice.set(outcome.id, outcome.target === null ? list.length : at);
  }
  return choice;
}

/**
 * Serial dictatorship: applicants in the given order each take their best choice with a free
 * seat (R8's equivalence for one score ranking without pools or explicit rankings).
 */
export function serialDictatorship(input: AllocationInput, order: readonly string[]): Record<string, string> {
  const left = new Map(input.targets.map((t) => [t.id, t.capacity]));
  const byId = new Map(input.applicants.map((a) => [a.id, a]));
  const out: Record<string, string> = {};
  for (const id of order) {
    const pick = byId.get(id)!.choices.find((t) => (left.get(t) ?? 0) > 0);
    if (pick) left.set(pick, left.get(pick)! - 1);
    out[id] = pick === undefined ? '-' : `${pick}/general`;
  }
  return out;
}

/**
 * The fixed point as specified: full kernel runs from the nominal capacities, no shortcut. With
 * `unfillableFirst`, seats of returning pools with fewer entrants than seats move first.
 */
export function fixedPointByFullRuns(
  instance: FlatInstance,
  targets: CompiledTargets,
  unfillableFirst = false,
) {
  const capacity = Int32Array.from(instance.capacity);
  for (let general = 0; unfillableFirst && general + 1 < targets.reservedStart.length; general++) {
    for (let p = targets.reservedStart[general]!; p < targets.reservedStart[general + 1]!; p++) {
      const unfillable = capacity[p]! - (instance.rankOffset[p + 1]! - instance.rankOffset[p]!);
      if (unfillable <= 0 || targets.pools[p]!.unfilled !== 'return-to-general') continue;
      capacity[p]! -= unfillable;
      capacity[general]! += unfillable;
    }
  }
  for (let iterations = 1; ; iterations++) {
    const solution = solveDeferredAcceptance({ ...instance, capacity });
    let moved = false;
    for (let general = 0; general + 1 < targets.reservedStart.length; general++) {
      for (let p = targets.reservedStart[general]!; p < targets.reservedStart[general + 1]!; p++) {
        const vacant = capacity[p]! - solution.count[p]!;
        if (vacant <= 0 || targets.pools[p]!.unfilled !== 'return-to-general') continue;
        capacity[p]! -= vacant;
        capacity[general]! += vacant;
        moved = true;
      }
    }
    if (!moved) return { solution, capacity, iterations };
  }
}
