/**
 * The deliverer against a real SMTP server (smtp-server) listening on this machine: delivery, retry with
 * back-off while the server is down, the failed state after the last attempt, and the app's timer.
 */
import type { AddressInfo } from 'node:net';
import { ROLES } from '@kadr/contracts';
import { type Database, notificationsRepository } from '@kadr/db';
import { openTestPglite } from '@kadr/db/testing';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld } from '../test/factories.ts';
import { assertValidConfig, defaultServerConfig, deliveryConfigProblem } from '../config.ts';
import { createBareTestApp, TEST_NOW } from '../testing.ts';
import { backoffMs, createDeliverer, withPublicLinks } from './deliverer.ts';
import { enqueueNotification } from './outbox.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A local SMTP server that keeps what it receives; `close()` takes it down, `listen()` brings it back. */
function smtpSink() {
  const received: Received[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const sink = {
    received,
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    listen(): Promise<void> {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              data: Buffer.concat(chunks).toString('utf8'),
            });
            callback();
          });
        },
      });
      return new Promise((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => {
          port = (server!.server.address() as AddressInfo).port;
          resolve();
        });
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
  return sink;
}

const message = (to: string) => ({
  kind: 'round-opened' as const,
  recipientEmail: to,
  locale: 'ru' as const,
  subject: 'Открыт выбор мест практики: Весна',
  body: 'Раунд открыт.\n/placements/rounds/3',
  ref: 'round:3',
});

describe('the deliverer with a local SMTP server', () => {
  let database: Database;
  const sink = smtpSink();
  let clock = TEST_NOW.getTime();
  const now = () => new Date(clock);
  const deliverer = () =>
    createDeliverer({
      db: database.db,
      now,
      smtpUrl: sink.url,
      from: 'Kadr <noreply@test.kadr.kz>',
      publicUrl: 'https://kadr.example.kz/',
      intervalSeconds: 30,
      maxAttempts: 3,
    });

  beforeAll(async () => {
    database = await openTestPglite();
    await sink.listen();
  });
  afterAll(async () => {
    await sink.close();
    await database.close();
  });

  it('sends a due message, marks it sent and writes the links with the public address', async () => {
    const row = await enqueueNotification(database.db, message('student.a@test.kadr.kz'), now());
    const d = deliverer();
    expect(await d.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    await d.stop();
    const mail = sink.received.at(-1)!;
    expect(mail.to).toEqual(['student.a@test.kadr.kz']);
    expect(mail.from).toBe('noreply@test.kadr.kz');
    expect(mail.data).toContain('https://kadr.example.kz/placements/rounds/3');
    expect(mail.data).toMatch(/X-Kadr-Ref: round:3/);
    const stored = await notificationsRepository.findById(database.db, row.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, lastError: '' });
    expect(stored!.sentAt!.toISOString()).toBe(now().toISOString());
  });

  it('keeps a message pending while the server is down and sends it after the back-off', async () => {
    const before = sink.received.length;
    const row = await enqueueNotification(database.db, message('student.b@test.kadr.kz'), now());
    await sink.close();
    const d = deliverer();
    expect(await d.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    let stored = await notificationsRepository.findById(database.db, row.id);
    expect(stored).toMatchObject({ status: 'pending', attempts: 1 });
    expect(stored!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(stored!.nextAttemptAt.getTime()).toBe(clock + backoffMs(1));

    await sink.listen(); // back up, on the same port
    expect(await d.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 }); // not due yet
    clock += backoffMs(1);
    expect(await d.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    await d.stop();
    stored = await notificationsRepository.findById(database.db, row.id);
    expect(stored).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.received.length).toBe(before + 1);
    expect(sink.received.at(-1)!.to).toEqual(['student.b@test.kadr.kz']);
  });

  it('marks a message failed after the last attempt, with the error kept', async () => {
    const row = await enqueueNotification(database.db, message('student.c@test.kadr.kz'), now());
    await sink.close();
    const d = deliverer();
    const runs = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      runs.push(await d.runOnce());
      clock += backoffMs(attempt);
    }
    await d.stop();
    expect(runs).toEqual([
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 1, failed: 0 },
      { sent: 0, retried: 0, failed: 1 },
    ]);
    const stored = await notificationsRepository.findById(database.db, row.id);
    expect(stored).toMatchObject({ status: 'failed', attempts: 3 });
    expect(stored!.lastError).not.toBe('');
    await sink.listen();
    const again = deliverer();
    expect(await again.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 }); // failed stays failed
    await again.stop();
  });

  it('doubles the wait after each failure, up to six hours', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(30)).toBe(6 * 60 * 60_000);
    expect(withPublicLinks('a /b\n/c/d', 'https://x.kz')).toBe('a /b\nhttps://x.kz/c/d');
  });
});

