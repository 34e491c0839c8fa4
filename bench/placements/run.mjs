#!/usr/bin/env node
// `npm run bench:placements`: the placements benchmark of issue 12 on PGlite and on PostgreSQL, each in its own
// process (bench/placements/measure.ts): a round of 5,000 students ranking up to 10 of 800 offers, allocated,
// checked and published (goal under 2 s), then one student's results page and one offer's applicants page
// (goal under 100 ms). PostgreSQL is a fresh database from scripts/with-postgres.mjs (DATABASE_URL's server, the
// local one, or a throwaway server). `--only pglite|postgres`.
import { measureOnBothDatabases } from '../both-databases.mjs';

const results = await measureOnBothDatabases('bench/placements/measure.ts');
const r0 = results[0].round;
console.log(
  `round: ${r0.students} students, ${r0.offers} offers, ${r0.choices} choices, ${r0.seats} seats; ${r0.placed} placed (${r0.fillRate}% of seats), ${r0.firstChoice} first choices`,
);
console.log(
  'database   setup s  run cold / warm ms  (load, allocate, check ms)  publish ms  student page p50/p95  offer page p50/p95',
);
for (const r of results) {
  console.log(
    `${r.database.padEnd(10)} ${String(r.setupSeconds).padStart(7)}  ${`${r.runColdMs} / ${r.runWarmMs}`.padStart(18)}  ${`(${r.loadMs}, ${r.engine.allocateMs}, ${r.engine.checkMs})`.padStart(26)}  ${String(r.publishMs).padStart(10)}  ${`${r.studentPage.p50Ms} / ${r.studentPage.p95Ms}`.padStart(20)}  ${`${r.offerPage.p50Ms} / ${r.offerPage.p95Ms}`.padStart(18)}`,
  );
}
for (const r of results)
  console.log(
    `${r.database.padEnd(10)} CPU ms (whole process; PostgreSQL's server not in it): run warm ${r.runWarmCpuMs}, publish ${r.publishCpuMs}; load average ${r.loadAverage.join(' ')}`,
  );
console.log('goals: allocate, check and publish < 2 s (warm run + publish); each page < 100 ms');
