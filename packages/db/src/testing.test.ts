import { describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { openTestPglite, runSql } from './testing.ts';

/** Adds an organisation and answers its id. */
async function addOrganisation(database: Database, shortName: string): Promise<number> {
  const [row] = await runSql<{ id: number }>(
    database,
    `insert into organisations (kind, name_kk, name_ru, short_name, country)
       values ('company', 'A', 'A', '${shortName}', 'KZ') returning id`,
  );
  return row!.id;
}

/** The transaction id the database would give next: it only grows in one PGlite, and a new one starts low. */
async function nextTransaction(database: Database): Promise<number> {
  const [row] = await runSql<{ xid: string }>(database, 'select txid_current()::text as xid');
  return Number(row!.xid);
}

// A closed test database is emptied and handed to the next openTestPglite() of the process (a start costs ten
// times an emptying). These tests prove that the next one finds nothing of the last one's, and that a database
// that emptying could not make like new is not handed on.
describe('test databases (PGlite)', () => {
  it('hands a closed database on emptied, with its identities restarted', async () => {
    const first = await openTestPglite();
    await addOrganisation(first, 'ONE');
    const second = await addOrganisation(first, 'TWO');
    expect(second).toBeGreaterThan(1);
    const last = await nextTransaction(first);
    await first.close();

    const next = await openTestPglite();
    try {
      expect(await nextTransaction(next)).toBeGreaterThan(last); // the same PGlite, not a new one
      expect(await runSql(next, 'select * from organisations')).toEqual([]);
      expect(await addOrganisation(next, 'ONE')).toBe(1);
    } finally {
      await next.close();
    }
  });

  it('closes instead a database whose shape a test changed', async () => {
    const first = await openTestPglite();
    await runSql(first, 'create table extra (id int)');
    const last = await nextTransaction(first);
    await first.close();

    const next = await openTestPglite();
    try {
      expect(await nextTransaction(next)).toBeLessThan(last); // a new PGlite
      expect(await runSql(next, `select to_regclass('extra') as extra`)).toEqual([{ extra: null }]);
    } finally {
      await next.close();
    }
  });

  it('closes instead a database that still has a listener', async () => {
    const first = await openTestPglite();
    const heard: string[] = [];
    await first.listen('test_channel', { message: (m) => heard.push(m), ready: () => {}, lost: () => {} });
    await addOrganisation(first, 'ONE');
    const last = await nextTransaction(first);
    await first.close();

    const next = await openTestPglite();
    try {
      expect(await nextTransaction(next)).toBeLessThan(last);
      await runSql(next, `notify test_channel, 'after'`);
      expect(heard).toEqual([]);
    } finally {
      await next.close();
    }
  });

  it('hands on a database whose listener stopped, and a closed one only once', async () => {
    const first = await openTestPglite();
    const stop = await first.listen('test_channel', { message: () => {}, ready: () => {}, lost: () => {} });
    await stop();
    const last = await nextTransaction(first);
    await first.close();
    await first.close();

    const [a, b] = [await openTestPglite(), await openTestPglite()];
    try {
      const reused = [await nextTransaction(a), await nextTransaction(b)].filter((xid) => xid > last);
      expect(reused).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
