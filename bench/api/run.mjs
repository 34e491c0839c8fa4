#!/usr/bin/env node
// `npm run bench:api [-- --duration 3] [-- --rounds 3] [-- --connections 50] [-- --only pglite|postgres]
// [-- --paths /api/health,/api/organisations] [-- --profile DIR]`: authenticated list endpoints of the real app
// under load, beside a bare Fastify handler that runs the same data SQL and sends the same JSON, on PGlite and on
// PostgreSQL in the same run. `--paths` runs only those endpoints; `--profile` saves the server's CPU profile of
// each measured load in DIR (for reading where the time goes, not for the figures).
//
// Each database gets its own server process (bench/api/server.ts); autocannon runs here, against loopback
// only, for a bounded duration per load. Each target is measured in `--rounds` pairs, real then bare, one after
// the other so that both see the same machine load: on a 2-core machine one pair's ratio moved by 20-30 points
// from run to run of the same code (docs/api-performance.md, seventh round), so a row gives the median of its
// rounds and their range. PostgreSQL is DATABASE_URL's server or the local one on 127.0.0.1:5432 (a fresh
// database, dropped after). Prints a table: endpoint, db, queries of one request (its data queries), the app's queries per answered request
// under load (more than one request's when sessions are read again), req/s, p50, p99, the ratio to the
// bare handler (median of the rounds, lowest and highest), and the server process's CPU time per request for
// both over all rounds (a figure that a loaded machine disturbs less than req/s).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const duration = Math.min(60, Math.max(1, Number(flag('duration', 3))));
const rounds = Math.min(20, Math.max(1, Number(flag('rounds', 3))));
const connections = Math.min(200, Math.max(1, Number(flag('connections', 50))));
const only = flag('only', undefined);
const profileArg = flag('profile', undefined);
const profileDir = profileArg && resolve(profileArg);
const paths = flag('paths', undefined)?.split(',');
const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startServer(kind) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'bench/api/server.ts'), kind, pgUrl], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the ${kind} bench server exited with ${code}`);
    }),
  ]);
  return { child, ...JSON.parse(line) };
}

function load(port, path, cookie, seconds) {
  return autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections,
    duration: seconds,
    headers: cookie ? { cookie } : {},
  });
}

/** The server process's CPU time (user + system, µs) and the app's queries so far, from the bare server's /__cpu. */
async function usageOf(server) {
  const used = await (await fetch(`http://127.0.0.1:${server.bare}/__cpu`)).json();
  return { cpu: used.user + used.system, queries: used.queries };
}

/** Requests answered during each profiled load, by profile name (for a per-request reading). */
const profiled = {};

/** POSTs to one of the bare server's /__profile endpoints. */
async function profilerCall(server, what, query = '') {
  const response = await fetch(`http://127.0.0.1:${server.bare}/__profile/${what}${query}`, {
    method: 'POST',
  });
  if (!response.ok) throw new Error(`profile ${what}: ${response.status} ${await response.text()}`);
}

/**
 * Runs a load and adds the server's CPU time per answered request (ms) to its result; with `--profile DIR`, the
 * server's CPU profile of the load is saved as DIR/<name>.cpuprofile (the profiler's own cost is in the figures).
 */
async function measured(server, start, name) {
  const profile = profileDir && name;
  if (profile) await profilerCall(server, 'start');
  const before = await usageOf(server);
  const result = await start();
  const after = await usageOf(server);
  if (profile) {
    await profilerCall(server, 'stop', `?file=${encodeURIComponent(join(profileDir, `${name}.cpuprofile`))}`);
    profiled[name] = result.requests.total;
    await writeFile(join(profileDir, 'requests.json'), `${JSON.stringify(profiled, null, 2)}\n`);
  }
  return { ...result, cpuUsed: after.cpu - before.cpu, queriesSent: after.queries - before.queries };
}

/** The median of some numbers (the mean of the middle two for an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The server's CPU time per answered request (ms) over some loads. */
function cpuPerRequest(results) {
  const used = results.reduce((sum, r) => sum + r.cpuUsed, 0);
  const answered = results.reduce((sum, r) => sum + r.requests.total, 0);
  return used / 1000 / Math.max(1, answered);
}

