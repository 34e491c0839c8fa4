import type { ImportFormat, ImportKind, ImportResult } from '@kadr/contracts';
import { bulkRepository } from '@kadr/db';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { UploadedFile } from '../uploads/multipart.ts';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readCells } from './columns.ts';
import { demandImporter } from './demand.importer.ts';
import { equipmentImporter } from './equipment.importer.ts';
import type { ImportReporter } from './import-progress.ts';
import { cellIssue, type Importer, type RowIssue, type ValidRow } from './importer.ts';
import { investmentsImporter } from './investments.importer.ts';
import { organisationsImporter } from './organisations.importer.ts';
import { resultsImporter } from './results.importer.ts';
import { readSheet, type Sheet } from './sheet.ts';
import { studentsImporter } from './students.importer.ts';

/** The importer of each kind. */
export const importers: Record<ImportKind, Importer<unknown>> = {
  organisations: organisationsImporter as Importer<unknown>,
  equipment: equipmentImporter as Importer<unknown>,
  investments: investmentsImporter as Importer<unknown>,
  students: studentsImporter as Importer<unknown>,
  results: resultsImporter as Importer<unknown>,
  demand: demandImporter as Importer<unknown>,
};

/** Rows per import: a bound on the work of one request. */
export const MAX_IMPORT_ROWS = 5000;

/** The documented columns of every import kind. */
export function importFormats(): ImportFormat[] {
  return Object.values(importers).map((i) => ({
    kind: i.kind,
    columns: i.columns.map(({ name, required, format, example }) => ({ name, required, format, example })),
  }));
}

function headerIssues(importer: Importer<unknown>, sheet: Sheet): RowIssue[] {
  const known = new Set(importer.columns.map((c) => c.name));
  const issues: RowIssue[] = importer.columns
    .filter((c) => c.required && !sheet.header.includes(c.name))
    .map((c) => ({
      row: 1,
      ...cellIssue(c.name, 'requiredColumn', 'Required column is missing from the header'),
    }));
  for (const name of sheet.header.filter((h) => h && !known.has(h)))
    issues.push({
      row: 1,
      ...cellIssue(name, 'knownColumn', `Unknown column; use ${[...known].join(', ')}`),
    });
  if (sheet.rows.length === 0)
    issues.push({ row: 2, ...cellIssue('', 'hasRows', 'The file has no data rows') });
  const maxRows = importer.maxRows ?? MAX_IMPORT_ROWS;
  if (sheet.rows.length > maxRows)
    issues.push({
      row: maxRows + 2,
      ...cellIssue('', 'rowLimit', `At most ${maxRows} rows per file`, { maximum: maxRows }),
    });
  return issues;
}

function failed(issues: RowIssue[]): AppError {
  const sorted = [...issues].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return new AppError('IMPORT_FAILED', {
    message: `${sorted.length} problem(s) in the file; nothing was written`,
    details: {
      issues: sorted.map((i) => ({
        path: i.column ? `row ${i.row}, column ${i.column}` : `row ${i.row}`,
        row: i.row,
        column: i.column,
        message: i.message,
        reason: i.reason,
      })),
    },
  });
}

/** Rows checked between two progress reports; the event loop also turns there, so that a poll is answered. */
const REPORT_EVERY_ROWS = 500;

/** Every row's own issues, then the checks across rows and against the database (nothing is written unless all pass). */
async function validate(
  ctx: ServiceContext,
  importer: Importer<unknown>,
  sheet: Sheet,
  report: ImportReporter,
) {
  const issues = headerIssues(importer, sheet);
  if (issues.length > 0) return { issues, valid: [] };
  const valid: ValidRow<unknown>[] = [];
  const rows = sheet.rows.length;
  for (const [index, { row, cells }] of sheet.rows.entries()) {
    if (index > 0 && index % REPORT_EVERY_ROWS === 0) {
      report({ stage: 'validating', rows, validated: index });
      await nextTurn();
    }
    const read = readCells(importer.columns, cells);
    // The row's schema checks the cells that read, so that every issue is reported at once; a cell
    // that did not read is reported once, by its reader.
    const built = importer.build(read.values);
    const unread = new Set(read.issues.map((i) => i.column));
    const rowIssues = [...read.issues, ...built.issues.filter((i) => !unread.has(i.column))];
    issues.push(...rowIssues.map((i) => ({ row, ...i })));
    // Rows whose cells read are checked against the database too.
    if (read.issues.length === 0 && 'value' in built) valid.push({ row, value: built.value });
  }
  report({ stage: 'checking', rows, validated: rows });
  issues.push(...(await importer.check(ctx.db, valid)));
  return { issues, valid };
}

/**
 * Imports a CSV or XLSX file of `kind`, all or nothing: every row is validated (its cells, then
 * repeats within the file and the database), any issue answers IMPORT_FAILED listing them all with
 * row and column, and nothing is written. `dryRun` stops after validation. Writes are audited.
 * `report` hears each stage and, every few hundred rows, how many rows are checked (see import-progress.ts).
 */
export async function runImport(
  ctx: ServiceContext,
  kind: ImportKind,
  file: UploadedFile,
  dryRun: boolean,
  report: ImportReporter = () => {},
): Promise<ImportResult> {
  try {
    const result = await importAll(ctx, kind, file, dryRun, report);
    report({ stage: 'done' });
    return result;
  } catch (error) {
    report({ stage: 'failed' });
    throw error;
  }
}

async function importAll(
  ctx: ServiceContext,
  kind: ImportKind,
  file: UploadedFile,
  dryRun: boolean,
  report: ImportReporter,
): Promise<ImportResult> {
  const importer = importers[kind];
  report({ stage: 'reading' });
  const sheet = await readSheet(file, { maxDataRows: importer.maxRows ?? MAX_IMPORT_ROWS });
  report({ stage: 'validating', rows: sheet.rows.length, validated: 0 });
  const { issues, valid } = await validate(ctx, importer, sheet, report);
  if (issues.length > 0) throw failed(issues);
  if (dryRun) return { kind, dryRun, rows: sheet.rows.length, created: 0, ids: [] };
  report({ stage: 'writing' });
  const written = await inTransaction(ctx, async (tx) => {
    const created = await importer.write(
      tx,
      valid.map((r) => r.value),
      ctx.now(),
    );
    await bulkRepository.recordAudit(
      tx,
      created.map(({ id, after, entity }) => ({
        actorId: ctx.actor.userId > 0 ? ctx.actor.userId : null,
        actorEmail: ctx.actor.email,
        action: 'create',
        entity: entity ?? importer.entity,
        entityId: String(id),
        before: null,
        after: JSON.parse(JSON.stringify(after)),
        requestId: ctx.requestId,
        at: ctx.now(),
      })),
    );
    return created.filter((c) => c.entity === undefined);
  });
  return { kind, dryRun, rows: sheet.rows.length, created: written.length, ids: written.map((w) => w.id) };
}
