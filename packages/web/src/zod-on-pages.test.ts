import { describe, expect, it } from 'vitest';
import { loadedWith } from './loaded-with';

/**
 * The pages that load zod with the page, each with the reason it needs a contract's schema before anyone acts.
 * A page leaves this list when it no longer loads zod (the test says so).
 */
const LOADS_ZOD_AT_ONCE: Record<string, string> = {};

/**
 * The page modules the router loads lazily, as paths (each page's chunk; what they load is `loadedWith`): those it
 * imports itself and those early.ts imports for it (ADR 0016).
 */
async function pageModules(): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const { join, resolve } = await import('node:path');
  const app = join(import.meta.dirname, 'app');
  const texts = await Promise.all(['router.tsx', 'early.ts'].map((f) => readFile(join(app, f), 'utf8')));
  const specifiers = new Set(
    texts.flatMap((text) => [...text.matchAll(/import\('(\.\.?\/[^']+)'\)/g)].map((m) => m[1] as string)),
  );
  return [...specifiers].map((s) => `${resolve(app, s)}.tsx`);
}

describe('zod and the contracts’ schemas on a page', () => {
  it('load when a form dialog opens, not with the page: no page loads zod before anyone acts (ADR 0019)', async () => {
    const pages = await pageModules();
    expect(pages.length).toBeGreaterThan(40);
    const reaching: Record<string, string> = {};
    for (const page of pages) {
      const { zodChain } = await loadedWith(page);
      if (zodChain) reaching[zodChain[0] as string] = zodChain.join(' → ');
    }
    expect(Object.entries(reaching).filter(([page]) => !(page in LOADS_ZOD_AT_ONCE))).toEqual([]);
    expect(Object.keys(LOADS_ZOD_AT_ONCE).filter((page) => !(page in reaching))).toEqual([]);
  });

  it('are reached by the form dialogs the pages load on opening (the walk finds zod where it is)', async () => {
    const lab = await loadedWith(new URL('./material/lab-form-modal.tsx', import.meta.url).pathname);
    expect(lab.zodChain).toEqual([
      'web/src/material/lab-form-modal.tsx',
      'contracts/src/index.ts',
      expect.stringMatching(/^contracts\/src\/[\w-]+\.ts$/),
      'zod',
    ]);
  });
});
