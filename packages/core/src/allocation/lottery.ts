/**
 * Seeded randomness: the lottery that ends every tie-break chain, and a small PRNG for generators.
 *
 * References: Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators" (SplitMix);
 * Appleby's MurmurHash3 finaliser (fmix32); Doty-Humphrey's sfc32 from PractRand; Salmon et al. (2011),
 * "Parallel random numbers: as easy as 1, 2, 3" for counter-based (keyed) generation.
 *
 * Design: every applicant draws one ticket, a 53-bit integer computed from (seed, applicant id)
 * alone, like a counter-based generator keyed by the id. A lower ticket wins. Because a ticket
 * depends on nothing else, the lottery is independent of input order, one ticket serves every
 * target (single tie-breaking), and anyone can recompute a published ticket from the seed and the id.
 * It is not cryptographic: publish the seed only after applications close.
 * Complexity: O(length of the id) per ticket.
 */

const TWO_32 = 4294967296;

/** The MurmurHash3 32-bit finaliser: a bijective avalanche mix. */
function mixBits32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes the UTF-16 code units of `text` with a 32-bit key. */
function hashText(text: string, key: number): number {
  let h = key | 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return mixBits32(h ^ text.length);
}

/**
 * Draws the lottery ticket of one applicant.
 * @param seed a non-negative safe integer
 * @param id the applicant id
 * @returns an integer in [0, 2^53); lower wins
 * @example drawTicket(42, 'a1') === drawTicket(42, 'a1') // always
 */
export function drawTicket(seed: number, id: string): number {
  const seedLow = (seed % TWO_32) | 0;
  const seedHigh = Math.floor(seed / TWO_32) | 0;
  const h1 = hashText(id, mixBits32(seedLow ^ 0x9e3779b9));
  const h2 = hashText(id, mixBits32(seedHigh ^ seedLow ^ 0x7f4a7c15));
  const high = mixBits32(h1 ^ ((h2 << 13) | (h2 >>> 19))) >>> 11;
  const low = mixBits32((h2 + Math.imul(h1, 0x9e3779b9)) | 0);
  return high * TWO_32 + low;
}

/** A stream of uniformly distributed 32-bit unsigned integers. */
export type Random = () => number;

/**
 * Creates an sfc32 generator seeded through splitmix32.
 * @param seed any integer
 * @example const next = createRandom(1); next() // a uint32
 */
export function createRandom(seed: number): Random {
  let state = seed | 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) | 0;
    return mixBits32(state);
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/**
 * Draws an integer in [0, bound) without modulo bias worth noticing for bound << 2^32.
 * @example pickInt(createRandom(1), 6) // 0..5
 */
export function pickInt(random: Random, bound: number): number {
  return Math.floor((random() / TWO_32) * bound);
}

/**
 * Shuffles an array in place with Fisher–Yates.
 * @example shuffleInPlace(createRandom(7), [1, 2, 3])
 */
export function shuffleInPlace<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = pickInt(random, i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}
