import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Database } from '@kadr/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pino, { type LoggerOptions } from 'pino';
import { openTestPglite, runSql } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { buildOrganisation, buildUser } from '../test/factories.ts';
import { signIn, TEST_PASSWORD } from '../testing.ts';
import {
  completedLine,
  isPlainLogger,
  LOG_MAX_BUFFER_BYTES,
  openLogDestination,
  redactSecrets,
  safeErrorOf,
  safeLoggerOptions,
} from './log-safety.ts';

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

  it("writes an answered request's line as pino would, whatever its url, host and address", () => {
    const written: string[] = [];
    const destination = { write: (line: string) => written.push(line) };
    const pinoLine = (request: object, reply: object) => {
      const options = safeLoggerOptions({ level: 'info' }) as LoggerOptions;
      const log = pino(options, destination).child({ reqId: 'req-"1"' });
      log.info(
        { req: request, res: reply, responseTime: (reply as FastifyReply).elapsedTime },
        'request completed',
      );
      const theirs = written.pop()!;
      return { theirs, ours: completedLine(log, request as FastifyRequest, reply as FastifyReply) };
    };
    const reply = { statusCode: 404, elapsedTime: 1.2345678 };
    for (const request of [
      {
        method: 'GET',
        url: '/api/labs?q=%22a"b\\n',
        host: 'kadr.example:8080',
        ip: '10.0.0.1',
        socket: { remotePort: 51234 },
      },
      { method: 'POST', url: '/api/организации', host: undefined, ip: undefined, socket: undefined },
      { method: 'DELETE', url: '/', host: 'h', ip: '::1', socket: {} },
    ]) {
      const { theirs, ours } = pinoLine(request, reply);
      // The same fields in the same order; the time may differ by the millisecond between the two lines.
      const withoutTime = (line: string) => line.replace(/,"time":\d+/, '');
      expect(withoutTime(ours)).toBe(withoutTime(theirs));
      expect(JSON.parse(ours).req.url).toBe(request.url);
    }
  });

  it("writes the line itself only for a logger that keeps pino's default line", () => {
    expect(isPlainLogger(undefined)).toBe(false);
    expect(isPlainLogger(false)).toBe(false);
    expect(isPlainLogger(true)).toBe(true);
    expect(isPlainLogger({ level: 'warn', stream: process.stdout })).toBe(true);
    expect(isPlainLogger({ level: 'info', messageKey: 'message' })).toBe(false);
    expect(isPlainLogger({ level: 'info', formatters: { level: (label) => ({ label }) } })).toBe(false);
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

    it('never writes a request header, even when a handler logs the request itself', async () => {
      const admin = await signIn(app, adminEmail);
      const token = (await admin.request('POST', '/api/auth/tokens', { name: 'header test' })).json().token;
      const headers = {
        cookie: admin.cookie,
        authorization: `Bearer ${token}`,
        'x-csrf-token': admin.me.csrfToken,
      };
      const answer = await app.inject({ method: 'GET', url: '/api/health', headers });
      app.log.info({
        req: { headers, method: 'GET', url: '/x' },
        res: { headers: { 'set-cookie': admin.cookie } },
      });
      const log = lines.join('');
      expect(log).toContain(answer.headers['x-request-id']);
      for (const secret of [admin.cookie, admin.me.csrfToken, token, 'set-cookie', 'authorization'])
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

describe('the log destination', () => {
  const writer = fileURLToPath(new URL('../test/log-writer.ts', import.meta.url));
  /** Runs the writer child and answers the lines it left in its file. */
  function linesLeftBy(how: 'exit' | 'throw' | 'kill') {
    const file = join(mkdtempSync(join(tmpdir(), 'kadr-log-')), 'log.jsonl');
    const child = spawnSync(process.execPath, ['--import', 'tsx', writer, file, '5', how], {
      encoding: 'utf8',
    });
    return { status: child.status, lines: readFileSync(file, 'utf8').split('\n').filter(Boolean) };
  }

  it('writes every gathered line when the process exits, and when it dies of an uncaught exception', () => {
    const exited = linesLeftBy('exit');
    expect(exited.status).toBe(0);
    expect(exited.lines).toHaveLength(5);
    const crashed = linesLeftBy('throw');
    expect(crashed.status).toBe(1);
    expect(crashed.lines.map((l) => JSON.parse(l).line)).toEqual([0, 1, 2, 3, 4]);
  });

  it('loses what it gathered when the process is killed without an exit (SIGKILL): under 4 KB', () => {
    expect(linesLeftBy('kill').lines).toEqual([]);
  });

  it('holds at most LOG_MAX_BUFFER_BYTES while its reader does not keep up, and drops the lines past it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kadr-log-')), 'log.jsonl');
    const destination = openLogDestination(file);
    await new Promise((resolve) => destination.once('ready', resolve));
    let dropped = 0;
    // A drop is what was handed over at once: the lines gathered, about 4 KB.
    destination.on('drop', (data: string) => {
      dropped += data.length;
    });
    // Written in one turn of the event loop, the lines cannot reach the file meanwhile: the destination holds them.
    const line = `${'x'.repeat(1023)}\n`;
    const lines = (LOG_MAX_BUFFER_BYTES / line.length) * 1.25;
    for (let i = 0; i < lines; i++) destination.write(line);
    destination.flushSync();
    destination.end();
    await new Promise((resolve) => destination.once('close', resolve));
    const kept = readFileSync(file, 'utf8');
    expect(dropped).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(LOG_MAX_BUFFER_BYTES);
    expect(kept.length + dropped).toBe(lines * line.length);
    // Whole lines only, in the order written.
    expect(
      kept
        .split('\n')
        .slice(0, -1)
        .every((l) => l === line.slice(0, -1)),
    ).toBe(true);
  });

  it("hands lines over 4 KB at a time, writes a quiet server's last line within the flush interval, and refuses lines once closed", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kadr-log-')), 'log.jsonl');
    const destination = openLogDestination(file);
    await new Promise((resolve) => destination.once('ready', resolve));
    const line = (i: number) => `${JSON.stringify({ line: i, text: 'ақпарат'.repeat(20) })}\n`;
    let written = '';
    for (let i = 0; i < 100; i++) {
      destination.write(line(i));
      written += line(i);
    }
    /** The file once it holds at least `length` characters, or as it is after 10 s. */
    const fileReaching = async (length: number) => {
      const deadline = Date.now() + 10_000;
      while (readFileSync(file, 'utf8').length < length && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return readFileSync(file, 'utf8');
    };
    // Handed over and written: all but what has not yet reached 4 KB since the last hand-over, whole lines in order.
    expect(written.startsWith(await fileReaching(written.length - 4096))).toBe(true);
    // The rest follows by the periodic flush, with nothing more written.
    expect(await fileReaching(written.length)).toBe(written);
    destination.end();
    await new Promise((resolve) => destination.once('close', resolve));
    // A closed destination refuses a line at once, as SonicBoom does, instead of gathering it.
    expect(() => destination.write('late\n')).toThrow('SonicBoom destroyed');
  });
});
