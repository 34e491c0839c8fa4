import { type ImpactReport, type Locale, localized } from '@kadr/contracts';
import { type ImpactLabels, impactLabels } from './impact-i18n.ts';

/** How a number is shown: whole, 2 decimals, tenge with 2 decimals, or a percentage of a 0..1 share. */
export type NumberKind = 'integer' | 'decimal' | 'money' | 'percent';

/** A cell of a report table: text, or a number with its kind (XLSX keeps it a number). */
export type Cell = string | { value: number; kind: NumberKind };

/** One section of the report, laid out once for both the PDF and the XLSX. */
export interface ReportTable {
  sheet: string;
  heading: string;
  headers: string[];
  rows: Cell[][];
  /** Shown instead of an empty table. */
  emptyText: string;
}

const n = (value: number, kind: NumberKind = 'integer'): Cell => ({ value, kind });
const kzt = (tiyn: number): Cell => n(tiyn / 100, 'money');

function summaryTable(r: ImpactReport, t: ImpactLabels): ReportTable {
  const s = r.summary;
  return {
    sheet: t.sheets.summary,
    heading: t.summary,
    headers: [t.indicator, t.value],
    rows: [
      [t.investedTotal, kzt(s.investedTiyn)],
      [t.investmentsCount, n(s.investments)],
      [t.labs, n(s.labs)],
      [t.equipment, n(s.equipment)],
      [t.sessions, n(s.sessions)],
      [t.hoursUsed, n(s.hoursUsed, 'decimal')],
      [t.studentHours, n(s.studentHours, 'decimal')],
      [t.attributedStudentHours, n(s.attributedStudentHours, 'decimal')],
      [t.distinctStudents, n(s.distinctStudents)],
      [t.disciplines, n(s.disciplines)],
    ],
    emptyText: t.none,
  };
}

function investmentsTable(r: ImpactReport, lang: Locale, t: ImpactLabels): ReportTable {
  return {
    sheet: t.sheets.investments,
    heading: t.investments,
    headers: [t.date, t.source, t.amount, t.original, t.agreement, t.description],
    rows: r.investments.map((i) => [
      i.investedOn,
      t.sources[i.source],
      kzt(i.amountTiyn),
      i.original ? `${i.original.amount} ${i.original.currency} × ${Number(i.original.rate)}` : '',
      i.agreementNumber ?? '',
      localized(i.description, lang),
    ]),
    emptyText: t.none,
  };
}

function assetsTable(r: ImpactReport, t: ImpactLabels): ReportTable {
  return {
    sheet: t.sheets.assets,
    heading: t.assets,
    headers: [
      t.type,
      t.code,
      t.name,
      t.area,
      t.funded,
      t.share,
      t.sessions,
      t.hoursUsed,
      t.studentHours,
      t.attributedStudentHours,
      t.distinctStudents,
    ],
    rows: r.assets.map((a) => [
      t.assetTypes[a.assetType],
      a.code,
      a.name,
      t.areas[a.priorityArea],
      kzt(a.fundedByPartnerTiyn),
      n(a.partnerShare, 'percent'),
      n(a.sessions),
      n(a.hoursUsed, 'decimal'),
      n(a.studentHours, 'decimal'),
      n(a.attributedStudentHours, 'decimal'),
      n(a.distinctStudents),
    ]),
    emptyText: t.none,
  };
}

/** The competencies trained on the partner's assets; names in the report language, else another one present. */
function competenciesTable(r: ImpactReport, lang: Locale, t: ImpactLabels): ReportTable {
  return {
    sheet: t.sheets.competencies,
    heading: t.competencies,
    headers: [
      t.competency,
      t.framework,
      t.type,
      t.targetLevel,
      t.disciplines,
      t.sessions,
      t.studentHours,
      t.attributedStudentHours,
      t.shareOfHours,
    ],
    rows: r.competencies.items.map((c) => [
      `${c.code} ${c.name[lang] || c.name.en || c.name.ru || c.name.kk}`,
      c.frameworkCode,
      t.competencyTypes[c.type],
      n(c.targetLevel),
      n(c.disciplines),
      n(c.sessions),
      n(c.studentHours, 'decimal'),
      n(c.attributedStudentHours, 'decimal'),
      n(c.share, 'percent'),
    ]),
    emptyText: t.competenciesNone,
  };
}

/**
 * The sections of an impact report in the report language: summary, investments, assets, disciplines,
 * years and competencies.
 */
export function impactTables(report: ImpactReport, lang: Locale): ReportTable[] {
  const t = impactLabels[lang];
  return [
    summaryTable(report, t),
    investmentsTable(report, lang, t),
    assetsTable(report, t),
    {
      sheet: t.sheets.disciplines,
      heading: t.disciplinesSection,
      headers: [t.discipline, t.sessions, t.studentHours, t.distinctStudents],
      rows: report.disciplines.map((d) => [
        d.disciplineName,
        n(d.sessions),
        n(d.studentHours, 'decimal'),
        n(d.distinctStudents),
      ]),
      emptyText: t.none,
    },
    {
      sheet: t.sheets.years,
      heading: t.byYear,
      headers: [t.year, t.sessions, t.studentHours],
      rows: report.byYear.map((y) => [String(y.year), n(y.sessions), n(y.studentHours, 'decimal')]),
      emptyText: t.none,
    },
    competenciesTable(report, lang, t),
  ];
}