const rows = [];
const kinds = ['pglite', 'postgres'].filter((k) => !only || k === only);
const startLoad = loadavg()[0];
for (const kind of kinds) {
  if (kind === 'postgres' && !(await postgresAnswers())) {
    process.stderr.write(`bench:api: no PostgreSQL answers at ${pgUrl}; skipping it\n`);
    continue;
  }
  const server = await startServer(kind);
  try {
    // Health without a cookie, then with one (the fixed cost of an authenticated request), then the lists.
    const targets = server.endpoints
      .filter((e) => !paths || paths.includes(e.path))
      .flatMap((e) =>
        e.path === '/api/health'
          ? [
              { ...e, label: e.path, cookie: undefined },
              { ...e, label: `${e.path} (cookie)`, cookie: server.cookie },
            ]
          : [{ ...e, label: e.path, cookie: server.cookie }],
      );
    // A first pass over every target before any is measured: right after the seed, the first seconds under load
    // cost the server several times the CPU per request of the steady state (seen at 1.0-1.6 ms against 0.2 on
    // health, on old and new code alike), which a 1 s warm-up of the first target did not cover.
    for (const e of targets) {
      await load(server.app, e.path, e.cookie, 1);
      await load(server.bare, e.path, undefined, 1);
    }
    for (const e of targets) {
      await load(server.app, e.path, e.cookie, 1); // warm-up
      const name = `${kind}${e.label.replaceAll('/', '-').replace(' (cookie)', '-cookie')}`;
      const reals = [];
      const bares = [];
      for (let round = 0; round < rounds; round++) {
        // Only the first round is profiled.
        const profiled = (side) => (round === 0 ? `${name}-${side}` : undefined);
        reals.push(
          await measured(server, () => load(server.app, e.path, e.cookie, duration), profiled('real')),
        );
        bares.push(
          await measured(server, () => load(server.bare, e.path, undefined, duration), profiled('bare')),
        );
      }
      const errors = [...reals, ...bares].reduce((sum, r) => sum + r.non2xx + r.errors, 0);
      if (errors) process.stderr.write(`bench:api: ${kind} ${e.label}: ${errors} failed requests\n`);
      const ratios = reals.map((real, n) => real.requests.average / bares[n].requests.average);
      rows.push({
        endpoint: e.label,
        db: kind,
        queries: `${e.queries} (${e.dataQueries})`,
        underLoad:
          reals.reduce((sum, r) => sum + r.queriesSent, 0) /
          Math.max(
            1,
            reals.reduce((sum, r) => sum + r.requests.total, 0),
          ),
        bytes: e.bytes,
        rps: median(reals.map((r) => r.requests.average)),
        p50: median(reals.map((r) => r.latency.p50)),
        p99: median(reals.map((r) => r.latency.p99)),
        bareRps: median(bares.map((r) => r.requests.average)),
        bareP99: median(bares.map((r) => r.latency.p99)),
        cpu: cpuPerRequest(reals),
        bareCpu: cpuPerRequest(bares),
        ratio: median(ratios),
        ratioRange: [Math.min(...ratios), Math.max(...ratios)],
      });
      process.stderr.write(`bench:api: ${kind} ${e.label} done\n`);
    }
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
}

const header = [
  'endpoint',
  'db',
  'queries (data)',
  'under load',
  'bytes',
  'req/s',
  'p50 ms',
  'p99 ms',
  'bare req/s',
  'bare p99',
  'ratio',
  'ratio range',
  'cpu ms/req',
  'bare cpu ms/req',
];
const table = rows.map((r) => [
  r.endpoint,
  r.db,
  r.queries,
  r.underLoad.toFixed(2),
  String(r.bytes),
  r.rps.toFixed(0),
  String(r.p50),
  String(r.p99),
  r.bareRps.toFixed(0),
  String(r.bareP99),
  `${(r.ratio * 100).toFixed(0)}%`,
  r.ratioRange.map((x) => `${(x * 100).toFixed(0)}%`).join('-'),
  r.cpu.toFixed(2),
  r.bareCpu.toFixed(2),
]);
const line = (cells) => `| ${cells.join(' | ')} |`;
process.stdout.write(
  `${connections} connections, ${rounds} rounds of ${duration} s per target and side (req/s, p50, p99 and ratio: medians of the rounds), ${cpus().length} cores, load average ${startLoad.toFixed(2)} at start and ${loadavg()[0].toFixed(2)} at the end\n\n`,
);
process.stdout.write(`${[line(header), line(header.map(() => '---')), ...table.map(line)].join('\n')}\n`);
