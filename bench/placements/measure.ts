// One side of `npm run bench:placements` (started by run.mjs, once per database): builds a closed round of 5,000
// students ranking up to 10 of 800 offers (explicit, GPA, competency-fit and mixed scoring; results, passports and
// consents behind them), then measures through the API (app.inject: routing, auth, the service, serialisation):
// (1) the run (the engine's input from the database, allocate and check in the worker thread, the preview
// stored), with the worker cold and warm, and the engine alone in-process; (2) the publication of every placement
// with its explanation and notification; (3) one student's results page and (4) the applicants page of one offer,
// the round published. Prints one JSON line. `tsx bench/placements/measure.ts pglite|postgres` (postgres uses
// DATABASE_URL, a fresh database as scripts/with-postgres.mjs gives).
import os from 'node:os';
import { allocationRepository, type Database, openDatabase, schema } from '@kadr/db';
import { openTestPglite } from '@kadr/db/testing';
import { type ServiceContext, systemActor } from '@kadr/server';
import { buildAllocationInput } from '@kadr/server/placements/allocation-input';
import { runEngine } from '@kadr/server/placements/allocation-engine';
import { stopAllocationWorker } from '@kadr/server/placements/allocation-runner';
import { buildProgrammeVersion, testIin } from '@kadr/server/students/test-data';
import { buildOrganisation, buildWorld, type Client } from '@kadr/server/test/factories';
import { createBareTestApp, TEST_NOW } from '@kadr/server/testing';
import { addRoundOffers, buildRound, rankByPartner } from '@kadr/server/placements/allocation-test-data';
import { createRandom, pickInt } from '@kadr/core';

const kind = process.argv[2];
// BENCH_SCALE (0..1) shrinks the round for a quick smoke run of this script; the benchmark is scale 1.
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const STUDENTS = Math.round(5_000 * SCALE);
const OFFERS = Math.round(800 * SCALE);
const PARTNERS = Math.max(1, Math.round(80 * SCALE));
const CHOICES = 10;
const DISCIPLINES = 10;

async function open(): Promise<Database> {
  if (kind === 'pglite') return openTestPglite();
  const url = process.env.DATABASE_URL;
  if (kind !== 'postgres' || !url) throw new Error('usage: measure.ts pglite | postgres (with DATABASE_URL)');
  return openDatabase({ kind: 'postgres', url });
}

const ms = (start: number) => performance.now() - start;
const round1 = (value: number) => Math.round(value * 10) / 10;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function insertMany<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 2000) await insert(rows.slice(start, start + 2000));
}

const database = await open();
const t = await createBareTestApp({}, { database });
const db = database.db;
const world = await buildWorld(t);
const built = performance.now();
const random = createRandom(2026);

// Partners: the world's partner (the measured offer's owner) and 79 more.
const partners = [world.partnerOrg.id];
for (let i = 1; i < PARTNERS; i++) partners.push((await buildOrganisation(db)).id);
const { version, disciplines } = await buildProgrammeVersion(db, { disciplines: DISCIPLINES });
const [framework] = await db
  .insert(schema.competencyFrameworks)
  .values({ code: 'BENCH', source: 'own', nameKk: 'Бенч', nameRu: 'Бенч', nameEn: 'Bench' })
  .returning();
const competencies = await db
  .insert(schema.competencies)
  .values(
    Array.from({ length: 20 }, (_, i) => ({
      frameworkId: framework!.id,
      code: `C${i + 1}`,
      nameKk: `Құзырет ${i + 1}`,
      nameRu: `Компетенция ${i + 1}`,
      nameEn: `Competency ${i + 1}`,
      type: 'skill' as const,
    })),
  )
  .returning();

// 800 offers, 10 a partner; 3 to 10 seats each.
const scorings = ['explicit', 'gpa', 'gpa', 'competency-fit', 'mix'] as const;
const offers = await db
  .insert(schema.practiceOffers)
  .values(
    Array.from({ length: OFFERS }, (_, i) => ({
      organisationId: partners[i % PARTNERS]!,
      titleKk: `Практика ${i + 1}`,
      titleRu: `Практика ${i + 1}`,
      titleEn: `Placement ${i + 1}`,
      practiceType: 'industrial' as const,
      capacity: 10,
      startsOn: '2027-06-01',
      endsOn: '2027-07-31',
      status: 'published' as const,
    })),
  )
  .returning({ id: schema.practiceOffers.id, organisationId: schema.practiceOffers.organisationId });
