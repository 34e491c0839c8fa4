// Prints, for each page of the router (packages/web/src/app/router.tsx), the gzipped JavaScript it loads when it
// is opened (index.html's scripts, the signed-in shell for a page inside it, the page's chunk and everything
// these import statically; no language file) and whether zod is among it. What loads later is not counted: a form
// dialog loaded when it opens (ADR 0019), a chart or card the page renders through React's lazy(). Builds the web
// app with a manifest into a temporary folder (or reads the one given), so packages/web/dist is not touched.
// `npm run bench:web-pages [-- dist-with-.vite/manifest.json]`
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const web = join(root, 'packages/web');
let dist = process.argv[2];
const built = dist === undefined;
if (built) {
  dist = mkdtempSync(join(tmpdir(), 'kadr-page-sizes-'));
  execFileSync('npx', ['vite', 'build', '--manifest', '--outDir', dist, '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
  });
}
const manifestFile = join(dist, '.vite/manifest.json');
if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build with --manifest`);
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const sizes = new Map();
const gz = (key) => {
  if (!sizes.has(key))
    sizes.set(key, gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length);
  return sizes.get(key);
};

/** The manifest keys the chunks load: themselves and their static imports, transitively. */
function closure(...keys) {
  const seen = new Set();
  const queue = [...keys];
  while (queue.length > 0) {
    const k = queue.shift();
    if (seen.has(k)) continue;
    seen.add(k);
    queue.push(...(manifest[k].imports ?? []));
  }
  return seen;
}

const sum = (keys) => [...keys].reduce((n, k) => n + gz(k), 0);
const isZod = (k) => manifest[k].name === 'zod';
const kB = (n) => (n / 1000).toFixed(1);

// Each createRoute block of the router: its path (or id) and the module its component loads, through import() or a
// loader of early.ts (ADR 0016).
const router = readFileSync(join(web, 'src/app/router.tsx'), 'utf8');
const early = readFileSync(join(web, 'src/app/early.ts'), 'utf8');
const loaders = new Map(
  [...early.matchAll(/export const (\w+) = \(\) => import\('([^']+)'\)/g)].map((m) => [m[1], m[2]]),
);
const routes = router
  .split(/createRoute(?:WithContext<[^>]*>\(\))?\(/)
  .slice(1)
  .map((block) => ({
    path: block.match(/\bpath: '([^']+)'/)?.[1] ?? block.match(/\bid: '([^']+)'/)?.[1],
    module:
      block.match(/import\('(\.\.?\/[^']+)'\)/)?.[1] ??
      loaders.get(block.match(/lazyRouteComponent\((\w+)/)?.[1]),
    inShell: block.includes('getParentRoute: () => appRoute'),
  }))
  .filter((r) => r.path && r.module);
/** A page's chunk: its own entry, or the shared chunk named after it when another page imports it too. */
const keyOf = (module) => {
  const source = join('src/app', module);
  const name = source.slice(source.lastIndexOf('/') + 1);
  const key = manifest[`${source}.tsx`]
    ? `${source}.tsx`
    : Object.values(manifest)
        .flatMap((chunk) => chunk.dynamicImports ?? [])
        .find((k) => manifest[k].name === name);
  if (!key) throw new Error(`no chunk for ${module}`);
  return key;
};

// Every page: index.html's module script and the chunks it preloads (the app's start, ADR 0016), with their imports.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
const entry = closure(
  ...[...html.matchAll(/<script[^>]+src="\/([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)]
    .map((m) => keyOfFile.get(m[1] ?? m[2]))
    .filter((key) => key !== undefined),
);
const shell = new Set([...entry, ...closure(keyOf('./app-layout'))]);
const rows = routes
  .filter((r) => r.path !== 'app')
  .map((r) => {
    const before = r.inShell ? shell : entry;
    const page = closure(keyOf(r.module));
    const own = [...page].filter((k) => !before.has(k));
    const all = new Set([...before, ...page]);
    return { path: r.path, own: sum(own), total: sum(all), zod: [...all].some(isZod) };
  });

const width = Math.max(...rows.map((r) => r.path.length));
console.log(`${'page'.padEnd(width)}  own kB  total kB  zod`);
for (const r of rows)
  console.log(
    `${r.path.padEnd(width)}  ${kB(r.own).padStart(6)}  ${kB(r.total).padStart(8)}  ${r.zod ? 'yes' : 'no'}`,
  );
const withZod = rows.filter((r) => r.zod).length;
console.log(
  `${rows.length} pages, ${withZod} load zod; every page loads ${kB(sum(entry))} kB, the signed-in shell ${kB(sum(shell))} kB ` +
    '(gzip JavaScript, no language file; own: beyond the shell, or for a page outside it beyond what every page loads)',
);
if (built) rmSync(dist, { recursive: true, force: true });
