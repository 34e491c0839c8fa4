// Runs the browser journey against a real Kadr server: expects `npm run build` done, starts
// `kadr serve --seed-demo` on a free port with a fresh data folder, waits for /api/health, runs
// e2e/journey.ts with tsx, stops the server and exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const artifacts = join(root, 'e2e/artifacts');
const demoPassword = process.env.KADR_DEMO_PASSWORD ?? 'e2e-demo-password-1';

/** Asks the OS for a port that is free right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no answer from ${baseUrl}/api/health within ${timeoutMs / 1000} s`);
}

function stop(child, signal = 'SIGTERM', graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

async function main() {
  if (!existsSync(join(root, 'packages/web/dist/index.html'))) {
    console.error('packages/web/dist is missing: run `npm run build` first.');
    console.log('0 passed, 1 failed');
    return 1;
  }
  mkdirSync(artifacts, { recursive: true });
  // Failure screenshots of an earlier run would mislead.
  for (const file of readdirSync(artifacts)) if (file.startsWith('failure-')) rmSync(join(artifacts, file));
  const dataDir = mkdtempSync(join(tmpdir(), 'kadr-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(artifacts, 'server.log'));
  // DATABASE_URL, when set, passes through with the rest of the environment (then PostgreSQL is used).
  const env = {
    ...process.env,
    PORT: String(port),
    KADR_DATA_DIR: dataDir,
    KADR_DEMO_PASSWORD: demoPassword,
  };
  const server = spawn(process.execPath, [join(root, 'packages/cli/bin/kadr.mjs'), 'serve', '--seed-demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  console.log(`server pid ${server.pid} on ${baseUrl}, data in ${dataDir} (log: e2e/artifacts/server.log)`);

  let code = 1;
  try {
    await waitForHealth(baseUrl, server, 900_000);
    const journey = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'e2e/only-offers.tmp.ts')], {
      cwd: root,
      env: { ...process.env, KADR_E2E_BASE_URL: baseUrl, KADR_DEMO_PASSWORD: demoPassword },
      stdio: 'inherit',
    });
    const onSignal = () => void stop(journey);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    code = await new Promise((resolve) => journey.once('exit', (c) => resolve(c ?? 1)));
  } catch (error) {
    console.error(`e2e: ${error.message}`);
    console.log('0 passed, 1 failed');
  } finally {
    await stop(server);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return code;
}

process.exitCode = await main();
