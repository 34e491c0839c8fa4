import type {
  AssetType,
  AssetUtilisation,
  InvestmentSource,
  MonthUtilisation,
  PriorityArea,
  Trilingual,
  UtilisationReport,
} from '@kadr/contracts';
import { addDays, weekdaysBetween } from '@kadr/core';

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

/** Hours of one asset in one calendar month (`YYYY-MM`). */
export interface AssetMonthHours extends AssetHours {
  month: string;
}

/** Allocations to one asset from one (source, organisation) pair. */
export interface AssetFundingRow {
  labId: number | null;
  equipmentId: number | null;
  source: InvestmentSource;
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
      source: row.source,
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

/** The first day of month number `index` (year × 12 + month - 1). setUTCFullYear: Date.UTC maps 0-99 to 19xx. */
function firstOfMonth(index: number): string {
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(index / 12), index % 12, 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The calendar months overlapping [from, to], each clipped to the period. Months are counted as numbers, not by
 * comparing formatted dates, so that the loop ends on any input (none for a reversed or malformed period).
 */
export function monthsOf(from: string, to: string): { month: string; from: string; to: string }[] {
  const months: { month: string; from: string; to: string }[] = [];
  const indexOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  const [first, last] = [indexOf(from), indexOf(to)];
  if (!Number.isFinite(first) || !Number.isFinite(last)) return months;
  for (let index = first; index <= last; index++) {
    const start = firstOfMonth(index);
    const end = addDays(firstOfMonth(index + 1), -1);
    months.push({
      month: start.slice(0, 7),
      from: index === first ? from : start,
      to: index === last ? to : end,
    });
  }
  return months;
}

/**
 * Per month of the period: hours summed over the assets given (rows of other assets are ignored) and
 * available hours = the month's weekdays from each asset's acquisition × hoursPerDay.
 */
export function utilisationByMonth(
  period: { from: string; to: string; hoursPerDay: number },
  assets: AssetInfo[],
  rows: AssetMonthHours[],
): MonthUtilisation[] {
  const inScope = new Set(assets.map((a) => `${a.assetType}:${a.assetId}`));
  return monthsOf(period.from, period.to).map((m) => {
    const weekdays = weekdaysBetween(m.from, m.to);
    let availableDays = 0;
    for (const { availableFrom } of assets) {
      // Only an asset acquired within the month needs its own count.
      if (!availableFrom || availableFrom <= m.from) availableDays += weekdays;
      else if (availableFrom <= m.to) availableDays += weekdaysBetween(availableFrom, m.to);
    }
    const sum = { bookedHours: 0, usedHours: 0, sessions: 0 };
    for (const row of rows) {
      if (row.month !== m.month || !inScope.has(keyOf(row.labId, row.equipmentId))) continue;
      sum.bookedHours += row.bookedHours;
      sum.usedHours += row.usedHours;
      sum.sessions += row.sessions;
    }
    const availableHours = availableDays * period.hoursPerDay;
    return {
      month: m.month,
      bookedHours: round(sum.bookedHours, 2),
      usedHours: round(sum.usedHours, 2),
      availableHours,
      utilisation: ratio(sum.usedHours, availableHours),
      sessions: sum.sessions,
    };
  });
}

/** Each asset's hours over the whole period: the sums of its month rows. */
function totalsByAsset(rows: AssetMonthHours[]): Map<string, AssetHours> {
  const totals = new Map<string, AssetHours>();
  for (const { month: _month, ...row } of rows) {
    const key = keyOf(row.labId, row.equipmentId);
    const total = totals.get(key);
    if (!total) totals.set(key, { ...row });
    else {
      total.bookedHours += row.bookedHours;
      total.usedHours += row.usedHours;
      total.sessions += row.sessions;
    }
  }
  return totals;
}

/**
 * Utilisation per asset (used / available hours), per funding source and partner, where a funder's
 * part of an asset's hours is its share of the asset's funding, and per calendar month. Pure: the period comes in as dates.
 * Available hours = weekdays in the period (from the asset's acquisition) × hoursPerDay.
 */
export function computeUtilisation(input: {
  from: string;
  to: string;
  hoursPerDay: number;
  assets: AssetInfo[];
  /** Hours per asset and month; an asset's totals are the sums over its months. */
  monthHours: AssetMonthHours[];
  funding: AssetFundingRow[];
  partnerNames: Map<number, string>;
}): UtilisationReport {
  const hoursByAsset = totalsByAsset(input.monthHours);
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
    byMonth: utilisationByMonth(input, input.assets, input.monthHours),
  };
}
