import type { ImpactReport, Locale } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { impactLabels } from './impact-i18n.ts';
import { impactTables, type NumberKind } from './impact-tables.ts';
import { type Attachment, XLSX_TYPE } from '../attachment.ts';
import type { ServiceContext } from '../context.ts';
import { impactReport } from './impact.service.ts';

/** The Excel number format of each kind of number. */
export const FORMATS: Record<NumberKind, string> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  money: '#,##0.00',
  percent: '0.0%',
};

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], and not the reserved "History". */
export function sheetName(name: string): string {
  const safe = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
  // Excel reserves "History" (any case) for its change tracking; exceljs refuses it.
  return safe.toLowerCase() === 'history' ? `${safe} (1)` : safe;
}

/**
 * Renders the impact report as XLSX: a sheet per section, headings in the report language, numbers
 * as numeric cells with a number format (never text).
 */
export async function renderImpactXlsx(report: ImpactReport, lang: Locale): Promise<Buffer> {
  const t = impactLabels[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kadr';
  workbook.title = `${t.title}: ${report.partner.shortName}`;
  for (const table of impactTables(report, lang)) {
    const sheet = workbook.addWorksheet(sheetName(table.sheet));
    sheet.addRow([table.heading]).font = { bold: true, size: 13 };
    sheet.addRow([
      `${report.partner.name[lang] || report.partner.name.ru} · ${t.period}: ${report.period.from} – ${report.period.to}`,
    ]);
    sheet.addRow(table.headers).font = { bold: true };
    if (table.rows.length === 0) sheet.addRow([table.emptyText]);
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((cell) => (typeof cell === 'string' ? cell : cell.value)));
      row.forEach((cell, index) => {
        if (typeof cell !== 'string') added.getCell(index + 1).numFmt = FORMATS[cell.kind];
      });
    }
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 40 : 18;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A partner's impact report as an XLSX workbook in `query.lang`, a sheet per section. */
export async function impactReportXlsx(
  ctx: ServiceContext,
  organisationId: number,
  query: { from?: string; to?: string; lang: Locale },
): Promise<Attachment> {
  const found = await impactReport(ctx, organisationId, query);
  const body = await renderImpactXlsx(found, query.lang);
  return { body, type: XLSX_TYPE, fileName: `impact-${found.partner.shortName}-${found.period.to}.xlsx` };
}