await insertMany(
  offers.flatMap((o, i) =>
    [0, 1, 2].map((k) => ({ offerId: o.id, competencyId: competencies[(i + k * 7) % 20]!.id, level: 2 + k })),
  ),
  (batch) => db.insert(schema.practiceOfferCompetencies).values(batch),
);

// 5,000 students (the first is the signed-in student), enrolled, with results, passports and consents.
const studentRows = Array.from({ length: STUDENTS }, (_, i) => ({
  iin: testIin(500_000 + i),
  fullName: `Студент ${i + 1}`,
  email: `bench.student.${i + 1}@test.kadr.kz`,
  userId: i === 0 ? world.clients.student.me.id : null,
}));
const students: number[] = [];
await insertMany(studentRows, async (batch) => {
  const created = await db.insert(schema.students).values(batch).returning({ id: schema.students.id });
  students.push(...created.map((s) => s.id));
});
await insertMany(students, (batch) =>
  db.insert(schema.enrolments).values(
    batch.map((studentId) => ({
      studentId,
      versionId: version.id,
      admissionYear: 2024,
      status: 'active' as const,
      enrolledOn: '2024-09-01',
    })),
  ),
);
await insertMany(
  students.flatMap((studentId, s) =>
    disciplines.map((d, k) => {
      const points = 50 + ((s * 37 + k * 11) % 51);
      const gradePoint = points >= 95 ? 4 : points >= 80 ? 3 : points >= 65 ? 2 : 1;
      const letter = (points >= 95 ? 'A' : points >= 80 ? 'B' : points >= 65 ? 'C' : 'D') as
        | 'A'
        | 'B'
        | 'C'
        | 'D';
      return {
        studentId,
        disciplineId: d.id,
        points,
        letter,
        gradePoint: String(gradePoint),
        gradedOn: '2026-06-01',
      };
    }),
  ),
  (batch) => db.insert(schema.disciplineResults).values(batch),
);
await insertMany(students, (batch) =>
  db.insert(schema.competencyPassports).values(
    batch.map((studentId, s) => ({
      studentId,
      levels: Object.fromEntries(competencies.map((c, k) => [String(c.id), 1 + ((s + k) % 5)])),
      evidenceCount: 10,
      computedAt: TEST_NOW,
    })),
  ),
);

// Rankings: 10 distinct offers a student, popular offers more often (a quarter of the offers draw half the choices).
const rankings = new Map<number, number[]>();
for (const studentId of students) {
  const chosen = new Set<number>();
  while (chosen.size < CHOICES) {
    const popular = pickInt(random, 2) === 0;
    chosen.add(offers[popular ? pickInt(random, OFFERS / 4) : pickInt(random, OFFERS)]!.id);
  }
  rankings.set(studentId, [...chosen]);
}
// Consents: each student shares results, passport and profile with the partners of their first three choices.
const organisationOf = new Map(offers.map((o) => [o.id, o.organisationId]));
const consentRows = [...rankings].flatMap(([studentId, list]) =>
  [...new Set(list.slice(0, 3).map((offerId) => organisationOf.get(offerId)!))].map((organisationId) => ({
    studentId,
    organisationId,
    scopes: ['results', 'passport', 'profile'] as ('results' | 'passport' | 'profile')[],
    givenOn: '2026-09-01',
  })),
);
await insertMany(consentRows, (batch) => db.insert(schema.consents).values(batch));

const roundRecord = await buildRound(db, {
  maxChoices: CHOICES,
  responseClosesAt: new Date('2026-12-20T18:00:00Z'),
});
const roundId = roundRecord.id;
await addRoundOffers(
  db,
  roundId,
  offers.map((o, i) => ({
    offerId: o.id,
    seats: 3 + pickInt(random, 8),
    scoring: scorings[i % scorings.length]!,
    ...(scorings[i % scorings.length] === 'mix' ? { gpaWeight: '0.60' } : {}),
  })),
);
await insertMany(students, (batch) =>
  db.insert(schema.roundStudents).values(batch.map((studentId) => ({ roundId, studentId }))),
);
await insertMany(
  [...rankings].flatMap(([studentId, list]) =>
    list.map((offerId, k) => ({ roundId, studentId, offerId, rank: k + 1 })),
  ),
  (batch) => db.insert(schema.roundPreferences).values(batch),
);
const applicantsOf = new Map<number, number[]>();
for (const [studentId, list] of rankings)
  for (const offerId of list) applicantsOf.set(offerId, [...(applicantsOf.get(offerId) ?? []), studentId]);
for (const [i, offer] of offers.entries()) {
  if (scorings[i % scorings.length] !== 'explicit') continue;
  const applicants = [...(applicantsOf.get(offer.id) ?? [])].sort(() => pickInt(random, 3) - 1);
  await rankByPartner(db, roundId, offer.id, applicants);
}
const setupSeconds = ms(built) / 1000;

