/** Helpers for HTTP tests: a fresh app on a fresh PGlite with the demo data, and signed-in clients. */
import type { Role } from '@kadr/contracts';
import { openTestPglite } from '@kadr/db/testing';
import type { Database } from '@kadr/db';
import { calendarDateOf } from './agreements/calendar.ts';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { seedDemo } from './seed/demo.ts';

export const TEST_PASSWORD = 'test-password-1';

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
 * (default {@link TEST_NOW}) and moves only when told to.
 */
export async function createTestApp(config: Partial<ServerConfig> = {}, options: { now?: Date } = {}) {
  const database: Database = await openTestPglite();
  let current = (options.now ?? TEST_NOW).getTime();
  const now = () => new Date(current);
  await seedDemo(database.db, TEST_PASSWORD, now());
  const app = await buildApp({ database, config, now });
  return {
    app,
    database,
    /** The app's clock. */
    now,
    /** The app's calendar day, `YYYY-MM-DD`, as the app reckons it (calendarDateOf). */
    today: () => calendarDateOf(now()),
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
