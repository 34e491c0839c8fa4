#!/usr/bin/env node
// `npm run bench:matrix`: the first paint of a programme's matrix page (issue 11: 60 disciplines × 80 competencies,
// goal under 1 s) on PGlite and on PostgreSQL, each in its own process (bench/matrix/measure.ts): the real built
// server (`npm run build` first) and Chromium (/usr/bin/chromium), cold (a new browser context) and warm (the page
// loaded again), medians of KADR_BENCH_RUNS loads (7). PostgreSQL is a fresh database from
// scripts/with-postgres.mjs. `--only pglite|postgres`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measureOnBothDatabases, root } from '../both-databases.mjs';

if (!existsSync(join(root, 'packages/web/dist/index.html'))) {
  console.error('packages/web/dist is missing: run `npm run build` first.');
  process.exit(2);
}
const results = await measureOnBothDatabases('bench/matrix/measure.ts');
const s = results[0].shape;
console.log(
  `matrix page: ${s.disciplines} disciplines × ${s.competencies} competencies (${s.outcomes} outcomes), medians of ${results[0].runs} loads`,
);
console.log(
  'database   load   first contentful paint  matrix in document  matrix painted (max)  painted / 1 s goal  analysis API  render  requests  renderer CPU',
);
for (const r of results)
  for (const load of ['cold', 'warm']) {
    const f = r[load];
    console.log(
      `${r.database.padEnd(10)} ${load.padEnd(5)}  ${`${f.fcpMs} ms`.padStart(22)}  ${`${f.tableInDomMs} ms`.padStart(18)}  ${`${f.tablePaintedMs} (${f.tablePaintedMaxMs}) ms`.padStart(20)}  ${(f.tablePaintedMs / 1000).toFixed(2).padStart(18)}  ${`${f.analysisApiMs} ms`.padStart(12)}  ${`${f.renderMs} ms`.padStart(6)}  ${String(f.requests).padStart(8)}  ${`${f.rendererCpuMs} ms`.padStart(12)}`,
    );
  }
console.log(
  'render: from the analysis answer to the table in the document; renderer CPU: the tab process over the load (script, style, layout, paint)',
);
for (const r of results)
  console.log(
    `${r.database.padEnd(10)} setup ${r.setupSeconds} s; load average at the end ${r.loadAverage.join(' ')}`,
  );
console.log('goal: the matrix page painted in under 1 s (times from the navigation start)');
