import type {
  AssetType,
  AssetUtilisation,
  InvestmentSource,
  PriorityArea,
  Trilingual,
  UtilisationReport,
} from '@kadr/contracts';
import { weekdaysBetween } from '../agreements/calendar.ts';

/** An asset as the utilisation report needs it. */
export interface AssetInfo {
  assetType: AssetType;
  assetId: number;
  code: string;
  name: Trilingual;
  priorityArea: PriorityArea;
  /** Equipment is available from its acquisition date. */
  availableFrom?: string | undefined;
}

/** Hours of one asset in the period. */
export interface AssetHours {
  labId: number | null;
  equipmentId: number | null;
  bookedHours: number;
  usedHours: number;
  sessions: number;
}

/** Allocations to one asset from one (source, organisation) pair. */
export interface AssetFundingRow {
  labId: number | null;
  equipmentId: number | null;
  source: string;
  organisationId: number | null;
  amountTiyn: number;
}

const keyOf = (labId: number | null, equipmentId: number | null) =>
  labId !== null ? `lab:${labId}` : `equipment:${equipmentId}`;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (used: number, available: number) => (available > 0 ? round(used / available, 4) : 0);

/** Each funder's share of each asset: its allocations over all allocations to the asset. */
export function fundingShares(rows: AssetFundingRow[]): Map<string, AssetUtilisation['funding']> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.labId, row.equipmentId);
    totals.set(key, (totals.get(key) ?? 0) + row.amountTiyn);
  }
  const shares = new Map<string, AssetUtilisation['funding']>();
  for (const row of rows) {
    const key = keyOf(row.labId, row.equipmentId);
    const list = shares.get(key) ?? [];
    list.push({
      source: row.source as InvestmentSource,
      organisationId: row.organisationId,
      share: round(row.amountTiyn / totals.get(key)!, 6),
    });
    shares.set(key, list);
  }
  return shares;
}

type Bucket = { usedHours: number; availableHours: number };
function addTo(buckets: Map<string, Bucket>, key: string, used: number, available: number): void {
  const bucket = buckets.get(key) ?? { usedHours: 0, availableHours: 0 };
  bucket.usedHours += used;
  bucket.availableHours += available;
  buckets.set(key, bucket);
}

type Buckets = { bySource: Map<string, Bucket>; byPartner: Map<string, Bucket> };

/** One asset's row; adds its hours to the funders' buckets in proportion to their shares. */
function assetRow(
  asset: AssetInfo,
  period: { from: string; to: string; hoursPerDay: number },
  hours: AssetHours | undefined,
  funding: AssetUtilisation['funding'],
  buckets: Buckets,
): AssetUtilisation {
  const { availableFrom, ...info } = asset;
  const start = availableFrom && availableFrom > period.from ? availableFrom : period.from;
  const availableHours = weekdaysBetween(start, period.to) * period.hoursPerDay;
  const usedHours = hours?.usedHours ?? 0;
  if (funding.length === 0) addTo(buckets.bySource, 'unfunded', usedHours, availableHours);
  for (const f of funding) {
    addTo(buckets.bySource, f.source, usedHours * f.share, availableHours * f.share);
    if (f.organisationId !== null)
      addTo(buckets.byPartner, String(f.organisationId), usedHours * f.share, availableHours * f.share);
  }
  return {
    ...info,
    availableHours,
    bookedHours: round(hours?.bookedHours ?? 0, 2),
    usedHours: round(usedHours, 2),
    utilisation: ratio(usedHours, availableHours),
    sessions: hours?.sessions ?? 0,
    funding,
  };
}

const summarise = (b: Bucket) => ({
  usedHours: round(b.usedHours, 2),
  availableHours: round(b.availableHours, 2),
  utilisation: ratio(b.usedHours, b.availableHours),
});

/**
 * Utilisation per asset (used / available hours) and per funding source and partner, where a funder's
 * part of an asset's hours is its share of the asset's funding. Pure: the period comes in as dates.
 * Available hours = weekdays in the period (from the asset's acquisition) × hoursPerDay.
 */
export function computeUtilisation(input: {
  from: string;
  to: string;
  hoursPerDay: number;
  assets: AssetInfo[];
  hours: AssetHours[];
  funding: AssetFundingRow[];
  partnerNames: Map<number, string>;
}): UtilisationReport {
  const hoursByAsset = new Map(input.hours.map((h) => [keyOf(h.labId, h.equipmentId), h]));
  const shares = fundingShares(input.funding);
  const buckets: Buckets = { bySource: new Map(), byPartner: new Map() };
  const assets = input.assets.map((asset) => {
    const key = `${asset.assetType}:${asset.assetId}`;
    return assetRow(asset, input, hoursByAsset.get(key), shares.get(key) ?? [], buckets);
  });
  return {
    from: input.from,
    to: input.to,
    hoursPerDay: input.hoursPerDay,
    assets,
    bySource: [...buckets.bySource].map(([source, b]) => ({
      source: source as InvestmentSource | 'unfunded',
      ...summarise(b),
    })),
    byPartner: [...buckets.byPartner].map(([id, b]) => ({
      organisationId: Number(id),
      shortName: input.partnerNames.get(Number(id)) ?? '',
      ...summarise(b),
    })),
  };
}
