/**
 * A bump allocator for the typed arrays of one allocation run.
 *
 * Why: V8 starts a full garbage collection whenever external memory (typed-array storage) grows by
 * a few tens of megabytes, and a full collection walks every input object: about 0.5 GB at one
 * million applicants, over a second per collection on a loaded 2-core machine. A run needs about
 * 300 MB of typed arrays; taken from a few large chunks instead of dozens of separate arrays, it
 * triggers one or two collections instead of five or more (bench/alloc/policy-cost.ts).
 *
 * Invariants: live views never overlap; memory comes zeroed (fresh chunks are, and memory handed
 * back by `release` is zeroed when handed out again).
 * Complexity: O(1) per allocation.
 */

const ALIGN = 8;

/** Where zeroed typed arrays come from: an Arena, or plain allocation (HEAP). */
export interface TypedAllocator {
  int32(length: number): Int32Array;
  float64(length: number): Float64Array;
  uint16(length: number): Uint16Array;
  int16(length: number): Int16Array;
  uint8(length: number): Uint8Array;
}

/** Plain allocation, for small or one-off work. */
export const HEAP: TypedAllocator = {
  int32: (length) => new Int32Array(length),
  float64: (length) => new Float64Array(length),
  uint16: (length) => new Uint16Array(length),
  int16: (length) => new Int16Array(length),
  uint8: (length) => new Uint8Array(length),
};

/** A position in an arena to go back to with {@link Arena.release}. */
export interface ArenaMark {
  readonly chunk: ArrayBuffer;
  readonly used: number;
}

/** Hands out zeroed typed-array views from large chunks. */
export class Arena implements TypedAllocator {
  private chunk: ArrayBuffer;
  private used = 0;
  /** How far the current chunk has ever been handed out: memory below it may hold old values. */
  private highWater = 0;
  private readonly chunkBytes: number;

  /**
   * @param bytes the expected total, allocated at once as the first chunk
   * @param chunkBytes the minimum size of later chunks
   */
  constructor(bytes: number, chunkBytes = 64 << 20) {
    this.chunk = new ArrayBuffer(Math.max(bytes, ALIGN));
    this.chunkBytes = chunkBytes;
  }

  private take(bytes: number): [ArrayBuffer, number] {
    const start = Math.ceil(this.used / ALIGN) * ALIGN;
    if (start + bytes > this.chunk.byteLength) {
      this.chunk = new ArrayBuffer(Math.max(bytes, this.chunkBytes));
      this.used = bytes;
      this.highWater = bytes;
      return [this.chunk, 0];
    }
    this.used = start + bytes;
    if (start < this.highWater)
      new Uint8Array(this.chunk, start, Math.min(bytes, this.highWater - start)).fill(0);
    if (this.used > this.highWater) this.highWater = this.used;
    return [this.chunk, start];
  }

  /** The current position, to hand the memory allocated after it back with {@link release}. */
  mark(): ArenaMark {
    return { chunk: this.chunk, used: this.used };
  }

  /**
   * Hands back everything allocated since `mark` for reuse; views taken since must not be used
   * again. For scratch arrays of a loop (one ranking group after another): reused memory is zeroed
   * again, which costs little for pages already touched, while every fresh page costs a page
   * fault when first written (measured 2.8 ms per MB on the project machine). When a new chunk
   * was opened since the mark, the memory is left as it is.
   */
  release(mark: ArenaMark): void {
    if (mark.chunk === this.chunk) this.used = mark.used;
  }

  /**
   * Makes sure the next `bytes` (allocated in 8-byte aligned pieces) come from one chunk, opening
   * one of exactly that size when the current chunk has less left. For a table whose size is known
   * only late (explanations): it gets what it needs instead of a share of a guessed first chunk.
   */
  reserve(bytes: number): void {
    const start = Math.ceil(this.used / ALIGN) * ALIGN;
    if (start + bytes <= this.chunk.byteLength) return;
    this.chunk = new ArrayBuffer(Math.max(bytes, ALIGN));
    this.used = 0;
    this.highWater = 0;
  }

  /** A zeroed Int32Array of `length`. */
  int32(length: number): Int32Array {
    const [buffer, offset] = this.take(4 * length);
    return new Int32Array(buffer, offset, length);
  }

  /** A zeroed Float64Array of `length`. */
  float64(length: number): Float64Array {
    const [buffer, offset] = this.take(8 * length);
    return new Float64Array(buffer, offset, length);
  }

  /** A zeroed Uint16Array of `length`. */
  uint16(length: number): Uint16Array {
    const [buffer, offset] = this.take(2 * length);
    return new Uint16Array(buffer, offset, length);
  }

  /** A zeroed Int16Array of `length`. */
  int16(length: number): Int16Array {
    const [buffer, offset] = this.take(2 * length);
    return new Int16Array(buffer, offset, length);
  }

  /** A zeroed Uint8Array of `length`. */
  uint8(length: number): Uint8Array {
    const [buffer, offset] = this.take(length);
    return new Uint8Array(buffer, offset, length);
  }
}

/**
 * Estimates the bytes a run needs before the explanations (buildExplanations reserves those once
 * their size is known): per applicant, per choice and per pool entry, plus the chain's key columns
 * and the quota fixed point's kernel scratch when the run has them. V8 counts the whole first
 * chunk as external memory, and the more it counts, the sooner it starts a full collection of the
 * input objects (about 0.4 s at a million applicants), so the estimate should be close, not generous;
 * running out opens a further chunk.
 * @param entries pool entries: choices, plus the reserved pools an applicant may also enter
 * @param pools the number of pools when a quota fixed point may run, else 0
 * @example new Arena(estimateRunBytes(n, choices, entries, { chain: true }))
 */
export function estimateRunBytes(
  applicants: number,
  choices: number,
  entries: number,
  uses: { chain?: boolean; fixedPointPools?: number } = {},
): number {
  let bytes = 96 * applicants + 2 * choices + 18 * entries + (1 << 20);
  // Chain keys: visit order, criterion columns, scaled and ranked copies, packed digits.
  if (uses.chain) bytes += 64 * applicants;
  // Fixed point (kernel.ts createKernelScratch, engine.ts start edges): two result sets, pending,
  // start, list-start bits, target state.
  const pools = uses.fixedPointPools ?? 0;
  if (pools > 0) bytes += 24 * applicants + (entries >>> 3) + 40 * pools + 64;
  return bytes;
}
