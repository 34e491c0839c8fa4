/**
 * The fuzz tier (`npm run test:fuzz`, docs/adr/0001): every operation of the OpenAPI document, as every role,
 * with parameters and bodies generated from the operation's schemas plus nasty values (arbitraries.ts), on a
 * fixed seed and a bounded count. It asserts for every request: no 5xx, nor a value only the database refused; a
 * partner never receives a record of another organisation (two partner organisations carry marker records); a
 * refused write changes no table and writes no audit record. It ends with `fuzz: N passed, M failed` and the
 * requests sent per role.
 *
 * On PGlite by default (the demo cloned from the test snapshot); on PostgreSQL when DATABASE_URL is set (`npm run
 * test:fuzz:pg`: the demo seeded on a fresh database of that server, the app's pool of four connections), with
 * fewer requests per operation and role (KADR_FUZZ_RUNS_PG, default 1) to keep CI's time in check.
 */
import { ROLES } from '@kadr/contracts';
import { runSql } from '@kadr/db/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_REFUSED_VALUE } from '../plugins/errors.ts';
import { createTestApp, demoEmail, signIn } from '../testing.ts';
import { anyOf, type JsonSchema, pathIdOf, queryValueOf } from './arbitraries.ts';

/** PostgreSQL's server when the tier runs on it (npm run test:fuzz:pg), else PGlite. */
const POSTGRES = process.env.DATABASE_URL;
const DATABASE = POSTGRES ? 'postgres' : 'pglite';
/** The seed and the number of requests per operation and role: a few thousand requests in all on PGlite. */
const SEED = Number(process.env.KADR_FUZZ_SEED ?? 20261206);
const RUNS = Number(
  (POSTGRES ? process.env.KADR_FUZZ_RUNS_PG : process.env.KADR_FUZZ_RUNS) ?? (POSTGRES ? 1 : 5),
);

type Client = Awaited<ReturnType<typeof signIn>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
  parameters: { in: string; name: string; schema: JsonSchema }[];
  body?: JsonSchema;
}

/** Operations that would end the fuzzer's own sessions or change its passwords: not sent. */
const SKIPPED = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/users/{id}/reset-password',
  'PATCH /api/users/{id}',
]);
/** Tables a refused request may still change: the sign-in throttle's records of failed attempts. */
const VOLATILE_TABLES = new Set(['login_attempts', 'sign_in_throttle', 'sessions']);

function operationsOf(document: {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: unknown }>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(methods)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (SKIPPED.has(key)) continue;
      const content = (
        operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined
      )?.content;
      operations.push({
        method: method.toUpperCase() as Method,
        path,
        parameters: operation.parameters ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  return operations;
}

/** One generated request of an operation: its URL and body. */
function requestsOf(operation: Operation, ids: number[], seed: number): { url: string; body?: unknown }[] {
  const path = fc.record(
    Object.fromEntries(
      operation.parameters
        .filter((p) => p.in === 'path')
        .map((p) => [
          p.name,
          p.name === 'id'
            ? pathIdOf(ids)
            : fc.constantFrom(...((p.schema.enum as string[]) ?? ['x']), 'nope'),
        ]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(
      operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, queryValueOf(p.schema)]),
    ),
  );
  const body = operation.body ? anyOf(operation.body) : fc.constant(undefined);
  return fc.sample(fc.tuple(path, query, body), { seed, numRuns: RUNS }).map(([params, search, payload]) => {
    const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(String(params[name])),
    );
    const qs = new URLSearchParams();
    for (const [name, value] of Object.entries(search))
      for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) qs.append(name, v);
    return { url: qs.size ? `${url}?${qs}` : url, ...(payload === undefined ? {} : { body: payload }) };
  });
}

