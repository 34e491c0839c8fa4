// `tsx bench/api/ab.ts <old-root> [batches] [requests] [/api/a,/api/b]`: the server's CPU time per request of the bench:api lists,
// old code against this tree's, in one process on one PostgreSQL database, batches of the two alternated so that
// both see the same machine load (a figure req/s on a shared machine cannot give). <old-root> is another checkout
// of Kadr whose node_modules holds @kadr/* links to its own packages and the rest linked to this tree's (e.g.
// `git archive main | tar -x -C /tmp/old`, then link node_modules/* except @kadr). Each app has its own pool, so
// the two never share a connection's prepared statements. Requests go through app.inject (no sockets), 10 at a time.
// Prints, per list, the median and lowest CPU ms per request of each, and whether their answers are the same bytes.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as newDb from '@kadr/db';
import { openTestPostgres } from '@kadr/db/testing';
import * as newServer from '@kadr/server';
import { ENDPOINTS } from './endpoints.ts';

const PASSWORD = 'bench-password-1';
const [oldRoot, batchArg, sizeArg, only] = process.argv.slice(2);
if (!oldRoot) throw new Error('usage: ab.ts <old-root> [batches] [requests]');
const batches = Number(batchArg ?? 8);
const size = Number(sizeArg ?? 200);
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const load = (path: string) => import(pathToFileURL(join(oldRoot, path)).href);
const oldDb = (await load('packages/db/src/index.ts')) as typeof newDb;
const oldServer = (await load('packages/server/src/index.ts')) as typeof newServer;

const scratch = await openTestPostgres(url);
const name = (await scratch.db.execute('select current_database() as name')) as unknown as {
  rows: { name: string }[];
};
const dbUrl = new URL(url);
dbUrl.pathname = `/${name.rows[0]!.name}`;
await newServer.seedDemo(scratch.db, PASSWORD);

async function start(db: typeof newDb, server: typeof newServer) {
  const database = await db.openDatabase({ kind: 'postgres', url: dbUrl.toString() });
  const app = await server.buildApp({
    database,
    logger: { level: 'info', stream: createWriteStream('/dev/null') },
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: 'admin@demo.kadr.kz', password: PASSWORD },
  });
  const cookie = `kadr_session=${login.cookies.find((c) => c.name === 'kadr_session')!.value}`;
  const get = (path: string) => app.inject({ method: 'GET', url: path, headers: { cookie } });
  return { database, app, get };
}

const sides = { old: await start(oldDb, oldServer), new: await start(newDb, newServer) };
type Side = typeof sides.old;

/** CPU ms per request of `count` requests, 10 at a time. */
async function batch(side: Side, path: string, count: number): Promise<number> {
  const before = process.cpuUsage();
  for (let done = 0; done < count; done += 10)
    await Promise.all(Array.from({ length: Math.min(10, count - done) }, () => side.get(path)));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / count;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  `| list | old ms/req median (min) | new ms/req median (min) | new/old | same answer |\n`,
);
process.stdout.write(`| --- | ---: | ---: | ---: | --- |\n`);
for (const path of only ? only.split(',') : ENDPOINTS) {
  const same = (await sides.old.get(path)).body === (await sides.new.get(path)).body;
  await batch(sides.old, path, size);
  await batch(sides.new, path, size);
  const times: Record<'old' | 'new', number[]> = { old: [], new: [] };
  for (let n = 0; n < batches; n++)
    for (const key of n % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const))
      times[key].push(await batch(sides[key], path, size));
  const [o, w] = [median(times.old), median(times.new)];
  const cell = (xs: number[]) => `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)})`;
  process.stdout.write(
    `| ${path} | ${cell(times.old)} | ${cell(times.new)} | ${((w / o) * 100).toFixed(0)}% | ${same ? 'yes' : 'NO'} |\n`,
  );
}
for (const side of Object.values(sides)) {
  await side.app.close();
  await side.database.close();
}
await scratch.close();
