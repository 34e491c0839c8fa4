import type { Locale } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { FORMATS, sheetName } from '../../impact/impact-xlsx.ts';
import { reportLabels } from './report-i18n.ts';
import { reportTables, type StrategyReport } from './report-tables.ts';

/**
 * Renders the annual strategy report as XLSX: a sheet per table, headings in the report language, numbers as
 * numeric cells with their format, and the progress column drawn as data bars (Excel's in-cell chart).
 */
export async function renderStrategyXlsx(report: StrategyReport, lang: Locale): Promise<Buffer> {
  const t = reportLabels[lang];
  const university = report.universityName[lang] || report.universityName.ru;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kadr';
  workbook.title = `${t.title} ${report.dashboard.asOf.slice(0, 4)}`;
  for (const [index, table] of reportTables(report, lang).entries()) {
    const sheet = workbook.addWorksheet(sheetName(table.sheet));
    sheet.addRow([table.heading]).font = { bold: true, size: 13 };
    sheet.addRow([`${university} · ${t.asOf}: ${report.dashboard.asOf}`]);
    sheet.addRow(table.headers).font = { bold: true };
    if (table.rows.length === 0) sheet.addRow([table.emptyText]);
    for (const row of table.rows) {
      const added = sheet.addRow(row.map((cell) => (typeof cell === 'string' ? cell : cell.value)));
      row.forEach((cell, column) => {
        if (typeof cell !== 'string') added.getCell(column + 1).numFmt = FORMATS[cell.kind];
      });
    }
    sheet.columns.forEach((column, column_) => {
      column.width = column_ === 0 ? 44 : 18;
    });
    // The first sheet's last column is the progress towards the target: data bars make it a chart.
    if (index === 0 && table.rows.length > 0)
      sheet.addConditionalFormatting({
        ref: `E4:E${3 + table.rows.length}`,
        rules: [
          {
            type: 'dataBar',
            priority: 1,
            cfvo: [
              { type: 'num', value: 0 },
              { type: 'num', value: 1 },
            ],
            color: { argb: 'FF1C7ED6' },
          } as ExcelJS.DataBarRuleType,
        ],
      });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
