import type { PlacementInput } from '@kadr/core';
import type { ServiceContext } from '../context.ts';

/**
 * The seam to placements and hires after practice (issue 13 item 2). The placements capability (issue 12) is being
 * built in parallel: its tables reached main while this was written, but not yet the rule of which placements count
 * for a graduation year. Until then this answers null and the gap report says so (`placementsAvailable: false`,
 * placements and hires null in every cell: never a zero that would read as "none placed"). Wiring it: read, per
 * programme group, priority area and year, the students placed for practice (confirmed, in progress, completed)
 * and those hired after it (`placements.hired_on`); computeGaps adds them to the cells unchanged.
 */
export async function placementFigures(_ctx: ServiceContext): Promise<PlacementInput[] | null> {
  return null;
}
