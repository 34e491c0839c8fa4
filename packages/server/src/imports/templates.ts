import type { ImportKind } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { importers } from './import.service.ts';

function csvField(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV template: the header and one example row, UTF-8 with a byte-order mark (so spreadsheets read Cyrillic). */
export function csvTemplate(kind: ImportKind): Buffer {
  const columns = importers[kind].columns;
  const lines = [columns.map((c) => c.name).join(','), columns.map((c) => csvField(c.example)).join(',')];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An XLSX template: the header and one example row on the first sheet, and the column formats on a second. */
export async function xlsxTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = importers[kind].columns;
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(kind);
  data.addRow(columns.map((c) => c.name)).font = { bold: true };
  data.addRow(columns.map((c) => c.example));
  data.columns.forEach((column) => {
    column.width = 24;
    column.numFmt = '@';
  });
  const help = workbook.addWorksheet('columns');
  help.addRow(['column', 'required', 'format', 'example']).font = { bold: true };
  for (const c of columns) help.addRow([c.name, c.required ? 'yes' : 'no', c.format, c.example]);
  help.columns.forEach((column, index) => {
    column.width = index === 2 ? 80 : 24;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
