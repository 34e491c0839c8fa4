// One side of `npm run bench:matrix` (started by run.mjs, once per database): builds a programme version with 60
// disciplines × 80 competencies (8 outcomes a discipline) and a coordinator on a fresh database (a new PGlite data
// folder, or DATABASE_URL's fresh database), closes it, starts the real built server on it (`kadr serve`, as a
// user runs it) and opens the version's analysis page in Chromium as the coordinator. Cold: a new browser context
// (no HTTP cache, a new session), the address typed in. Warm: the same page loaded again in that context.
// Each load reports the first contentful paint, and the time the matrix table is in the document with every row
// and then painted (a mark in the next frame after it appears), from the navigation's start. Prints one JSON line.
// `tsx bench/matrix/measure.ts pglite|postgres` (postgres uses DATABASE_URL). KADR_BENCH_RUNS: loads of each kind
// (7); KADR_BENCH_VERBOSE=1: each load's Chromium metrics and resource timings on stderr; KADR_BENCH_PROFILE=1: each
// load's sampled JavaScript time by script and by function on stderr (where the renderer's time goes).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '@kadr/db';
import { buildVersion } from '@kadr/server/passport/passport-test-data';
import { buildOrganisation, buildUser } from '@kadr/server/test/factories';
import { TEST_PASSWORD } from '@kadr/server/testing';
import { chromium } from 'playwright-core';

const kind = process.argv[2];
const root = new URL('../../', import.meta.url).pathname;
const DISCIPLINES = 60;
const COMPETENCIES = 80;
const OUTCOMES_PER_DISCIPLINE = 8;
const RUNS = Number(process.env.KADR_BENCH_RUNS ?? 7);
const EMAIL = 'bench.coordinator@test.kadr.kz';

const round = (value: number) => Math.round(value);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// 1. The data, written straight to the database the server will open.
const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'kadr-bench-matrix-')) : undefined;
const url = process.env.DATABASE_URL;
if (kind !== 'pglite' && (kind !== 'postgres' || !url))
  throw new Error('usage: measure.ts pglite | postgres (with DATABASE_URL)');
const database: Database = dataDir
  ? await openDatabase({ kind: 'pglite', dataDir })
  : await openDatabase({ kind: 'postgres', url: url! });
const setupStart = performance.now();
const home = await buildOrganisation(database.db, { kind: 'home_university', shortName: 'HOME' });
await buildUser(database.db, { role: 'coordinator', organisationId: home.id, email: EMAIL, locale: 'en' });
const version = await buildVersion(database.db, {
  disciplines: DISCIPLINES,
  competencies: COMPETENCIES,
  outcomesPerDiscipline: OUTCOMES_PER_DISCIPLINE,
});
const setupMs = performance.now() - setupStart;
await database.close();

// 2. The real server on it, as `kadr serve` runs.
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(root, 'packages/cli/bin/kadr.mjs'), 'serve'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    KADR_LOG_LEVEL: 'warn',
    ...(dataDir ? { KADR_DATA_DIR: dataDir, DATABASE_URL: '' } : {}),
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stopServer = () =>
  new Promise<void>((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });

interface Load {
  fcpMs: number;
  tableInDomMs: number;
  tablePaintedMs: number;
  analysisApiMs: number;
  renderMs: number;
  requests: number;
  mainThreadMs: number;
  scriptMs: number;
  rendererCpuMs: number;
}

