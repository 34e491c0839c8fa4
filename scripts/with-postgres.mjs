#!/usr/bin/env node
// Runs a command against a fresh, empty, uniquely named PostgreSQL database:
//   node scripts/with-postgres.mjs <command> [args...]
// Server, in this order: DATABASE_URL's server if set; else the one on 127.0.0.1:5432 if it answers; else a
// throwaway server (Debian's binaries, installed with apt-get if missing) in a temp folder on a free port.
// KADR_PG_THROWAWAY=1 skips the first two. The database (and a throwaway server) is removed afterwards, also
// on failure and on SIGINT/SIGTERM/SIGHUP; the exit code is the command's (128+n if it died by signal n).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_LIB = '/usr/lib/postgresql';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const isRoot = process.getuid?.() === 0;

const log = (msg) => process.stderr.write(`with-postgres: ${msg}\n`);
process.stderr.on('error', () => {}); // a closed stderr (the reader was killed) must not stop the cleanup
const redact = (url) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Helper programs still running (initdb, pg_ctl, ...), so that a signal can end them before cleanup. */
const helpers = new Map();

/** Runs a program; resolves { code, out } (out = stdout+stderr) and never rejects. */
function run(cmd, args, opts = {}) {
  let proc;
  const done = new Promise((resolve) => {
    proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    const collect = (d) => {
      out += d;
    };
    proc.stdout.on('data', collect);
    proc.stderr.on('data', collect);
    proc.on('error', (err) => resolve({ code: 127, out: `${out}${err.message}\n` }));
    proc.on('close', (code, signal) =>
      resolve({ code: code ?? 128 + (constants.signals[signal] ?? 0), out }),
    );
  });
  helpers.set(proc, done);
  return done.finally(() => helpers.delete(proc));
}

/** Ends the helper programs that are still running and waits for them. */
async function stopHelpers() {
  const running = [...helpers];
  for (const [proc] of running) proc.kill('SIGTERM');
  await Promise.all(running.map(([, done]) => done));
}

/** Runs a program as the postgres user when we are root (PostgreSQL refuses to run as root). */
function runAsPostgres(cmd, args, opts) {
  return isRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args], opts) : run(cmd, args, opts);
}

async function mustRun(what, promise) {
  const { code, out } = await promise;
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${out.trim()}`);
  return out;
}

/** Runs SQL statements (one connection, in order) through the `pg` package, or psql if pg is not installed. */
async function sql(url, statements) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch {
    for (const s of statements) {
      const env = { ...process.env, PGCONNECT_TIMEOUT: '5' };
      await mustRun('psql', run('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', s], { env }));
    }
    return;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {}); // a server shutting down under us must not crash the cleanup
  try {
    await client.connect();
    for (const s of statements) await client.query(s);
  } finally {
    await client.end().catch(() => {});
  }
}

const answers = (url) =>
  sql(url, ['select 1']).then(
    () => true,
    () => false,
  );

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The bin folder of the newest PostgreSQL under /usr/lib/postgresql, or undefined. */
function findPgBin() {
  if (!existsSync(PG_LIB)) return undefined;
  return readdirSync(PG_LIB)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && existsSync(path.join(PG_LIB, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(PG_LIB, v, 'bin'))[0];
}

async function installPostgres() {
  if (!isRoot) throw new Error(`no PostgreSQL binaries under ${PG_LIB}; install Debian's postgresql package`);
  log("no PostgreSQL binaries found; installing Debian's postgresql package");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await mustRun('apt-get update', run('apt-get', ['-o', 'Acquire::Retries=3', 'update'], { env }));
  const args = ['install', '-y', '--no-install-recommends', '-o', 'Acquire::Retries=3', 'postgresql'];
  await mustRun('apt-get install postgresql', run('apt-get', args, { env }));
}

async function ensurePostgresUser() {
  if (!isRoot || (await run('id', ['-u', 'postgres'])).code === 0) return;
  const args = ['--system', '--user-group', '--home-dir', '/var/lib/postgresql', '--shell', '/bin/bash'];
  await mustRun('useradd postgres', run('useradd', [...args, 'postgres']));
}

/** State of a throwaway server, kept so that cleanup can stop it whatever step we are at. */
const throwaway = { dir: undefined, bin: undefined, started: false };

