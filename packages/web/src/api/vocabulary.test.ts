import * as contracts from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import { loadedWith } from '../loaded-with';
import * as vocabulary from './vocabulary';

const texts = { kk, ru, en };

describe('web vocabulary', () => {
  it("is the contracts' own lists, from their one module that loads no zod", async () => {
    expect(vocabulary.ROLES).toBe(contracts.ROLES);
    expect(vocabulary.KZ_REGIONS).toBe(contracts.KZ_REGIONS);
    expect(vocabulary.CSRF_HEADER).toBe(contracts.CSRF_HEADER);
    const lists = await loadedWith(
      new URL('../../../contracts/src/vocabularies.ts', import.meta.url).pathname,
    );
    expect(lists.zodChain).toBeUndefined();
    const web = await loadedWith(new URL('./vocabulary.ts', import.meta.url).pathname);
    expect(web.zodChain).toBeUndefined();
  });

  it('names the regions and the priority areas as the server prints them (the practice agreement, the XLSX exports)', () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      for (const region of contracts.KZ_REGIONS)
        expect([region, contracts.REGION_NAMES[region][lang]]).toEqual([
          region,
          texts[lang].demand.regions[region],
        ]);
      expect(contracts.priorityAreaNamesIn(lang)).toEqual(texts[lang].priorityAreas);
    }
  });
});

/** The web app's source files, tests left out, with their text. */
async function sourceFiles(): Promise<{ file: string; text: string }[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const root = join(import.meta.dirname, '..');
  const files = (await readdir(root, { recursive: true })).filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f),
  );
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(root, file), 'utf8') })));
}

describe('the contracts in the web app', () => {
  it('are parsed jitless: the build resolves every import of zod to zod-jitless.ts, which configures it first', async () => {
    const { zodThroughJitless } = await import('../../vite.config.ts');
    const resolveId = zodThroughJitless().resolveId as (source: string, importer?: string) => string | null;
    const jitless = new URL('../zod-jitless.ts', import.meta.url).pathname;
    expect(resolveId('zod', '/work/packages/contracts/src/common.ts')).toBe(jitless);
    expect(resolveId('zod', jitless)).toBeNull();
    expect(resolveId('react', '/work/packages/web/src/main.tsx')).toBeNull();
    const text = (await sourceFiles()).find((f) => f.file === 'zod-jitless.ts')?.text ?? '';
    expect(text.indexOf('z.config({ jitless: true })')).toBeGreaterThan(-1);
    expect(text.indexOf('z.config({ jitless: true })')).toBeLessThan(text.indexOf("export * from 'zod'"));
  });

  it("are not on the first page: nothing main.tsx or the app's start imports statically loads zod (ADR 0014)", async () => {
    // main.tsx loads app/start.tsx at once (ADR 0016), and index.html preloads it: both are the first page.
    const main = await loadedWith(new URL('../main.tsx', import.meta.url).pathname);
    const start = await loadedWith(new URL('../app/start.tsx', import.meta.url).pathname);
    expect(start.files.size).toBeGreaterThan(10);
    expect(main.zodChain).toBeUndefined();
    expect(start.zodChain).toBeUndefined();
  });

  it('are the only place a validation pattern is written', async () => {
    const copies = (await sourceFiles()).flatMap(({ file, text }) =>
      Object.entries(contracts.PATTERNS)
        .filter(([, pattern]) => text.includes(pattern.source))
        .map(([name]) => `${file}: ${name}`),
    );
    expect(copies).toEqual([]);
  });
});
