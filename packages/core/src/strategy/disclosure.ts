/**
 * The threshold rule for partner-confidential figures (issue 13, item 7): the ministry's observer sees a sum of
 * partners' money only when at least three partners contribute to it, so that no single partner's (or pair's)
 * amount can be read or subtracted out of it. Staff see every figure.
 */

/** The least number of contributing partners for a confidential figure to be shown to an observer. */
export const DISCLOSURE_THRESHOLD = 3;

/**
 * True when a figure may be shown: it is not confidential, or the viewer sees confidential figures, or at least
 * `threshold` partners contribute to it.
 * @example isDisclosable({ confidential: true, contributors: 2, seesConfidential: false }) // false
 */
export function isDisclosable(input: {
  confidential: boolean;
  contributors: number | null;
  seesConfidential: boolean;
  threshold?: number;
}): boolean {
  if (!input.confidential || input.seesConfidential) return true;
  return (input.contributors ?? 0) >= (input.threshold ?? DISCLOSURE_THRESHOLD);
}
