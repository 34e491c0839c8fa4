/**
 * Compiles applicants into pool-level preference lists: each choice of a target expands into
 * entries for the target's pools the applicant may use, in the configured processing order
 * (DOMAIN R6: general pool first by default, then reserved pools in declaration order).
 * Ineligible choices (R1, R11) and choices of targets that do not rank the applicant get no
 * entry; their status is kept for explanations.
 *
 * Invariants: entries of applicant i are prefTarget[prefOffset[i] .. prefOffset[i+1]), in
 * preference order; edgeChoice[e] is the 0-based choice index an entry came from.
 * Complexity: O(C + E) for C choices and E entries; eligibility is cached per applicant for
 * consecutive targets with equal rules (R2 makes that the common case).
 */
import type { Arena } from './arena.ts';
import { findIneligibility, type TargetRules } from './eligibility.ts';
import { drawTicket } from './lottery.ts';
import type { AllocationInput, ApplicantInput } from './model.ts';
import type { ResolvedPolicy } from './policy.ts';
import { checkChoiceCount, GroupLimits } from './limits.ts';
import type { CompiledTargets, IssueList } from './targets.ts';

/** Status of one choice. */
export const ChoiceStatus = { ok: 0, ineligible: 1, notRanked: 2 } as const;

/** Applicants compiled to flat arrays. */
export interface CompiledApplicants {
  readonly score: Float64Array;
  readonly ticket: Float64Array;
  /** 0 for applicants holding a seat kept from an earlier round: they do not compete. */
  readonly active: Uint8Array;
  /** Index into `input.kept` of the applicant's kept seat, or -1 (empty when nothing is kept). */
  readonly keptSeat: Int32Array;
  readonly choiceOffset: Int32Array;
  readonly choiceStatus: Uint8Array;
  readonly prefOffset: Int32Array;
  readonly prefTarget: Int32Array;
  readonly edgeChoice: Uint16Array;
  /** How many choices are ineligible or not ranked (they get a reason but no entry). */
  readonly choicesWithoutEntry: number;
}

/**
 * Indexes applicant ids, recording duplicates.
 * @example indexApplicants(input, issues).get('a1') // 0
 */
export function indexApplicants(input: AllocationInput, issues: IssueList): Map<string, number> {
  const index = new Map<string, number>();
  input.applicants.forEach((applicant, i) => {
    if (index.has(applicant.id))
      issues.add(`applicants[${i}].id`, `duplicate applicant id "${applicant.id}"`);
    index.set(applicant.id, i);
  });
  return index;
}

/** How many choices the applicants make, and at most how many pool entries they compile to. */
export interface ChoiceCount {
  readonly choices: number;
  readonly entries: number;
}

/**
 * Counts all choices, and bounds the pool entries: when any target has reserved pools, a choice
 * may also enter one pool per category of the applicant and one for its region.
 * @example countChoices(input, true).entries
 */
export function countChoices(input: AllocationInput, hasReservedPools: boolean): ChoiceCount {
  let choices = 0;
  let extra = 0;
  for (const applicant of input.applicants) {
    const k = applicant.choices.length;
    choices += k;
    if (hasReservedPools)
      extra += k * ((applicant.categories?.length ?? 0) + (applicant.region === undefined ? 0 : 1));
  }
  return { choices, entries: choices + extra };
}

/**
 * Reports duplicate applicant ids without an id index: equal ids have equal tickets, so in
 * lottery order (ticket, then id) duplicates are neighbours.
 */
export function findDuplicateIds(
  input: AllocationInput,
  ticket: Float64Array,
  ticketOrder: Int32Array,
  issues: IssueList,
): void {
  for (let r = 1; r < ticketOrder.length; r++) {
    const a = ticketOrder[r - 1]!;
    const b = ticketOrder[r]!;
    if (ticket[a] !== ticket[b] || input.applicants[a]!.id !== input.applicants[b]!.id) continue;
    issues.add(`applicants[${Math.max(a, b)}].id`, `duplicate applicant id "${input.applicants[b]!.id}"`);
  }
}

/** Growable entry arrays. */
class EntryBuffer {
  target: Int32Array;
  choice: Uint16Array;
  length = 0;
  constructor(capacity: number, arena: Arena) {
    this.target = arena.int32(capacity);
    this.choice = arena.uint16(capacity);
  }
  push(pool: number, choice: number): void {
    if (this.length === this.target.length) this.grow();
    this.target[this.length] = pool;
    this.choice[this.length++] = choice;
  }
  private grow(): void {
    const size = Math.ceil(this.target.length * 1.5) + 16;
    const target = new Int32Array(size);
    target.set(this.target);
    const choice = new Uint16Array(size);
    choice.set(this.choice);
    this.target = target;
    this.choice = choice;
  }
}

