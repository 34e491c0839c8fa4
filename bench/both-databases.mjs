// Runs a benchmark's measure script (a tsx file that prints its result as JSON on its last line) on PGlite and on
// PostgreSQL, each in its own process; PostgreSQL is a fresh database from scripts/with-postgres.mjs (DATABASE_URL's
// server, the local one, or a throwaway server). `--only pglite|postgres` on the command line picks one.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, commandArgs) {
  return new Promise((done, fail) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) fail(new Error(`${commandArgs.join(' ')} exited with ${code}`));
      else done(JSON.parse(line));
    });
  });
}

/**
 * The results of `measure` (a path under the repository) on each database asked for, and a line on the machine.
 * @example const results = await measureOnBothDatabases('bench/passport/measure.ts');
 */
export async function measureOnBothDatabases(measure) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
  if (only !== undefined && only !== 'pglite' && only !== 'postgres') {
    console.error(`--only takes pglite or postgres, not ${only ?? 'nothing'}`);
    process.exit(2);
  }
  const tsx = join(root, 'node_modules/.bin/tsx');
  const script = join(root, measure);
  const results = [];
  if (only !== 'postgres') results.push(await run(tsx, [script, 'pglite']));
  if (only !== 'pglite')
    results.push(
      await run(process.execPath, [join(root, 'scripts/with-postgres.mjs'), tsx, script, 'postgres']),
    );
  console.log(
    `machine: ${cpus().length} cores, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  return results;
}
