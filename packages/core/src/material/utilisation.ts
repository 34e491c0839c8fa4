/**
 * Utilisation of the material base (DESIGN.md capability 3): used against available hours per asset, per
 * funder (in proportion to its share of the asset's funding) and per calendar month. Pure: the period comes in
 * as dates, the assets, hours and funding as rows. The report's types are generic in what it carries through
 * unchanged (an asset's code, name and area) and in the funding sources, so that core names no API type; the
 * server instantiates them with the contracts' types (utilisationReportSchema).
 */
import { addDays, weekdaysBetween } from '../calendar.ts';

/** A lab or an item of equipment, with what the report carries of it unchanged (`Info`: code, name, area). */
export type AssetInfo<Info extends object = object> = Info & {
  assetType: 'lab' | 'equipment';
  assetId: number;
  /** Equipment is available from its acquisition date. */
  availableFrom?: string | undefined;
};

/** A funder's share of one asset (0 to 1), by funding source and partner organisation. */
export interface FundingShare<Source extends string = string> {
  source: Source;
  organisationId: number | null;
  share: number;
}

/** Used, available and their ratio. */
export interface HoursUse {
  usedHours: number;
  availableHours: number;
  /** usedHours / availableHours, 0 when nothing is available. */
  utilisation: number;
}

/** One asset's row of the report. */
export type AssetUtilisation<Info extends object = object, Source extends string = string> = Omit<
  AssetInfo<Info>,
  'availableFrom'
> &
  HoursUse & { bookedHours: number; sessions: number; funding: FundingShare<Source>[] };

/** One calendar month of the period, summed over the assets in scope. */
export interface MonthUtilisation extends HoursUse {
  month: string;
  bookedHours: number;
  sessions: number;
}

/** The whole report: per asset, per funding source (`unfunded` for assets without funding), per partner, per month. */
export interface UtilisationReport<Info extends object = object, Source extends string = string> {
  from: string;
  to: string;
  hoursPerDay: number;
  assets: AssetUtilisation<Info, Source>[];
  bySource: ({ source: Source | 'unfunded' } & HoursUse)[];
  byPartner: ({ organisationId: number; shortName: string } & HoursUse)[];
  byMonth: MonthUtilisation[];
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
export interface AssetFundingRow<Source extends string = string> {
  labId: number | null;
  equipmentId: number | null;
  source: Source;
  organisationId: number | null;
  amountTiyn: number;
}

const keyOf = (labId: number | null, equipmentId: number | null) =>
  labId !== null ? `lab:${labId}` : `equipment:${equipmentId}`;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (used: number, available: number) => (available > 0 ? round(used / available, 4) : 0);

/** Each funder's share of each asset: its allocations over all allocations to the asset. */
export function fundingShares<Source extends string>(
  rows: AssetFundingRow<Source>[],
): Map<string, FundingShare<Source>[]> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.labId, row.equipmentId);
    totals.set(key, (totals.get(key) ?? 0) + row.amountTiyn);
  }
  const shares = new Map<string, FundingShare<Source>[]>();
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
function assetRow<Info extends object, Source extends string>(
  asset: AssetInfo<Info>,
  period: { from: string; to: string; hoursPerDay: number },
  hours: AssetHours | undefined,
  funding: FundingShare<Source>[],
  buckets: Buckets,
): AssetUtilisation<Info, Source> {
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
 * available hours = the month's weekdays from each asset's acquisition × hoursPerDay. The rows are summed per
 * month in one pass (in their order, so the sums are the same as month by month), not once per month: a
 * ten-year period has 120 months.
 */
export function utilisationByMonth(
  period: { from: string; to: string; hoursPerDay: number },
  assets: AssetInfo[],
  rows: AssetMonthHours[],
): MonthUtilisation[] {
  const inScope = new Set(assets.map((a) => `${a.assetType}:${a.assetId}`));
  const sums = new Map<string, { bookedHours: number; usedHours: number; sessions: number }>();
  for (const row of rows) {
    if (!inScope.has(keyOf(row.labId, row.equipmentId))) continue;
    let sum = sums.get(row.month);
    if (!sum) {
      sum = { bookedHours: 0, usedHours: 0, sessions: 0 };
      sums.set(row.month, sum);
    }
    sum.bookedHours += row.bookedHours;
    sum.usedHours += row.usedHours;
    sum.sessions += row.sessions;
  }
  return monthsOf(period.from, period.to).map((m) => {
    const weekdays = weekdaysBetween(m.from, m.to);
    let availableDays = 0;
    for (const { availableFrom } of assets) {
      // Only an asset acquired within the month needs its own count.
      if (!availableFrom || availableFrom <= m.from) availableDays += weekdays;
      else if (availableFrom <= m.to) availableDays += weekdaysBetween(availableFrom, m.to);
    }
    const sum = sums.get(m.month) ?? { bookedHours: 0, usedHours: 0, sessions: 0 };
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
export function computeUtilisation<Info extends object, Source extends string>(input: {
  from: string;
  to: string;
  hoursPerDay: number;
  assets: AssetInfo<Info>[];
  /** Hours per asset and month; an asset's totals are the sums over its months. */
  monthHours: AssetMonthHours[];
  funding: AssetFundingRow<Source>[];
  partnerNames: Map<number, string>;
}): UtilisationReport<Info, Source> {
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
      source: source as Source | 'unfunded',
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
