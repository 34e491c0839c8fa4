/**
 * The formulas of the strategy tracker's KPIs (DESIGN.md capability 8, DOMAIN.md §7), each a pure function of
 * plain rows the server reads from the operational data: nothing is typed twice. Each function's doc comment is
 * the formula; the registry (kpis.ts) repeats it in words in the three languages.
 */
import { type KpiMeasurement, measured, noData } from './measurement.ts';

/** The branch status a partner profile records. */
export type BranchStatusValue = 'none' | 'planned' | 'open';

/** An agreement's status on the day of measurement (effectiveAgreementStatus). */
export type AgreementStatusValue = 'draft' | 'active' | 'expiring' | 'expired' | 'terminated';

/**
 * Foreign university branches: value = the foreign partners with an open branch, where a partner counts as open
 * when its profile says `open` or it is a party to a branch agreement in force (active or expiring); breakdown
 * `open` and `planned`, where planned = the other partners whose profile says `planned` or who are party to a
 * draft branch agreement. The national target is five (DOMAIN.md §7).
 * @param partners the foreign partners' profiles
 * @param branchAgreements the branch agreements with their foreign parties (never the home university)
 */
export function countForeignBranches(input: {
  partners: { organisationId: number; branchStatus: BranchStatusValue }[];
  branchAgreements: { partyIds: number[]; status: AgreementStatusValue }[];
}): KpiMeasurement & { openIds: number[]; plannedIds: number[] } {
  const open = new Set<number>();
  const planned = new Set<number>();
  for (const p of input.partners) {
    if (p.branchStatus === 'open') open.add(p.organisationId);
    else if (p.branchStatus === 'planned') planned.add(p.organisationId);
  }
  for (const a of input.branchAgreements) {
    for (const id of a.partyIds) {
      if (a.status === 'active' || a.status === 'expiring') open.add(id);
      else if (a.status === 'draft') planned.add(id);
    }
  }
  for (const id of open) planned.delete(id);
  const openIds = [...open].sort((a, b) => a - b);
  const plannedIds = [...planned].sort((a, b) => a - b);
  return {
    ...measured(openIds.length, [
      { key: 'open', value: openIds.length },
      { key: 'planned', value: plannedIds.length },
    ]),
    openIds,
    plannedIds,
  };
}

/** A degree type: single, double or joint. */
export type DegreeTypeValue = 'single' | 'double' | 'joint';

/**
 * Joint and double-degree programmes: value = the catalogue programmes whose degree type is `double` or `joint`,
 * plus the joint-programme records of partner profiles of those types that no catalogue programme already
 * counts; a record is the same programme as a catalogue one when a co-developer of the catalogue programme
 * names the record's agreement and the degree types agree. Breakdown `double` and `joint`.
 */
export function countJointProgrammes(input: {
  catalogue: { id: number; degreeType: DegreeTypeValue; agreementIds: number[] }[];
  records: { id: number; degreeType: DegreeTypeValue; agreementId: number | null }[];
}): KpiMeasurement {
  const counts = { double: 0, joint: 0 };
  const inCatalogue = new Set<string>();
  for (const p of input.catalogue) {
    if (p.degreeType === 'single') continue;
    counts[p.degreeType]++;
    for (const agreementId of p.agreementIds) inCatalogue.add(`${agreementId}:${p.degreeType}`);
  }
  for (const r of input.records) {
    if (r.degreeType === 'single') continue;
    if (r.agreementId !== null && inCatalogue.has(`${r.agreementId}:${r.degreeType}`)) continue;
    counts[r.degreeType]++;
  }
  return measured(counts.double + counts.joint, [
    { key: 'double', value: counts.double },
    { key: 'joint', value: counts.joint },
  ]);
}

/** A ledger total of one source, year and organisation. */
export interface LedgerRow {
  source: string;
  year: number;
  organisationId: number | null;
  amountTiyn: number;
}

/**
 * Money invested from one source since a year: value = the sum in tiyn of the ledger's investments of `source`
 * made in `firstYear` or later; breakdown by year (every year from `firstYear` to `lastYear`, zeros included);
 * contributors = the distinct organisations named on those investments.
 * @example investedSince({ rows, source: 'ppp_partner', firstYear: 2015, lastYear: 2026 })
 */
export function investedSince(input: {
  rows: LedgerRow[];
  source: string;
  firstYear: number;
  lastYear: number;
}): KpiMeasurement {
  const byYear = new Map<number, number>();
  for (let year = input.firstYear; year <= input.lastYear; year++) byYear.set(year, 0);
  const organisations = new Set<number>();
  let total = 0;
  for (const row of input.rows) {
    if (row.source !== input.source || row.year < input.firstYear) continue;
    total += row.amountTiyn;
    byYear.set(row.year, (byYear.get(row.year) ?? 0) + row.amountTiyn);
    if (row.organisationId !== null) organisations.add(row.organisationId);
  }
  const breakdown = [...byYear].map(([year, value]) => ({ key: String(year), value }));
  return measured(total, breakdown, organisations.size > 0 ? organisations.size : null);
}

/** Used and available hours of one asset (a row of the utilisation report). */
export interface AssetHoursRow {
  assetType: 'lab' | 'equipment';
  usedHours: number;
  availableHours: number;
}

/**
 * Utilisation of labs or of equipment: value = the sum of used hours over the sum of available hours of the
 * assets of `assetType` in the period of the utilisation report (material/utilisation.ts), a share from 0 to 1
 * rounded to four places; `no_data` when no hours are available. Breakdown `usedHours`, `availableHours`.
 */
export function utilisationOf(rows: AssetHoursRow[], assetType: 'lab' | 'equipment'): KpiMeasurement {
  let used = 0;
  let available = 0;
  for (const row of rows) {
    if (row.assetType !== assetType) continue;
    used += row.usedHours;
    available += row.availableHours;
  }
  if (available <= 0) return noData();
  return measured(Math.round((used / available) * 10_000) / 10_000, [
    { key: 'usedHours', value: Math.round(used * 100) / 100 },
    { key: 'availableHours', value: Math.round(available * 100) / 100 },
  ]);
}

/**
 * A count whose input may not exist yet (students in practice, in dual education): `no_data` when the count is
 * undefined, never zero in its place.
 */
export function countOf(count: number | undefined): KpiMeasurement {
  return count === undefined ? noData() : measured(count);
}

/**
 * A rate (placement rate = students placed / students who applied; hire rate = hired after practice / completed
 * practice): value = numerator / denominator rounded to four places; `no_data` when either input is missing or
 * the denominator is zero. Breakdown `numerator`, `denominator`.
 */
export function rateOf(input: { numerator: number; denominator: number } | undefined): KpiMeasurement {
  if (!input || input.denominator <= 0) return noData();
  return measured(Math.round((input.numerator / input.denominator) * 10_000) / 10_000, [
    { key: 'numerator', value: input.numerator },
    { key: 'denominator', value: input.denominator },
  ]);
}
