/**
 * The HR1 text format of shared/bench/alloc/gen.mjs, read into a FlatInstance and written back.
 *
 *   HR1 N M E
 *   cap_0 ... cap_{M-1}
 *   N lines:  L target_1 ... target_L     (an applicant's choices, best first)
 *   M lines:  L applicant_1 ... applicant_L (a target's ranking, best first)
 * Integers are separated by spaces, tabs or line breaks; ids are 0-based. Output: N lines, the
 * target of applicant i or -1 (byte-identical to shared/bench/alloc/da.c).
 *
 * Pure: bytes in, instance or bytes out. The reader takes the input in chunks of any size so a caller
 * can stream a file through a small buffer (peak memory is then the instance, not the file), and it
 * parses integers straight from the bytes in one pass (no strings). Validation is strict and every
 * failure is an Hr1ParseError naming the line. Complexity: O(bytes) parse, O(E) index (build-index.ts).
 */
import { buildRankAt, type RankIndexResult } from './build-index.ts';
import type { FlatInstance } from './kernel.ts';

/** Invalid HR1 input: `line` is the 1-based line of the offending token (or of the record holding it). */
export class Hr1ParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'Hr1ParseError';
  }
}

/** An indexed HR1 instance; `workspace` is memory left over by the index build, for the kernel. */
export interface Hr1Instance extends FlatInstance {
  /** E ints the caller may pass to solveDeferredAcceptance as its workspace. */
  readonly workspace: Int32Array;
}

/** Both sides of a parsed HR1 instance before the rank index is built. */
export interface Hr1Lists {
  readonly n: number;
  readonly m: number;
  readonly capacity: Int32Array;
  readonly prefOffset: Int32Array;
  readonly prefTarget: Int32Array;
  readonly rankOffset: Int32Array;
  readonly rankList: Int32Array;
  /** targetLine[j]: the line on which target j's ranking starts (to report ranking errors). */
  readonly targetLine: Int32Array;
}

const MAX_INT = 2147483647;
const MAX_TAIL = 64;
const SLICE = 1 << 16;
/** What the next token is; plain numbers (not an enum) so the file stays erasable TypeScript. */
type State = number;
const State = {
  Magic: 0,
  N: 1,
  M: 2,
  E: 3,
  Capacity: 4,
  ApplicantLength: 5,
  Choice: 6,
  RankingLength: 7,
  Ranked: 8,
  Done: 9,
} as const;

/**
 * Streaming HR1 reader: push the input in chunks of any size (a token may straddle two chunks), then
 * call end(). A reader that threw must be discarded.
 * @example const reader = new Hr1Reader(); reader.push(bytes); const inst = indexHr1(reader.end());
 */
export class Hr1Reader {
  /** The line being read: 1-based; lets a caller report progress between chunks. */
  line = 1;
  private state: State = State.Magic;
  private lastTokenLine = 1;
  private readonly tail = new Uint8Array(MAX_TAIL + 1);
  private tailLength = 0;
  private n = 0;
  private m = 0;
  private e = 0;
  private record = 0;
  private used = 0;
  private recordEnd = 0;
  private capacity = new Int32Array(0);
  private prefOffset = new Int32Array(1);
  private prefTarget = new Int32Array(0);
  private rankOffset = new Int32Array(1);
  private rankList = new Int32Array(0);
  private targetLine = new Int32Array(0);
  private seenBy = new Int32Array(0);

  /**
   * @param byteLength the total input size when known: rejects a header whose counts cannot fit in it
   *   before allocating, so a corrupt header cannot ask for gigabytes
   */
  constructor(private readonly byteLength = Number.POSITIVE_INFINITY) {}

