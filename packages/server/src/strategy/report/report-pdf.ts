import type { Locale } from '@kadr/contracts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { calendarDateOf } from '@kadr/core';
import { tableContent } from '../../impact/impact-pdf.ts';
import { pdfmakeWithFonts } from '../../plugins/pdf-fonts.ts';
import { formatNumber } from '../../impact/impact-i18n.ts';
import { reportLabels } from './report-i18n.ts';
import { reportTables, type StrategyReport } from './report-tables.ts';

const BAR_WIDTH = 260;

/** A horizontal bar as SVG: `share` of the width filled (capped at the full width), a line at 100 % when asked. */
function bar(share: number, color: string): string {
  const filled = Math.max(0, Math.min(1, share)) * BAR_WIDTH;
  return `<svg width="${BAR_WIDTH}" height="12" viewBox="0 0 ${BAR_WIDTH} 12"><rect x="0" y="1" width="${BAR_WIDTH}" height="10" fill="#e9ecef"/><rect x="0" y="1" width="${filled.toFixed(1)}" height="10" fill="${color}"/></svg>`;
}

/** A chart drawn as a table of labelled bars (no text inside the SVG, so every label is in the report's font). */
function barChart(
  heading: string,
  rows: { label: string; share: number; text: string }[],
  color: string,
): Content[] {
  if (rows.length === 0) return [];
  return [
    { text: heading, style: 'heading' },
    {
      table: {
        widths: [220, BAR_WIDTH, '*'],
        body: rows.map((r) => [
          { text: r.label },
          { svg: bar(r.share, color), width: BAR_WIDTH },
          { text: r.text },
        ]),
      },
      layout: 'noBorders',
      fontSize: 8,
      margin: [0, 0, 0, 8],
    },
  ];
}

function charts(report: StrategyReport, lang: Locale): Content[] {
  const t = reportLabels[lang];
  const progress = report.dashboard.items
    .filter((i) => i.progress !== null)
    .map((i) => ({
      label: i.definition.name[lang],
      share: i.progress!,
      text: `${formatNumber(i.progress! * 100, lang, 0)} %`,
    }));
  const byYear = new Map<string, number>();
  for (const id of ['ppp_investment', 'state_investment']) {
    const item = report.dashboard.items.find((i) => i.definition.id === id);
    for (const b of item?.current.breakdown ?? []) byYear.set(b.key, (byYear.get(b.key) ?? 0) + b.value);
  }
  const largest = Math.max(1, ...byYear.values());
  const investment = [...byYear]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, tiyn]) => ({ label: year, share: tiyn / largest, text: formatNumber(tiyn / 100, lang, 0) }));
  return [
    ...barChart(t.progressChart, progress, '#1c7ed6'),
    ...barChart(t.investments, investment, '#2f9e44'),
  ];
}

/** The pdfmake document of the annual strategy report, every heading in the report language. */
export function strategyDocument(
  report: StrategyReport,
  lang: Locale,
  timeZone: string,
): TDocumentDefinitions {
  const t = reportLabels[lang];
  const university = report.universityName[lang] || report.universityName.ru;
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: `${t.title} ${report.dashboard.asOf.slice(0, 4)}` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true },
    },
    content: [
      { text: t.title, style: 'title' },
      { text: t.subtitle(university, report.dashboard.asOf.slice(0, 4)), fontSize: 13 },
      {
        text: `${t.asOf}: ${report.dashboard.asOf}. ${t.generated}: ${calendarDateOf(new Date(report.generatedAt), timeZone)}`,
        margin: [0, 2, 0, 6],
      },
      ...charts(report, lang),
      ...reportTables(report, lang).flatMap((table) => tableContent(table, lang)),
      { text: t.confidentialNote, italics: true, fontSize: 8, margin: [0, 8, 0, 0] },
    ],
  };
}

/** Renders the annual strategy report as a PDF (pdfmake 0.3, the bundled Roboto with Kazakh letters). */
export async function renderStrategyPdf(
  report: StrategyReport,
  lang: Locale,
  timeZone: string,
): Promise<Buffer> {
  return pdfmakeWithFonts()
    .createPdf(strategyDocument(report, lang, timeZone))
    .getBuffer();
}
