#!/usr/bin/env node
// `npm run bench:alloc [-- --quick] [-- --runs 3]`: Kadr's HR1 fast path against the C reference.
//
// Generates the HR1 instances of shared/BENCHMARKS.md with shared/bench/alloc/gen.mjs (cached in
// bench/out/, gitignored), compiles da.c and hrcheck.c there, runs both engines as separate
// processes (ours: the real `kadr allocate --format hr1` command), interleaved so both see the same
// machine load, takes the median of each measure, checks byte-identical outputs and 0 blocking
// pairs, and prints the table with the verdict against each target. Exits 1 when an output differs,
// a matching is unstable or a process fails; missed speed targets are reported, not fatal.
// The shared folder is ../shared beside the repository (as in CI), or $KADR_SHARED_DIR.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canMeasureRss, measureRun, summariseRuns } from './measure.mjs';
import { formatTable, judgeInstance } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const shared = resolve(process.env.KADR_SHARED_DIR ?? join(root, '../shared'));
const tools = join(shared, 'bench/alloc');
const out = join(root, 'bench/out');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 1) : 3;

const SIZES = quick
  ? [
      [10_000, 10],
      [100_000, 10],
    ]
  : [
      [10_000, 10],
      [100_000, 10],
      [1_000_000, 10],
      [1_000_000, 20],
    ];

// shared/DOMAIN.md's national grant run: 100k applicants x 16 choices over 12,000 (group, university) targets.
const NATIONAL = { n: 100_000, k: 16, m: 12_000 };

function fail(message) {
  console.error(`bench:alloc: ${message}`);
  process.exit(1);
}

function describeMachine() {
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? 'gcc missing';
  return `${cpus()[0]?.model ?? 'cpu'} x${cpus().length}, node ${process.version}, ${gcc}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

function compileTools() {
  const builds = [
    ['da', 'da.c', ['-O3', '-march=native']],
    ['hrcheck', 'hrcheck.c', ['-O2']],
  ];
  for (const [binary, source, flags] of builds) {
    const target = join(out, binary);
    const from = join(tools, source);
    if (existsSync(target) && statSync(target).mtimeMs >= statSync(from).mtimeMs) continue;
    const result = spawnSync('gcc', [...flags, '-o', target, from], { stdio: 'inherit' });
    if (result.status !== 0) fail(`could not compile ${source} with gcc`);
  }
}

function prepareInstance(n, k, ties, m) {
  const size = `${n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`} x ${k}`;
  const name = `${m ? 'national ' : ''}${size}${m ? ` (${m / 1000}k targets)` : ''}${ties ? ' ties' : ''}`;
  const file = join(out, `n${n}-k${k}${m ? `-m${m}` : ''}${ties ? '-ties' : ''}.hr`);
  if (!existsSync(file)) {
    console.error(`generating ${name} ...`);
    const partial = `${file}.partial`;
    const gen = ['--n', String(n), '--k', String(k), ...(m ? ['--m', String(m)] : []), '--seed', '1'];
    gen.push(...(ties ? ['--ties'] : []), '--out', partial);
    const result = spawnSync(process.execPath, [join(tools, 'gen.mjs'), ...gen], { stdio: 'inherit' });
    if (result.status !== 0) fail(`gen.mjs failed for ${name}`);
    renameSync(partial, file);
  }
  return { name, n, k, ties, file, e: readApplicationCount(file) };
}

/** E from the header line "HR1 N M E". */
function readApplicationCount(file) {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(64);
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  return Number(head.toString('latin1').split(/\s+/)[3]);
}

/** Reads the file once so neither engine pays for a cold page cache on its first run. */
function warmPageCache(file) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 22);
  while (readSync(fd, buffer, 0, buffer.length, null) > 0);
  closeSync(fd);
}

