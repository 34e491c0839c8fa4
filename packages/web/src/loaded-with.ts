/**
 * Test support, imported by tests only: what loading a module of the web app brings with it, from the source.
 * Its static imports (a chunk loads them before it runs) and the components it renders through React's `lazy()`
 * (they load as soon as they render), transitively. `import type` is erased and any other dynamic `import()` (a
 * dialog of `lazyDialog`, a schema loaded on the first keystroke) loads later, on an action, so neither is
 * followed. Packages other than the contracts are not followed either; an import of zod is recorded.
 */

/** What loading a module brings. */
export interface LoadedWith {
  /** Every source file reached, the module itself included. */
  files: Set<string>;
  /** The chain of files (relative to packages/) from the module to the first one that imports zod, if any. */
  zodChain: string[] | undefined;
}

/** Walks from `entry` (a path) into the web app's and the contracts' source files. */
export async function loadedWith(entry: string): Promise<LoadedWith> {
  const { readFile } = await import('node:fs/promises');
  const { existsSync } = await import('node:fs');
  const { dirname, join, relative, resolve } = await import('node:path');
  const packages = join(import.meta.dirname, '../..');
  const contractsSrc = join(packages, 'contracts/src');
  /** The file a specifier names, or undefined for a package other than the contracts. */
  const fileOf = (specifier: string, from: string): string | undefined => {
    if (specifier === '@kadr/contracts') return join(contractsSrc, 'index.ts');
    if (specifier.startsWith('@kadr/contracts/')) return join(contractsSrc, `${specifier.slice(16)}.ts`);
    if (!specifier.startsWith('.')) return undefined;
    const base = resolve(dirname(from), specifier);
    return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (f) => /\.tsx?$/.test(f) && existsSync(f),
    );
  };
  const parent = new Map<string, string | undefined>([[entry, undefined]]);
  const chainTo = (file: string): string[] => {
    const chain: string[] = [];
    for (let f: string | undefined = file; f !== undefined; f = parent.get(f))
      chain.unshift(relative(packages, f));
    return chain;
  };
  let zodChain: string[] | undefined;
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const text = await readFile(file, 'utf8');
    // Static imports and re-exports that keep a value (`import type` is erased), and `lazy(() => import(…))`.
    const statics = text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\s+from\s+)?'([^']+)'/gms);
    const lazies = text.matchAll(/\blazy\(\s*\(\)\s*=>\s*import\('([^']+)'\)/g);
    for (const m of [...statics, ...lazies]) {
      const specifier = m[1] as string;
      if (zodChain === undefined && (specifier === 'zod' || specifier.startsWith('zod/')))
        zodChain = [...chainTo(file), 'zod'];
      const next = fileOf(specifier, file);
      if (next === undefined || parent.has(next)) continue;
      parent.set(next, file);
      queue.push(next);
    }
  }
  return { files: new Set(parent.keys()), zodChain };
}
