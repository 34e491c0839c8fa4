/** Helpers for HTTP tests: a fresh app on a fresh PGlite with the demo data, and signed-in clients. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '@kadr/contracts';
import type { Database } from '@kadr/db';
import { openTestPglite, openTestPgliteSnapshot, openTestPostgres } from '@kadr/db/testing';
import { calendarDateOf } from '@kadr/core';
import { buildApp } from './app.ts';
import { hashPassword } from './auth/passwords.ts';
import { defaultServerConfig, type ServerConfig } from './config.ts';
import { seedDemo } from './seed/demo.ts';

export const TEST_PASSWORD = 'test-password-1';

/**
 * The argon2id cost of test users' hashes: the lowest argon2 allows. Verifying a hash costs what making it did, and
 * the tests sign in hundreds of times; the production cost is checked by auth/passwords.ts's own callers.
 */
const TEST_PASSWORD_COST = { memoryCost: 64, timeCost: 1, parallelism: 1 };

/** A cheap argon2id hash of `password` for test users (see TEST_PASSWORD_COST). */
export function testPasswordHash(password = TEST_PASSWORD): Promise<string> {
  return hashPassword(password, TEST_PASSWORD_COST);
}

/** The demo email of each role. */
export const demoEmail: Record<Role, string> = {
  admin: 'admin@demo.kadr.kz',
  coordinator: 'coordinator@demo.kadr.kz',
  officer: 'officer@demo.kadr.kz',
  admissions: 'admissions@demo.kadr.kz',
  partner: 'partner@demo.kadr.kz',
  mentor: 'mentor@demo.kadr.kz',
  student: 'student@demo.kadr.kz',
  observer: 'observer@demo.kadr.kz',
};

/**
 * The instant every test app starts at, whatever the machine's clock says: tests never depend on the day
 * they run (CI also runs them under a shifted system clock, see docs/adr/0001). A Monday morning in Astana.
 */
export const TEST_NOW = new Date('2026-12-07T04:00:00.000Z');

/**
 * A test app on a fresh PGlite seeded with the demo as of its clock, which starts at `options.now`
 * (default {@link TEST_NOW}) and moves only when told to. With `options.postgres` (a server URL, such as
 * DATABASE_URL), the demo is seeded on a fresh database of that PostgreSQL server instead, dropped on close.
 */
export async function createTestApp(
  config: Partial<ServerConfig> = {},
  options: { now?: Date; postgres?: string } = {},
) {
  const start = options.now ?? TEST_NOW;
  const timeZone = config.timeZone ?? defaultServerConfig.timeZone;
  const database = options.postgres
    ? await openDemoPostgres(options.postgres, start, timeZone)
    : await openDemoDatabase(start, timeZone);
  return appOn(database, config, start);
}

/**
 * A test app on an empty migrated database, for tests that build the data they need (test/factories.ts): a
 * fresh PGlite, or `options.database` (a `*.db.test.ts` passes each of testDatabaseKinds()). Its clock starts
 * at `options.now` (default {@link TEST_NOW}).
 */
export async function createBareTestApp(
  config: Partial<ServerConfig> = {},
  options: { now?: Date; database?: Database } = {},
) {
  return appOn(options.database ?? (await openTestPglite()), config, options.now ?? TEST_NOW);
}

const serverRoot = dirname(fileURLToPath(import.meta.url));

/** A hash of every source file that decides what the demo seed writes (core, contracts, db, server). */
function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const pkg of ['core', 'contracts', 'db', 'server']) {
    const src = join(serverRoot, '..', '..', pkg, 'src');
    for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts'))
        hash.update(file).update(readFileSync(join(src, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh PGlite with the demo seeded as of `now`, cloned from a snapshot that the first test process to ask makes
 * (seeding the whole demo costs seconds; cloning it a fraction). The snapshot's name holds the sources' hash and
 * the day, so a change to the seed or the code it calls makes a new one.
 */
async function openDemoDatabase(now: Date, timeZone: string): Promise<Database> {
  const passwordHash = await testPasswordHash();
  const key = `demo-${sourcesHash()}-${now.getTime()}-${timeZone.replace(/\W/g, '_')}`;
  return openTestPgliteSnapshot(key, (db) => seedDemo(db, TEST_PASSWORD, { now, passwordHash, timeZone }));
}

/** A fresh database on the PostgreSQL server of `serverUrl` with the demo seeded as of `now` (no snapshot: seeded). */
async function openDemoPostgres(serverUrl: string, now: Date, timeZone: string): Promise<Database> {
  const database = await openTestPostgres(serverUrl);
  try {
    await seedDemo(database.db, TEST_PASSWORD, { now, passwordHash: await testPasswordHash(), timeZone });
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function appOn(database: Database, config: Partial<ServerConfig>, start: Date) {
  let current = start.getTime();
  const now = () => new Date(current);
  const timeZone = config.timeZone ?? defaultServerConfig.timeZone;
  const app = await buildApp({ database, config, now });
  return {
    app,
    database,
    /** The app's clock. */
    now,
    /** The app's calendar day, `YYYY-MM-DD`, as the app reckons it (calendarDateOf in its time zone). */
    today: () => calendarDateOf(now(), timeZone),
    /** Moves the app's clock forward. */
    advance(ms: number) {
      current += ms;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

type TestApp = Awaited<ReturnType<typeof createTestApp>>['app'];

/** A signed-in client: its cookie and CSRF token, and a request helper that sends both. */
export async function signIn(app: TestApp, email: string, password = TEST_PASSWORD, ip = '127.0.0.1') {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kadr_session')!;
  const me = response.json() as { csrfToken: string; id: number; organisationId: number };
  const request = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      cookies: { kadr_session: cookie.value },
      headers: { 'x-csrf-token': me.csrfToken },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return { cookie: cookie.value, me, request };
}