function benchInstance(instance) {
  const cOut = `${instance.file}.c.out`;
  const ourOut = `${instance.file}.kadr.out`;
  const c = [join(out, 'da'), instance.file, cOut, '1'];
  const ours = [process.execPath, join(root, 'packages/cli/bin/kadr.mjs'), 'allocate', '--format', 'hr1'];
  ours.push('--input', instance.file, '--output', ourOut);
  warmPageCache(instance.file);
  const cRuns = [];
  const ourRuns = [];
  for (let r = 0; r < runs; r++) {
    cRuns.push(measureRun(c, root));
    ourRuns.push(measureRun(ours, root));
  }
  const summary = { c: summariseRuns(cRuns), ours: summariseRuns(ourRuns) };
  if (!summary.c.ok) fail(`da failed on ${instance.name}: ${summary.c.stderr}`);
  if (!summary.ours.ok) fail(`kadr failed on ${instance.name}: ${summary.ours.stderr}`);
  const identical = readFileSync(cOut).equals(readFileSync(ourOut));
  const check = spawnSync(join(out, 'hrcheck'), [instance.file, ourOut], { encoding: 'utf8' });
  const blocking = /blocking_pairs=(\d+)/.exec(check.stdout)?.[1] ?? 'error';
  const stable = check.status === 0 && blocking === '0';
  return {
    instance,
    ...summary,
    identical,
    blocking,
    stable,
    verdict: judgeInstance(instance, summary.ours, summary.c),
  };
}

function runPolicyCost() {
  const script = join(root, 'bench/alloc/policy-cost.ts');
  if (!existsSync(script)) return true;
  console.log('\n## Policy cost (bench/alloc/policy-cost.ts)\n');
  const tsx = join(root, 'node_modules/.bin/tsx');
  // Its own flags: --quick maps to the 100k instance size, --runs passes through.
  const sizing = quick ? ['--n', '100000', '--m', '2000'] : [];
  const result = spawnSync(tsx, [script, ...sizing, '--runs', String(runs)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) console.error(`bench:alloc: policy-cost.ts exited with ${result.status}`);
  return result.status === 0;
}

function main() {
  if (!existsSync(join(tools, 'gen.mjs')))
    fail(`no gen.mjs in ${tools}; set KADR_SHARED_DIR to the shared folder`);
  mkdirSync(out, { recursive: true });
  const machineBefore = describeMachine();
  compileTools();
  const instances = SIZES.flatMap(([n, k]) => [prepareInstance(n, k, false), prepareInstance(n, k, true)]);
  if (!quick) instances.push(prepareInstance(NATIONAL.n, NATIONAL.k, true, NATIONAL.m));
  // An untimed first run builds the CLI's cached bundle (packages/cli/dist) if sources changed.
  measureRun(
    [
      process.execPath,
      'packages/cli/bin/kadr.mjs',
      'allocate',
      '--format',
      'hr1',
      '--input',
      instances[0].file,
      '--output',
      `${instances[0].file}.kadr.out`,
    ],
    root,
  );
  const rows = [];
  for (const instance of instances) {
    console.error(`running ${instance.name} (${runs} runs of each engine) ...`);
    rows.push(benchInstance(instance));
  }
  const table = formatTable(rows);
  const notes = [
    `Machine: ${machineBefore}; load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
    `Medians of ${runs} runs per engine, interleaved. Cells read "Kadr / C". Whole process = wall time of the process`,
    'from spawn to exit (Kadr: `node packages/cli/bin/kadr.mjs allocate --format hr1`; C: `da in out 1`).',
    `Phases are each engine's own stderr report. Memory = peak RSS (${canMeasureRss() ? 'GNU time %M' : 'not measured: /usr/bin/time missing'}) / E.`,
  ];
  const report = `${table}\n\n${notes.join('\n')}\n`;
  console.log(`\n${report}`);
  writeFileSync(join(out, 'alloc-results.md'), report);
  writeFileSync(join(out, 'alloc-results.json'), JSON.stringify(rows, null, 1));
  const broken = rows.filter((row) => !row.identical || !row.stable);
  for (const row of broken)
    console.error(`bench:alloc: ${row.instance.name}: identical=${row.identical} blocking=${row.blocking}`);
  const policyOk = runPolicyCost();
  process.exitCode = broken.length > 0 || !policyOk ? 1 : 0;
}

main();