/** State shared by the per-applicant compile steps. */
interface Pass {
  readonly input: AllocationInput;
  readonly policy: ResolvedPolicy;
  readonly targets: CompiledTargets;
  readonly issues: IssueList;
  readonly nominal: Int32Array;
  readonly out: CompiledApplicants;
  readonly entries: EntryBuffer;
  readonly keptIds: ReadonlyMap<string, number>;
  /** lastChooser[j]: the last applicant that chose target j, to find duplicate choices in O(1). */
  readonly lastChooser: Int32Array;
  readonly groupLimits: GroupLimits;
  readonly reserved: ReturnType<typeof describeReservedPools>;
  readonly withoutEntry: { count: number };
}

/**
 * Compiles every applicant's choices into pool entries.
 * @param nominal pool seats after kept seats (reserved pools with none left get no entries)
 * @param arena where the large arrays come from
 * @param count the choices and the bound on entries ({@link countChoices})
 */
export function compileApplicants(
  input: AllocationInput,
  policy: ResolvedPolicy,
  targets: CompiledTargets,
  nominal: Int32Array,
  issues: IssueList,
  arena: Arena,
  { choices, entries: entryBound }: ChoiceCount,
): CompiledApplicants {
  const n = input.applicants.length;
  const out: CompiledApplicants = {
    score: arena.float64(n),
    ticket: arena.float64(n),
    active: arena.uint8(n),
    keptSeat: arena.int32((input.kept?.length ?? 0) > 0 ? n : 0).fill(-1),
    choiceOffset: arena.int32(n + 1),
    choiceStatus: arena.uint8(choices),
    prefOffset: arena.int32(n + 1),
    prefTarget: new Int32Array(0),
    edgeChoice: new Uint16Array(0),
    choicesWithoutEntry: 0,
  };
  const keptIds = new Map((input.kept ?? []).map((seat, k) => [seat.applicant, k]));
  const entries = new EntryBuffer(entryBound + 16, arena);
  const lastChooser = new Int32Array(input.targets.length).fill(-1);
  const groupLimits = new GroupLimits(targets.groupCount, policy);
  const pass: Pass = {
    input,
    policy,
    targets,
    issues,
    nominal,
    out,
    entries,
    keptIds,
    lastChooser,
    groupLimits,
    reserved: describeReservedPools(targets, nominal, policy),
    withoutEntry: { count: 0 },
  };
  let c = 0;
  for (let i = 0; i < n; i++) {
    c = compileApplicant(pass, i, c);
    out.prefOffset[i + 1] = entries.length;
  }
  // Views, not copies: every large allocation here can trigger a full GC of the input objects.
  return {
    ...out,
    prefTarget: entries.target.subarray(0, entries.length),
    edgeChoice: entries.choice.subarray(0, entries.length),
    choicesWithoutEntry: pass.withoutEntry.count,
  };
}

function compileApplicant(pass: Pass, i: number, c0: number): number {
  const { out, targets } = pass;
  const applicant = pass.input.applicants[i]!;
  out.choiceOffset[i] = c0;
  out.score[i] = applicant.score ?? 0;
  out.ticket[i] = drawTicket(pass.policy.seed, applicant.id);
  const kept = pass.keptIds.size === 0 ? undefined : pass.keptIds.get(applicant.id);
  if (kept !== undefined) {
    out.keptSeat[i] = kept;
    out.choiceOffset[i + 1] = c0;
    return c0;
  }
  out.active[i] = 1;
  checkChoiceCount(pass.policy, pass.issues, applicant, i);
  const mask = categoryMask(applicant, targets.categoryBits);
  const region = applicant.region === undefined ? -1 : (targets.regionIds.get(applicant.region) ?? -1);
  const c = compileChoices(pass, i, c0, mask, region);
  out.choiceOffset[i + 1] = c;
  return c;
}

/** Compiles applicant i's choices from choice slot c0 on; returns the next free slot. */
function compileChoices(pass: Pass, i: number, c0: number, mask: number, region: number): number {
  const { targets, lastChooser } = pass;
  const { targetIndex, rules, explicit } = targets;
  const { choiceStatus } = pass.out;
  const applicant = pass.input.applicants[i]!;
  const { choices } = applicant;
  let lastRules: TargetRules | undefined;
  let lastEligible = false;
  let c = c0;
  for (let k = 0; k < choices.length; k++) {
    const j = targetIndex.get(choices[k]!);
    if (j === undefined || lastChooser[j] === i) {
      reportChoice(pass, i, k, j === undefined ? 'unknown target' : 'duplicate choice');
      if (j === undefined) continue;
    }
    lastChooser[j] = i;
    if (pass.groupLimits.enabled) checkGroupLimit(pass, i, k, j);
    if (rules[j] !== lastRules) {
      lastRules = rules[j];
      lastEligible = findIneligibility(applicant, lastRules!) === null;
    }
    const ranking = explicit[j];
    const status = !lastEligible
      ? ChoiceStatus.ineligible
      : ranking && !ranking.has(applicant.id)
        ? ChoiceStatus.notRanked
        : ChoiceStatus.ok;
    if (status !== ChoiceStatus.ok) {
      choiceStatus[c] = status;
      pass.withoutEntry.count++;
    } else if (mask === 0 && region < 0) pass.entries.push(j, k);
    else pushEntries(pass, j, k, mask, region);
    c++;
  }
  return c;
}

