import { Writable } from 'node:stream';
import type { Database } from '@kadr/db';
import { openTestPglite, runSql } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { buildOrganisation, buildUser } from '../test/factories.ts';
import { signIn, TEST_PASSWORD } from '../testing.ts';
import { redactSecrets, safeErrorOf } from './log-safety.ts';

describe('logs carry no secret', () => {
  it('drops the bound values of a failed query, password hashes and tokens from an error', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
    const cause = Object.assign(new Error('boom'), { code: 'P0001', detail: `Key (x)=(${hash})` });
    // As Drizzle's DrizzleQueryError words it: the query, then its bound values after `params:`.
    const query = 'insert into "users" values ($1, $2)';
    const error = Object.assign(new Error(`Failed query: ${query}\nparams: a@b.kz,${hash}`), {
      query,
      params: ['a@b.kz', hash],
      cause,
    });
    const safe = JSON.stringify(safeErrorOf(error));
    expect(safe).toContain('Failed query: insert into');
    expect(safe).toContain('P0001');
    expect(safe).not.toContain('argon2');
    expect(safe).not.toContain('a@b.kz');
    expect(redactSecrets('token kadr_AbCdEf0123456789xyz used')).toBe('token [redacted token] used');
  });

  describe('a failing write logged by the app', () => {
    const lines: string[] = [];
    let database: Database;
    let app: Awaited<ReturnType<typeof buildApp>>;
    let adminEmail = '';
    beforeAll(async () => {
      database = await openTestPglite();
      const home = await buildOrganisation(database.db, { kind: 'home_university', shortName: 'HOME' });
      adminEmail = (await buildUser(database.db, { role: 'admin', organisationId: home.id })).email;
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      app = await buildApp({ database, logger: { level: 'info', stream } });
      // Any insert into users now fails inside the database, after the password was hashed.
      await runSql(
        database,
        `create function refuse_user() returns trigger language plpgsql as $$
          begin raise exception 'users are frozen'; end $$`,
      );
      // And any insert into labs fails as a NUL byte in a text column would (SQLSTATE 22P05, a data exception).
      await runSql(
        database,
        `create function refuse_lab() returns trigger language plpgsql as $$
          begin raise exception 'unsupported Unicode escape sequence' using errcode = '22P05'; end $$`,
      );
      await runSql(
        database,
        'create trigger refuse_lab before insert on labs for each row execute function refuse_lab()',
      );
      await runSql(
        database,
        'create trigger refuse_user before insert on users for each row execute function refuse_user()',
      );
    });
    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it('logs the unexpected error of a failed user insert without the hash, the password or the session', async () => {
      const admin = await signIn(app, adminEmail);
      const token = (await admin.request('POST', '/api/auth/tokens', { name: 'log test' })).json().token;
      const password = 'Logged-Never-Passw0rd';
      const answer = await admin.request('POST', '/api/users', {
        email: 'frozen@demo.kadr.kz',
        fullName: 'Frozen',
        role: 'observer',
        organisationId: admin.me.organisationId,
        password,
      });
      expect(answer.statusCode).toBe(500);
      const log = lines.join('');
      expect(log).toContain('users are frozen');
      expect(log).toContain('params: [redacted]');
      for (const secret of ['$argon2', password, TEST_PASSWORD, admin.cookie, admin.me.csrfToken, token])
        expect(log.includes(secret), `the log contains ${secret}`).toBe(false);
    });

    it('writes one line per request: the request, its answer and the time it took', async () => {
      const answer = await app.inject({ method: 'GET', url: '/api/health' });
      const id = answer.headers['x-request-id'];
      const mine = lines.map((l) => JSON.parse(l)).filter((l) => l.reqId === id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        level: 30,
        msg: 'request completed',
        req: { method: 'GET', url: '/api/health' },
        res: { statusCode: 200 },
      });
      expect(mine[0].responseTime).toBeTypeOf('number');
    });

    it('answers a value the database refuses (class 22) with 400 and a warning, not 500', async () => {
      const admin = await signIn(app, adminEmail);
      const answer = await admin.request('POST', '/api/labs', {
        code: 'DB-22',
        name: { kk: 'a', ru: 'a', en: '' },
        priorityArea: 'energy',
        room: '',
        capacity: 5,
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error).toMatchObject({
        code: 'BAD_REQUEST',
        details: { reason: 'DATABASE_REFUSED_VALUE' },
      });
      expect(lines.some((l) => l.includes('"level":40') && l.includes('22P05'))).toBe(true);
    });
  });
});
