import type { OrganisationKind } from '@kadr/contracts';
import type { OrganisationInput } from './organisations.repository.ts';
import type { UserInput } from './users.repository.ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { openTestPostgres, testDatabaseKinds } from '../testing.ts';
import { auditRepository } from './audit.repository.ts';
import { contactsRepository } from './contacts.repository.ts';
import { loginAttemptsRepository } from './login-attempts.repository.ts';
import { organisationsRepository } from './organisations.repository.ts';
import { sessionsRepository } from './sessions.repository.ts';
import { usersRepository } from './users.repository.ts';

/** A fixed instant: no repository test depends on the day it runs. */
const AT = new Date('2026-03-02T09:00:00.000Z');

/** The PostgreSQL error code (SQLSTATE) a promise rejects with; Drizzle wraps the driver's error in `cause`. */
async function sqlStateOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    return `no SQLSTATE in ${String(error)}`;
  }
  return 'resolved';
}

for (const kind of testDatabaseKinds()) {
  describe(`repositories on ${kind.name}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await kind.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    const org = (shortName: string, kind: OrganisationKind = 'company'): OrganisationInput => ({
      kind,
      name: { kk: `${shortName} kk`, ru: `${shortName} ru`, en: `${shortName} en` },
      shortName,
      country: 'KZ',
      city: { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' },
      sector: 'oil_and_gas',
      priorityAreas: ['petrochemistry'],
      website: '',
    });

    it('creates, finds, updates and lists organisations with search, filter, sort and paging', async () => {
      const { db } = database;
      const a = await organisationsRepository.create(db, org('Alpha 50%'));
      await organisationsRepository.create(db, org('Beta', 'partner_university'));
      await organisationsRepository.create(db, org('Gamma'));
      expect(a.name).toEqual({ kk: 'Alpha 50% kk', ru: 'Alpha 50% ru', en: 'Alpha 50% en' });
      expect(a.priorityAreas).toEqual(['petrochemistry']);
      expect([a.city, a.sector]).toEqual([{ kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' }, 'oil_and_gas']);

      const atyrau = { kk: 'Атырау', ru: 'Атырау', en: 'Atyrau' };
      const updated = await organisationsRepository.update(db, a.id, { city: atyrau, active: false }, AT);
      expect(updated?.city).toEqual(atyrau);
      expect(updated?.sector).toBe('oil_and_gas');
      expect(updated?.active).toBe(false);
      expect(updated?.updatedAt).toEqual(AT);
      expect(await organisationsRepository.update(db, 999_999, { sector: null }, AT)).toBeUndefined();

      const companies = await organisationsRepository.list(db, {
        page: 1,
        pageSize: 10,
        kind: 'company',
        sort: '-shortName',
      });
      expect(companies.items.map((o) => o.shortName)).toEqual(['Gamma', 'Alpha 50%']);
      expect(companies.total).toBe(2);

      const search = await organisationsRepository.list(db, { page: 1, pageSize: 10, q: '50%' });
      expect(search.items.map((o) => o.shortName)).toEqual(['Alpha 50%']);
      // The city is searched in each of its languages.
      const byCity = await organisationsRepository.list(db, { page: 1, pageSize: 10, q: 'Атыр' });
      expect(byCity.items.map((o) => o.shortName)).toEqual(['Alpha 50%']);
      const wildcard = await organisationsRepository.list(db, { page: 1, pageSize: 10, q: '%' });
      expect(wildcard.total).toBe(1);

      const page2 = await organisationsRepository.list(db, { page: 2, pageSize: 2 });
      expect(page2.items.map((o) => o.shortName)).toEqual(['Gamma']);
      expect(page2.total).toBe(3);
      // The count comes with the rows: a page past the end still tells how many match, and records carry
      // only their own fields.
      const pastTheEnd = await organisationsRepository.list(db, { page: 5, pageSize: 2, kind: 'company' });
      expect(pastTheEnd).toEqual({ items: [], total: 2, page: 5, pageSize: 2 });
      const none = await organisationsRepository.list(db, { page: 3, pageSize: 2, q: 'no such name' });
      expect(none.total).toBe(0);
      expect(Object.keys(page2.items[0]!)).toEqual(Object.keys(a));
    });

    it("keeps a contact's position in its three language columns, searched in each, sorted by the Russian", async () => {
      const { db } = database;
      const { id: organisationId } = await organisationsRepository.create(db, org('Contacts'));
      const contact = (fullName: string, position: { kk: string; ru: string; en: string }) =>
        contactsRepository.create(db, { organisationId, fullName, position, email: '', phone: '' });
      const chief = { kk: 'Бас энергетик', ru: 'Главный энергетик', en: 'Chief power engineer' };
      const a = await contact('Дәурен', chief);
      const b = await contact('Ольга', { kk: 'Бас технолог', ru: 'Ведущий технолог', en: '' });
      expect(a.position).toEqual(chief);
      const head = { ...chief, en: 'Head of power engineering' };
      expect((await contactsRepository.update(db, a.id, { position: head }, AT))?.position).toEqual(head);
      expect((await contactsRepository.update(db, a.id, { phone: '+7 700' }, AT))?.position).toEqual(head);
      const list = (params: object) =>
        contactsRepository.list(db, { page: 1, pageSize: 10, organisationId, ...params });
      for (const q of ['Бас энергетик', 'Главный', 'Head of power'])
        expect(
          (await list({ q })).items.map((c) => c.id),
          q,
        ).toEqual([a.id]);
      expect((await list({ sort: 'position' })).items.map((c) => c.id)).toEqual([b.id, a.id]);
      expect(
        (await contactsRepository.listForOrganisation(db, organisationId)).map((c) => c.position),
      ).toEqual([head, b.position]);
    });

    it('rejects a second organisation with the same short name (unique violation, 23505)', async () => {
      expect(await sqlStateOf(organisationsRepository.create(database.db, org('Beta')))).toBe('23505');
    });

    it('creates users, rejects duplicate emails and keeps the hash out of records', async () => {
      const { db } = database;
      const home = await organisationsRepository.create(db, org('Home', 'home_university'));
      const input: UserInput = {
        email: 'a@example.kz',
        fullName: 'A',
        role: 'admin',
        organisationId: home.id,
        locale: 'kk',
        passwordHash: 'hash-1',
      };
      const user = await usersRepository.create(db, input);
      expect(user).toMatchObject({ email: 'a@example.kz', organisationName: 'Home', active: true });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await usersRepository.findPasswordHash(db, user.id)).toBe('hash-1');
      // Built from the input, not the record: the record's id would fail on the primary key first.
      const sameEmail = { ...input, email: 'a@example.kz', passwordHash: 'x' };
      expect(await sqlStateOf(usersRepository.create(db, sameEmail))).toBe('23505'); // unique violation
      const orphan = { ...input, email: 'b@example.kz', organisationId: 999_999 };
      expect(await sqlStateOf(usersRepository.create(db, orphan))).toBe('23503'); // foreign key violation
      const listed = await usersRepository.list(db, { page: 1, pageSize: 5, q: 'A@EXAMPLE' });
      expect(listed.items.map((u) => u.id)).toEqual([user.id]);
    });

    it('stores sessions and ends all of a user but the one kept', async () => {
      const { db } = database;
      const user = (await usersRepository.findByEmail(db, 'a@example.kz'))!;
      const at = AT;
      const expiresAt = new Date(at.getTime() + 3_600_000);
      for (const id of ['s1', 's2', 's3']) {
        await sessionsRepository.create(db, {
          id,
          userId: user.id,
          csrfToken: 'c',
          expiresAt,
          ip: '',
          userAgent: '',
          at,
        });
      }
      await sessionsRepository.deleteForUser(db, user.id, 's2');
      expect(await sessionsRepository.findById(db, 's1')).toBeUndefined();
      expect(await sessionsRepository.findById(db, 's2')).toMatchObject({ userId: user.id });
      await sessionsRepository.deleteStale(db, new Date(expiresAt.getTime() + 1), new Date(0));
      expect(await sessionsRepository.findById(db, 's2')).toBeUndefined();
    });

    it('counts sign-in failures per email and per address within a window', async () => {
      const { db } = database;
      const now = AT;
      for (let i = 0; i < 3; i++) {
        await loginAttemptsRepository.record(db, {
          email: 'x@k.kz',
          ip: '1.1.1.1',
          succeeded: false,
          at: now,
        });
      }
      await loginAttemptsRepository.record(db, { email: 'x@k.kz', ip: '1.1.1.1', succeeded: true, at: now });
      const old = new Date(now.getTime() - 3_600_000);
      await loginAttemptsRepository.record(db, { email: 'x@k.kz', ip: '2.2.2.2', succeeded: false, at: old });
      const since = new Date(now.getTime() - 60_000);
      expect(await loginAttemptsRepository.failuresForEmail(db, 'x@k.kz', since)).toBe(3);
      expect(await loginAttemptsRepository.failuresForIp(db, '1.1.1.1', since)).toBe(3);
      expect(await loginAttemptsRepository.failuresForIp(db, '2.2.2.2', since)).toBe(0);
    });

    it('appends audit records and filters them', async () => {
      const { db } = database;
      await auditRepository.record(db, {
        actorId: null,
        actorEmail: 'system',
        action: 'create',
        entity: 'organisation',
        entityId: '1',
        before: null,
        after: { name: 'Ä «кірілше»' },
        requestId: 'r1',
        at: AT,
      });
      await auditRepository.record(db, {
        actorId: null,
        actorEmail: 'system',
        action: 'update',
        entity: 'user',
        entityId: '1',
        before: { a: 1 },
        after: { a: 2 },
        requestId: 'r2',
        at: AT,
      });
      const page = await auditRepository.list(db, { page: 1, pageSize: 10, entity: 'organisation' });
      expect(page.total).toBe(1);
      expect(page.items[0]?.after).toEqual({ name: 'Ä «кірілше»' });
      const updates = await auditRepository.list(db, { page: 1, pageSize: 10, action: 'update' });
      expect(updates.items.map((r) => r.entity)).toEqual(['user']);
    });

    it('counts the audit log up to its cap and says when more entries match', async () => {
      const { db } = database;
      for (let n = 0; n < 4; n++) {
        await auditRepository.record(db, {
          actorId: null,
          actorEmail: 'system',
          action: 'create',
          entity: 'lab',
          entityId: `cap-${n}`,
          before: null,
          after: { n },
          requestId: null,
          at: new Date(AT.getTime() + n * 60_000),
        });
      }
      const capped = await auditRepository.list(db, { page: 1, pageSize: 2, entity: 'lab', countCap: 3 });
      expect(capped).toMatchObject({ total: 3, totalCapped: true });
      expect(capped.items.map((r) => r.entityId)).toEqual(['cap-3', 'cap-2']);
      const exact = await auditRepository.list(db, { page: 1, pageSize: 2, entity: 'lab', countCap: 4 });
      expect(exact).toMatchObject({ total: 4, totalCapped: false });
      const past = await auditRepository.list(db, { page: 9, pageSize: 2, entity: 'lab', countCap: 3 });
      expect(past).toMatchObject({ items: [], total: 3, totalCapped: true });
      const narrowed = await auditRepository.list(db, {
        page: 1,
        pageSize: 2,
        entity: 'lab',
        from: new Date(AT.getTime() + 2 * 60_000),
        countCap: 3,
      });
      expect(narrowed).toMatchObject({ total: 2, totalCapped: false });
    });

    it('rolls a failed transaction back whole', async () => {
      const { db } = database;
      const failed = db.transaction(async (tx) => {
        await organisationsRepository.create(tx, org('Rolled back'));
        await organisationsRepository.create(tx, org('Rolled back'));
      });
      expect(await sqlStateOf(failed)).toBe('23505');
      expect(await organisationsRepository.findByShortName(db, 'Rolled back')).toBeUndefined();
    });

    if (kind.name === 'postgres') {
      it('survives the server ending an idle pooled connection, and the next query reconnects', async () => {
        const failures: Error[] = [];
        const own = await openTestPostgres(process.env.DATABASE_URL!, {
          onIdleError: (error) => failures.push(error),
        });
        try {
          type Rows = { rows: Record<string, unknown>[] };
          const backend = (await own.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as Rows;
          const pid = Number(backend.rows[0]?.pid);
          await database.db.execute(sql`select pg_terminate_backend(${pid})`);
          for (let i = 0; i < 100 && failures.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
          expect(failures.map((e) => e.message).join()).toMatch(/terminat/i);
          const again = (await own.db.execute(sql`select 1 as one`)) as unknown as Rows;
          expect(again.rows).toEqual([{ one: 1 }]);
        } finally {
          await own.close();
        }
      });
    }
  });
}
