/**
 * Deferred-acceptance kernel on flat typed arrays: the hot loop shared by every allocation
 * (practice placements, grant pools, HR1 benchmark instances).
 *
 * References: Gale & Shapley (1962), "College admissions and the stability of marriage";
 * Gusfield & Irving (1989), "The Stable Marriage Problem", ch. 1.6 (hospitals/residents);
 * McVitie & Wilson (1971) for the displacement chain.
 *
 * Invariants: a target never holds more than `capacity` applicants; once full it stays full and
 * its worst held position only moves towards better positions, so all scans are O(E) in total.
 * Output: the applicant-optimal stable matching (unique, so byte-identical to shared/bench/alloc/da.c).
 * Complexity: O(E) time after the O(E) index build, E = number of acceptable applications.
 */

/** A many-to-one instance in CSR form. Positions are 0-based; a lower ranking position is better. */
export interface FlatInstance {
  /** Number of applicants. */
  readonly n: number;
  /** Number of targets (programmes, offers, pools). */
  readonly m: number;
  /** capacity[j]: seats of target j. */
  readonly capacity: Int32Array;
  /** Applicant i's choices are prefTarget[prefOffset[i] .. prefOffset[i+1]), best first. */
  readonly prefOffset: Int32Array;
  readonly prefTarget: Int32Array;
  /** rankAt[e]: position of the applicant of edge e in the ranking of target prefTarget[e]. */
  readonly rankAt: Int32Array;
  /** Target j's ranking is rankList[rankOffset[j] .. rankOffset[j+1]), best first (applicant ids). */
  readonly rankOffset: Int32Array;
  readonly rankList: Int32Array;
}

/** The result of one deferred-acceptance run. */
export interface KernelResult {
  /** match[i]: target of applicant i, or -1. */
  readonly match: Int32Array;
  /** matchEdge[i]: index of the edge (into prefTarget) on which i is held, or -1. */
  readonly matchEdge: Int32Array;
  /** count[j]: applicants held by target j. */
  readonly count: Int32Array;
  /** worst[j]: the worst ranking position held by j, or -1 when empty. */
  readonly worst: Int32Array;
}

/**
 * Runs applicant-proposing deferred acceptance.
 * @param inst the instance (not modified)
 * @returns the applicant-optimal stable matching and the final state of every target
 * @example const { match } = solveDeferredAcceptance(buildFlatInstance(...));
 */
export function solveDeferredAcceptance(inst: FlatInstance): KernelResult {
  const { n, m, capacity, prefOffset, prefTarget, rankAt, rankOffset, rankList } = inst;
  const held = new Uint8Array(rankList.length);
  const count = new Int32Array(m);
  const worst = new Int32Array(m).fill(-1);
  const match = new Int32Array(n).fill(-1);
  const matchEdge = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  next.set(prefOffset.subarray(0, n));
  for (let i0 = 0; i0 < n; i0++) {
    let a = i0;
    while (a >= 0) {
      let t = next[a]!;
      const end = prefOffset[a + 1]!;
      let displaced = -1;
      let accepted = false;
      for (; t < end; t++) {
        const p = prefTarget[t]!;
        const r = rankAt[t]!;
        const base = rankOffset[p]!;
        if (count[p]! < capacity[p]!) {
          held[base + r] = 1;
          count[p]!++;
          if (r > worst[p]!) worst[p] = r;
          accepted = true;
          break;
        }
        let w = worst[p]!;
        if (r < w) {
          // Better than the worst holder: displace it; the displaced applicant proposes next.
          held[base + w] = 0;
          displaced = rankList[base + w]!;
          match[displaced] = -1;
          matchEdge[displaced] = -1;
          held[base + r] = 1;
          while (held[base + w] === 0) w--;
          worst[p] = w;
          accepted = true;
          break;
        }
      }
      if (accepted) {
        match[a] = prefTarget[t]!;
        matchEdge[a] = t;
        next[a] = t + 1;
      } else {
        next[a] = end;
      }
      a = displaced;
    }
  }
  return { match, matchEdge, count, worst };
}
