// The server side of `npm run bench:api` (started by run.mjs, one process per database): the real Kadr app
// and, on a second port, a bare Fastify handler per endpoint that runs the same data SQL through the raw
// driver and sends the same JSON body. Prints one JSON line ({ app, bare, cookie, endpoints }) when ready
// and stops on SIGTERM. Loopback only.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import type { Database } from '@kadr/db';
import { openDatabase } from '@kadr/db';
import { openTestPglite, openTestPostgres } from '@kadr/db/testing';
import { buildApp, openLogDestination, seedDemo } from '@kadr/server';
import Fastify from 'fastify';
import { ENDPOINTS } from './endpoints.ts';

const PASSWORD = 'bench-password-1';
const kind = process.argv[2];
const url = process.argv[3];

type QueryArgs = unknown[];
type Client = { query: (...args: QueryArgs) => Promise<unknown> };

async function open(): Promise<Database> {
  if (kind === 'pglite') return openTestPglite();
  if (!url) throw new Error('postgres needs a server URL');
  // The production pool size (openDatabase's default of 10), on a fresh database dropped on close.
  const scratch = await openTestPostgres(url);
  const name = (await scratch.db.execute('select current_database() as name')) as unknown as {
    rows: { name: string }[];
  };
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name.rows[0]!.name}`;
  const database = await openDatabase({ kind: 'postgres', url: dbUrl.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.close();
    },
  };
}

const database = await open();
await seedDemo(database.db, PASSWORD);
const client = (database.db as unknown as { $client: Client }).$client;
const realQuery = client.query.bind(client);
let captured: QueryArgs[] | undefined;
/** The app's queries so far (the bare handlers call the driver directly), for its queries per request under load. */
let appQueries = 0;
client.query = (...args: QueryArgs) => {
  appQueries += 1;
  captured?.push(args);
  return realQuery(...args);
};

// As `kadr serve` runs it: pino at info (one line a request) through the same buffered destination, written to
// /dev/null instead of standard output.
const app = await buildApp({
  database,
  logger: { level: 'info', stream: openLogDestination('/dev/null') },
  sessionCache: process.env.KADR_BENCH_SESSION_CACHE !== 'off',
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: 'admin@demo.kadr.kz', password: PASSWORD },
});
if (login.statusCode !== 200) throw new Error(`bench sign-in failed: ${login.statusCode} ${login.body}`);
const cookie = `kadr_session=${login.cookies.find((c) => c.name === 'kadr_session')!.value}`;

async function capture(path: string, withCookie: boolean) {
  captured = [];
  const response = await app.inject({ method: 'GET', url: path, headers: withCookie ? { cookie } : {} });
  const queries = captured;
  captured = undefined;
  if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  return { body: response.body, queries };
}

const textOf = (args: QueryArgs) =>
  typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
// The queries authentication adds to any request: health with the cookie minus health without it.
const authTexts = new Set((await capture('/api/health', true)).queries.map(textOf));
for (const t of (await capture('/api/health', false)).queries.map(textOf)) authTexts.delete(t);

const bare = Fastify({ logger: false });
const endpoints: { path: string; queries: number; dataQueries: number; bytes: number }[] = [];
for (const path of ['/api/health', ...ENDPOINTS]) {
  const { body, queries } = await capture(path, path !== '/api/health');
  const data = queries.filter((q) => !authTexts.has(textOf(q)));
  endpoints.push({ path, queries: queries.length, dataQueries: data.length, bytes: body.length });
  bare.get(path, async (_request, reply) => {
    for (const q of data) await realQuery(...q);
    return reply.type('application/json; charset=utf-8').send(body);
  });
}

// The CPU time this process has used, so that run.mjs can tell the server's CPU per request (less sensitive to
// the machine's load than req/s: time spent waiting for a core is not counted), and the app's queries so far.
bare.get('/__cpu', async () => ({ ...process.cpuUsage(), queries: appQueries }));

// `--profile DIR`: run.mjs starts the inspector's CPU profiler before a measured load and saves it after.
const profiler = new Session();
const post = (method: string, params?: object) =>
  new Promise<unknown>((resolve, reject) =>
    profiler.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );
bare.post('/__profile/start', async () => {
  profiler.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {};
});
bare.post<{ Querystring: { file: string } }>('/__profile/stop', async (request) => {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  profiler.disconnect();
  await writeFile(request.query.file, JSON.stringify(profile));
  return {};
});

await app.listen({ host: '127.0.0.1', port: 0 });
await bare.listen({ host: '127.0.0.1', port: 0 });
const portOf = (f: typeof bare) => (f.server.address() as { port: number }).port;
process.stdout.write(
  `${JSON.stringify({ app: portOf(app as unknown as typeof bare), bare: portOf(bare), cookie, endpoints })}\n`,
);
process.on('SIGTERM', async () => {
  await bare.close();
  await app.close();
  await database.close();
  process.exit(0);
});