async function startThrowaway() {
  let bin = findPgBin();
  if (!bin) {
    await installPostgres();
    bin = findPgBin();
    if (!bin) throw new Error(`postgresql installed but no initdb under ${PG_LIB}/*/bin`);
  }
  await ensurePostgresUser();
  checkpoint();
  throwaway.bin = bin;
  // As root, /tmp rather than $TMPDIR: the postgres user must be able to reach the folder.
  throwaway.dir = mkdtempSync(path.join(isRoot ? '/tmp' : tmpdir(), 'kadr-pg-'));
  const data = path.join(throwaway.dir, 'data');
  if (isRoot) {
    mkdirSync(data, { mode: 0o700 });
    const uid = Number((await mustRun('id -u', run('id', ['-u', 'postgres']))).trim());
    const gid = Number((await mustRun('id -g', run('id', ['-g', 'postgres']))).trim());
    chownSync(throwaway.dir, uid, gid);
    chownSync(data, uid, gid);
  }
  const cwd = throwaway.dir; // runuser keeps the cwd, which postgres may not be allowed to enter
  const initdb = ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
  await mustRun('initdb', runAsPostgres(path.join(bin, 'initdb'), initdb, { cwd }));
  checkpoint();

  // A free port can be taken between the probe and the bind: try a few.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const opts = `-h 127.0.0.1 -p ${port} -k ${throwaway.dir} -c fsync=off -c full_page_writes=off`;
    const logFile = path.join(throwaway.dir, 'server.log');
    const args = ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', opts, 'start'];
    // detached: its own process group, so a Ctrl-C meant for the command does not stop the server under it.
    throwaway.started = true;
    const { code, out } = await runAsPostgres(path.join(bin, 'pg_ctl'), args, { cwd, detached: true });
    checkpoint();
    if (code === 0) return `postgres://postgres@127.0.0.1:${port}/postgres`;
    const serverLog = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    if (attempt >= 3) throw new Error(`pg_ctl start failed (exit ${code}):\n${out}${serverLog}`.trim());
    log(`pg_ctl start failed on port ${port}, retrying`);
  }
}

async function stopThrowaway() {
  const { dir, bin, started } = throwaway;
  throwaway.dir = undefined;
  if (!dir) return;
  const data = path.join(dir, 'data');
  if (started && existsSync(path.join(data, 'postmaster.pid'))) {
    const args = ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop'];
    const { code, out } = await runAsPostgres(path.join(bin, 'pg_ctl'), args, { cwd: dir });
    if (code !== 0) {
      log(`pg_ctl stop failed, killing the server:\n${out.trim()}`);
      try {
        const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGKILL');
      } catch {}
    }
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

let admin; // URL of a maintenance database on the chosen server
let dbName; // the test database, set just before it is created
let child; // the command, while it runs
let cleaning;

async function cleanup() {
  cleaning ??= (async () => {
    await stopHelpers();
    if (admin && dbName) {
      const quoted = `"${dbName}"`;
      const kick = `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${dbName}' and pid <> pg_backend_pid()`;
      await sql(admin, [kick, `drop database if exists ${quoted}`]).catch((err) =>
        log(`could not drop database ${dbName}: ${err.message}`),
      );
    }
    await stopThrowaway().catch((err) => log(`could not stop the throwaway server: ${err.message}`));
  })();
  return cleaning;
}

let signalled; // the first SIGINT/SIGTERM/SIGHUP received

/** Throws once a signal has arrived, so that setup stops at the next step and cleanup runs. */
function checkpoint() {
  if (signalled) throw new Error(`stopped by ${signalled}`);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    signalled ??= sig;
    // The command ends first (cleanup follows when it has exited); during setup, end the helper running now.
    if (child) child.kill(sig);
    else for (const [proc] of helpers) proc.kill('SIGTERM');
  });
}

// A bug here must not leave a server or a database behind.
process.on('uncaughtException', (err) => {
  log(`internal error: ${err.stack ?? err}`);
  child?.kill('SIGTERM');
  cleanup().finally(() => process.exit(1));
});

async function main() {
  const command = process.argv.slice(2);
  if (command.length === 0) {
    log('usage: node scripts/with-postgres.mjs <command> [args...]');
    return 2;
  }

  const forceThrowaway = process.env.KADR_PG_THROWAWAY === '1';
  let where;
  if (!forceThrowaway && process.env.DATABASE_URL) {
    admin = process.env.DATABASE_URL;
    const u = new URL(admin);
    where = `the server from DATABASE_URL (${u.hostname || 'socket'}:${u.port || 5432})`;
  } else if (!forceThrowaway && (await answers(LOCAL_URL))) {
    admin = LOCAL_URL;
    where = 'the local server on 127.0.0.1:5432';
  } else {
    admin = await startThrowaway();
    where = `a throwaway server (${throwaway.bin}) on ${new URL(admin).host}, data in ${throwaway.dir}`;
  }

  checkpoint();
  const name = `kadr_test_${randomBytes(6).toString('hex')}`;
  dbName = name; // before creating it: a signal during `create database` must still drop it
  await sql(admin, [`create database "${name}"`]);
  checkpoint();
  const url = withDatabase(admin, name);
  log(`using ${where}, database ${name}${forceThrowaway ? ' (KADR_PG_THROWAWAY=1)' : ''}`);

  // npm run puts node_modules/.bin on PATH; do the same when the script is called directly.
  const PATH = [path.join(repoRoot, 'node_modules', '.bin'), process.env.PATH]
    .filter(Boolean)
    .join(path.delimiter);
  child = spawn(command[0], command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH, DATABASE_URL: url },
  });
  return await new Promise((resolve) => {
    child.on('error', (err) => {
      log(`cannot run ${command[0]}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

let exitCode;
try {
  exitCode = await main();
} catch (err) {
  if (!signalled) log(redact(err instanceof Error ? err.message : String(err)));
  exitCode = 1;
}
await cleanup();
// Stopped by a signal before the command ran: exit as that signal would have.
process.exit(signalled && !child ? 128 + constants.signals[signalled] : exitCode);
