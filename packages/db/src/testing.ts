/**
 * Test databases: a fresh, migrated PGlite in memory for every call (cloned from a cached
 * template tarball, since a cold init and migrate costs 2-5 s), and, when DATABASE_URL is set,
 * a fresh database on that PostgreSQL server, dropped on close.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, migrationsFolder, openDatabase } from './client.ts';
import type { OrganisationInput } from './repositories/organisations.repository.ts';

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  // The journal too: the migrator records each migration's `when`, so a migration regenerated with the same SQL
  // but a new timestamp must not reuse a template made before it (it would apply it again: "already exists").
  hash.update(readFileSync(join(migrationsFolder, 'meta', '_journal.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * A PGlite data-directory dump cached in the temp folder under `name`, made by `make` the first time any
 * test process asks for it. One process makes it while the others wait for it (a lock file; a stale lock, or
 * a wait past two minutes, lets a waiter make its own copy, renamed into place atomically, so either wins).
 * Making one removes the dumps nobody has made for a day: each change to the sources names a new demo snapshot.
 * A process reads each dump once: the files of a worker share it (see bytesBlob).
 */
function cachedBlob(name: string, make: () => Promise<Blob>): Promise<Blob> {
  let blob = inProcess.get(name);
  if (!blob) {
    blob = cachedOnDisk(name, make).then(bytesBlob);
    blob.catch(() => inProcess.delete(name));
    inProcess.set(name, blob);
  }
  return blob;
}

const inProcess = new Map<string, Promise<Blob>>();

/**
 * A Blob of `bytes` whose arrayBuffer() answers them at once. PGlite reads the dump with arrayBuffer(), which Node's
 * Blob assembles from 64 KiB chunks: about 0.3 s of CPU for the 44 MB template, for every database. The bytes are
 * not copied (a copy of the 93 MB demo cost 0.2 s): PGlite only reads them, writing each file into its own memory.
 */
function bytesBlob(bytes: Uint8Array<ArrayBuffer>): Blob {
  return new (class extends Blob {
    override arrayBuffer(): Promise<ArrayBuffer> {
      return Promise.resolve(bytes.buffer);
    }
  })([bytes]);
}

async function cachedOnDisk(name: string, make: () => Promise<Blob>): Promise<Uint8Array<ArrayBuffer>> {
  const dir = join(tmpdir(), 'kadr-test-templates');
  const file = join(dir, `${name}.tar`);
  const lock = `${file}.lock`;
  mkdirSync(dir, { recursive: true });
  for (const deadline = Date.now() + 120_000; ; ) {
    const cached = readIfThere(file);
    if (cached) return cached;
    if (takeLock(lock) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    const bytes = new Uint8Array(await (await make()).arrayBuffer());
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temp, bytes);
    renameSync(temp, file);
    removeOlderThanADay(dir, statSync(file).mtimeMs);
    return bytes;
  } finally {
    rmSync(lock, { force: true });
  }
}

function readIfThere(file: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return new Uint8Array(readFileSync(file)); // its own ArrayBuffer, not a slice of Node's buffer pool
  } catch {
    return undefined; // not made yet, or just removed
  }
}

