import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail, signIn } from '../testing.ts';
import { upload } from '../uploads/test-support.ts';
import { readSheet } from './sheet.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['inventory_number', 'name', 'lab_code', 'cost_kzt', 'acquired_on', 'condition'];

/** An XLSX with the equipment header and one cell `text` at `address`. */
const oneCell = (address: string, text = 'x') =>
  workbookWith((sheet) => {
    sheet.getCell(address).value = text;
  });

/** An XLSX written by exceljs: the equipment header, then `fill(sheet)`. */
async function workbookWith(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('items');
  sheet.addRow(HEADER);
  fill(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A ZIP of deflated entries, built by hand to say what exceljs would never write. */
function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const plain = Buffer.from(text);
    const data = deflateRawSync(plain);
    const nameBytes = Buffer.from(name);
    // The same fields sit at different offsets in the local header (30 bytes) and the central one (46).
    const fields = (size: number, signature: number, at: number, extra: [number, number][]) => {
      const header = Buffer.alloc(size);
      header.writeUInt32LE(signature, 0);
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(8, at + 4);
      header.writeUInt32LE(crc32(plain), at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(plain.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
      for (const [offset, value] of extra) header.writeUInt32LE(value, offset);
      return header;
    };
    const local = fields(30, 0x04034b50, 4, []);
    const central = fields(46, 0x02014b50, 6, [[42, offset]]);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const read = (buffer: Buffer) =>
  readSheet({ buffer, fileName: 'x.xlsx', mimetype: XLSX }, { maxDataRows: 5000 });

/** The answer of a refused read: code and issues. */
async function refusal(buffer: Buffer) {
  const error = await read(buffer).then(
    () => undefined,
    (e: { code: string; status: number; details?: { issues?: { row: number; column?: string }[] } }) => e,
  );
  expect(error, 'the file was read').toBeDefined();
  return {
    code: error!.code,
    status: error!.status,
    issues: (error!.details?.issues ?? []).map((i) => [i.row, i.column]),
  };
}

describe('limits of an import file, checked before cells are built', () => {
  it('refuses a workbook with one cell at ALL20000 (1,000 columns × 20,000 rows) naming the row and column', async () => {
    const file = await oneCell('ALL20000');
    expect(file.length).toBeLessThan(10_000);
    expect(await refusal(file)).toEqual({ code: 'IMPORT_FAILED', status: 400, issues: [[20000, 'ALL']] });
  });

  it('refuses a cell past the column limit and a row past the row limit, and reads one just inside', async () => {
    expect((await refusal(await oneCell('CV2'))).issues).toEqual([[2, 'CV']]);
    expect((await refusal(await oneCell('A5002'))).issues).toEqual([[5002, 'A']]);
    const inside = await read(
      await workbookWith((s) => {
        s.getCell('A5001').value = 'KDTU-EQ-9';
        s.getCell('BL5001').value = 'far';
      }),
    );
    expect(inside.rows).toEqual([
      { row: 5001, cells: expect.objectContaining({ inventory_number: 'KDTU-EQ-9' }) },
    ]);
  });

  it('refuses a workbook that unpacks past the budget (a ZIP bomb of shared strings) with 413', async () => {
    const bomb = zipOf({
      'xl/sharedStrings.xml': `<sst><si><t>${'x'.repeat(33 * 1024 * 1024)}</t></si></sst>`,
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(bomb)).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
  });

  it('refuses column ranges up to 2^31 and cells without references beyond the cell budget', async () => {
    const sheet = (body: string) =>
      zipOf({
        '[Content_Types].xml': '<Types/>',
        'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${body}</sheetData></worksheet>`,
      });
    expect((await refusal(sheet('<cols><col min="1" max="2147483647"/></cols>'))).code).toBe('IMPORT_FAILED');
    expect((await refusal(sheet(`<row r="1">${'<c/>'.repeat(5001 * 64 + 1)}</row>`))).code).toBe(
      'IMPORT_FAILED',
    );
    expect((await refusal(Buffer.from('PK\u0003\u0004 not a zip'))).code).toBe('UNSUPPORTED_FILE_TYPE');
  });

  describe('through the API', () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => t?.close());

    it('answers the 1,588-byte ALL20000 workbook sent to POST /api/imports/equipment with 400 and writes nothing', async () => {
      const admin = await signIn(t.app, demoEmail.admin);
      const total = async () => (await admin.request('GET', '/api/equipment?pageSize=1')).json().total;
      const before = await total();
      const file = await oneCell('ALL20000');
      const answer = await upload(t.app, admin, '/api/imports/equipment', 'x.xlsx', XLSX, file);
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error).toMatchObject({ code: 'IMPORT_FAILED' });
      expect(answer.json().error.details.issues[0]).toMatchObject({ row: 20000, column: 'ALL' });
      expect(await total()).toBe(before);
    });
  });
});
