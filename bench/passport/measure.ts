// One side of `npm run bench:passport` (started by run.mjs, once per database): builds a programme version with
// 60 disciplines × 40 competencies and 10,000 students with results, then measures (1) one student's passport
// through the API (app.inject: routing, auth, the service, serialisation) and (2) the recompute of the 10,000
// stored passports. Prints one JSON line of figures. `tsx bench/passport/measure.ts pglite|postgres` (postgres
// uses DATABASE_URL, a fresh database as scripts/with-postgres.mjs gives).
import { schema, type Database, openDatabase } from '@kadr/db';
import { openTestPglite } from '@kadr/db/testing';
import { type ServiceContext, systemActor } from '@kadr/server';
import { recomputeVersionPassports } from '@kadr/server/passport/passport.service';
import {
  buildResults,
  buildStudents,
  buildVersion,
  usedSession,
} from '@kadr/server/passport/passport-test-data';
import { buildLab, buildWorld } from '@kadr/server/test/factories';
import { createBareTestApp, TEST_NOW } from '@kadr/server/testing';

const kind = process.argv[2];
const STUDENTS = 10_000;
const DISCIPLINES = 60;
const COMPETENCIES = 40;

async function open(): Promise<Database> {
  if (kind === 'pglite') return openTestPglite();
  const url = process.env.DATABASE_URL;
  if (kind !== 'postgres' || !url) throw new Error('usage: measure.ts pglite | postgres (with DATABASE_URL)');
  return openDatabase({ kind: 'postgres', url });
}

const ms = (start: number) => performance.now() - start;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (value: number) => Math.round(value * 10) / 10;

const database = await open();
const t = await createBareTestApp({}, { database });
const db = database.db;
const world = await buildWorld(t);
const built = performance.now();
const version = await buildVersion(db, {
  disciplines: DISCIPLINES,
  competencies: COMPETENCIES,
  outcomesPerDiscipline: 3,
});

// The measured student: an account, a result in every discipline (a re-sit in every fifth), a lab session in each.
const [student] = await buildStudents(db, version.versionId, 1, { userIds: [world.clients.student.me.id] });
await buildResults(db, [
  ...version.disciplineIds.map((disciplineId, i) => ({
    studentId: student!,
    disciplineId,
    points: 45 + ((i * 17) % 56),
  })),
  ...version.disciplineIds
    .filter((_, i) => i % 5 === 0)
    .map((disciplineId) => ({
      studentId: student!,
      disciplineId,
      points: 81,
      attempt: 2,
      gradedOn: '2025-06-20',
    })),
]);
const lab = await buildLab(db);
const sessions = await db
  .insert(schema.bookings)
  .values(
    version.disciplineIds.map((disciplineId, i) =>
      usedSession(lab.id, disciplineId, new Date(Date.UTC(2025, 1, 3 + i, 4)), 2, 15),
    ),
  )
  .returning({ id: schema.bookings.id });
await db
  .insert(schema.bookingAttendees)
  .values(sessions.map((s) => ({ bookingId: s.id, userId: world.clients.student.me.id })));

// 10,000 more in four admission cohorts: a cohort in year y has results in the first 15·y disciplines.
const cohort = STUDENTS / 4;
let resultRows = 0;
for (let year = 1; year <= 4; year++) {
  const ids = await buildStudents(db, version.versionId, cohort, { admissionYear: 2026 - year });
  const taken = version.disciplineIds.slice(0, 15 * year);
  const rows = ids.flatMap((studentId, s) =>
    taken.map((disciplineId, d) => ({ studentId, disciplineId, points: 35 + ((s * 31 + d * 7) % 66) })),
  );
  resultRows += rows.length;
  await buildResults(db, rows);
}
const setupSeconds = ms(built) / 1000;

// (1) One passport through the API, as the coordinator: warm up, then 50 requests one after another.
const url = `/api/students/${student}/passport`;
let competencies = 0;
for (let i = 0; i < 5; i++) {
  const response = await world.clients.coordinator.request('GET', url);
  if (response.statusCode !== 200)
    throw new Error(`passport answered ${response.statusCode}: ${response.body}`);
  competencies = response.json().competencies.length;
}
const times: number[] = [];
for (let i = 0; i < 50; i++) {
  const start = performance.now();
  await world.clients.coordinator.request('GET', url);
  times.push(ms(start));
}
times.sort((a, b) => a - b);
const pdfStart = performance.now();
await world.clients.coordinator.request('GET', `${url}.pdf?lang=kk`);
const pdfMs = ms(pdfStart);

// (2) The recompute of every stored passport of the version, twice (the second replaces the first's rows).
const ctx: ServiceContext = {
  db,
  actor: systemActor('bench'),
  requestId: 'bench',
  now: () => TEST_NOW,
  timeZone: 'Asia/Almaty',
};
const recomputes: number[] = [];
let students = 0;
for (let i = 0; i < 2; i++) {
  const start = performance.now();
  students = (await recomputeVersionPassports(ctx, version.versionId)).students;
  recomputes.push(ms(start));
}

console.log(
  JSON.stringify({
    database: kind,
    setupSeconds: round(setupSeconds),
    passport: {
      disciplines: DISCIPLINES,
      competencies,
      p50Ms: round(quantile(times, 0.5)),
      p95Ms: round(quantile(times, 0.95)),
      maxMs: round(times.at(-1)!),
      pdfMs: round(pdfMs),
    },
    recompute: { students, resultRows, seconds: recomputes.map((r) => round(r / 1000)) },
  }),
);
await t.close();
