import { inflateRawSync } from 'node:zlib';
import { type IssueReason, ruleReason } from '@kadr/contracts';
import { AppError } from '../errors.ts';

/**
 * The extent check of an XLSX workbook, run on the raw ZIP before any reader builds a cell. A workbook is a ZIP
 * of XML; a few hundred compressed bytes can declare a cell at `ALL20000` or a column range up to 2^31, which a
 * reader that materialises rows × columns turns into gigabytes. Here every entry is inflated under one byte
 * budget (a ZIP bomb stops at the budget, whatever sizes the archive declares) and each worksheet's cell
 * references, rows and column ranges are checked against the limits.
 */
export interface XlsxLimits {
  /** Rows a worksheet may reach, the header included. */
  maxRows: number;
  /** Columns a cell may be in (column 1 is A). */
  maxColumns: number;
  /** Bytes of all the archive's entries once inflated. */
  maxUnzippedBytes: number;
}

/** Excel's own last column (XFD). A `<col max>` beyond it is not a workbook Excel writes. */
const EXCEL_MAX_COLUMN = 16_384;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

function unreadable(): AppError {
  return new AppError('UNSUPPORTED_FILE_TYPE', { message: 'The file is not a readable XLSX workbook' });
}

/** The entries of the ZIP's central directory (ZIP64 archives, never needed for an import, are refused). */
function zipEntries(zip: Buffer): ZipEntry[] {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw unreadable();
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw unreadable();
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeaderOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** An entry's bytes, inflated within `budget` bytes; a FILE_TOO_LARGE when it would exceed them. */
function inflateEntry(zip: Buffer, entry: ZipEntry, budget: number, limitBytes: number): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw unreadable();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  const tooLarge = new AppError('FILE_TOO_LARGE', {
    message: `The workbook unpacks to more than ${Math.round(limitBytes / 1024 / 1024)} MiB`,
    details: { limitBytes },
  });
  if (entry.method === 0) {
    if (data.length > budget) throw tooLarge;
    return data;
  }
  if (entry.method !== 8) throw unreadable();
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge;
    throw unreadable();
  }
}

/** The number of a column's letters: A = 1, Z = 26, AA = 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

function refused(row: number, column: string, message: string, reason: IssueReason): AppError {
  return new AppError('IMPORT_FAILED', {
    message: `The sheet is too large: ${message}; nothing was written`,
    details: {
      issues: [
        { path: column ? `row ${row}, column ${column}` : `row ${row}`, row, column, message, reason },
      ],
    },
  });
}

/** Checks one worksheet's XML: every cell reference, row number and column range within the limits. */
function checkWorksheet(xml: string, limits: XlsxLimits): void {
  const rowLimit = `At most ${limits.maxRows - 1} data rows below the header`;
  const rows = ruleReason('rowLimit', { maximum: limits.maxRows - 1 });
  const columns = ruleReason('columnLimit', { maximum: limits.maxColumns });
  for (const [, letters, row] of xml.matchAll(/<c\b[^>]*?\sr="([A-Z]+)(\d+)"/g)) {
    if (Number(row) > limits.maxRows) throw refused(Number(row), letters!, rowLimit, rows);
    if (letters!.length > 3 || columnNumber(letters!) > limits.maxColumns)
      throw refused(Number(row), letters!, `At most ${limits.maxColumns} columns`, columns);
  }
  for (const [, row] of xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g))
    if (Number(row) > limits.maxRows) throw refused(Number(row), '', rowLimit, rows);
  for (const [, max] of xml.matchAll(/<col\b[^>]*?\smax="(\d+)"/g))
    if (Number(max) > EXCEL_MAX_COLUMN)
      throw refused(1, '', `A column range ends past column ${EXCEL_MAX_COLUMN}`, {
        ...columns,
        maximum: EXCEL_MAX_COLUMN,
      });
  // Cells without a reference take the next column: their count bounds the cells a reader builds.
  const cells = xml.match(/<c[\s>/]/g)?.length ?? 0;
  if (cells > limits.maxRows * limits.maxColumns)
    throw refused(1, '', `At most ${limits.maxRows * limits.maxColumns} cells`, columns);
}

/**
 * Refuses an XLSX workbook that unpacks to more than the byte budget (413 FILE_TOO_LARGE) or whose worksheets
 * reach past the row or column limit (400 IMPORT_FAILED naming the row and column), before it is parsed.
 */
export function checkXlsxExtent(zip: Buffer, limits: XlsxLimits): void {
  let budget = limits.maxUnzippedBytes;
  for (const entry of zipEntries(zip)) {
    const bytes = inflateEntry(zip, entry, budget, limits.maxUnzippedBytes);
    budget -= bytes.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) checkWorksheet(bytes.toString('utf8'), limits);
  }
}
