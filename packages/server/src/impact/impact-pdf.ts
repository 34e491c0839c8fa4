import type { ImpactReport, Locale } from '@kadr/contracts';
import { pdfmakeWithFonts } from '../plugins/pdf-fonts.ts';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { calendarDateOf } from '@kadr/core';
import { formatNumber, impactLabels } from './impact-i18n.ts';
import { type Cell, impactTables, type ReportTable } from './impact-tables.ts';
import { type Attachment, PDF_TYPE } from '../attachment.ts';
import type { ServiceContext } from '../context.ts';
import { impactReport } from './impact.service.ts';

function cellText(cell: Cell, lang: Locale): TableCell {
  if (typeof cell === 'string') return { text: cell };
  const text =
    cell.kind === 'percent'
      ? `${formatNumber(cell.value * 100, lang, 1)} %`
      : formatNumber(cell.value, lang, cell.kind === 'integer' ? 0 : 2);
  return { text, alignment: 'right' };
}

/** A report table as pdfmake content: its heading, then the table or its empty text. */
export function tableContent(table: ReportTable, lang: Locale): Content[] {
  const heading: Content = { text: table.heading, style: 'heading' };
  if (table.rows.length === 0)
    return [heading, { text: table.emptyText, italics: true, margin: [0, 0, 0, 8] }];
  return [
    heading,
    {
      table: {
        headerRows: 1,
        widths: table.headers.map((_, i) => (i === 0 || table.headers.length <= 2 ? '*' : 'auto')),
        body: [
          table.headers.map((h) => ({ text: h, style: 'th' })),
          ...table.rows.map((row) => row.map((c) => cellText(c, lang))),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
  ];
}

/** The pdfmake document of an impact report, every heading in the report language. */
export function impactDocument(report: ImpactReport, lang: Locale, timeZone: string): TDocumentDefinitions {
  const t = impactLabels[lang];
  const partnerName = report.partner.name[lang] || report.partner.name.ru;
  const headline = t.headline(
    formatNumber(report.summary.distinctStudents, lang),
    formatNumber(report.summary.studentHours, lang, 0),
  );
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    info: { title: `${t.title}: ${report.partner.shortName}` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true },
    },
    content: [
      { text: t.title, style: 'title' },
      { text: partnerName, fontSize: 14 },
      {
        text: `${t.period}: ${report.period.from} – ${report.period.to}. ${t.generated}: ${calendarDateOf(new Date(report.generatedAt), timeZone)}`,
        margin: [0, 2, 0, 6],
      },
      { text: headline, bold: true, margin: [0, 0, 0, 6] },
      ...impactTables(report, lang).flatMap((table) => tableContent(table, lang)),
    ],
  };
}

/** Renders the impact report as a PDF (pdfmake 0.3; a document is output once only, STACK.md gotcha 8). */
export async function renderImpactPdf(report: ImpactReport, lang: Locale, timeZone: string): Promise<Buffer> {
  return pdfmakeWithFonts()
    .createPdf(impactDocument(report, lang, timeZone))
    .getBuffer();
}

/** A partner's impact report as a PDF in `query.lang`, named by the partner and the end of the period. */
export async function impactReportPdf(
  ctx: ServiceContext,
  organisationId: number,
  query: { from?: string; to?: string; lang: Locale },
): Promise<Attachment> {
  const found = await impactReport(ctx, organisationId, query);
  const body = await renderImpactPdf(found, query.lang, ctx.timeZone);
  return { body, type: PDF_TYPE, fileName: `impact-${found.partner.shortName}-${found.period.to}.pdf` };
}
