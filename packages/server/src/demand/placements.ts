import { type PlacementInput, placementSupply, regionOfCity } from '@kadr/core';
import { practiceFactsRepository } from '@kadr/db';
import type { ServiceContext } from '../context.ts';

/**
 * Placements and hires after practice by programme group, priority area, region and year (issue 13 item 2), read
 * from the placements tables and counted by @kadr/core's placementSupply (docs/capabilities/demand.md).
 */
export async function placementFigures(ctx: ServiceContext): Promise<PlacementInput[]> {
  return placementSupply(await practiceFactsRepository.placements(ctx.db));
}

/** The region code of the home university's campus (from its city), whose supply the graduates are; or null. */
export async function homeRegion(ctx: ServiceContext): Promise<string | null> {
  return regionOfCity(await practiceFactsRepository.homeCity(ctx.db));
}
