/**
 * The annual strategy report laid out once, as tables in the report language, for both the PDF and the XLSX
 * (the impact report's Cell and ReportTable).
 */
import type { KpiDashboard, KpiDashboardItem, KpiValue, Locale, Project } from '@kadr/contracts';
import type { Cell, NumberKind, ReportTable } from '../../impact/impact-tables.ts';
import { type ReportLabels, reportLabels } from './report-i18n.ts';

/** What the report is made of: the dashboard as the reader may see it, and the projects. */
export interface StrategyReport {
  universityName: { kk: string; ru: string; en: string };
  generatedAt: string;
  dashboard: KpiDashboard;
  projects: Project[];
}

const KINDS: Record<string, NumberKind> = { count: 'integer', tiyn: 'money', ratio: 'percent' };

/** A KPI's figure as a cell: a number in the KPI's unit (tiyn as tenge), or why there is none. */
export function valueCell(
  item: KpiDashboardItem,
  value: KpiValue | { value: number | null; status: string },
  t: ReportLabels,
): Cell {
  if (value.status === 'withheld') return t.withheld;
  if (value.value === null) return t.noData;
  return numberCell(value.value, item.definition.unit);
}

function numberCell(value: number, unit: string): Cell {
  const kind = KINDS[unit] ?? 'decimal';
  return { value: kind === 'money' ? value / 100 : value, kind };
}

function summaryTable(report: StrategyReport, t: ReportLabels, lang: Locale): ReportTable {
  return {
    sheet: t.sheets.summary,
    heading: t.summary,
    headers: [t.kpi, t.value, t.target, t.deadline, t.progress],
    rows: report.dashboard.items.map((item) => [
      item.definition.name[lang],
      valueCell(item, item.current, t),
      item.target ? numberCell(item.target.value, item.definition.unit) : t.noTarget,
      item.target?.deadline ?? t.noTarget,
      item.progress === null ? t.noTarget : { value: item.progress, kind: 'percent' },
    ]),
    emptyText: t.none,
  };
}

function historyTable(report: StrategyReport, t: ReportLabels, lang: Locale): ReportTable {
  const periods = [...new Set(report.dashboard.items.flatMap((i) => i.history.map((h) => h.period)))].sort();
  return {
    sheet: t.sheets.history,
    heading: t.history,
    headers: [t.kpi, ...periods],
    rows:
      periods.length === 0
        ? []
        : report.dashboard.items.map((item) => [
            item.definition.name[lang],
            ...periods.map((period) => {
              const kept = item.history.find((h) => h.period === period);
              return kept ? valueCell(item, kept, t) : '';
            }),
          ]),
    emptyText: t.historyEmpty,
  };
}

/** The parts of the counts (branches open and planned, degree types, hours); money by year has its own table. */
function breakdownTable(report: StrategyReport, t: ReportLabels, lang: Locale): ReportTable {
  const rows: Cell[][] = [];
  for (const item of report.dashboard.items) {
    if (item.definition.unit === 'tiyn') continue;
    for (const part of item.current.breakdown)
      rows.push([
        item.definition.name[lang],
        t.parts[part.key] ?? part.key,
        { value: part.value, kind: 'integer' },
      ]);
  }
  return {
    sheet: t.sheets.breakdown,
    heading: t.breakdown,
    headers: [t.kpi, t.part, t.value],
    rows,
    emptyText: t.none,
  };
}

function investmentTable(report: StrategyReport, t: ReportLabels): ReportTable {
  const ppp = report.dashboard.items.find((i) => i.definition.id === 'ppp_investment');
  const state = report.dashboard.items.find((i) => i.definition.id === 'state_investment');
  const years = [
    ...new Set([...(ppp?.current.breakdown ?? []), ...(state?.current.breakdown ?? [])].map((b) => b.key)),
  ].sort();
  const amount = (item: KpiDashboardItem | undefined, year: string): Cell => {
    if (!item || item.current.status === 'withheld') return t.withheld;
    const part = item.current.breakdown.find((b) => b.key === year);
    return part ? { value: part.value / 100, kind: 'money' } : t.withheld;
  };
  return {
    sheet: t.sheets.investments,
    heading: t.investments,
    headers: [t.year, t.sources.ppp, t.sources.state],
    rows: years.map((year) => [year, amount(ppp, year), amount(state, year)]),
    emptyText: t.none,
  };
}

function projectsTable(report: StrategyReport, t: ReportLabels, lang: Locale): ReportTable {
  return {
    sheet: t.sheets.projects,
    heading: t.projects,
    headers: [t.project, t.kind, t.partner, t.agreement, t.status, t.milestones, t.overdue],
    rows: report.projects.map((p) => [
      p.name[lang] || p.name.ru,
      t.projectKinds[p.kind],
      p.organisationShortName ?? '',
      p.agreementNumber ?? '',
      t.projectStatuses[p.status],
      `${p.milestones.done} / ${p.milestones.total}`,
      { value: p.milestones.overdue, kind: 'integer' },
    ]),
    emptyText: t.none,
  };
}

/** The report's tables in `lang`: KPIs with targets, history, breakdown, investment by year, projects, formulas. */
export function reportTables(report: StrategyReport, lang: Locale): ReportTable[] {
  const t = reportLabels[lang];
  return [
    summaryTable(report, t, lang),
    historyTable(report, t, lang),
    breakdownTable(report, t, lang),
    investmentTable(report, t),
    projectsTable(report, t, lang),
    {
      sheet: t.sheets.formulas,
      heading: t.formulas,
      headers: [t.kpi, t.formula],
      rows: report.dashboard.items.map((i) => [i.definition.name[lang], i.definition.formula[lang]]),
      emptyText: t.none,
    },
  ];
}
