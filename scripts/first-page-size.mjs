// Prints the gzipped size of the JavaScript the first page loads: index.html's module script and
// everything it imports statically (its modulepreloads), the sign-in page's chunk and its static imports
// (a lazy route, but a visitor without a session loads it at once), plus the largest of the locale chunks,
// since the page loads exactly one language on start. zod and the sign-in schema are not in it: the sign-in
// form loads them when the visitor first types (ADR 0014). Run after `npm run build`: `npm run bench:web-size`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? new URL('../packages/web/dist/', import.meta.url).pathname;
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = readdirSync(join(dist, 'assets'));
const seen = new Set();
let total = 0;

/** Adds the files and everything they import statically, once each. */
function load(files) {
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    total += gz(file);
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w${}*,\s]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(join(dirname(file), m[1]));
    }
  }
}

load(
  [...html.matchAll(/<script[^>]+src="\/([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g)].map(
    (m) => m[1] ?? m[2],
  ),
);
const everyPage = total;
const signIn = assets.filter((f) => /^sign-in-page-[\w-]+\.js$/.test(f));
if (signIn.length !== 1) throw new Error(`expected one sign-in page chunk, found ${signIn.length}`);
load([join('assets', signIn[0])]);
const locales = assets
  .filter((f) => /^(kk|ru|en)-[\w-]+\.js$/.test(f))
  .map((f) => ({ f, size: gz(join('assets', f)) }));
const largest = Math.max(...locales.map((l) => l.size));
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`every page, before its own chunk: ${kB(everyPage)} gzip`);
console.log(
  `first page: ${seen.size} files, ${kB(total)} gzip with the sign-in page; one language up to ${kB(largest)}`,
);
console.log(`first page with its language: ${kB(total + largest)} gzip (budget 220 kB)`);