describe(`fuzz: every operation of the API as every role on ${DATABASE}`, () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const clients = new Map<string, Client>();
  const markers = { a: 'FUZZ-MARKER-ORG-A', b: 'FUZZ-MARKER-ORG-B' };
  const partnerOrg: Record<'a' | 'b', number> = { a: 0, b: 0 };
  const protectedIds = new Set<string>();
  let countTables: () => Promise<Record<string, number>>;

  beforeAll(async () => {
    t = await createTestApp({}, POSTGRES ? { postgres: POSTGRES } : {});
    for (const role of ROLES) clients.set(role, await signIn(t.app, demoEmail[role]));
    const admin = clients.get('admin')!;
    const partnerA = clients.get('partner')!;
    partnerOrg.a = partnerA.me.organisationId;
    const others = (await admin.request('GET', '/api/organisations?kind=company&pageSize=50')).json().items;
    partnerOrg.b = others.find((o: { id: number }) => o.id !== partnerOrg.a).id;
    const created = await admin.request('POST', '/api/users', {
      email: 'partner-b@fuzz.kadr.kz',
      fullName: 'Partner B',
      role: 'partner',
      organisationId: partnerOrg.b,
      password: 'fuzz-partner-b-password',
    });
    expect(created.statusCode, created.body).toBe(201);
    clients.set('partner-b', await signIn(t.app, 'partner-b@fuzz.kadr.kz', 'fuzz-partner-b-password'));
    // Records only one partner organisation may see, each carrying its organisation's marker.
    for (const side of ['a', 'b'] as const) {
      const contact = await admin.request('POST', '/api/contacts', {
        organisationId: partnerOrg[side],
        fullName: markers[side],
        position: { kk: markers[side], ru: markers[side], en: markers[side] },
        email: `${side}@marker.kadr.kz`,
        phone: '',
      });
      expect(contact.statusCode, contact.body).toBe(201);
      protectedIds.add(`/api/contacts/${contact.json().id}`);
      const agreement = await admin.request('POST', '/api/agreements', {
        number: markers[side],
        kind: 'mou',
        title: { kk: markers[side], ru: markers[side], en: markers[side] },
        partyIds: [partnerOrg[side]],
        notes: markers[side],
      });
      expect(agreement.statusCode, agreement.body).toBe(201);
      protectedIds.add(`/api/agreements/${agreement.json().id}`);
    }
    const tables = await runSql<{ name: string }>(
      t.database,
      "select table_name as name from information_schema.tables where table_schema = 'public'",
    );
    const names = tables.map((r) => r.name).filter((n) => !VOLATILE_TABLES.has(n) && !n.startsWith('__'));
    const select = names.map((n) => `(select count(*)::int from "${n}") as "${n}"`).join(', ');
    // Counting every table costs a scan of the demo's thousands of rows; most fuzzed writes are refused and
    // write nothing. What a statement sees is decided by its snapshot (xmin:xmax:the ids still running), and a
    // transaction that inserted or deleted a row took an id and changes every later snapshot when it ends
    // (xmax moves, or its id leaves the list). So the counts are taken in one statement with the snapshot they
    // saw, and counted again only when the snapshot differs. The whole snapshot, not xmax alone: on PostgreSQL
    // the app's pool runs transactions on several connections, and one that ends below a later one's id leaves
    // xmax where it was. Other databases of the same server take ids too: they only cost a recount.
    let last: { snapshot: string; counts: Record<string, number> } | undefined;
    countTables = async () => {
      const [{ snapshot }] = (await runSql<{ snapshot: string }>(
        t.database,
        'select pg_current_snapshot()::text as snapshot',
      )) as [{ snapshot: string }];
      if (last?.snapshot !== snapshot) {
        const [row] = await runSql<Record<string, number | string>>(
          t.database,
          `select pg_current_snapshot()::text as "__snapshot", ${select}`,
        );
        const { __snapshot, ...counts } = row!;
        last = { snapshot: String(__snapshot), counts: counts as Record<string, number> };
      }
      return last.counts;
    };
  }, 300_000);
  afterAll(async () => t?.close());

  it('answers every generated request without a 5xx, a leak across organisations or a partial write', async () => {
    const operations = operationsOf(t.app.swagger() as never);
    const ids = Array.from({ length: 30 }, (_, i) => i + 1);
    const sent = new Map<string, number>();
    const failures: string[] = [];
    let seed = SEED;
    for (const operation of operations) {
      for (const [role, client] of clients) {
        for (const { url, body } of requestsOf(operation, ids, seed++)) {
          if ([...protectedIds].some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`)))
            continue;
          const isWrite = operation.method !== 'GET';
          const before = isWrite ? await countTables() : undefined;
          const response = await client.request(operation.method, url, body);
          sent.set(role, (sent.get(role) ?? 0) + 1);
          const where = `${role} ${operation.method} ${url.slice(0, 200)} ${JSON.stringify(body)?.slice(0, 300)}`;
          // A value the database refused is answered 400 by the error handler's safety net: a contract gap all the same.
          if (response.body.includes(DATABASE_REFUSED_VALUE))
            failures.push(`database refused a value: ${where}`);
          if (response.statusCode >= 500)
            failures.push(`${response.statusCode} ${where}: ${response.body.slice(0, 300)}`);
          const other = role === 'partner' ? markers.b : role === 'partner-b' ? markers.a : undefined;
          if (other && response.body.includes(other)) failures.push(`leak of ${other} to ${where}`);
          if (before && response.statusCode >= 400) {
            const after = await countTables();
            const changed = Object.keys(after).filter((n) => after[n] !== before[n]);
            if (changed.length) failures.push(`partial write (${changed.join(', ')}) by refused ${where}`);
          }
        }
      }
    }
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz: ${DATABASE}, seed ${SEED}, ${RUNS} per operation and role, ${operations.length} operations`,
    );
    console.log(`fuzz: requests by role: ${[...sent].map(([r, n]) => `${r} ${n}`).join(', ')}`);
    for (const failure of failures.slice(0, 40)) console.log(`fuzz: FAILED ${failure}`);
    console.log(`fuzz: ${total - failures.length} passed, ${failures.length} failed`);
    expect(failures).toEqual([]);
  }, 900_000);
});
