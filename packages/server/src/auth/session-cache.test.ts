/**
 * The per-process session cache (ADR 0013) on PGlite: a session is answered from memory only until the database
 * says it or its user changed, whatever wrote the change; two processes on PostgreSQL are covered by
 * scale-out-and-limits.db.test.ts.
 */
import { runSql } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser } from '../test/factories.ts';
import { createBareTestApp, signIn } from '../testing.ts';

describe('sessions kept in memory for a few seconds', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let homeId = 0;
  beforeAll(async () => {
    t = await createBareTestApp();
    homeId = (await buildOrganisation(t.database.db, { kind: 'home_university', shortName: 'HOME' })).id;
  });
  afterAll(async () => t?.close());

  const me = (cookie: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { kadr_session: cookie } });

  it('answers a resolved session from memory until a touch is due (a session update notifies nothing)', async () => {
    const user = await buildUser(t.database.db, { role: 'officer', organisationId: homeId });
    const client = await signIn(t.app, user.email);
    expect((await me(client.cookie)).json().csrfToken).toBe(client.me.csrfToken);
    await runSql(
      t.database,
      `update sessions set csrf_token = 'changed-in-the-database' where user_id = ${user.id}`,
    );
    // From memory: the database was not read again.
    expect((await me(client.cookie)).json().csrfToken).toBe(client.me.csrfToken);
    // Over a minute later the session is due a touch, so it is read (and written) again.
    t.advance(61_000);
    expect((await me(client.cookie)).json().csrfToken).toBe('changed-in-the-database');
  });

  it('reads a session once for all the requests that missed it together (no burst when an entry expires)', async () => {
    const user = await buildUser(t.database.db, { role: 'officer', organisationId: homeId });
    const client = await signIn(t.app, user.email);
    expect((await me(client.cookie)).statusCode).toBe(200);
    const driver = (
      t.database.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }
    ).$client;
    const query = driver.query;
    const sent: string[] = [];
    driver.query = (...args: unknown[]) => {
      const text = args[0];
      sent.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
      return query.apply(driver, args);
    };
    try {
      // Due a touch: the cached entry no longer answers, and twenty requests arrive at once.
      t.advance(61_000);
      const answers = await Promise.all(Array.from({ length: 20 }, () => me(client.cookie)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
      expect(new Set(answers.map((a) => a.json().csrfToken))).toEqual(new Set([client.me.csrfToken]));
      // One read of the session with its user and one touch, not twenty of each.
      expect(sent.filter((text) => /from "sessions"/i.test(text))).toHaveLength(1);
      expect(sent.filter((text) => /^update "sessions"/i.test(text))).toHaveLength(1);
    } finally {
      driver.query = query;
    }
  });

  it('forgets a session deleted in the database by any means, at once', async () => {
    const user = await buildUser(t.database.db, { role: 'officer', organisationId: homeId });
    const client = await signIn(t.app, user.email);
    expect((await me(client.cookie)).statusCode).toBe(200);
    await runSql(t.database, `delete from sessions where user_id = ${user.id}`);
    expect((await me(client.cookie)).statusCode).toBe(401);
  });

  it('forgets the sessions of a user changed in the database by any means, at once', async () => {
    const user = await buildUser(t.database.db, { role: 'officer', organisationId: homeId });
    const client = await signIn(t.app, user.email);
    expect((await me(client.cookie)).json().role).toBe('officer');
    await runSql(t.database, `update users set role = 'observer' where id = ${user.id}`);
    expect((await me(client.cookie)).json().role).toBe('observer');
    await runSql(t.database, `update users set active = false where id = ${user.id}`);
    expect((await me(client.cookie)).statusCode).toBe(401);
  });

  it('ends a signed-out session at once and keeps the other session of the same user', async () => {
    const user = await buildUser(t.database.db, { role: 'officer', organisationId: homeId });
    const first = await signIn(t.app, user.email);
    const second = await signIn(t.app, user.email);
    for (const c of [first, second]) expect((await me(c.cookie)).statusCode).toBe(200);
    expect((await first.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(200);
  });
});