  /** Parses the next chunk. The chunk is not retained, so the caller may reuse its buffer. */
  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.tailLength > 0) {
      while (start < chunk.length && chunk[start]! > 32) start++;
      this.appendTail(chunk.subarray(0, start));
      if (start === chunk.length) return;
      this.flushTail();
    }
    let last = chunk.length;
    while (last > start && chunk[last - 1]! > 32) last--;
    if (last > start) this.consumeSlices(chunk, start, last);
    this.appendTail(chunk.subarray(Math.max(last, start)));
  }

  /** Finishes the input and returns both sides; throws if the input stopped early. */
  end(): Hr1Lists {
    if (this.tailLength > 0) this.flushTail();
    if (this.state !== State.Done)
      this.fail(this.lastTokenLine, `unexpected end of input: ${this.expected()}`);
    const { n, m, capacity, prefOffset, prefTarget, rankOffset, rankList, targetLine } = this;
    return { n, m, capacity, prefOffset, prefTarget, rankOffset, rankList, targetLine };
  }

  private appendTail(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.tailLength + bytes.length > MAX_TAIL) this.fail(this.line, 'token too long');
    this.tail.set(bytes, this.tailLength);
    this.tailLength += bytes.length;
  }

  /** Parses the carried partial token, terminated by a synthetic space. */
  private flushTail(): void {
    this.tail[this.tailLength] = 32;
    const length = this.tailLength + 1;
    this.tailLength = 0;
    this.consume(this.tail, 0, length);
  }

  // Slices of about 64 KB, cut at separators: V8 optimises `consume` after a few calls with full type
  // feedback, instead of on-stack-replacing one long call early and deoptimising it (small inputs).
  private consumeSlices(bytes: Uint8Array, from: number, end: number): void {
    let at = from;
    while (end - at > SLICE) {
      let cut = at + SLICE;
      while (cut > at && bytes[cut - 1]! > 32) cut--;
      if (cut === at) break;
      this.consume(bytes, at, cut);
      at = cut;
    }
    this.consume(bytes, at, end);
  }

  // One loop for every section with the counters in locals: this is the hot path (about 2E tokens),
  // and V8 keeps locals in registers where fields would be reloaded after every typed-array store.
  // Precondition: bytes[end - 1] is a separator, so a digit run always stops inside [pos, end).
  private consume(bytes: Uint8Array, from: number, end: number): void {
    let pos = from;
    let line = this.line;
    let state: State = this.state;
    let record = this.record;
    let used = this.used;
    let recordEnd = this.recordEnd;
    let { n, m, prefTarget, rankList, seenBy } = this;
    while (true) {
      let c = 0;
      while (pos < end) {
        c = bytes[pos]!;
        if (c > 32) break;
        if (c === 10) line++;
        else if (c !== 32 && c !== 13 && c !== 9) this.fail(line, `unexpected byte 0x${c.toString(16)}`);
        pos++;
      }
      if (pos >= end) break;
      if (state === State.Magic) {
        pos = this.readMagic(bytes, pos, line);
        state = State.N;
        continue;
      }
      let value = c - 48;
      if (value >>> 0 > 9) this.failToken(bytes, pos, line);
      let digit = bytes[++pos]! - 48;
      while (digit >>> 0 < 10) {
        value = value * 10 + digit;
        digit = bytes[++pos]! - 48;
      }
      if (digit > -16) this.failToken(bytes, pos, line);
      if (value > MAX_INT) this.fail(line, `number ${value} is too large`);
      if (state === State.Choice) {
        if (value >= m)
          this.fail(line, `applicant ${record} lists target ${value}, but there are ${m} targets`);
        if (seenBy[value] === record) this.fail(line, `applicant ${record} lists target ${value} twice`);
        seenBy[value] = record;
        prefTarget[used++] = value;
        if (used !== recordEnd) continue;
      } else if (state === State.Ranked) {
        if (value >= n)
          this.fail(line, `target ${record} ranks applicant ${value}, but there are ${n} applicants`);
        rankList[used++] = value;
        if (used !== recordEnd) continue;
      }
      // Once per record (or header token): hand the counters to the fields, let the slow path advance.
      this.line = line;
      this.lastTokenLine = line;
      this.record = record;
      this.used = used;
      this.readControl(state, value);
      state = this.state;
      record = this.record;
      used = this.used;
      recordEnd = this.recordEnd;
      ({ n, m, prefTarget, rankList, seenBy } = this);
    }
    this.line = line;
    this.state = state;
    this.record = record;
    this.used = used;
    this.recordEnd = recordEnd;
  }

  private readMagic(bytes: Uint8Array, pos: number, line: number): number {
    if (bytes[pos] === 72 && bytes[pos + 1] === 82 && bytes[pos + 2] === 49 && bytes[pos + 3]! <= 32) {
      return pos + 3;
    }
    return this.fail(line, 'bad header: the input must start with "HR1 N M E"');
  }

  /** Header counts, capacities, record lengths and record ends: handled off the hot path. */
  private readControl(state: State, value: number): void {
    const line = this.line;
    switch (state) {
      case State.Choice:
        this.state = this.closeApplicant(++this.record);
        return;
      case State.Ranked:
        this.state = this.closeTarget(++this.record);
        return;
      case State.N:
        this.n = value;
        this.state = State.M;
        return;
      case State.M:
        this.m = value;
        this.state = State.E;
        return;
      case State.E:
        this.e = value;
        this.allocate();
        this.record = 0;
        this.state = this.m > 0 ? State.Capacity : this.closeCapacities();
        return;
      case State.Capacity:
        this.capacity[this.record++] = value;
        if (this.record === this.m) this.state = this.closeCapacities();
        return;
      case State.ApplicantLength:
        if (this.used + value > this.e) {
          this.fail(
            line,
            `applicant ${this.record}'s list goes past the ${this.e} applications in the header`,
          );
        }
        this.recordEnd = this.used + value;
        this.state = value > 0 ? State.Choice : this.closeApplicant(++this.record);
        return;
      case State.RankingLength:
        if (this.used + value > this.e) {
          this.fail(
            line,
            `target ${this.record}'s ranking goes past the ${this.e} applications in the header`,
          );
        }
        this.targetLine[this.record] = line;
        this.recordEnd = this.used + value;
        this.state = value > 0 ? State.Ranked : this.closeTarget(++this.record);
        return;
      default:
        this.fail(line, 'unexpected data after the last ranking');
    }
  }

  private allocate(): void {
    const { n, m, e } = this;
    // Each application is written twice (>= 2 bytes each), each record has a length and a separator.
    if (4 * e + 2 * n + 4 * m > this.byteLength + 1) {
      this.fail(
        this.line,
        `header declares ${n} applicants, ${m} targets, ${e} applications: more than the input holds`,
      );
    }
    try {
      this.capacity = new Int32Array(m);
      this.prefOffset = new Int32Array(n + 1);
      this.prefTarget = new Int32Array(e);
      this.rankOffset = new Int32Array(m + 1);
      this.rankList = new Int32Array(e);
      this.targetLine = new Int32Array(m);
      this.seenBy = new Int32Array(m).fill(-1);
    } catch {
      this.fail(this.line, `header declares an instance too large for memory (E = ${e})`);
    }
  }

  private closeCapacities(): State {
    this.record = 0;
    this.used = 0;
    return this.n > 0 ? State.ApplicantLength : this.closeApplicants();
  }

  /** Records the end of applicant `next - 1`'s list and moves to the next record or section. */
  private closeApplicant(next: number): State {
    this.prefOffset[next] = this.used;
    return next < this.n ? State.ApplicantLength : this.closeApplicants();
  }

  private closeApplicants(): State {
    const used = this.prefOffset[this.n]!;
    if (used !== this.e) {
      this.fail(this.line, `the applicants' lists hold ${used} applications, the header declares ${this.e}`);
    }
    this.record = 0;
    this.used = 0;
    this.seenBy = new Int32Array(0);
    return this.m > 0 ? State.RankingLength : this.closeTargets();
  }

  private closeTarget(next: number): State {
    this.rankOffset[next] = this.used;
    return next < this.m ? State.RankingLength : this.closeTargets();
  }

  private closeTargets(): State {
    const used = this.rankOffset[this.m]!;
    if (used !== this.e) {
      this.fail(this.line, `the targets' rankings hold ${used} applications, the header declares ${this.e}`);
    }
    return State.Done;
  }

  private expected(): string {
    switch (this.state) {
      case State.Magic:
      case State.N:
      case State.M:
      case State.E:
        return 'the header "HR1 N M E" is incomplete';
      case State.Capacity:
        return `expected the capacity of target ${this.record} of ${this.m}`;
      case State.ApplicantLength:
      case State.Choice:
        return `expected the list of applicant ${this.record} of ${this.n}`;
      default:
        return `expected the ranking of target ${this.record} of ${this.m}`;
    }
  }

  private failToken(bytes: Uint8Array, pos: number, line: number): never {
    let start = pos;
    while (start > 0 && bytes[start - 1]! > 32) start--;
    let stop = pos;
    while (stop < bytes.length && bytes[stop]! > 32 && stop - start < 20) stop++;
    const token = new TextDecoder().decode(bytes.subarray(start, stop));
    return this.fail(line, `expected a non-negative integer, found "${token}"`);
  }

  private fail(line: number, reason: string): never {
    throw new Hr1ParseError(line, reason);
  }
}