/** Creates the lock file; false when another process holds it (unless its lock is over five minutes old). */
function takeLock(lock: string): boolean {
  const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
  if (age > 300_000) rmSync(lock, { force: true });
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

/** Removes the dumps in `dir` made over a day before `now` (a file time: the test clock may be shifted). */
function removeOlderThanADay(dir: string, now: number): void {
  const dayAgo = now - 86_400_000;
  for (const old of readdirSync(dir)) {
    const path = join(dir, old);
    if (old.endsWith('.tar') && (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? dayAgo) < dayAgo)
      rmSync(path, { force: true });
  }
}

/**
 * A dump of `database` that a clone starts from cheaply: taken after a checkpoint (a clone of a dump taken without
 * one replays the write-ahead log since the last checkpoint on every start: about 0.2 s of CPU for the demo), and
 * without the WAL segments a start does not read (the ones before the checkpoint's redo point and the empty ones
 * PostgreSQL recycled ahead of the current one: 32 of the demo dump's 93 MB, which every clone unpacked), and
 * without the folders of the databases the tests never open (template0 and template1: 602 of the template's 1,368
 * files and 15 of its 44 MB; a clone writes each file into PGlite's in-memory file system, path by path).
 */
async function dumpOf(database: Database): Promise<Blob> {
  await database.db.execute(sql`checkpoint`);
  const { rows } = (await database.db.execute(
    sql`select pg_walfile_name(redo_lsn) as redo, pg_walfile_name(pg_current_wal_lsn()) as current,
        (select oid::text from pg_database where datname = current_database()) as own
      from pg_control_checkpoint()`,
  )) as unknown as { rows: { redo: string; current: string; own: string }[] };
  const { redo, current, own } = rows[0]!;
  const tar = new Uint8Array(await (await database.dump!()).arrayBuffer());
  await database.close();
  const unread = (path: string) => {
    const segment = /pg_wal\/([0-9A-F]{24})$/.exec(path)?.[1];
    if (segment !== undefined) return segment < redo || segment > current;
    const folder = /(?:^|\/)base\/(\d+)\//.exec(path)?.[1];
    return folder !== undefined && folder !== own;
  };
  return new Blob([withoutEntries(tar, unread)]);
}

/**
 * A ustar archive without the files whose path `drop` answers true for (PGlite dumps an uncompressed one: a
 * 512-byte header per entry, its size in octal at 124, a name at 0 and a prefix at 345, then the data padded to
 * 512 bytes; two zero blocks end it).
 */
function withoutEntries(tar: Uint8Array, drop: (path: string) => boolean): Uint8Array<ArrayBuffer> {
  const text = (from: number, length: number) =>
    new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, '');
  const kept: Uint8Array[] = [];
  for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    const prefix = text(at + 345, 155);
    if (!drop(prefix ? `${prefix}/${text(at, 100)}` : text(at, 100))) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(new Uint8Array(1024));
  const out = new Uint8Array(kept.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of kept) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function templateBlob(): Promise<Blob> {
  return cachedBlob(`pglite-${migrationsHash()}-own-database`, async () =>
    dumpOf(await openDatabase({ kind: 'pglite', sharedBuffers: TEST_SHARED_BUFFERS })),
  );
}

/** PostgreSQL's buffer pool in test databases: they are small, and a 128MB pool costs 0.6 s of every start. */
const TEST_SHARED_BUFFERS = '16MB';

/**
 * A fresh migrated in-memory PGlite database: an emptied one that a test file of this process closed before (see
 * {@link reusable}), or else a new one cloned from the template (0.4-0.7 s of CPU a start, most of it PostgreSQL's
 * own start-up and the template's files written into PGlite's memory).
 */
export async function openTestPglite(): Promise<Database> {
  const emptied = idle.pop();
  if (emptied) return reusable(emptied);
  const database = await openDatabase({
    kind: 'pglite',
    loadDataDir: await templateBlob(),
    sharedBuffers: TEST_SHARED_BUFFERS,
  });
  const [{ tables }] = (await runSql<{ tables: string }>(
    database,
    `select string_agg(quote_ident(tablename), ', ') as tables from pg_tables where schemaname = 'public'`,
  )) as [{ tables: string }];
  return reusable({
    database,
    shape: await shapeOf(database),
    truncate: `truncate ${tables} restart identity cascade`,
  });
}

/** A test database as opened: its shape (see {@link shapeOf}) and the statement that empties its tables. */
interface Reusable {
  database: Database;
  shape: string;
  truncate: string;
}

/** The emptied test databases of this process. */
const idle: Reusable[] = [];

/**
 * The opened database, whose close() empties it for the next openTestPglite() of this process instead of closing it:
 * every table truncated with its identities restarted and the session's state discarded (70-115 ms, 85-230 ms of
 * CPU, measured on a 2-core machine, against a new start's 400-700 ms of CPU; npm test opened 67 databases for its
 * 130 files, and now 24). It is closed for good instead when emptying could leave something behind: a listener still
 * on, a table, column, function, trigger or constraint that the test added or changed (its shape), or an emptying
 * that fails (a transaction left open, for one).
 */
function reusable(opened: Reusable): Database {
  const { database } = opened;
  let closed = false;
  let listening = 0;
  return {
    ...database,
    listen: async (channel, handlers) => {
      const stop = await database.listen(channel, handlers);
      listening += 1;
      let stopped = false;
      return async () => {
        if (stopped) return;
        stopped = true;
        await stop();
        listening -= 1;
      };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (listening === 0 && (await emptied(opened))) idle.push(opened);
      else await database.close();
    },
  };
}

/** A digest of the user-made catalogue: relations, columns, functions, types, triggers and constraints. */
async function shapeOf(database: Database): Promise<string> {
  const [row] = await runSql<{ shape: string }>(
    database,
    `select md5(string_agg(x, ',' order by x)) as shape from (
      select concat_ws(' ', oid, relname, relkind, relnatts) as x from pg_class where relnamespace = 'public'::regnamespace
      union all select concat_ws(' ', attrelid, attname, atttypid, attnotnull, atthasdef) from pg_attribute
        where attrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace)
      union all select concat_ws(' ', oid, proname) from pg_proc where pronamespace = 'public'::regnamespace
      union all select concat_ws(' ', oid, typname) from pg_type where typnamespace = 'public'::regnamespace
      union all select concat_ws(' ', enumtypid, enumlabel) from pg_enum
      union all select concat_ws(' ', tgname, tgrelid) from pg_trigger
      union all select concat_ws(' ', conname, conrelid) from pg_constraint where connamespace = 'public'::regnamespace
    ) catalogue`,
  );
  return row!.shape;
}

/** Empties a database for reuse; false when it cannot be (its shape changed, or a statement failed). */
async function emptied({ database, shape, truncate }: Reusable): Promise<boolean> {
  try {
    if ((await shapeOf(database)) !== shape) return false;
    await runSql(database, truncate);
    await runSql(database, 'discard all');
    return true;
  } catch {
    return false;
  }
}

/**
 * A fresh in-memory PGlite database cloned from a cached snapshot: the migrated template after `fill` ran on it
 * once. `key` must change whenever what `fill` writes could (the migrations are part of the name already).
 * @example await openTestPgliteSnapshot(`demo-${sourceHash}`, (db) => seedDemo(db, 'pw', { now: TEST_NOW }))
 */
export async function openTestPgliteSnapshot(
  key: string,
  fill: (db: Database['db']) => Promise<unknown>,
): Promise<Database> {
  const blob = await cachedBlob(`pglite-${migrationsHash()}-${key}`, async () => {
    const database = await openTestPglite();
    await fill(database.db);
    return dumpOf(database);
  });
  return openDatabase({ kind: 'pglite', loadDataDir: blob, sharedBuffers: TEST_SHARED_BUFFERS });
}

/** A fresh database on the PostgreSQL server of `serverUrl`, dropped when closed. */
export async function openTestPostgres(
  serverUrl: string,
  options: { onIdleError?: (error: Error) => void } = {},
): Promise<Database> {
  const { default: pg } = await import('pg');
  const name = `kadr_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // pg's pool.end() resolves once its connections are told to close, not once they have: the forced
  // drop below may still end one of them, which is expected then and not worth a line on stderr.
  let closing = false;
  const onIdleError = (error: Error) => {
    if (!closing) (options.onIdleError ?? ((e: Error) => process.stderr.write(`${e.message}\n`)))(error);
  };
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4, onIdleError });
  return {
    ...database,
    close: async () => {
      closing = true;
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

/** The database kinds a `*.db.test.ts` suite runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testDatabaseKinds(): { name: string; open: () => Promise<Database> }[] {
  const kinds = [{ name: 'pglite', open: openTestPglite }];
  const url = process.env.DATABASE_URL;
  if (url) kinds.push({ name: 'postgres', open: () => openTestPostgres(url) });
  return kinds;
}

/**
 * Runs one SQL statement on a test database and answers its rows: for tests that count every table or install a
 * failing trigger, which no repository does.
 * @example await runSql(database, 'select count(*)::int as n from users') // [{ n: 12 }]
 */
export async function runSql<Row = Record<string, unknown>>(
  database: Database,
  text: string,
): Promise<Row[]> {
  const result = (await database.db.execute(sql.raw(text))) as unknown as { rows: Row[] };
  return result.rows;
}

/**
 * An organisation for a test that needs one to hang records on: its short name in every language, in Kazakhstan.
 * @example await organisationsRepository.create(db, testOrganisation('ERG'))
 */
export function testOrganisation(
  shortName: string,
  kind: OrganisationInput['kind'] = 'company',
): OrganisationInput {
  return {
    kind,
    name: { kk: shortName, ru: shortName, en: shortName },
    shortName,
    country: 'KZ',
    city: { kk: '', ru: '', en: '' },
    sector: null,
    priorityAreas: [],
    website: '',
  };
}
