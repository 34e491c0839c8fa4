#!/usr/bin/env node
// `npm run bench:passport`: the passport benchmarks of issue 11 on PGlite and on PostgreSQL, each in its own
// process (bench/passport/measure.ts): one passport of 60 disciplines × 40 competencies through the API (goal
// under 50 ms) and 10,000 stored passports recomputed (goal under 10 s). PostgreSQL is a fresh database from
// scripts/with-postgres.mjs (DATABASE_URL's server, the local one, or a throwaway server). `--only pglite|postgres`.
import { measureOnBothDatabases } from '../both-databases.mjs';

const results = await measureOnBothDatabases('bench/passport/measure.ts');
console.log(
  'database   setup s  passport p50 / p95 / max ms  PDF ms  recompute students (result rows)  s (1st, 2nd)',
);
for (const r of results) {
  const p = r.passport;
  console.log(
    `${r.database.padEnd(10)} ${String(r.setupSeconds).padStart(7)}  ${`${p.p50Ms} / ${p.p95Ms} / ${p.maxMs}`.padStart(26)}  ${String(p.pdfMs).padStart(6)}  ${`${r.recompute.students} (${r.recompute.resultRows})`.padStart(31)}  ${r.recompute.seconds.join(', ')}`,
  );
}
console.log(
  `goals: one passport (${results[0]?.passport.disciplines} disciplines × ${results[0]?.passport.competencies} competencies) < 50 ms; 10,000 recomputed < 10 s`,
);
