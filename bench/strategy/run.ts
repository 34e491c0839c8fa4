// `npm run bench:strategy`: the KPI dashboard's and the demand-supply gap page's response times (GET
// /api/strategy/kpis and GET /api/demand/gaps as the admin, through the real app with app.inject) with the demo
// data and with ten times its volume, on PGlite and on PostgreSQL
// (DATABASE_URL's server, or the local one on 127.0.0.1:5432: a fresh database, dropped after). Ten times the
// volume: every investment (with its allocations), booking, joint programme, foreign partner with its branch
// status and branch agreement is copied nine more times; for the gap page, every student with their enrolments, and
// their placements, and every demanding partner with its plans in force (lines and competencies) under a copied organisation
// (the programme catalogue, which the skill gaps analyse, is the university's and is not multiplied). Prints one line per database and volume: median, p95
// and min of 20 timed requests after 3 warm-ups, the median CPU time of this process per request, the queries one
// request sends to the database, and the rows that drive the dashboard. The machine's load average is printed first: above the core count, wall times wait.
import { cpus, loadavg } from 'node:os';
import type { Database, Db } from '@kadr/db';
import { demandRepository, schema } from '@kadr/db';
import { openTestPglite, openTestPostgres } from '@kadr/db/testing';
import { buildApp, seedDemo } from '@kadr/server';
import { sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

const PASSWORD = 'bench-password-1';
const RUNS = 20;
const WARM_UPS = 3;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const columnsOf = (table: PgTable, except: string[] = ['id']) =>
  getTableConfig(table)
    .columns.map((c) => c.name)
    .filter((name) => !except.includes(name));

const list = (names: string[]) => sql.raw(names.map((n) => `"${n}"`).join(', '));

/** Copies every row of `table` `times` more times; `expression` maps a column to its copy (default: itself). */
async function copyRows(
  db: Db,
  table: PgTable,
  times: number,
  expression: (column: string) => string = (c) => `"${c}"`,
) {
  const name = getTableConfig(table).name;
  const columns = columnsOf(table);
  const [{ n }] = await rows<{ n: number }>(
    db,
    sql.raw(`select coalesce(max(id), 0)::int as n from "${name}"`),
  );
  for (let copy = 1; copy <= times; copy++) {
    const select = columns.map((c) => expression(c).replaceAll('$copy', String(copy))).join(', ');
    await db.execute(
      sql`insert into ${sql.raw(`"${name}"`)} (${list(columns)}) select ${sql.raw(select)} from ${sql.raw(`"${name}"`)} where id <= ${n} order by id`,
    );
  }
  return n;
}

/** Ten times the rows the dashboard reads. Copies keep their order, so a copy's id is the original's + copy × n. */
async function scaleTenfold(db: Db): Promise<void> {
  const n = await copyRows(db, schema.investments, 9);
  await db.execute(
    sql.raw(
      `insert into investment_allocations (investment_id, lab_id, equipment_id, amount_tiyn)
       select a.investment_id + c * ${n}, a.lab_id, a.equipment_id, a.amount_tiyn
       from investment_allocations a cross join generate_series(1, 9) c where a.investment_id <= ${n}`,
    ),
  );
  await copyRows(db, schema.bookings, 9);
  await copyRows(db, schema.jointProgrammes, 9);
  // Foreign partners with their branch status and branch agreements: new organisations and agreements.
  const foreign = await rows<{ id: number; branch_status: string }>(
    db,
    sql`select o.id, p.branch_status from organisations o join partner_profiles p on p.organisation_id = o.id where o.kind = 'partner_university'`,
  );
  const orgColumns = columnsOf(schema.organisations);
  const agreementColumns = columnsOf(schema.agreements);
  const home = (
    await rows<{ id: number }>(db, sql`select id from organisations where kind = 'home_university' limit 1`)
  )[0]!.id;
  for (let copy = 1; copy <= 9; copy++) {
    for (const partner of foreign) {
      const select = orgColumns
        .map((c) => (c === 'short_name' ? `short_name || '-x${copy}'` : `"${c}"`))
        .join(', ');
      const [created] = await rows<{ id: number }>(
        db,
        sql`insert into organisations (${list(orgColumns)}) select ${sql.raw(select)} from organisations where id = ${partner.id} returning id`,
      );
      await db.execute(
        sql`insert into partner_profiles (organisation_id, branch_status) values (${created!.id}, ${partner.branch_status})`,
      );
      const agreements = await rows<{ id: number }>(
        db,
        sql`select a.id from agreements a join agreement_parties p on p.agreement_id = a.id where a.kind = 'foreign_branch' and p.organisation_id = ${partner.id}`,
      );
      for (const agreement of agreements) {
        const aSelect = agreementColumns
          .map((c) => (c === 'number' ? `number || '-x${copy}-${created!.id}'` : `"${c}"`))
          .join(', ');
        const [copied] = await rows<{ id: number }>(
          db,
          sql`insert into agreements (${list(agreementColumns)}) select ${sql.raw(aSelect)} from agreements where id = ${agreement.id} returning id`,
        );
        await db.execute(
          sql`insert into agreement_parties (agreement_id, organisation_id) values (${copied!.id}, ${home}), (${copied!.id}, ${created!.id})`,
        );
      }
    }
  }
}

/** Ten times the rows the gap page reads: students with their enrolments, and the plans in force of new partners. */
async function scaleDemandTenfold(db: Db): Promise<void> {
  const n = await copyRows(db, schema.students, 9, (c) =>
    c === 'iin' ? `'8' || lpad(($copy * 10000000 + id)::text, 11, '0')` : c === 'user_id' ? 'null' : `"${c}"`,
  );
  const enrolmentColumns = columnsOf(schema.enrolments);
  await db.execute(
    sql.raw(
      `insert into enrolments (${enrolmentColumns.map((c) => `"${c}"`).join(', ')})
       select ${enrolmentColumns.map((c) => (c === 'student_id' ? `e.student_id + c * ${n}` : `e."${c}"`)).join(', ')}
       from enrolments e cross join generate_series(1, 9) c where e.student_id <= ${n}`,
    ),
  );
  // Their placements too (the practice KPIs and the placements and hires of the gap page), on the same offers; the
  // copy's enrolment is found from the student (enrolment_id left empty).
  const placementColumns = columnsOf(schema.placements);
  await db.execute(
    sql.raw(
      `insert into placements (${placementColumns.map((c) => `"${c}"`).join(', ')})
       select ${placementColumns.map((c) => (c === 'student_id' ? `p.student_id + c * ${n}` : c === 'enrolment_id' ? 'null' : `p."${c}"`)).join(', ')}
       from placements p cross join generate_series(1, 9) c where p.student_id <= ${n}`,
    ),
  );
  const lines = await demandRepository.currentLines(db, { fromYear: 2000, toYear: 2100 });
  const plans = new Map<number, typeof lines>();
  for (const l of lines) plans.set(l.planId, [...(plans.get(l.planId) ?? []), l]);
  const orgColumns = columnsOf(schema.organisations);
  const copies = new Map<string, number>();
  for (let copy = 1; copy <= 9; copy++)
    for (const planLines of plans.values()) {
      const { organisationId, year } = planLines[0]!;
      const key = `${organisationId}:${copy}`;
      let copied = copies.get(key);
      if (copied === undefined) {
        const select = orgColumns
          .map((c) => (c === 'short_name' ? `short_name || '-d${copy}'` : `"${c}"`))
          .join(', ');
        const [created] = await rows<{ id: number }>(
          db,
          sql`insert into organisations (${list(orgColumns)}) select ${sql.raw(select)} from organisations where id = ${organisationId} returning id`,
        );
        copied = created!.id;
        copies.set(key, copied);
      }
      await demandRepository.create(
        db,
        { organisationId: copied, year, version: 1, note: '', createdBy: null, createdAt: new Date() },
        planLines.map((l) => ({
          occupationUri: l.occupationUri,
          occupationLabel: l.occupationLabel,
          nationalCode: l.nationalCode,
          programmeGroup: l.programmeGroup,
          priorityArea: l.priorityArea,
          region: l.region,
          headcount: l.headcount,
          competencies: l.competencies,
        })),
      );
    }
}

async function counts(db: Db): Promise<string> {
  const [c] = await rows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from investments) as investments, (select count(*)::int from bookings) as bookings,
        (select count(*)::int from joint_programmes) as joint_programmes,
        (select count(*)::int from partner_profiles where branch_status <> 'none') as branch_profiles,
        (select count(*)::int from agreements where kind = 'foreign_branch') as branch_agreements,
        (select count(*)::int from enrolments) as enrolments, (select count(*)::int from placements) as placements,
        (select count(*)::int from demand_lines l join demand_plans p on p.id = l.plan_id where p.superseded_at is null) as demand_lines`,
  );
  return Object.entries(c!)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

type Timing = { median: number; p95: number; min: number; cpu: number; queries: number };

/** Counts the queries sent through the database client (drizzle's `$client`), for the queries of each request. */
function countQueries(db: Db): () => number {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const query = client.query.bind(client);
  let sent = 0;
  client.query = (...args: unknown[]) => {
    sent += 1;
    return query(...args);
  };
  return () => sent;
}

/**
 * Wall time of each request, and this process's CPU time per request (median): on a busy shared machine the wall
 * time mostly measures the wait for a core, the CPU time what the request costs (all of it on PGlite, which runs
 * in this process; the app's part on PostgreSQL, whose server works in its own processes).
 */
async function time(
  app: Awaited<ReturnType<typeof buildApp>>,
  cookie: string,
  url: string,
  queries: () => number,
): Promise<Timing> {
  const once = async () => {
    const sentBefore = queries();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / 1000, queries: queries() - sentBefore };
  };
  for (let i = 0; i < WARM_UPS; i++) await once();
  const runs: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  const cpus = runs.map((r) => r.cpu).sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  return {
    median: at(walls, 0.5),
    p95: at(walls, 0.95),
    min: walls[0]!,
    cpu: at(cpus, 0.5),
    queries: runs[runs.length - 1]!.queries,
  };
}

async function bench(kind: string, database: Database): Promise<void> {
  const seedStart = performance.now();
  await seedDemo(database.db, PASSWORD);
  const seeded = performance.now() - seedStart;
  const app = await buildApp({ database, logger: false });
  const queries = countQueries(database.db);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@demo.kadr.kz', password: PASSWORD },
  });
  const cookie = `kadr_session=${login.cookies.find((c) => c.name === 'kadr_session')!.value}`;
  const print = (volume: string, t: Timing, rowsText: string) =>
    console.log(
      `${kind.padEnd(8)} ${volume.padEnd(16)} wall median ${t.median.toFixed(1)} ms  p95 ${t.p95.toFixed(1)} ms  min ${t.min.toFixed(1)} ms  cpu median ${t.cpu.toFixed(1)} ms  queries ${t.queries}  (${rowsText})`,
    );
  console.log(`${kind}: demo seeded in ${(seeded / 1000).toFixed(1)} s`);
  const measure = async (volume: string) => {
    const rowsText = await counts(database.db);
    print(`${volume} kpis`, await time(app, cookie, '/api/strategy/kpis', queries), rowsText);
    print(`${volume} gaps`, await time(app, cookie, '/api/demand/gaps', queries), rowsText);
  };
  await measure('demo');
  await scaleTenfold(database.db);
  await scaleDemandTenfold(database.db);
  await measure('demo ×10');
  await app.close();
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv[2];
if (only !== 'postgres') {
  const database = await openTestPglite();
  try {
    await bench('pglite', database);
  } finally {
    await database.close();
  }
}
if (only !== 'pglite') {
  let database: Database | undefined;
  try {
    database = await openTestPostgres(url);
  } catch (error) {
    console.log(
      `postgres: not reachable at ${url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')} (${(error as Error).message})`,
    );
  }
  if (database) {
    try {
      await bench('postgres', database);
    } finally {
      await database.close();
    }
  }
}