// (1) The run through the API, polled every 50 ms until done (the web polls every 500 ms): first with the worker
// cold, then warm.
async function runRound(officer: Client): Promise<number> {
  const start = performance.now();
  const started = await officer.request('POST', `/api/rounds/${roundId}/allocation`);
  if (started.statusCode !== 202) throw new Error(`run answered ${started.statusCode}: ${started.body}`);
  for (;;) {
    const job = (await officer.request('GET', `/api/rounds/${roundId}/allocation`)).json();
    if (job.stage === 'done') return ms(start);
    if (job.stage === 'failed') throw new Error(`run failed: ${JSON.stringify(job.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
// CPU time of the whole process (the main thread, PGlite in it, and the worker thread): on a shared machine wall
// time depends on the load, CPU time much less (for PostgreSQL the server's own CPU is not in it).
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const runColdMs = await runRound(world.clients.officer);
const runWarmCpu = process.cpuUsage();
const runWarmMs = await runRound(world.clients.officer);
const runWarmCpuMs = cpuMs(runWarmCpu);
const preview = (
  await world.clients.officer.request('GET', `/api/rounds/${roundId}/allocation/preview`)
).json();
if (!preview.verdict.ok)
  throw new Error(`checker refused: ${JSON.stringify(preview.verdict.violations.slice(0, 3))}`);

// The engine alone, in-process, on the same input (what the worker does).
const ctx: ServiceContext = {
  db,
  actor: systemActor('bench'),
  requestId: 'bench',
  now: () => TEST_NOW,
  timeZone: 'Asia/Almaty',
};
const loadStart = performance.now();
const found = (await allocationRepository.findRound(db, roundId))!;
const data = await allocationRepository.loadData(db, found, '2026-12-07');
const input = buildAllocationInput(data, found);
const loadMs = ms(loadStart);
const engine = runEngine(input);
if (!engine.ok) throw new Error('engine refused the input');
void ctx;

// (2) The publication.
const publishStart = performance.now();
const publishCpu = process.cpuUsage();
const published = await world.clients.officer.request('POST', `/api/rounds/${roundId}/allocation/publish`);
const publishMs = ms(publishStart);
const publishCpuMs = cpuMs(publishCpu);
if (published.statusCode !== 200)
  throw new Error(`publish answered ${published.statusCode}: ${published.body}`);

// (3) and (4): warm up, then 50 requests one after another.
async function timeGets(client: Client, url: string) {
  for (let i = 0; i < 5; i++) {
    const response = await client.request('GET', url);
    if (response.statusCode !== 200)
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
  }
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    await client.request('GET', url);
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  return {
    p50Ms: round1(quantile(times, 0.5)),
    p95Ms: round1(quantile(times, 0.95)),
    maxMs: round1(times.at(-1)!),
  };
}
const studentPage = await timeGets(world.clients.student, '/api/me/placement-results?locale=en');
const measuredOffer = offers.find((o) => o.organisationId === world.partnerOrg.id)!;
const offerPage = await timeGets(
  world.clients.partner,
  `/api/rounds/${roundId}/results?offerId=${measuredOffer.id}`,
);
const placedAtOffer = (
  await world.clients.partner.request('GET', `/api/rounds/${roundId}/results?offerId=${measuredOffer.id}`)
).json().offers[0].placements.length;

await stopAllocationWorker();
await t.close();
console.log(
  JSON.stringify({
    database: kind,
    setupSeconds: round1(setupSeconds),
    round: {
      students: STUDENTS,
      offers: OFFERS,
      choices: input.applicants.reduce((sum, a) => sum + a.choices.length, 0),
      seats: preview.summary.seats,
      placed: preview.summary.placed,
      fillRate: round1(preview.summary.fillRate * 100),
      firstChoice: preview.choices.find((c: { choice: number | null }) => c.choice === 1)?.students ?? 0,
    },
    runColdMs: round1(runColdMs),
    runWarmMs: round1(runWarmMs),
    runWarmCpuMs: round1(runWarmCpuMs),
    loadMs: round1(loadMs),
    engine: { allocateMs: round1(engine.timings.allocateMs), checkMs: round1(engine.timings.checkMs) },
    publishMs: round1(publishMs),
    publishCpuMs: round1(publishCpuMs),
    loadAverage: os.loadavg().map(round1),
    published: published.json(),
    studentPage,
    offerPage: { ...offerPage, placed: placedAtOffer },
  }),
);
