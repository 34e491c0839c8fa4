/**
 * Explanations (DOMAIN R12): for every applicant, one reason per pool entry above the one
 * received (and one per ineligible or unranked choice above the received choice).
 *
 * Why it is sound: deferred acceptance only rejects an entry when its pool is full of applicants
 * ranked above it, and in the final run every entry above the held one was rejected. So each
 * such entry's pool is full and its cutoff (worst held applicant) outranks the applicant; the
 * deciding step is the first key (score, chain criterion, lottery, id) on which they differ.
 * Complexity: O(C + E) plus O(chain length) per score tie with the cutoff.
 */
import { Arena } from './arena.ts';
import { ChoiceStatus, type CompiledApplicants } from './compile.ts';
import type { FlatInstance, KernelResult } from './kernel.ts';
import type { AllocationInput } from './model.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { CompiledTargets } from './targets.ts';
import { type CriterionValue, compileCriterion } from './tie-break.ts';

/** Reason codes stored in the explanation table. */
export const ReasonCode = { ineligible: 1, notRanked: 2, noSeats: 3, belowCutoff: 4, outranked: 5 } as const;

/** Deciding steps: 0 score, 1..k chain criteria, k+1 lottery, k+2 id; -1 when not applicable. */
export const STEP_SCORE = 0;

/** Reasons in columnar form: applicant i's are entries offset[i] .. offset[i+1]. */
export interface ExplanationTable {
  readonly offset: Int32Array;
  readonly choice: Uint16Array;
  /** Pool of the entry, or -1 for a choice-level reason (ineligible, not ranked). */
  readonly pool: Int32Array;
  readonly code: Uint8Array;
  readonly step: Int16Array;
}

/** Everything the explanation pass reads. */
export interface ExplainContext {
  readonly input: AllocationInput;
  readonly policy: ResolvedPolicy;
  readonly targets: CompiledTargets;
  readonly applicants: CompiledApplicants;
  readonly instance: FlatInstance;
  readonly solution: KernelResult;
  readonly capacity: Int32Array;
}

/** Fixed-size reason columns, filled in order. */
class ReasonBuffer {
  readonly choice: Uint16Array;
  readonly pool: Int32Array;
  readonly code: Uint8Array;
  readonly step: Int16Array;
  length = 0;
  constructor(size: number, arena: Arena) {
    this.choice = arena.uint16(size);
    this.pool = arena.int32(size);
    this.code = arena.uint8(size);
    this.step = arena.int16(size);
  }
  push(choice: number, pool: number, code: number, step: number): void {
    this.choice[this.length] = choice;
    this.pool[this.length] = pool;
    this.code[this.length] = code;
    this.step[this.length++] = step;
  }
}

/** Counts the reasons of every applicant, so the columns are allocated once at their exact size. */
function countReasons(context: ExplainContext, offset: Int32Array): number {
  const { applicants, solution } = context;
  const n = context.input.applicants.length;
  for (let i = 0; i < n; i++) {
    const held = solution.matchEdge[i]!;
    const stopEdge = held >= 0 ? held : applicants.prefOffset[i + 1]!;
    const lastChoice = held >= 0 ? applicants.edgeChoice[held]! : Number.POSITIVE_INFINITY;
    let count = stopEdge - applicants.prefOffset[i]!;
    const first = applicants.choiceOffset[i]!;
    for (let c = first; c < applicants.choiceOffset[i + 1]! && c - first < lastChoice; c++) {
      if (applicants.choiceStatus[c] !== ChoiceStatus.ok) count++;
    }
    offset[i + 1] = offset[i]! + count;
  }
  return offset[n]!;
}

/**
 * Builds the explanation table of a solved instance.
 * @param arena where the reason columns come from
 * @example const table = buildExplanations(context); table.code[table.offset[i]] // first reason of i
 */
export function buildExplanations(context: ExplainContext, arena: Arena = new Arena(0)): ExplanationTable {
  const n = context.input.applicants.length;
  const offset = arena.int32(n + 1);
  const buffer = new ReasonBuffer(countReasons(context, offset), arena);
  const chains: CompiledChains = new Map();
  for (let i = 0; i < n; i++) explainApplicant(context, i, buffer, chains);
  if (buffer.length !== offset[n]) throw new Error('explanations: reason count mismatch (broken invariant)');
  const { choice, pool, code, step } = buffer;
  return { offset, choice, pool, code, step };
}

function explainApplicant(
  context: ExplainContext,
  i: number,
  buffer: ReasonBuffer,
  chains: CompiledChains,
): void {
  const { applicants, solution } = context;
  const held = solution.matchEdge[i]!;
  const stopEdge = held >= 0 ? held : applicants.prefOffset[i + 1]!;
  const receivedChoice = held >= 0 ? applicants.edgeChoice[held]! : Number.POSITIVE_INFINITY;
  const first = applicants.choiceOffset[i]!;
  let e = applicants.prefOffset[i]!;
  for (let c = first; c < applicants.choiceOffset[i + 1]!; c++) {
    const k = c - first;
    if (k > receivedChoice) break;
    const status = applicants.choiceStatus[c]!;
    if (status === ChoiceStatus.ineligible) buffer.push(k, -1, ReasonCode.ineligible, -1);
    else if (status === ChoiceStatus.notRanked) buffer.push(k, -1, ReasonCode.notRanked, -1);
    for (; e < stopEdge && applicants.edgeChoice[e] === k; e++)
      explainEntry(context, i, e, k, buffer, chains);
  }
}

function explainEntry(
  context: ExplainContext,
  i: number,
  e: number,
  k: number,
  buffer: ReasonBuffer,
  chains: CompiledChains,
): void {
  const { instance, solution, capacity, targets } = context;
  const p = instance.prefTarget[e]!;
  if (capacity[p] === 0) {
    buffer.push(k, p, ReasonCode.noSeats, -1);
    return;
  }
  if (targets.explicit[targets.poolTarget[p]!]) {
    buffer.push(k, p, ReasonCode.outranked, -1);
    return;
  }
  const cutoff = instance.rankList[instance.rankOffset[p]! + solution.worst[p]!]!;
  buffer.push(
    k,
    p,
    ReasonCode.belowCutoff,
    findDecidingStep(context, i, cutoff, targets.poolTarget[p]!, chains),
  );
}

/** The criteria of the chain compiled per target, built on first use. */
type CompiledChains = Map<number, CriterionValue[]>;

/**
 * Finds the first key on which two applicants differ in a score-ranked target.
 * @returns 0 score, 1..k chain criterion, k+1 lottery, k+2 id
 */
export function findDecidingStep(
  context: Pick<ExplainContext, 'applicants' | 'policy' | 'input'>,
  a: number,
  b: number,
  j: number,
  cache: CompiledChains = new Map(),
): number {
  const { applicants, policy, input } = context;
  if (applicants.score[a] !== applicants.score[b]) return STEP_SCORE;
  let chain = cache.get(j);
  if (!chain) {
    chain = policy.tieBreak.map((criterion) => compileCriterion(criterion, input.targets[j]));
    cache.set(j, chain);
  }
  for (let s = 0; s < chain.length; s++) {
    if (chain[s]!(input.applicants[a]!) !== chain[s]!(input.applicants[b]!)) return s + 1;
  }
  return applicants.ticket[a] !== applicants.ticket[b] ? chain.length + 1 : chain.length + 2;
}
