import * as contracts from '@kadr/contracts';
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import { loadedWith } from '../loaded-with';
import * as vocabulary from './vocabulary';

const texts = { kk, ru, en };

describe('web vocabulary', () => {
  it('matches the constants of @kadr/contracts value for value', () => {
    expect(vocabulary.ROLES).toEqual(contracts.ROLES);
    expect(vocabulary.LOCALES).toEqual(contracts.LOCALES);
    expect(vocabulary.ORGANISATION_KINDS).toEqual(contracts.ORGANISATION_KINDS);
    expect(vocabulary.PRIORITY_AREAS).toEqual(contracts.PRIORITY_AREAS);
    expect(vocabulary.ORGANISATION_SECTORS).toEqual(contracts.ORGANISATION_SECTORS);
    // The regions' names the server prints (the practice agreement) are the web's.
    for (const lang of ['kk', 'ru', 'en'] as const)
      for (const region of contracts.KZ_REGIONS)
        expect([region, contracts.REGION_NAMES[region][lang]]).toEqual([
          region,
          texts[lang].demand.regions[region],
        ]);
    // So are the priority areas' names (the impact report, the placements dashboard, the gap report's XLSX).
    for (const lang of ['kk', 'ru', 'en'] as const)
      expect(contracts.priorityAreaNamesIn(lang)).toEqual(texts[lang].priorityAreas);
    expect(vocabulary.INVESTMENT_SOURCES).toEqual(contracts.INVESTMENT_SOURCES);
    expect(vocabulary.LEDGER_FIRST_YEAR).toBe(contracts.LEDGER_FIRST_YEAR);
    expect(vocabulary.AGREEMENT_KINDS).toEqual(contracts.AGREEMENT_KINDS);
    expect(vocabulary.AGREEMENT_STATUSES).toEqual(contracts.AGREEMENT_STATUSES);
    expect(vocabulary.IMPORT_KINDS).toEqual(contracts.IMPORT_KINDS);
    expect(vocabulary.KZ_REGIONS).toEqual(contracts.KZ_REGIONS);
    expect(vocabulary.OBLIGATION_KINDS).toEqual(contracts.OBLIGATION_KINDS);
    expect(vocabulary.BRANCH_STATUSES).toEqual(contracts.BRANCH_STATUSES);
    expect(vocabulary.DEGREE_TYPES).toEqual(contracts.DEGREE_TYPES);
    expect(vocabulary.ENROLMENT_STATUSES).toEqual(contracts.ENROLMENT_STATUSES);
    expect(vocabulary.CONSENT_SCOPES).toEqual(contracts.CONSENT_SCOPES);
    expect(vocabulary.GRADE_LETTERS).toEqual(contracts.GRADE_LETTERS);
    expect(vocabulary.EQUIPMENT_CONDITIONS).toEqual(contracts.EQUIPMENT_CONDITIONS);
    expect(vocabulary.BOOKING_PURPOSES).toEqual(contracts.BOOKING_PURPOSES);
    expect(vocabulary.BOOKING_STATUSES).toEqual(contracts.BOOKING_STATUSES);
    expect(vocabulary.AUDIT_ACTIONS).toEqual(contracts.AUDIT_ACTIONS);
    expect(vocabulary.CSRF_HEADER).toBe(contracts.CSRF_HEADER);
    expect(vocabulary.DEFAULT_PAGE_SIZE).toBe(contracts.DEFAULT_PAGE_SIZE);
    expect(vocabulary.PROJECT_KINDS).toEqual(contracts.PROJECT_KINDS);
    expect(vocabulary.PROJECT_STATUSES).toEqual(contracts.PROJECT_STATUSES);
    expect(vocabulary.STORED_MILESTONE_STATUSES).toEqual(contracts.STORED_MILESTONE_STATUSES);
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