try {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the server did not answer /api/health in 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const page = `${base}/programme-versions/${version.versionId}/analysis`;
  const rows = DISCIPLINES; // the demo shape has no practice rows

  // Runs in the page before its scripts: marks when the matrix has every row, and when that frame has painted.
  // A string, not a function: tsx would wrap a function's inner arrows in a helper the page does not have.
  const observe = `
    const observer = new MutationObserver(() => {
      const table = document.querySelector('[data-testid=analysis-matrix]');
      if (!table || table.querySelectorAll('tbody tr').length < ${rows}) return;
      observer.disconnect();
      const inDom = performance.now();
      // The second frame's callback runs once the first frame (the one with the table) has been painted.
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__matrix = { inDom, painted: performance.now() }; }));
    });
    observer.observe(document, { childList: true, subtree: true });`;

  async function load(context: Awaited<ReturnType<typeof browser.newContext>>): Promise<Load> {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Performance.enable');
    if (process.env.KADR_BENCH_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await tab.addInitScript(observe);
    let requests = 0;
    tab.on('request', () => {
      requests += 1;
    });
    await tab.goto(page);
    await tab
      .waitForFunction(() => (window as unknown as { __matrix?: unknown }).__matrix !== undefined, null, {
        timeout: 60_000,
      })
      .catch(async (error) => {
        const shot = join(tmpdir(), 'kadr-bench-matrix-failure.png');
        await tab.screenshot({ path: shot, fullPage: true });
        throw new Error(`no matrix at ${tab.url()} (screenshot ${shot}): ${error}`);
      });
    const figures = await tab.evaluate(async () => {
      const m = (window as unknown as { __matrix: { inDom: number; painted: number } }).__matrix;
      // The paint entries reach the timeline a little after the paint: wait for them (buffered).
      const fcp = await new Promise<PerformanceEntry | undefined>((resolve) => {
        new PerformanceObserver((list) =>
          resolve(list.getEntries().find((e) => e.name === 'first-contentful-paint')),
        ).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(undefined), 5000);
      });
      const api = performance
        .getEntriesByType('resource')
        .find((e) => /\/api\/programme-versions\/\d+\/analysis$/.test(e.name)) as
        | PerformanceResourceTiming
        | undefined;
      return {
        fcpMs: fcp?.startTime ?? Number.NaN,
        tableInDomMs: m.inDom,
        tablePaintedMs: m.painted,
        analysisApiMs: api ? api.responseEnd - api.startTime : Number.NaN,
        // From the analysis's answer to the table with every row in the document: the page's own rendering.
        renderMs: api ? m.inDom - api.responseEnd : Number.NaN,
      };
    });
    if (process.env.KADR_BENCH_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      const byUrl = new Map<string, number>();
      const byFn = new Map<string, number>();
      const counts = new Map<number, number>();
      for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      const per = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
      for (const node of profile.nodes) {
        const ms = (counts.get(node.id) ?? 0) * per;
        const url =
          node.callFrame.url.replace(/^.*\/assets\//, '') || node.callFrame.functionName || '(native)';
        byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
        const fn = `${node.callFrame.functionName || '(anon)'} ${url}`;
        byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
      }
      const top = (m: Map<string, number>) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([k, v]) => `  ${Math.round(v)} ${k}`)
          .join('\n');
      console.error(`by script:\n${top(byUrl)}\nby function:\n${top(byFn)}`);
    }
    // The renderer's main-thread work for the load (CPU, so less moved by other processes than wall time).
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    if (process.env.KADR_BENCH_VERBOSE)
      console.error(
        ['ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration', 'ProcessTime', 'Nodes']
          .map((name) => `${name} ${Math.round(metric(name))}`)
          .join(', '),
      );
    if (process.env.KADR_BENCH_VERBOSE)
      console.error(
        await tab.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map(
              (e) =>
                `${Math.round(e.startTime)}-${Math.round((e as PerformanceResourceTiming).responseEnd)} ${e.name.replace(location.origin, '')}`,
            )
            .join('\n'),
        ),
      );
    const cells = await tab.locator('[data-testid=analysis-matrix] tbody td').count();
    if (cells !== DISCIPLINES * COMPETENCIES) throw new Error(`the matrix has ${cells} cells`);
    await tab.close();
    return {
      ...figures,
      requests,
      mainThreadMs: metric('TaskDuration'),
      scriptMs: metric('ScriptDuration'),
      rendererCpuMs: metric('ProcessTime'),
    };
  }

  const cold: Load[] = [];
  const warm: Load[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext();
    const signIn = await context.request.post(`${base}/api/auth/login`, {
      data: { email: EMAIL, password: TEST_PASSWORD },
    });
    if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}: ${await signIn.text()}`);
    const first = await load(context);
    const second = await load(context);
    await context.close();
    // The first pair warms the server (its first request of each kind) and is not counted.
    if (i === 0) continue;
    cold.push(first);
    warm.push(second);
  }
  await browser.close();

  const summarise = (loads: Load[]) => ({
    fcpMs: round(median(loads.map((l) => l.fcpMs))),
    tableInDomMs: round(median(loads.map((l) => l.tableInDomMs))),
    tablePaintedMs: round(median(loads.map((l) => l.tablePaintedMs))),
    tablePaintedMaxMs: round(Math.max(...loads.map((l) => l.tablePaintedMs))),
    analysisApiMs: round(median(loads.map((l) => l.analysisApiMs))),
    renderMs: round(median(loads.map((l) => l.renderMs))),
    requests: median(loads.map((l) => l.requests)),
    mainThreadMs: round(median(loads.map((l) => l.mainThreadMs))),
    scriptMs: round(median(loads.map((l) => l.scriptMs))),
    rendererCpuMs: round(median(loads.map((l) => l.rendererCpuMs))),
  });
  console.log(
    JSON.stringify({
      database: kind,
      setupSeconds: Math.round(setupMs / 100) / 10,
      shape: {
        disciplines: DISCIPLINES,
        competencies: COMPETENCIES,
        outcomes: DISCIPLINES * OUTCOMES_PER_DISCIPLINE,
      },
      runs: RUNS,
      cold: summarise(cold),
      warm: summarise(warm),
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    }),
  );
} finally {
  await stopServer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
