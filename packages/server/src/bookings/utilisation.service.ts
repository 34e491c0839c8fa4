import { type AssetUtilisation, MAX_UTILISATION_DAYS, type UtilisationReport } from '@kadr/contracts';
import {
  equipmentRepository,
  investmentsRepository,
  labsRepository,
  organisationsRepository,
  usageRepository,
} from '@kadr/db';
import { todayOf } from '../agreements/agreements.service.ts';
import {
  type AssetInfo as CoreAssetInfo,
  addDays,
  computeUtilisation,
  daysBetween,
  startOfDate,
} from '@kadr/core';
import type { ServiceContext } from '../context.ts';
import { fieldIssue, validationError } from '../errors.ts';

/** An asset as the report carries it: the contracts' code, trilingual name and priority area. */
type AssetInfo = CoreAssetInfo<Pick<AssetUtilisation, 'code' | 'name' | 'priorityArea'>>;

/** The labs and the equipment in service (written-off items left out), as the utilisation report carries them. */
export async function assetsOf(
  ctx: ServiceContext,
  assetType: 'lab' | 'equipment' | undefined,
): Promise<AssetInfo[]> {
  const assets: AssetInfo[] = [];
  if (assetType !== 'equipment') {
    for (const l of await labsRepository.all(ctx.db))
      assets.push({
        assetType: 'lab',
        assetId: l.id,
        code: l.code,
        name: l.name,
        priorityArea: l.priorityArea,
      });
  }
  if (assetType !== 'lab') {
    for (const e of await equipmentRepository.all(ctx.db)) {
      if (e.condition === 'written_off') continue;
      assets.push({
        assetType: 'equipment',
        assetId: e.id,
        code: e.inventoryNumber,
        name: e.name,
        priorityArea: e.priorityArea,
        availableFrom: e.acquiredOn,
      });
    }
  }
  return assets;
}

/**
 * Utilisation of labs and equipment over a period (default: the 365 days up to today), per asset, per
 * month and per funding source and partner. Written-off equipment is left out.
 */
export async function utilisationReport(
  ctx: ServiceContext,
  query: {
    from?: string | undefined;
    to?: string | undefined;
    assetType?: 'lab' | 'equipment' | undefined;
    hoursPerDay: number;
  },
): Promise<UtilisationReport> {
  const to = query.to ?? todayOf(ctx);
  const from = query.from ?? addDays(to, -364);
  if (from > to) throw validationError([fieldIssue('query.from', 'periodInOrder', 'from is after to')]);
  if (daysBetween(from, to) + 1 > MAX_UTILISATION_DAYS)
    throw validationError([
      fieldIssue(
        'query.to',
        'periodLength',
        `The period is at most ${MAX_UTILISATION_DAYS} days (ten years) long`,
        {
          maximum: MAX_UTILISATION_DAYS,
        },
      ),
    ]);
  const [start, end] = [startOfDate(from, ctx.timeZone), startOfDate(addDays(to, 1), ctx.timeZone)];
  const monthHours = await usageRepository.byMonthAndAsset(ctx.db, start, end, ctx.timeZone);
  const funding = await investmentsRepository.assetFunding(ctx.db);
  const partnerIds = new Set(funding.flatMap((f) => (f.organisationId === null ? [] : [f.organisationId])));
  const partnerNames = await organisationsRepository.shortNames(ctx.db, [...partnerIds]);
  return computeUtilisation({
    from,
    to,
    hoursPerDay: query.hoursPerDay,
    assets: await assetsOf(ctx, query.assetType),
    monthHours,
    funding,
    partnerNames,
  });
}