function checkGroupLimit(pass: Pass, i: number, k: number, j: number): void {
  const target = pass.input.targets[j]!;
  const problem = pass.groupLimits.add(i, pass.targets.groupOf[j]!, target.group ?? target.id, pass.policy);
  if (problem) pass.issues.add(`applicants[${i}].choices[${k}]`, problem);
}

function reportChoice(pass: Pass, i: number, k: number, problem: string): void {
  pass.issues.add(`applicants[${i}].choices[${k}]`, `${problem} "${pass.input.applicants[i]!.choices[k]}"`);
}

function pushEntries(pass: Pass, j: number, choice: number, mask: number, region: number): void {
  const { entries, reserved } = pass;
  // The general pool of target j is pool j (targets.ts).
  const general = j;
  // Most applicants meet no reserved pool of the target: they only ever enter the general pool.
  if ((reserved.wants[j]! & (region >= 0 ? mask | REGION_BIT : mask)) === 0) {
    entries.push(general, choice);
    return;
  }
  if (!reserved.quotaFirst) entries.push(general, choice);
  if (reserved.byBit[j] === 1) {
    // One pool per category bit, in pool order: visit the applicant's bits, lowest first.
    const row = j * reserved.bits;
    for (let bits = mask & reserved.wants[j]!; bits !== 0; bits &= bits - 1)
      entries.push(reserved.poolOfBit[row + 31 - Math.clz32(bits & -bits)]!, choice);
    if (reserved.quotaFirst) entries.push(general, choice);
    return;
  }
  const { condition } = reserved;
  for (let p = pass.targets.reservedStart[j]!, end = pass.targets.reservedStart[j + 1]!; p < end; p++) {
    const c = condition[p]!;
    if (c < 0) continue;
    const bit = (c & 0xff) - 1;
    if (bit >= 0 && ((mask >>> bit) & 1) === 0) continue;
    const poolRegion = (c >>> 8) - 1;
    if (poolRegion >= 0 && poolRegion !== region) continue;
    entries.push(p, choice);
  }
  if (reserved.quotaFirst) entries.push(general, choice);
}

/** In a target's `wants`: the target has a reserved pool for a region. */
const REGION_BIT = 1 << 31;

/**
 * What the reserved pools ask of an applicant, read once per pool so that compiling a choice
 * touches one small array per target instead of three pool-sized ones:
 * - `condition[p]`: the pool's category bit + 1 (0: none) in the low 8 bits and its region id + 1
 *   above, or -1 when the pool has no seats this round;
 * - `wants[j]`: the category bits of target j's reserved pools with seats, and REGION_BIT when one
 *   of them is regional (all bits when a pool has neither condition): an applicant none of whose
 *   bits it shares enters only the general pool;
 * - `byBit[j]` = 1 when target j's reserved pools with seats each ask for one category, a
 *   different one in increasing bit order (the policy's quotas: bits are numbered in pool order),
 *   and `poolOfBit[j * bits + bit]` is then its pool for that bit: a choice visits the
 *   applicant's one or two bits instead of every reserved pool of the target (nine under R4).
 */
function describeReservedPools(targets: CompiledTargets, nominal: Int32Array, policy: ResolvedPolicy) {
  const condition = new Int32Array(targets.pools.length).fill(-1);
  const wants = new Int32Array(targets.reservedStart.length - 1);
  const bits = targets.categoryBits.size;
  const byBit = new Uint8Array(wants.length);
  const poolOfBit = new Int32Array(wants.length * bits);
  for (let j = 0; j < wants.length; j++) {
    let lastBit = -1;
    byBit[j] = 1;
    for (let p = targets.reservedStart[j]!; p < targets.reservedStart[j + 1]!; p++) {
      if (nominal[p]! <= 0) continue;
      const bit = targets.poolCategoryBit[p]!;
      const region = targets.poolRegion[p]!;
      condition[p] = bit + 1 + ((region + 1) << 8);
      if (bit >= 0) wants[j]! |= 1 << bit;
      else if (region >= 0) wants[j]! |= REGION_BIT;
      else wants[j] = -1;
      if (bit <= lastBit || region >= 0) byBit[j] = 0;
      else poolOfBit[j * bits + bit] = p;
      lastBit = Math.max(lastBit, bit);
    }
  }
  return { condition, wants, byBit, poolOfBit, bits, quotaFirst: policy.quotaOrder === 'quota-first' };
}

function categoryMask(applicant: ApplicantInput, bits: ReadonlyMap<string, number>): number {
  if (bits.size === 0 || applicant.categories === undefined) return 0;
  let mask = 0;
  for (const category of applicant.categories ?? []) {
    const bit = bits.get(category);
    if (bit !== undefined) mask |= 1 << bit;
  }
  return mask;
}
