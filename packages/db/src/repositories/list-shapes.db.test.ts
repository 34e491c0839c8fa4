import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { organisations, partnerProfiles } from '../schema/index.ts';
import { testDatabaseKinds } from '../testing.ts';
import { auditRepository } from './audit.repository.ts';
import { ascending, descending, listPage, type PageParts } from './list.ts';
import { organisationsRepository } from './organisations.repository.ts';

const AT = new Date('2026-03-02T09:00:00.000Z');
const PAVLODAR = { kk: 'Павлодар', ru: 'Павлодар', en: 'Pavlodar' };

type Query = (...args: unknown[]) => Promise<unknown>;

// A named list builds each shape of its query once and runs it again with new values (list.ts, list-shapes.ts):
// every call below must answer for its own values, never the ones of the call that built the shape.
for (const kind of testDatabaseKinds()) {
  describe(`list shapes on ${kind.name}`, () => {
    let database: Database;
    const sent: unknown[] = [];
    beforeAll(async () => {
      database = await kind.open();
      const client = (database.db as unknown as { $client: { query: Query } }).$client;
      const query = client.query.bind(client);
      client.query = (...args: unknown[]) => {
        sent.push(args[0]);
        return query(...args);
      };
      for (const [shortName, kindOf] of [
        ['Alpha', 'company'],
        ['Beta', 'company'],
        ['Gamma', 'partner_university'],
        ['Delta', 'company'],
      ] as const) {
        await organisationsRepository.create(database.db, {
          kind: kindOf,
          name: { kk: `${shortName} kk`, ru: `${shortName} ru`, en: `${shortName} en` },
          shortName,
          country: 'KZ',
          city: shortName === 'Delta' ? { kk: '50%_city', ru: '50%_city', en: '50%_city' } : PAVLODAR,
          sector: null,
          priorityAreas: [],
          website: '',
        });
      }
    });
    afterAll(async () => {
      await database?.close();
    });

    const names = (page: { items: { shortName: string }[] }) => page.items.map((o) => o.shortName);

    it('answers each call with its own filter values, sort and page on one built shape', async () => {
      const { db } = database;
      const list = (params: Record<string, unknown>) =>
        organisationsRepository.list(db, { page: 1, pageSize: 10, ...params });
      expect(names(await list({ q: 'alp' }))).toEqual(['Alpha']);
      expect(names(await list({ q: 'bet' }))).toEqual(['Beta']);
      expect(names(await list({ q: '50%' }))).toEqual(['Delta']);
      expect(names(await list({ kind: 'company', sort: '-shortName' }))).toEqual(['Delta', 'Beta', 'Alpha']);
      expect(names(await list({ kind: 'partner_university', sort: '-shortName' }))).toEqual(['Gamma']);
      expect(await list({ kind: 'company', page: 2, pageSize: 2 })).toMatchObject({ total: 3, page: 2 });
      expect(names(await list({ kind: 'company', page: 2, pageSize: 2 }))).toEqual(['Delta']);
      // A page past the end still learns the total.
      expect(await list({ kind: 'company', page: 5, pageSize: 2 })).toMatchObject({ items: [], total: 3 });
      expect(names(await list({}))).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    });

    it('runs a shape by one statement whatever its values, and another shape by another', async () => {
      const { db } = database;
      // PostgreSQL runs it by name (prepared once per connection); PGlite takes the text, which ignores names.
      const statementOf = async (params: Record<string, unknown>) => {
        sent.length = 0;
        await organisationsRepository.list(db, { page: 1, pageSize: 10, ...params });
        expect(sent).toHaveLength(1);
        const [query] = sent as (string | { name?: string })[];
        return typeof query === 'string' ? query : query!.name;
      };
      const first = await statementOf({ q: 'alp' });
      if (kind.name === 'postgres') expect(first).toMatch(/^kadr_list_\d+$/);
      expect(await statementOf({ q: 'gam' })).toBe(first);
      const other = await statementOf({ q: 'gam', kind: 'partner_university' });
      expect(other).toBeTruthy();
      expect(other).not.toBe(first);
    });

    it("maps a named shape's rows as Drizzle does: nested by table, a missing left-joined row null", async () => {
      const { db } = database;
      const [gamma] = await db.select().from(organisations).where(eq(organisations.shortName, 'Gamma'));
      await db
        .insert(partnerProfiles)
        .values({ organisationId: gamma!.id, branchStatus: 'open', updatedAt: AT });
      const list = (name: string | undefined) =>
        listPage(
          { page: 1, pageSize: 10 },
          {
            rows: db
              .select({
                organisation: organisations,
                profile: partnerProfiles,
                shortName: organisations.shortName,
                nested: {
                  branch: partnerProfiles.branchStatus,
                  letters: sql<number>`length(${organisations.shortName})`.mapWith(String),
                },
                // A key the row function writes as a JSON string in its source (list-rows.ts, filler).
                'odd "key" \\ `x`': organisations.country,
              })
              .from(organisations)
              .leftJoin(partnerProfiles, eq(partnerProfiles.organisationId, organisations.id))
              .$dynamic(),
            filters: [],
            sortable: {},
            fallback: asc(organisations.shortName),
            id: organisations.id,
            present: (rows) => rows,
            ...(name ? { name } : {}),
          },
        );
      const named = await list('test_left_join');
      expect(named).toEqual(await list(undefined));
      expect(named.total).toBe(4);
      const byName = new Map(named.items.map((row) => [row.shortName, row]));
      expect(byName.get('Gamma')).toMatchObject({
        profile: { branchStatus: 'open', updatedAt: AT },
        nested: { branch: 'open', letters: '5' },
      });
      // Drizzle's rule, kept: an object whose columns are all of a missing left-joined table is null, even with an
      // expression beside them.
      expect(byName.get('Alpha')).toMatchObject({ profile: null, nested: null });
      expect(byName.get('Alpha')!.organisation.createdAt).toBeInstanceOf(Date);
      // Each page has its own Date objects, though a timestamp's text is parsed once (list-rows.ts).
      const again = await list('test_left_join');
      const first = named.items[0]!.organisation.createdAt;
      expect(again.items[0]!.organisation.createdAt).toEqual(first);
      expect(again.items[0]!.organisation.createdAt).not.toBe(first);
      first.setTime(0);
      expect(again.items[0]!.organisation.createdAt.getTime()).not.toBe(0);
      expect(Object.keys(named.items[0]!)).toEqual([
        'organisation',
        'profile',
        'shortName',
        'nested',
        'odd "key" \\ `x`',
      ]);
      expect(named.items[0]!['odd "key" \\ `x`']).toBe('KZ');
    });

    it("runs a deferred list without building its select once its shape is prepared, with each call's values", async () => {
      const { db } = database;
      let builds = 0;
      const list = (handle: typeof db, q: string | undefined, sort: 'asc' | 'desc' = 'asc') =>
        listPage(
          { page: 1, pageSize: 10 },
          {
            rows: {
              db: handle,
              build: () => {
                builds += 1;
                return handle.select({ shortName: organisations.shortName }).from(organisations).$dynamic();
              },
            },
            filters: [q ? sql`${organisations.shortName} like ${q}` : undefined],
            sortable: {},
            fallback: sort === 'asc' ? asc(organisations.shortName) : sql`${organisations.shortName} desc`,
            id: organisations.id,
            present: (rows) => rows.map((row) => row.shortName),
            name: 'test_deferred',
          },
        );
      expect(await list(db, 'A%')).toMatchObject({ items: ['Alpha'], total: 1 });
      expect(builds).toBe(1);
      expect(await list(db, 'G%')).toMatchObject({ items: ['Gamma'], total: 1 });
      expect(await list(db, '%a')).toMatchObject({ items: ['Alpha', 'Beta', 'Delta', 'Gamma'], total: 4 });
      expect(builds).toBe(1);
      // Another shape (no filter, another order) is built once too.
      expect((await list(db, undefined, 'desc')).items).toEqual(['Gamma', 'Delta', 'Beta', 'Alpha']);
      expect((await list(db, undefined, 'desc')).items).toEqual(['Gamma', 'Delta', 'Beta', 'Alpha']);
      expect(builds).toBe(2);
      // A transaction is another session: it builds the shape for itself.
      await db.transaction(async (tx) => {
        expect((await list(tx, 'B%')).items).toEqual(['Beta']);
        expect((await list(tx, 'D%')).items).toEqual(['Delta']);
      });
      expect(builds).toBe(3);
    });

    it('builds a deferred list from the handle it names, and orders it by terms made once per column', async () => {
      const { db } = database;
      const handles: unknown[] = [];
      // A module-level build, as the repositories' lists have: it reads the handle it is given, not a closure's.
      const build = (handle: typeof db) => {
        handles.push(handle);
        return handle.select({ shortName: organisations.shortName }).from(organisations).$dynamic();
      };
      const list = (handle: typeof db, down: boolean) =>
        listPage(
          { page: 1, pageSize: 10 },
          {
            rows: { db: handle, build },
            filters: [],
            sortable: {},
            fallback: down ? descending(organisations.shortName) : ascending(organisations.shortName),
            id: organisations.id,
            present: (rows) => rows.map((row) => row.shortName),
            name: 'test_deferred_handle',
          },
        );
      expect(ascending(organisations.shortName)).toBe(ascending(organisations.shortName));
      expect(descending(organisations.shortName)).toBe(descending(organisations.shortName));
      expect(descending(organisations.shortName)).not.toBe(ascending(organisations.shortName));
      expect((await list(db, false)).items).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
      expect((await list(db, true)).items).toEqual(['Gamma', 'Delta', 'Beta', 'Alpha']);
      expect((await list(db, false)).items).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
      expect(handles).toEqual([db, db]);
      await db.transaction(async (tx) => {
        expect((await list(tx, true)).items).toEqual(['Gamma', 'Delta', 'Beta', 'Alpha']);
        expect(handles.at(-1)).toBe(tx);
      });
      expect(handles).toHaveLength(3);
    });

    it("reads a page's own fields after the cut, in the list's order, on a built and on a named list", async () => {
      const { db } = database;
      const o = organisations;
      // Inside the query `organisations` is the page: the count of each kind among the page's rows only.
      const page: PageParts = {
        table: o,
        fields: { kindOnPage: sql<number>`page_kinds.n`.mapWith(Number) },
        joins: sql`join (select ${o.kind} as kind, count(*) as n from ${o} group by ${o.kind}) as page_kinds
          on page_kinds.kind = ${o.kind}`,
      };
      const list = (params: { page: number; pageSize: number; sort?: string }, name?: string) =>
        listPage(params, {
          rows: db.select({ id: o.id, shortName: o.shortName, kind: o.kind }).from(o).$dynamic(),
          filters: [],
          sortable: { shortName: o.shortName, kind: o.kind },
          fallback: ascending(o.shortName),
          id: o.id,
          present: (rows) =>
            (rows as unknown as { shortName: string; kindOnPage: number }[]).map(
              (r) => `${r.shortName} ${r.kindOnPage}`,
            ),
          page,
          ...(name ? { name } : {}),
        });
      for (const name of [undefined, 'test_page_parts']) {
        // Three companies and a university: on a page of two companies the count is 2, not the table's 3.
        expect(await list({ page: 1, pageSize: 2 }, name)).toMatchObject({
          items: ['Alpha 2', 'Beta 2'],
          total: 4,
        });
        expect((await list({ page: 2, pageSize: 2 }, name)).items).toEqual(['Delta 1', 'Gamma 1']);
        expect((await list({ page: 1, pageSize: 3, sort: '-shortName' }, name)).items).toEqual([
          'Gamma 1',
          'Delta 2',
          'Beta 2',
        ]);
        expect((await list({ page: 1, pageSize: 4, sort: '-kind' }, name)).items).toEqual([
          'Gamma 1',
          'Alpha 3',
          'Beta 3',
          'Delta 3',
        ]);
        // Past the end: no rows, and the count read again.
        expect(await list({ page: 9, pageSize: 2 }, name)).toMatchObject({ items: [], total: 4 });
      }
    });

    it("runs a deferred list whose selection holds a named placeholder with each call's value, built once", async () => {
      const { db } = database;
      let builds = 0;
      // The selection depends on a value given on every call, as the partner list's count of active agreements
      // depends on today's date.
      const after = sql<boolean>`${organisations.shortName} > ${sql.placeholder('after')}`;
      const list = (value: string, sort?: 'after') =>
        listPage(
          { page: 1, pageSize: 10, sort },
          {
            rows: {
              db,
              build: () => {
                builds += 1;
                return db
                  .select({ shortName: organisations.shortName, after })
                  .from(organisations)
                  .$dynamic();
              },
            },
            filters: [],
            sortable: { after },
            fallback: asc(organisations.shortName),
            id: organisations.id,
            present: (rows) => rows.map((row) => `${row.shortName}:${row.after}`),
            name: 'test_deferred_placeholder',
            placeholders: { after: value },
          },
        );
      expect((await list('B')).items).toEqual(['Alpha:false', 'Beta:true', 'Delta:true', 'Gamma:true']);
      expect((await list('Delta')).items).toEqual(['Alpha:false', 'Beta:false', 'Delta:false', 'Gamma:true']);
      expect(builds).toBe(1);
      // Sorted by the expression, then by id (Gamma was made before Delta): the order binds the placeholder too.
      expect((await list('C', 'after')).items).toEqual([
        'Alpha:false',
        'Beta:false',
        'Gamma:true',
        'Delta:true',
      ]);
      expect((await list('A', 'after')).items).toEqual([
        'Alpha:true',
        'Beta:true',
        'Gamma:true',
        'Delta:true',
      ]);
      expect(builds).toBe(2);
      await expect(
        listPage(
          { page: 1, pageSize: 10 },
          {
            rows: db.select({ shortName: organisations.shortName }).from(organisations).$dynamic(),
            filters: [],
            sortable: {},
            fallback: asc(organisations.shortName),
            id: organisations.id,
            present: (rows) => rows,
            placeholders: { limit: 1 },
          },
        ),
      ).rejects.toThrow('the placeholder name limit is reserved');
    });

    it("counts a deferred capped list with each call's filter values and cap, its select built once", async () => {
      const { db } = database;
      let builds = 0;
      const list = (q: string, cap: number, page = 1) =>
        listPage(
          { page, pageSize: 1 },
          {
            rows: {
              db,
              build: () => {
                builds += 1;
                return db.select({ shortName: organisations.shortName }).from(organisations).$dynamic();
              },
            },
            filters: [sql`${organisations.shortName} like ${q}`],
            sortable: {},
            fallback: asc(organisations.shortName),
            id: organisations.id,
            present: (rows) => rows.map((row) => row.shortName),
            countCap: { table: organisations, cap },
            name: 'test_deferred_capped',
          },
        );
      expect(await list('A%', 2)).toEqual({
        items: ['Alpha'],
        total: 1,
        totalCapped: false,
        page: 1,
        pageSize: 1,
      });
      expect(builds).toBe(1);
      // The count binds the filter again inside its subquery: a new value reaches both, and so does a new cap.
      expect(await list('%a', 2)).toMatchObject({ items: ['Alpha'], total: 2, totalCapped: true });
      expect(await list('%a', 9)).toMatchObject({ items: ['Alpha'], total: 4, totalCapped: false });
      expect(await list('%ta', 9, 2)).toMatchObject({ items: ['Delta'], total: 2, totalCapped: false });
      expect(await list('Z%', 9, 3)).toMatchObject({ items: [], total: 0, totalCapped: false });
      expect(builds).toBe(1);
    });

    it('counts the audit log with its cap through the built shape, for each filter value', async () => {
      const { db } = database;
      for (let n = 0; n < 3; n++) {
        for (const entity of ['lab', 'equipment'] as const) {
          await auditRepository.record(db, {
            actorId: null,
            actorEmail: 'system',
            action: 'create',
            entity,
            entityId: `${entity}-${n}`,
            before: null,
            after: null,
            requestId: null,
            at: new Date(AT.getTime() + n * 1000),
          });
        }
      }
      const lab = await auditRepository.list(db, { page: 1, pageSize: 1, entity: 'lab', countCap: 2 });
      expect(lab).toMatchObject({ total: 2, totalCapped: true, items: [{ entityId: 'lab-2' }] });
      const item = await auditRepository.list(db, {
        page: 1,
        pageSize: 1,
        entity: 'equipment',
        from: new Date(AT.getTime() + 1000),
        countCap: 2,
      });
      expect(item).toMatchObject({ total: 2, totalCapped: false, items: [{ entityId: 'equipment-2' }] });
    });
  });
}