/**
 * Builds the rank index of parsed lists (O(E), see build-index.ts) into a FlatInstance.
 * @throws Hr1ParseError when a ranking names an applicant that did not list the target, or twice
 * @example const inst = indexHr1(reader.end());
 */
export function indexHr1(lists: Hr1Lists): Hr1Instance {
  const built: RankIndexResult = buildRankAt(lists);
  if (!built.ok) {
    const { problem, target, applicant } = built;
    const line = target >= 0 ? lists.targetLine[target]! : 1;
    throw new Hr1ParseError(
      line,
      problem === 'duplicate'
        ? `target ${target} ranks applicant ${applicant} twice`
        : problem === 'not-listed'
          ? `target ${target} ranks applicant ${applicant}, who did not list it`
          : 'both sides do not hold the same applications',
    );
  }
  const { n, m, capacity, prefOffset, prefTarget, rankOffset, rankList } = lists;
  return {
    n,
    m,
    capacity,
    prefOffset,
    prefTarget,
    rankAt: built.rankAt,
    rankOffset,
    rankList,
    workspace: built.spare,
  };
}

/**
 * Parses a whole HR1 input held in memory.
 * @throws Hr1ParseError on any invalid input, naming the line
 * @example const inst = parseHr1(new TextEncoder().encode('HR1 1 1 1\n1\n1 0\n1 0\n'));
 */
export function parseHr1(bytes: Uint8Array): Hr1Instance {
  const reader = new Hr1Reader(bytes.length);
  reader.push(bytes);
  return indexHr1(reader.end());
}

/**
 * Writes a matching in the solver output format: one line per applicant, its target or -1.
 * @param match match[i] = target of applicant i, or -1
 * @returns the ASCII bytes, ready to write in one call
 * @example formatHr1Matching(Int32Array.of(2, -1)) // "2\n-1\n"
 */
export function formatHr1Matching(match: Int32Array): Uint8Array {
  let widest = 1;
  for (let i = 0; i < match.length; i++) if (match[i]! > widest) widest = match[i]!;
  const out = new Uint8Array(match.length * (Math.max(String(widest).length, 2) + 1));
  const digits = new Uint8Array(11);
  let pos = 0;
  for (let i = 0; i < match.length; i++) {
    let v = match[i]!;
    if (v < 0) {
      out[pos++] = 45;
      v = -v;
    }
    let k = 0;
    do {
      digits[k++] = 48 + (v % 10);
      v = (v / 10) | 0;
    } while (v > 0);
    while (k > 0) out[pos++] = digits[--k]!;
    out[pos++] = 10;
  }
  return out.subarray(0, pos);
}
