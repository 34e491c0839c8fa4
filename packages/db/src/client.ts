import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './lock.ts';
import * as schema from './schema/index.ts';

/** The database handle every repository takes: a Drizzle database or a transaction on it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which server: the embedded PGlite in a folder (or in memory), or a PostgreSQL server. */
export type DatabaseConfig =
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      /**
       * PostgreSQL's `shared_buffers` (default 128MB). Test databases pass a small one: PGlite spends about 0.6 s of
       * CPU of every start on a 128MB buffer pool, and a test opens a database per file or per test.
       */
      sharedBuffers?: string;
    }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /**
       * Called when an idle pooled connection fails (the server restarted, or an administrator ended
       * the session). The pool drops that connection and opens a new one on the next query; without a
       * listener node-postgres would throw the error and end the process. Default: one line on stderr.
       */
      onIdleError?: (error: Error) => void;
    };

/** What a LISTEN subscription reports (Database.listen). */
export interface NotificationHandlers {
  /** One notification's payload. */
  message(payload: string): void;
  /** Listening started (again): every notification from now on is reported. */
  ready(): void;
  /** The listening connection failed: notifications may be missed until `ready` is called again. */
  lost(): void;
}

/** An open database: the Drizzle handle, its kind, the applied migration and a close function. */
export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  readonly migration: string;
  close(): Promise<void>;
  /**
   * Listens on a notification channel (PostgreSQL's LISTEN/NOTIFY) and answers a function that stops. PGlite
   * reports a notification before the query that committed it resolves. On PostgreSQL a connection of its own
   * (outside the pool) listens; when it fails, `lost` is called and it connects again every second until
   * it listens, then `ready` again.
   * @param channel a lower-case SQL identifier
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
  /** PGlite only: a tarball of the data folder (used to clone migrated test databases fast). */
  dump?(): Promise<Blob>;
}

/** The folder of generated SQL migrations. */
export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** The tag of the newest migration in the folder, e.g. `0000_foundation`. */
export function latestMigration(): string {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.at(-1)?.tag ?? 'none';
}

/**
 * Opens the database and applies pending migrations. A PGlite data folder is locked for the
 * life of the handle; a second process on the same folder gets DataDirLockedError.
 * @example const database = await openDatabase({ kind: 'pglite', dataDir: './data' });
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'pglite') return openPglite(config);
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  pool.on('error', config.onIdleError ?? reportIdleError);
  try {
    const db = drizzle({ client: pool, schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'postgres',
      migration: latestMigration(),
      close: () => pool.end(),
      listen: (channel, handlers) => listenOnPostgres(pg, config.url, checkedChannel(channel), handlers),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

function checkedChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  return channel;
}

/** A connection of its own that LISTENs on `channel`; connects again every second after a failure. */
async function listenOnPostgres(
  pg: typeof import('pg').default,
  url: string,
  channel: string,
  handlers: NotificationHandlers,
): Promise<() => Promise<void>> {
  let current: import('pg').Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lose = (client: import('pg').Client) => {
    if (current !== client) return;
    current = undefined;
    handlers.lost();
    client.end().catch(() => {});
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    retry = setTimeout(() => connect().catch(schedule), 1000);
    retry.unref();
  };
  const connect = async () => {
    const client = new pg.Client({ connectionString: url });
    client.on('notification', (n) => {
      if (n.channel === channel && current === client) handlers.message(n.payload ?? '');
    });
    client.on('error', () => lose(client));
    client.on('end', () => lose(client));
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await client.end();
      return;
    }
    current = client;
    handlers.ready();
  };
  await connect().catch(schedule);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end();
  };
}

function reportIdleError(error: Error): void {
  process.stderr.write(`kadr: an idle PostgreSQL connection failed and was dropped: ${error.message}\n`);
}

type PGliteClient = import('@electric-sql/pglite').PGlite;
type PGliteTransaction = import('@electric-sql/pglite').Transaction;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * What Drizzle uses of a PGlite (`query`, `transaction`), giving the event loop a turn before every query.
 * PGlite runs a query synchronously in this thread and resolves it without a turn of the event loop, so
 * without this a request of many queries held every other request, timer and socket until its last query
 * (a ten-year utilisation report, 14 queries, stalled the server for its whole 0.4-1.2 s). With it the
 * longest stall is one query plus the code between two queries (docs/adr/0010-pglite-in-the-server-thread.md).
 */
function yieldingBetweenQueries(client: PGliteClient): PGliteClient {
  const afterATurn =
    (target: Pick<PGliteTransaction, 'query'>): PGliteTransaction['query'] =>
    async (query, params, options) => {
      await nextTurn();
      return target.query(query, params, options);
    };
  return {
    query: afterATurn(client),
    transaction: (callback) =>
      client.transaction((tx) => callback(Object.assign(Object.create(tx), { query: afterATurn(tx) }))),
  } as Pick<PGliteClient, 'query' | 'transaction'> as PGliteClient;
}

async function openPglite(config: Extract<DatabaseConfig, { kind: 'pglite' }>): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const release = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const settings = [
      ...(config.sharedBuffers ? [`shared_buffers=${config.sharedBuffers}`] : []),
      // In memory (no data folder) the files are Emscripten MEMFS arrays, zero where they grow. PostgreSQL's
      // zero-filling of a new 16 MB WAL segment, 8 KB at a time, made MEMFS reallocate and copy the file about 24
      // times: 60-300 ms of CPU a segment (a round's publication writes about 9 MB of WAL), 1-15 ms without.
      ...(config.dataDir ? [] : ['wal_init_zero=off']),
    ];
    const client = await PGlite.create({
      ...(config.dataDir ? { dataDir: join(config.dataDir, 'pgdata') } : {}),
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
      ...(settings.length > 0
        ? { startParams: [...PGlite.defaultStartParams, ...settings.flatMap((s) => ['-c', s])] }
        : {}),
    });
    const db = drizzle({ client: yieldingBetweenQueries(client), schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      migration: latestMigration(),
      close: async () => {
        await client.close();
        release();
      },
      dump: async () => (await client.dumpDataDir('none')) as Blob,
      listen: async (channel, handlers) => {
        const stop = await client.listen(checkedChannel(channel), handlers.message);
        handlers.ready();
        return async () => {
          if (!client.closed) await stop();
        };
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
