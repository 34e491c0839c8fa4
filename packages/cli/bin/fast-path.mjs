// Fast path of the `kadr` command for batch allocation (`kadr allocate --format hr1 ...`).
//
// Why: the full CLI loads every command through tsx, which transforms TypeScript at load time and
// costs about 0.3-0.5 s before any work starts. This path runs the same TypeScript sources
// (packages/cli/src/commands/allocate-hr1.ts and the core engine it imports) bundled once by
// esbuild into packages/cli/dist/ (gitignored). The bundle is rebuilt whenever one of its input
// files changes (checked by mtime and size), so it can never run stale code. Anything unexpected
// (esbuild missing, unwritable folder, other arguments) falls back to the full CLI.
// See docs/allocation-performance.md.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(cliRoot, 'src/commands/allocate-hr1.ts');
const bundle = join(cliRoot, 'dist/allocate-hr1.mjs');
const manifest = join(cliRoot, 'dist/allocate-hr1.inputs.json');

/**
 * Runs argv through the bundled allocate-hr1 module when it is an HR1 allocation.
 * @param {string[]} argv the arguments after `kadr`
 * @returns {Promise<number | undefined>} the exit code, or undefined to let the full CLI run
 */
export async function runFastPath(argv) {
  if (argv[0] !== 'allocate' || !isHr1Format(argv)) return undefined;
  const module = await loadBundle();
  if (!module) return undefined;
  return module.runAllocateHr1FastPath(argv);
}

function isHr1Format(argv) {
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--format=hr1' || (argv[i] === '--format' && argv[i + 1] === 'hr1')) return true;
  }
  return false;
}

async function loadBundle() {
  try {
    if (!isFresh()) await buildBundle();
    return await import(pathToFileURL(bundle).href);
  } catch {
    return undefined;
  }
}

function isFresh() {
  try {
    const inputs = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const [path, stamp] of Object.entries(inputs)) {
      const stat = statSync(path);
      if (`${stat.mtimeMs}:${stat.size}` !== stamp) return false;
    }
    return statSync(bundle).isFile();
  } catch {
    return false;
  }
}

async function buildBundle() {
  const esbuild = importEsbuild();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: cliRoot,
  });
  const inputs = {};
  for (const path of Object.keys(result.metafile.inputs)) {
    const absolute = resolve(cliRoot, path);
    const stat = statSync(absolute);
    inputs[absolute] = `${stat.mtimeMs}:${stat.size}`;
  }
  mkdirSync(dirname(bundle), { recursive: true });
  // Temporary file + rename: a concurrent run never imports a half-written bundle.
  const temporary = `${bundle}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].text);
  renameSync(temporary, bundle);
  writeFileSync(`${manifest}.${process.pid}.tmp`, JSON.stringify(inputs, null, 1));
  renameSync(`${manifest}.${process.pid}.tmp`, manifest);
}

/** esbuild comes with tsx, a dependency of @kadr/cli: resolve it from there, else from the hoisted copy. */
function importEsbuild() {
  const require = createRequire(import.meta.url);
  try {
    return createRequire(require.resolve('tsx/package.json'))('esbuild');
  } catch {
    return require('esbuild');
  }
}
