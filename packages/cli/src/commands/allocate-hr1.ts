/**
 * `kadr allocate --format hr1`: solves an HR1 benchmark instance file (shared/bench/alloc/gen.mjs)
 * and writes one target id (or -1) per applicant line, byte-identical to shared/bench/alloc/da.c.
 * The `allocate` command (allocate.ts) delegates here; bin/kadr.mjs also runs this module directly,
 * bundled, so a batch run does not pay for the TypeScript loader (docs/allocation-performance.md).
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatHr1Matching, Hr1ParseError, Hr1Reader, indexHr1 } from '@kadr/core/allocation/hr1';
import { solveDeferredAcceptance } from '@kadr/core/allocation/kernel';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { type CommandIo, processIo } from '../command.ts';

/** What `kadr allocate --format hr1` needs. */
export interface AllocateHr1Options {
  /** Path of the HR1 instance. */
  input: string;
  /** Path of the output; written to a temporary file first, so it never exists half-written. */
  output: string;
  /** Report lines read on stderr while reading; defaults to "stderr is a terminal". */
  progress?: boolean;
}

const CHUNK_BYTES = 1 << 16;
const PROGRESS_LINES = 1_000_000;

/**
 * Reads, indexes and solves an HR1 instance and writes the matching; prints
 * `parse_ms=… build_ms=… solve_ms=… matched=… n=… write_ms=…` on stderr like da.c.
 * @returns 0 on success
 * @throws CliError (exit 2) naming the line when the input is invalid; the output is then not created
 * @example await runAllocateHr1({ input: 'n1m.hr', output: 'out.txt' }, processIo);
 */
export async function runAllocateHr1(options: AllocateHr1Options, io: CommandIo): Promise<number> {
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  const t0 = performance.now();
  const lists = readInstance(options.input, showProgress ? io : undefined);
  const t1 = performance.now();
  const instance = indexInstance(options.input, () => indexHr1(lists));
  const t2 = performance.now();
  const { match } = solveDeferredAcceptance(instance, { workspace: instance.workspace });
  const t3 = performance.now();
  writeAtomically(options.output, formatHr1Matching(match));
  const t4 = performance.now();
  let matched = 0;
  for (let i = 0; i < match.length; i++) if (match[i]! >= 0) matched++;
  io.err(
    `parse_ms=${(t1 - t0).toFixed(1)} build_ms=${(t2 - t1).toFixed(1)} solve_ms=${(t3 - t2).toFixed(2)} ` +
      `matched=${matched} n=${instance.n} write_ms=${(t4 - t3).toFixed(1)}`,
  );
  return 0;
}

/**
 * The bundled fast path of bin/kadr.mjs: handles exactly `allocate --format hr1 --input F --output O
 * [--progress]` and prints errors like main.ts does.
 * @param argv the arguments after `kadr`
 * @returns the exit code, or undefined when argv is anything else (the full CLI then handles it)
 */
export async function runAllocateHr1FastPath(
  argv: string[],
  io: CommandIo = processIo,
): Promise<number | undefined> {
  if (argv[0] !== 'allocate') return undefined;
  let values: { format?: string; input?: string; output?: string; progress?: boolean };
  try {
    ({ values } = parseFlags(
      argv.slice(1),
      {
        format: { type: 'string' },
        input: { type: 'string' },
        output: { type: 'string' },
        progress: { type: 'boolean' },
      },
      '',
    ));
  } catch {
    return undefined;
  }
  const { format, input, output, progress } = values;
  if (format !== 'hr1' || input === undefined || output === undefined) return undefined;
  try {
    return await runAllocateHr1(progress === undefined ? { input, output } : { input, output, progress }, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`kadr: ${error.message}`);
      return error.exitCode;
    }
    io.err(
      `kadr: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

/** Streams the file through one reusable buffer: peak memory is the instance, not the file. */
function readInstance(path: string, progress: CommandIo | undefined) {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const size = fstatSync(fd).size;
    const reader = new Hr1Reader(size);
    const buffer = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(size, 1)));
    let nextReport = PROGRESS_LINES;
    let done = 0;
    while (true) {
      const got = readSync(fd, buffer, 0, buffer.length, null);
      if (got === 0) break;
      reader.push(got === buffer.length ? buffer : buffer.subarray(0, got));
      done += got;
      if (progress && reader.line >= nextReport) {
        progress.err(`read ${reader.line.toLocaleString('en')} lines (${Math.round((100 * done) / size)}%)`);
        nextReport = (Math.floor(reader.line / PROGRESS_LINES) + 1) * PROGRESS_LINES;
      }
    }
    return reader.end();
  } catch (error) {
    throw toCliError(path, error);
  } finally {
    closeSync(fd);
  }
}

function indexInstance<T>(path: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw toCliError(path, error);
  }
}

function toCliError(path: string, error: unknown): unknown {
  if (error instanceof Hr1ParseError) return new CliError(`${path}: line ${error.line}: ${error.reason}`);
  return error;
}

function writeAtomically(path: string, bytes: Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`, 1);
  }
}
