#!/usr/bin/env node
// `npm run bench:api:instructions [-- --paths /api/health,/api/organisations] [-- --warm 3000] [-- --requests 1000]
// [-- --rounds 2]`: the instructions the bench server's main thread runs per answered request, for the real app
// and for the bare handler, on PostgreSQL. A figure for comparing two versions of the code on a busy machine: on
// this project's 2-core machines req/s and CPU time per request moved by 20-30 points between runs of the same
// code (docs/api-performance.md), while an instruction count does not depend on what else the machine does.
//
// The server (bench/api/server.ts) runs under valgrind's callgrind with instrumentation off, so it starts at
// about a fifth of its speed instead of a fiftieth; for each path and side it answers `--warm` requests
// uninstrumented (for V8 to compile the hot code), then callgrind counts `--requests` requests, 10 connections at
// a time, sent by autocannon from this process. Only the main thread is reported: V8's helper threads (garbage
// collection, compilers) are counted too but vary by several times from one measure to the next.
//
// What it does not tell: time. valgrind runs V8 on a simulated processor, so code whose speed comes from the
// processor's vector instructions (string scans and encodings) counts more here than it costs on the machine, and
// a cache miss counts nothing. Read a difference between versions, then confirm it with `npm run bench:api`.
// Needs valgrind (Debian's package `valgrind`) and a PostgreSQL server (DATABASE_URL or 127.0.0.1:5432).
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
/** Stops with a message naming the flag at fault (no stack trace for a mistyped flag). */
const fail = (message) => {
  process.stderr.write(`bench:api:instructions: ${message}\n`);
  process.exit(2);
};
const flag = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) fail(`--${name} needs a value`);
  return value;
};
/** A whole number flag within bounds, or a clear error. */
const count = (name, fallback, min, max) => {
  const value = Number(flag(name, String(fallback)));
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
};
const warm = count('warm', 3000, 0, 100_000);
const requests = count('requests', 1000, 10, 100_000);
const rounds = count('rounds', 2, 1, 10);
const paths = flag('paths', '/api/health,/api/organisations').split(',');
const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

try {
  await run('valgrind', ['--version']);
} catch {
  fail('needs valgrind (apt-get install valgrind)');
}

const child = spawn(
  'valgrind',
  [
    '--tool=callgrind',
    '--instr-atstart=no',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    '--import',
    'tsx',
    join(root, 'bench/api/server.ts'),
    'postgres',
    pgUrl,
  ],
  { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
);
let valgrindSaid = '';
child.stderr.on('data', (chunk) => {
  valgrindSaid = (valgrindSaid + chunk).slice(-4000);
});
const [line] = await Promise.race([
  once(createInterface({ input: child.stdout }), 'line'),
  once(child, 'exit').then(([code]) => {
    throw new Error(`the bench server exited with ${code} under valgrind:\n${valgrindSaid}`);
  }),
]);
const server = JSON.parse(line);

/** callgrind_control on the server: valgrind's own process is the child, named by its pid. */
const control = async (...flags) => (await run('callgrind_control', [...flags, String(child.pid)])).stdout;

function load(port, path, cookie, amount) {
  return autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: 10,
    amount,
    timeout: 120,
    headers: cookie ? { cookie } : {},
  });
}

/** Main-thread instructions (thousands) per answered request of one measured load. */
async function measure(port, path, cookie) {
  if (warm) await load(port, path, cookie, warm);
  await control('--instr=on');
  await control('--zero');
  const result = await load(port, path, cookie, requests);
  const counters = await control('-e');
  await control('--instr=off');
  if (result.non2xx || result.errors)
    throw new Error(`${path}: ${result.non2xx + result.errors} failed requests`);
  const main = counters.match(/Th\s*1\s+([\d,]+)/);
  if (!main) throw new Error(`callgrind_control answered no main-thread count:\n${counters}`);
  return Number(main[1].replaceAll(',', '')) / result.requests.total / 1000;
}

const rows = [];
try {
  const unknown = paths.filter((path) => !server.endpoints.some((e) => e.path === path));
  if (unknown.length)
    throw new Error(
      `not a bench endpoint: ${unknown.join(', ')} (${server.endpoints.map((e) => e.path).join(', ')})`,
    );
  for (const e of server.endpoints.filter((x) => paths.includes(x.path))) {
    const real = [];
    const bare = [];
    for (let round = 0; round < rounds; round++) {
      real.push(await measure(server.app, e.path, server.cookie));
      bare.push(await measure(server.bare, e.path, undefined));
    }
    const low = (values) => Math.min(...values);
    rows.push([
      e.path,
      real.map((x) => x.toFixed(0)).join(', '),
      bare.map((x) => x.toFixed(0)).join(', '),
      `${((low(bare) / low(real)) * 100).toFixed(0)}%`,
    ]);
    process.stderr.write(`bench:api:instructions: ${e.path} done\n`);
  }
} finally {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

const header = ['endpoint', 'app k instr/request', 'bare k instr/request', 'bare/app (lowest of each)'];
const format = (cells) => `| ${cells.join(' | ')} |`;
process.stdout.write(
  `PostgreSQL, the app with its session cookie; ${warm} requests uninstrumented, then ${requests} counted, per round (${rounds} rounds; later rounds are usually lower, V8 still compiling)\n\n`,
);
process.stdout.write(
  `${[format(header), format(header.map(() => '---')), ...rows.map(format)].join('\n')}\n`,
);
