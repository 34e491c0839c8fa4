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
import { indexFlagNames, maskOf } from './chain-keys.ts';
import type { AllocationInput, ApplicantInput } from './model.ts';
import type { ResolvedPolicy } from './policy.ts';
import type { CompiledTargets } from './targets.ts';
import { type CriterionValue, compileCriterion, isTargetDependent } from './tie-break.ts';

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

/**
 * Counts the reasons of every applicant, so the columns are allocated once at their exact size.
 * @param choicesOk every choice is eligible and ranked: then the reasons are the entries above
 *   the held one, and only those are counted
 */
function countReasons(context: ExplainContext, offset: Int32Array, choicesOk: boolean): number {
  const { prefOffset, choiceOffset, choiceStatus, edgeChoice } = context.applicants;
  const { matchEdge } = context.solution;
  const n = context.input.applicants.length;
  for (let i = 0; i < n; i++) {
    const held = matchEdge[i]!;
    const stopEdge = held >= 0 ? held : prefOffset[i + 1]!;
    let count = stopEdge - prefOffset[i]!;
    if (!choicesOk) {
      const first = choiceOffset[i]!;
      const last = Math.min(choiceOffset[i + 1]!, first + (held >= 0 ? edgeChoice[held]! : MAX_CHOICES));
      for (let c = first; c < last; c++) if (choiceStatus[c] !== ChoiceStatus.ok) count++;
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
  const choicesOk = context.applicants.choicesWithoutEntry === 0;
  const count = countReasons(context, offset, choicesOk);
  // One piece of exactly the table's size (2 + 4 + 1 + 2 bytes per reason, aligned).
  arena.reserve(9 * count + 32);
  const table = {
    offset,
    choice: arena.uint16(count),
    pool: arena.int32(count),
    code: arena.uint8(count),
    step: arena.int16(count),
  };
  const written = fillReasons(context, table, judgePools(context), choicesOk);
  if (written !== count) throw new Error('explanations: reason count mismatch (broken invariant)');
  return table;
}

/**
 * Writes every applicant's reasons in order (one loop over flat arrays; a score tie with the
 * cutoff asks the chain); returns how many it wrote.
 */
function fillReasons(
  context: ExplainContext,
  table: ExplanationTable,
  verdicts: PoolVerdicts,
  choicesOk: boolean,
): number {
  const { prefOffset, choiceOffset, choiceStatus, edgeChoice, score } = context.applicants;
  const { prefTarget } = context.instance;
  const { matchEdge } = context.solution;
  const { poolTarget } = context.targets;
  const { choice, pool, code, step } = table;
  const { code: verdictCode, cutoffScore, cutoff } = verdicts;
  const n = context.input.applicants.length;
  let chains: ChainReader | null = null;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const held = matchEdge[i]!;
    const stopEdge = held >= 0 ? held : prefOffset[i + 1]!;
    const first = choiceOffset[i]!;
    const own = score[i]!;
    let c = first;
    for (let e = prefOffset[i]!; e < stopEdge; e++) {
      // Every entry above the held one was rejected, so its pool is full and has a cutoff.
      const k = edgeChoice[e]!;
      if (!choicesOk && c <= first + k) {
        r = writeChoiceReasons(table, r, choiceStatus, first, c, first + k);
        c = first + k + 1;
      }
      const p = prefTarget[e]!;
      const verdict = verdictCode[p]!;
      choice[r] = k;
      pool[r] = p;
      code[r] = verdict;
      if (verdict !== ReasonCode.belowCutoff) step[r++] = -1;
      else if (own !== cutoffScore[p]) step[r++] = STEP_SCORE;
      else {
        chains ??= new ChainReader(context.policy, context.input);
        step[r++] = findDecidingStep(context, i, cutoff[p]!, poolTarget[p]!, chains);
      }
    }
    if (!choicesOk) {
      const received = held >= 0 ? edgeChoice[held]! : MAX_CHOICES;
      r = writeChoiceReasons(
        table,
        r,
        choiceStatus,
        first,
        c,
        Math.min(choiceOffset[i + 1]!, first + received),
      );
    }
  }
  return r;
}

/**
 * Writes the choice-level reasons (ineligible, not ranked) of choices from..to-1 at row r; returns
 * the next row. They go before the entries of later choices. (A function of its own rather than a
 * closure over the row counter, which would keep that counter out of a register in the hot loop.)
 */
function writeChoiceReasons(
  table: ExplanationTable,
  r: number,
  choiceStatus: Uint8Array,
  first: number,
  from: number,
  to: number,
): number {
  let row = r;
  for (let c = from; c < to; c++) {
    const status = choiceStatus[c]!;
    if (status === ChoiceStatus.ok) continue;
    table.choice[row] = c - first;
    table.pool[row] = -1;
    table.code[row] = status === ChoiceStatus.ineligible ? ReasonCode.ineligible : ReasonCode.notRanked;
    table.step[row++] = -1;
  }
  return row;
}

/** Above any choice index (choices are Uint16). */
const MAX_CHOICES = 1 << 16;

/**
 * What a rejected entry of each pool reads as: its reason code and, for a score-ranked pool, the
 * cutoff applicant and score. Read once per pool, so the pass over the entries only touches
 * arrays of pool size besides its own.
 */
interface PoolVerdicts {
  readonly code: Uint8Array;
  readonly cutoff: Int32Array;
  readonly cutoffScore: Float64Array;
}

function judgePools(context: ExplainContext): PoolVerdicts {
  const { instance, solution, capacity, targets, applicants } = context;
  const m = capacity.length;
  const verdicts = { code: new Uint8Array(m), cutoff: new Int32Array(m), cutoffScore: new Float64Array(m) };
  for (let p = 0; p < m; p++) {
    const w = solution.worst[p]!;
    const cutoff = w >= 0 ? instance.rankList[instance.rankOffset[p]! + w]! : -1;
    verdicts.cutoff[p] = cutoff;
    verdicts.cutoffScore[p] = cutoff >= 0 ? applicants.score[cutoff]! : Number.NaN;
    if (capacity[p] === 0) verdicts.code[p] = ReasonCode.noSeats;
    else if (targets.explicit[targets.poolTarget[p]!]) verdicts.code[p] = ReasonCode.outranked;
    else verdicts.code[p] = ReasonCode.belowCutoff;
  }
  return verdicts;
}

/**
 * The tie-break chain as explanations read it. Yes/no criteria (privileges, categories) come from
 * one bit mask per applicant, read once on first use (as chain-keys.ts does for the ranking); other
 * criteria are compiled per target on first use.
 */
export class ChainReader {
  private readonly chain: ResolvedPolicy['tieBreak'];
  private readonly applicants: readonly ApplicantInput[];
  private readonly targets: AllocationInput['targets'];
  private readonly privileges: ReadonlyMap<string, number>;
  private readonly categories: ReadonlyMap<string, number>;
  /** Mask of each chain step's names, 0 for a criterion that is not yes/no. */
  private readonly stepMask: Int32Array;
  /** Whether a criterion depends on the target (profile subjects): then criteria differ per target. */
  private readonly dependent: boolean;
  /** Compiled criteria per target, shared by targets with the same profile subjects. */
  private readonly byTarget: ((CriterionValue | null)[] | undefined)[];
  private readonly byProfile = new Map<string, (CriterionValue | null)[]>();

  constructor(policy: ResolvedPolicy, input: AllocationInput) {
    this.chain = policy.tieBreak;
    this.applicants = input.applicants;
    this.targets = input.targets;
    // Sized up front: assigning far past the end of an empty array makes V8 store it as a dictionary.
    this.byTarget = new Array(input.targets.length);
    const flags = indexFlagNames(this.chain);
    this.privileges = flags.privileges;
    this.categories = flags.categories;
    this.stepMask = new Int32Array(this.chain.length);
    let f = 0;
    this.chain.forEach((criterion, s) => {
      if (criterion.by === 'privilege' || criterion.by === 'category') this.stepMask[s] = flags.masks[f++]!;
    });
    this.dependent = this.chain.some(isTargetDependent);
  }

  /** Number of criteria in the chain. */
  get length(): number {
    return this.chain.length;
  }

  /** The bits of an applicant's privileges and categories named in the chain. */
  private maskOf(i: number): number {
    const a = this.applicants[i]!;
    return maskOf(a.privileges, this.privileges) | maskOf(a.categories, this.categories);
  }

  /**
   * The chain compiled for target j: once per distinct profile-subject list (a score tie with a
   * cutoff happens in thousands of targets at a million applicants; compiling per target made
   * ties cost about 3 us each).
   */
  private criteriaOf(j: number): (CriterionValue | null)[] {
    const cached = this.byTarget[j];
    if (cached) return cached;
    const target = this.targets[j];
    const key = this.dependent ? (target?.profileSubjects ?? []).join('\u0000') : '';
    let compiled = this.byProfile.get(key);
    if (!compiled) {
      compiled = this.chain.map((criterion, s) =>
        this.stepMask[s] !== 0 ? null : compileCriterion(criterion, target),
      );
      this.byProfile.set(key, compiled);
    }
    this.byTarget[j] = compiled;
    return compiled;
  }

  /** The first chain step (1-based) on which applicants a and b differ in target j, or 0 if none. */
  firstDifference(a: number, b: number, j: number): number {
    const criteria = this.criteriaOf(j);
    let maskA = -1;
    let maskB = -1;
    for (let s = 0; s < criteria.length; s++) {
      const value = criteria[s];
      if (value) {
        if (value(this.applicants[a]!) !== value(this.applicants[b]!)) return s + 1;
        continue;
      }
      if (maskA < 0) {
        maskA = this.maskOf(a);
        maskB = this.maskOf(b);
      }
      const bits = this.stepMask[s]!;
      if (((maskA & bits) !== 0) !== ((maskB & bits) !== 0)) return s + 1;
    }
    return 0;
  }
}

/**
 * Finds the first key on which two applicants differ in a score-ranked target.
 * @param reader the chain reader of the run (built when omitted)
 * @returns 0 score, 1..k chain criterion, k+1 lottery, k+2 id
 */
export function findDecidingStep(
  context: Pick<ExplainContext, 'applicants' | 'policy' | 'input'>,
  a: number,
  b: number,
  j: number,
  reader: ChainReader = new ChainReader(context.policy, context.input),
): number {
  const { applicants } = context;
  if (applicants.score[a] !== applicants.score[b]) return STEP_SCORE;
  const step = reader.length === 0 ? 0 : reader.firstDifference(a, b, j);
  if (step > 0) return step;
  return applicants.ticket[a] !== applicants.ticket[b] ? reader.length + 1 : reader.length + 2;
}
