import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '@kadr/contracts';
import { type AppError, type ImportReporter, importFormats, runImport } from '@kadr/server';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { withServiceContext } from '../service-context.ts';
import { databaseFlags } from '../settings.ts';

/** The same limit as POST /api/imports/:kind. */
const LIMIT_BYTES = 5 * 1024 * 1024;
/** Files of this many rows or more show their progress on stderr (a small file is done before one would read it). */
const PROGRESS_FROM_ROWS = 1000;

/**
 * Progress lines on stderr for a large file: the rows checked each tenth of the way, then the database checks and
 * the writing. `line` is io.err.
 */
export function progressPrinter(line: (text: string) => void): ImportReporter {
  let shownTenth = 0;
  let rows = 0;
  return ({ stage, rows: total, validated }) => {
    if (total !== undefined) rows = total;
    if (rows < PROGRESS_FROM_ROWS) return;
    if (stage === 'validating' && validated !== undefined) {
      const tenth = Math.floor((validated / rows) * 10);
      if (tenth > shownTenth) {
        shownTenth = tenth;
        line(`checked ${validated} of ${rows} rows`);
      }
    } else if (stage === 'checking')
      line(`checked ${rows} of ${rows} rows; checking them against the database`);
    else if (stage === 'writing') line(`writing ${rows} rows in one transaction`);
  };
}

const usage = `Usage: kadr import ${IMPORT_KINDS.join('|')} --file FILE [--dry-run] [--data-dir DIR] [--database-url URL]
       kadr import ${IMPORT_KINDS.join('|')} --columns

Imports a CSV (UTF-8, comma or semicolon separated) or XLSX file (first sheet), header row first,
all or nothing: any bad row is reported with its row and column, and nothing is written.
--dry-run validates without writing. --columns lists the columns of that kind. Audited as system:cli.`;

function isImportKind(value: string | undefined): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value ?? '');
}

/** The issues of a failed import, one line each: `row 3, column cost: must be a number`. */
function describeFailure(error: AppError): string {
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  if (error.code !== 'IMPORT_FAILED' || !issues) return `${error.code}: ${error.message}`;
  return [`${error.message}:`, ...issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n');
}

function readImportFile(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`--file: cannot read ${file}`);
  }
  if (size > LIMIT_BYTES)
    throw new CliError(`--file: ${file} is ${size} bytes, more than the ${LIMIT_BYTES} allowed`);
  return readFileSync(file);
}

/** `kadr import KIND --file FILE`: the CSV/XLSX import of the web app, from the command line. */
export const importCommand: Command = {
  words: ['import'],
  summary: `import ${IMPORT_KINDS.join(', ')} from CSV or XLSX (all or nothing)`,
  usage,
  async run(args, io) {
    const [kind, ...rest] = args;
    if (!isImportKind(kind))
      throw new CliError(`say what to import: ${IMPORT_KINDS.join(', ')} (got "${kind ?? ''}")\n\n${usage}`);
    const { values } = parseFlags(
      rest,
      {
        file: { type: 'string' },
        'dry-run': { type: 'boolean' },
        columns: { type: 'boolean' },
        ...databaseFlags,
      },
      usage,
    );
    if (values.columns) {
      const format = importFormats().find((f) => f.kind === kind)!;
      for (const c of format.columns)
        io.out(`${c.name}${c.required ? ' (required)' : ''}: ${c.format}; e.g. ${c.example}`);
      return 0;
    }
    if (!values.file) throw new CliError(`--file is required\n\n${usage}`);
    const buffer = readImportFile(values.file);
    const dryRun = values['dry-run'] === true;
    const result = await withServiceContext(
      values,
      io.env,
      (ctx) =>
        runImport(
          ctx,
          kind,
          { fileName: basename(values.file!), mimetype: '', buffer },
          dryRun,
          progressPrinter(io.err),
        ),
      describeFailure,
    );
    io.out(
      dryRun
        ? `${values.file}: ${result.rows} row(s) of ${kind} are valid; nothing written (dry run)`
        : `${values.file}: imported ${result.created} ${kind} record(s): ids ${result.ids.join(', ')}`,
    );
    return 0;
  },
};
