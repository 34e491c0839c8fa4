import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/kadr.mjs', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [bin, 'serve', '--seed-demo'], {
    env: { ...process.env, KADR_LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('kadr serve', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('serves the API with demo data, and a second process on the same data folder refuses to start', {
    timeout: 180_000,
  }, async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'kadr-serve-')), 'data');
    const port = await freePort();
    const first = run({
      KADR_DATA_DIR: dataDir,
      PORT: String(port),
      KADR_DEMO_PASSWORD: 'demo-password-1',
      KADR_LOG_LEVEL: 'info',
    });
    children.push(first.child);
    await waitFor(() => first.output().includes('Kadr is serving'), 150_000);
    expect(first.output()).toMatch(/Seeded the demo university/);

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'partner2@demo.kadr.kz', password: 'demo-password-1' }),
    });
    expect(login.status).toBe(200);
    expect(await login.json()).toMatchObject({ organisationName: 'KAZ Minerals Bozshakol' });

    const second = run({ KADR_DATA_DIR: dataDir, PORT: String(await freePort()) });
    children.push(second.child);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/data folder .* is locked: it is in use by another Kadr process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'kadr.lock'))).toBe(false);
    // The log lines are gathered before they are written; a clean shutdown writes them all.
    const lines = first
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.req.url)).toEqual([
      '/api/health',
      '/api/auth/login',
    ]);
  });
});
