import { ruleReason } from '@kadr/contracts';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import type { UploadedFile } from '../uploads/multipart.ts';
import { type CsvRecord, parseCsv } from './csv.ts';
import { checkXlsxExtent } from './xlsx-extent.ts';

/** One data row of an import file: its row number as in the file and its cells by column name. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** The header and the data rows of an import file. */
export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Columns an import file may use: the widest import has about fifteen. */
export const MAX_SHEET_COLUMNS = 64;
/** Bytes an XLSX workbook may unpack to: a 5,000-row import is a few MiB of XML. */
export const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024;

/** How far a file may reach: data rows below the header. */
export interface SheetLimits {
  maxDataRows: number;
}

/** Normalises an exceljs cell value to text; dates become `YYYY-MM-DD`. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function xlsxRows(buffer: Buffer, limits: SheetLimits): Promise<CsvRecord[]> {
  // Rows, columns and unpacked size are checked on the raw archive, before exceljs builds a cell.
  checkXlsxExtent(buffer, {
    maxRows: limits.maxDataRows + 1,
    maxColumns: MAX_SHEET_COLUMNS,
    maxUnzippedBytes: MAX_UNZIPPED_BYTES,
  });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE_TYPE', { message: 'The file is not a readable XLSX workbook' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: CsvRecord[] = [];
  const width = Math.min(sheet.columnCount, MAX_SHEET_COLUMNS);
  for (let r = 1; r <= Math.min(sheet.rowCount, limits.maxDataRows + 1); r++) {
    const row = sheet.getRow(r);
    rows.push({
      line: r,
      fields: Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value)),
    });
  }
  return rows;
}

function csvRows(buffer: Buffer): CsvRecord[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE_TYPE', { message: 'A CSV file must be UTF-8 text' });
  }
  if (text.includes('\u0000'))
    throw new AppError('UNSUPPORTED_FILE_TYPE', { message: 'The file is neither CSV text nor XLSX' });
  const records = parseCsv(text);
  const wide = records.find((r) => r.fields.length > MAX_SHEET_COLUMNS);
  if (wide)
    throw new AppError('IMPORT_FAILED', {
      message: `The file is too wide: at most ${MAX_SHEET_COLUMNS} columns; nothing was written`,
      details: {
        issues: [
          {
            path: `row ${wide.line}`,
            row: wide.line,
            message: `At most ${MAX_SHEET_COLUMNS} columns`,
            reason: ruleReason('columnLimit', { maximum: MAX_SHEET_COLUMNS }),
          },
        ],
      },
    });
  return records;
}

/**
 * Reads an uploaded CSV or XLSX file (told apart by content: XLSX is a ZIP archive) into a header and
 * data rows, with their row numbers as in the file (the header is row 1). An XLSX workbook that reaches past
 * `limits.maxDataRows` rows or MAX_SHEET_COLUMNS columns, or unpacks to more than MAX_UNZIPPED_BYTES, is refused
 * before it is parsed. Blank rows are skipped; header names are
 * trimmed and lower-cased.
 */
export async function readSheet(file: UploadedFile, limits: SheetLimits): Promise<Sheet> {
  const isXlsx = file.buffer.subarray(0, 4).equals(XLSX_MAGIC);
  const rows = isXlsx ? await xlsxRows(file.buffer, limits) : csvRows(file.buffer);
  const header = (rows[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const data: SheetRow[] = [];
  for (const { line, fields } of rows.slice(1)) {
    if (fields.every((v) => v.trim() === '')) continue;
    const cells: Record<string, string> = {};
    header.forEach((name, column) => {
      if (name) cells[name] = (fields[column] ?? '').trim();
    });
    data.push({ row: line, cells });
  }
  return { header, rows: data };
}
