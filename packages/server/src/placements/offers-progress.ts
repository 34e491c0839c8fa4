/**
 * The progress of the partners' "places per year" obligations: the places their published offers starting this
 * calendar year (in the university's time zone) bring, against the places promised. Read by the agreement,
 * obligation and partner views.
 */
import { placementOffersRepository } from '@kadr/db';
import { calendarDateOf } from '@kadr/core';
import type { ServiceContext } from '../context.ts';

/** Obligation id → places offered this year, for the practice-places obligations among `obligations`. */
export async function placesOfferedThisYear(
  ctx: ServiceContext,
  obligations: readonly { id: number; kind: string }[],
): Promise<Map<number, number>> {
  const ids = obligations.filter((o) => o.kind === 'practice_places').map((o) => o.id);
  return placementOffersRepository.placesOffered(
    ctx.db,
    ids,
    Number(calendarDateOf(ctx.now(), ctx.timeZone).slice(0, 4)),
  );
}