describe('the deliverer in the app', () => {
  const sink = smtpSink();
  beforeAll(() => sink.listen());
  afterAll(() => sink.close());

  it('runs on its interval while the app runs and stops with it', async () => {
    const t = await createBareTestApp({ smtpUrl: sink.url, deliveryIntervalSeconds: 1 });
    try {
      expect(t.app.kadrDeliverer).toBeDefined();
      await enqueueNotification(t.database.db, message('student.d@test.kadr.kz'), t.now());
      await t.app.ready();
      const deadline = Date.now() + 60_000;
      while (sink.received.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      expect(sink.received.map((m) => m.to[0])).toEqual(['student.d@test.kadr.kz']);
      const bare = await createBareTestApp({}, { database: t.database });
      expect(bare.app.kadrDeliverer).toBeUndefined();
      await bare.app.close();
    } finally {
      await t.close();
    }
  }, 120_000); // a fresh app on a busy 2-core machine takes tens of seconds to be ready

  it('refuses settings it cannot use, naming each', () => {
    const ok = { ...defaultServerConfig, smtpUrl: 'smtps://user:pw@mail.university.kz:465' };
    expect(deliveryConfigProblem(ok)).toBeUndefined();
    expect(deliveryConfigProblem({ ...ok, smtpUrl: 'http://mail.kz' })).toMatch(/^smtpUrl/);
    expect(deliveryConfigProblem({ ...ok, deliveryIntervalSeconds: 0 })).toMatch(/^deliveryIntervalSeconds/);
    expect(deliveryConfigProblem({ ...ok, deliveryMaxAttempts: 1.5 })).toMatch(/^deliveryMaxAttempts/);
    expect(deliveryConfigProblem({ ...ok, mailFrom: 'nobody' })).toMatch(/^mailFrom/);
    expect(deliveryConfigProblem({ ...ok, publicUrl: 'ftp://x' })).toMatch(/^publicUrl/);
    expect(() => assertValidConfig({ ...ok, smtpUrl: 'mail.kz' })).toThrow(/smtpUrl/);
  });
});

describe('the outbox viewer API', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let failedId: number;
  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    await enqueueNotification(db, message('one@test.kadr.kz'), t.now());
    await enqueueNotification(
      db,
      { ...message('two@test.kadr.kz'), kind: 'mentor-link', ref: 'placement:9' },
      t.now(),
    );
    const failed = await enqueueNotification(db, message('three@test.kadr.kz'), t.now());
    await notificationsRepository.markAttemptFailed(db, failed.id, 'connect ECONNREFUSED', {
      giveUp: true,
      nextAttemptAt: t.now(),
    });
    failedId = failed.id;
  });
  afterAll(() => t?.close());

  it('answers admins and officers only', async () => {
    for (const role of ROLES) {
      const response = await world.clients[role].request('GET', '/api/notifications');
      expect(response.statusCode, role).toBe(role === 'admin' || role === 'officer' ? 200 : 403);
      const retry = await world.clients[role].request('POST', `/api/notifications/${failedId}/retry`);
      if (role !== 'admin' && role !== 'officer') expect(retry.statusCode, role).toBe(403);
    }
  });

  it('filters by status and kind, searches and pages', async () => {
    const { request } = world.clients.officer;
    // Retried above by the admin: put it back to failed for this test.
    await notificationsRepository.markAttemptFailed(t.database.db, failedId, 'again', {
      giveUp: true,
      nextAttemptAt: t.now(),
    });
    const failed = (await request('GET', '/api/notifications?status=failed')).json();
    expect(failed.items.map((m: { recipientEmail: string }) => m.recipientEmail)).toEqual([
      'three@test.kadr.kz',
    ]);
    const mentor = (await request('GET', '/api/notifications?kind=mentor-link')).json();
    expect(mentor.total).toBe(1);
    const search = (await request('GET', '/api/notifications?q=placement:9')).json();
    expect(search.items.map((m: { ref: string }) => m.ref)).toEqual(['placement:9']);
    const page = (await request('GET', '/api/notifications?pageSize=2&page=2&sort=createdAt')).json();
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(1);
    const bad = await request('GET', '/api/notifications?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('query.status');
    const summary = (await request('GET', '/api/notifications/summary')).json();
    expect(summary).toEqual({ pending: 2, sent: 0, failed: 1, smtpConfigured: false });
  });

  it('retries a failed message (audited) and refuses one that is not failed', async () => {
    const { request } = world.clients.admin;
    const pending = (await request('GET', '/api/notifications?status=pending')).json().items[0];
    const refused = await request('POST', `/api/notifications/${pending.id}/retry`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    expect((await request('POST', '/api/notifications/999999/retry')).statusCode).toBe(404);
    const retried = await request('POST', `/api/notifications/${failedId}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, lastError: 'again' });
    const audit = (await request('GET', `/api/audit?entity=notification&entityId=${failedId}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', after: { status: 'pending', attempts: 0 } });
  });
});
