/**
 * Sign-in limits under concurrency (PGlite and PostgreSQL), and two real API processes (`kadr serve`) on one
 * PostgreSQL database serving the same users: sessions, sign-out and the sign-in throttle hold across both
 * (PostgreSQL only: PGlite is one process by design, ADR 0002).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Database } from '@kadr/db';
import { loginAttemptsRepository } from '@kadr/db';
import { openTestPostgres, testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { buildOrganisation, buildUser } from '../test/factories.ts';
import { TEST_PASSWORD } from '../testing.ts';

const NOW = new Date('2026-03-02T09:00:00Z');

for (const kind of testDatabaseKinds()) {
  describe(`sign-in limits under concurrency on ${kind.name}`, () => {
    let database: Database;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let coordinator = '';
    beforeAll(async () => {
      database = await kind.open();
      const home = await buildOrganisation(database.db, { kind: 'home_university', shortName: 'HOME' });
      coordinator = (await buildUser(database.db, { role: 'coordinator', organisationId: home.id })).email;
      app = await buildApp({ database, now: () => NOW });
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    const attempt = (password: string, ip: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: coordinator, password },
        remoteAddress: ip,
      });

    it('checks exactly 5 passwords of 30 parallel wrong attempts and answers the rest 429', async () => {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => attempt(`wrong-${i}`, '10.1.1.1')),
      );
      const statuses = responses.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      // Each failed password check is recorded: 5 checks, no more.
      const since = new Date(NOW.getTime() - 60_000);
      expect(await loginAttemptsRepository.failuresForEmail(database.db, coordinator, since)).toBe(5);
      // The account's owner, elsewhere, is not locked out.
      expect((await attempt(TEST_PASSWORD, '10.1.1.2')).statusCode).toBe(200);
    });
  });
}

const serverUrl = process.env.DATABASE_URL;
const kadr = fileURLToPath(new URL('../../../cli/bin/kadr.mjs', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `kadr serve` on a free loopback port and resolves its base URL once it listens. */
async function serve(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const args = [kadr, 'serve', '--host', '127.0.0.1', '--port', String(port), '--database-url', databaseUrl];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, KADR_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Kadr is serving on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`kadr serve exited with ${code}: ${output}`)));
  });
  await listening;
  return { base: `http://127.0.0.1:${port}`, child };
}

if (serverUrl) {
  describe('two API processes on one PostgreSQL database', () => {
    let database: Database;
    const processes: ChildProcess[] = [];
    let a = '';
    let b = '';
    let officer = '';
    let partner = '';
    let admin = '';
    let mentor: { id: number; email: string };
    beforeAll(async () => {
      database = await openTestPostgres(serverUrl);
      // The two users the tests sign in as (the demo seed would write thousands of rows these tests never read).
      const home = await buildOrganisation(database.db, { kind: 'home_university', shortName: 'HOME' });
      const company = await buildOrganisation(database.db);
      officer = (await buildUser(database.db, { role: 'officer', organisationId: home.id })).email;
      partner = (await buildUser(database.db, { role: 'partner', organisationId: company.id })).email;
      admin = (await buildUser(database.db, { role: 'admin', organisationId: home.id })).email;
      mentor = await buildUser(database.db, { role: 'mentor', organisationId: home.id });
      const name = (
        (await database.db.execute('select current_database() as name')) as unknown as {
          rows: { name: string }[];
        }
      ).rows[0]!.name;
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const first = await serve(url.toString());
      const second = await serve(url.toString());
      processes.push(first.child, second.child);
      a = first.base;
      b = second.base;
    }, 120_000);
    afterAll(async () => {
      for (const child of processes) {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await once(child, 'exit');
        }
      }
      await database?.close();
    });

    const login = (base: string, email: string, password: string) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });

    it('accepts a session made on one process on the other, and a sign-out on one ends it on both', async () => {
      const signedIn = await login(a, officer, TEST_PASSWORD);
      expect(signedIn.status).toBe(200);
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      const me = await fetch(`${b}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe(officer);
      // Both processes have now resolved the session, and keep it for a few seconds (ADR 0013).
      expect((await fetch(`${a}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
      const out = await fetch(`${b}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
      });
      expect(out.status).toBe(204);
      for (const base of [a, b])
        expect((await fetch(`${base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    });

    it('applies a role changed on one process on the other at once, though both had the session in memory', async () => {
      const adminIn = await login(a, admin, TEST_PASSWORD);
      const adminCookie = adminIn.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await adminIn.json()) as { csrfToken: string };
      const signedIn = await login(b, mentor.email, TEST_PASSWORD);
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      for (const base of [a, b]) {
        const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
        expect(((await me.json()) as { role: string }).role).toBe('mentor');
      }
      const changed = await fetch(`${a}/api/users/${mentor.id}`, {
        method: 'PATCH',
        headers: { cookie: adminCookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'observer' }),
      });
      expect(changed.status).toBe(200);
      for (const base of [b, a]) {
        const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
        expect(((await me.json()) as { role: string }).role).toBe('observer');
      }
      const deactivated = await fetch(`${b}/api/users/${mentor.id}`, {
        method: 'PATCH',
        headers: { cookie: adminCookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ active: false }),
      });
      expect(deactivated.status).toBe(200);
      for (const base of [a, b])
        expect((await fetch(`${base}/api/auth/me`, { headers: { cookie } })).status).toBe(401);
    });

    it('holds the sign-in limit across both: 30 parallel wrong attempts, split, get exactly 5 password checks', async () => {
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => login(i % 2 ? a : b, partner, `wrong-${i}`)),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(25);
      const since = new Date(Date.now() - 10 * 60_000);
      expect(await loginAttemptsRepository.failuresForEmail(database.db, partner, since)).toBe(5);
    });
  });
}
