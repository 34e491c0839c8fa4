/**
 * `kadr allocate`: reads the JSON allocation format (docs/allocation.md), validates it with the
 * contracts schema, runs the engine of @kadr/core and writes the result JSON; `--format hr1`
 * hands HR1 benchmark instances to allocate-hr1.ts. Nothing is written unless the run succeeds:
 * the result goes to a temporary file in the output folder and is renamed into place.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { allocateInputSchema, describeAllocationIssues } from '@kadr/contracts';
import {
  type AllocationInput,
  type AllocationResult,
  allocate,
  prepareNextRound,
  presentApplicant,
  presentHeader,
  presentTargets,
} from '@kadr/core';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import type { Command, CommandIo } from '../command.ts';
import { runAllocateHr1 } from './allocate-hr1.ts';

const usage = `Usage: kadr allocate --input FILE --output FILE [--seed N] [--format json|hr1] [--progress]

Allocates applicants to targets by deferred acceptance with pools, eligibility, tie-break chains
and explanations, reading the JSON format of docs/allocation.md and writing the result JSON.
  --seed N      lottery seed; overrides policy.seed
  --format hr1  solve an HR1 benchmark instance instead (shared/bench/alloc/gen.mjs)
  --progress    report each stage on stderr (on by default from 100,000 applicants)
Invalid input exits with code 2 and names the JSON path; the output file is then left untouched.`;

/** Options of a JSON allocation run. */
export interface AllocateJsonOptions {
  input: string;
  output: string;
  seed?: number;
  progress?: boolean;
}

const LARGE_INPUT = 100_000;

function parseSeed(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seed = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(seed)) {
    throw new CliError(`--seed must be a non-negative integer, got "${text}"\n\n${usage}`);
  }
  return seed;
}

/** `kadr allocate`. */
export const allocateCommand: Command = {
  words: ['allocate'],
  summary: 'allocate applicants to targets (JSON or HR1 input)',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        input: { type: 'string' },
        output: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        progress: { type: 'boolean' },
      },
      usage,
    );
    const { input, output, format = 'json', progress } = values;
    if (input === undefined || output === undefined)
      throw new CliError(`--input and --output are required\n\n${usage}`);
    if (format !== 'json' && format !== 'hr1')
      throw new CliError(`--format must be json or hr1, got "${format}"\n\n${usage}`);
    const seed = parseSeed(values.seed);
    if (format === 'hr1') {
      if (seed !== undefined)
        throw new CliError(`--seed does not apply to --format hr1 (its rankings are strict)\n\n${usage}`);
      return runAllocateHr1(progress === undefined ? { input, output } : { input, output, progress }, io);
    }
    return runAllocateJson(
      { input, output, ...(seed === undefined ? {} : { seed }), ...(progress ? { progress } : {}) },
      io,
    );
  },
};

/** Reports stages with their duration on stderr when enabled. */
function createStages(io: CommandIo, enabled: () => boolean) {
  let last = performance.now();
  return (what: string) => {
    const now = performance.now();
    if (enabled()) io.err(`allocate: ${what} (${Math.round(now - last)} ms)`);
    last = now;
  };
}

/**
 * Runs one JSON allocation: read, validate, allocate, write.
 * @returns 0 on success
 * @throws CliError with exit code 2 for unreadable or invalid input, 1 when the output cannot be written
 */
export async function runAllocateJson(options: AllocateJsonOptions, io: CommandIo): Promise<number> {
  let large = options.progress === true;
  const stage = createStages(io, () => large);
  const raw = await readJson(options.input);
  large ||= Array.isArray(raw?.applicants) && raw.applicants.length >= LARGE_INPUT;
  stage(`read ${options.input}`);
  const input = validate(options.input, raw);
  stage(
    `validated ${input.applicants.length.toLocaleString('en')} applicants, ${input.targets.length.toLocaleString('en')} targets`,
  );
  const outcome = allocate(input, options.seed === undefined ? {} : { seed: options.seed });
  if (!outcome.ok) {
    const lines = outcome.issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    throw new CliError(`${options.input} is not a valid allocation input:\n${lines.join('\n')}`);
  }
  const { result } = outcome;
  stage(`allocated in ${result.iterations} kernel run(s)`);
  await writeResult(options.output, result);
  stage(`wrote ${options.output}`);
  const header = presentHeader(result);
  const { summary } = header;
  io.out(
    `allocate: ${summary.assigned} of ${summary.competing} applicants placed, ` +
      `${summary.filled}/${summary.seats} seats filled (${(100 * summary.fillRate).toFixed(1)}%), seed ${header.seed} -> ${options.output}`,
  );
  return 0;
}

// biome-ignore lint/suspicious/noExplicitAny: raw JSON is inspected only for its size before validation.
async function readJson(path: string): Promise<any> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

function validate(path: string, raw: unknown): AllocationInput {
  const parsed = allocateInputSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = describeAllocationIssues(parsed.error).map((line) => `  ${line}`);
    throw new CliError(`${path} is not a valid allocation input:\n${lines.join('\n')}`);
  }
  const { previousRound, ...input } = parsed.data;
  if (!previousRound) return input;
  return prepareNextRound(input, previousRound.result, previousRound.declined);
}

/** Streams the result as JSON, one target or applicant per line, through a temporary file. */
async function writeResult(path: string, result: AllocationResult): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const file = await open(temporary, 'w');
    try {
      const chunks = new ChunkWriter((text) => file.write(text).then(() => undefined));
      const header = JSON.stringify(presentHeader(result));
      await chunks.add(`${header.slice(0, -1)},\n"targets":[\n`);
      const targets = presentTargets(result);
      for (let j = 0; j < targets.length; j++)
        await chunks.add(`${j ? ',\n' : ''}${JSON.stringify(targets[j])}`);
      await chunks.add('\n],\n"applicants":[\n');
      const n = result.input.applicants.length;
      for (let i = 0; i < n; i++)
        await chunks.add(`${i ? ',\n' : ''}${JSON.stringify(presentApplicant(result, i))}`);
      await chunks.add('\n]}\n');
      await chunks.flush();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`, 1);
  }
}

/** Batches small strings into writes of about 1 MB. */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly write: (text: string) => Promise<void>;
  constructor(write: (text: string) => Promise<void>) {
    this.write = write;
  }
  async add(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.write(text);
  }
}
