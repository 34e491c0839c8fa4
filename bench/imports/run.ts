// `npm run bench:imports [-- --students 1000] [-- --per-student 10]`: the students and results imports through the
// API (app.inject, multipart CSV, as the imports page sends them) on a fresh PGlite: 1,000 students with their
// enrolments, then 10,000 results (10 per student), each as a dry run and as the real import. Prints the time of
// each (wall and CPU) and checks what was written; each sends a progressId, as the page does to show progress.
// The goal (issue 11): 10,000 results in under 10 s on PGlite.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openTestPglite } from '@kadr/db/testing';
import { buildApp } from '../../packages/server/src/app.ts';
import { buildProgrammeVersion, testIin } from '../../packages/server/src/students/test-data.ts';
import { buildOrganisation, buildUser } from '../../packages/server/src/test/factories.ts';
import { signIn, TEST_NOW } from '../../packages/server/src/testing.ts';
import { upload } from '../../packages/server/src/uploads/test-support.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const studentCount = flag('students', 1000);
const perStudent = flag('per-student', 10);

const database = await openTestPglite();
const app = await buildApp({ database, config: {}, now: () => TEST_NOW });
const db = database.db;
const home = await buildOrganisation(db, { kind: 'home_university' });
const admin = await signIn(app, (await buildUser(db, { role: 'admin', organisationId: home.id })).email);
const { programme, disciplines } = await buildProgrammeVersion(db, { disciplines: Math.max(perStudent, 50) });

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const iins = Array.from({ length: studentCount }, (_, i) => testIin(100_000 + i));
const studentsFile = csv([
  'iin,full_name,email,phone,programme,version,admission_year',
  ...iins.map(
    (iin, i) =>
      `${iin},Студент ${i},s${i}@example.kz,+7 701 ${String(i).padStart(7, '0')},${programme.code},1,2024`,
  ),
]);
const resultsFile = csv([
  'iin,discipline,attempt,points,letter,graded_on',
  ...iins.flatMap((iin, i) =>
    disciplines
      .slice(0, perStudent)
      .map((d, j) => `${iin},${d.code},1,${50 + ((i + j * 7) % 51)},,2025-01-20`),
  ),
]);

async function timed(kind: string, file: Buffer, dryRun: boolean) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const response = await upload(
    app,
    admin,
    `/api/imports/${kind}?dryRun=${dryRun}&progressId=${randomUUID()}`,
    `${kind}.csv`,
    'text/csv',
    file,
  );
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  if (response.statusCode !== 200)
    throw new Error(`${kind}: ${response.statusCode} ${response.body.slice(0, 500)}`);
  const { rows, created } = response.json() as { rows: number; created: number };
  return {
    kind,
    dryRun,
    rows,
    created,
    seconds: (ms / 1000).toFixed(2),
    // CPU time of this process (user + system): what the import costs whatever else the machine runs.
    cpuSeconds: ((cpu.user + cpu.system) / 1e6).toFixed(2),
  };
}

const runs = [
  await timed('students', studentsFile, true),
  await timed('students', studentsFile, false),
  await timed('results', resultsFile, true),
  await timed('results', resultsFile, false),
];
const count = await db.execute('select count(*)::int as n from discipline_results');
const stored = (count as unknown as { rows: { n: number }[] }).rows[0]!.n;
console.table(runs);
console.log(
  `results stored: ${stored}; file ${(resultsFile.length / 1024).toFixed(0)} KiB; node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const real = runs[3]!;
console.log(
  Number(real.seconds) < 10
    ? `goal met: ${real.rows} results imported in ${real.seconds} s wall, ${real.cpuSeconds} s CPU (< 10 s on PGlite)`
    : `goal NOT met on the wall clock: ${real.rows} results took ${real.seconds} s (${real.cpuSeconds} s CPU; goal < 10 s)`,
);
await app.close();
await database.close();
