import {
  AUDIT_ENTITIES,
  COUNTRY_CODES,
  errorCatalogue,
  ORGANISATION_KINDS,
  PRIORITY_AREAS,
  ROLES,
} from '@kadr/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';

const LOCALES = { kk, ru, en } as const;
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens nested keys to `a.b.c` paths with their values. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [key, value] of Object.entries(tree)) {
      for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, tree);
  }
  return out;
}

/** Keys with plural suffixes folded into one base key: each language has its own plural forms. */
function baseKeys(tree: unknown): string[] {
  return [...new Set([...flatten(tree).keys()].map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();
}

describe('locale files', () => {
  it('have the same keys in kk, ru and en', () => {
    const reference = baseKeys(en);
    expect(baseKeys(kk)).toEqual(reference);
    expect(baseKeys(ru)).toEqual(reference);
  });

  it('have no empty or non-string values', () => {
    for (const [lang, tree] of Object.entries(LOCALES)) {
      for (const [key, value] of flatten(tree)) {
        expect(typeof value === 'string' && value.trim().length > 0, `${lang}: ${key}`).toBe(true);
      }
    }
  });

  it('give every plural key the forms the language needs', () => {
    for (const [lang, tree] of Object.entries(LOCALES)) {
      const keys = [...flatten(tree).keys()];
      const plurals = new Set(
        keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')),
      );
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const base of plurals) {
        for (const category of categories)
          expect(keys, `${lang}: ${base}_${category}`).toContain(`${base}_${category}`);
      }
    }
  });

  it('use the same interpolation variables in every language', () => {
    const variables = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const reference = new Map([...flatten(en)].map(([k, v]) => [k.replace(PLURAL_SUFFIX, ''), variables(v)]));
    for (const tree of [kk, ru]) {
      for (const [key, value] of flatten(tree)) {
        expect(variables(value), key).toEqual(reference.get(key.replace(PLURAL_SUFFIX, '')));
      }
    }
  });

  it('translate every API error code, role, organisation kind, priority area and audited kind of record', () => {
    for (const [lang, tree] of Object.entries(LOCALES)) {
      const keys = new Set(baseKeys(tree));
      const needed = [
        ...Object.keys(errorCatalogue).map((code) => `errors.${code}`),
        ...ROLES.flatMap((role) => [`roles.${role}`, `roleAbout.${role}`]),
        ...ORGANISATION_KINDS.map((kind) => `orgKinds.${kind}`),
        ...PRIORITY_AREAS.map((area) => `priorityAreas.${area}`),
        ...AUDIT_ENTITIES.map((entity) => `auditEntities.${entity}`),
      ];
      for (const key of needed) expect(keys.has(key), `${lang}: ${key}`).toBe(true);
    }
  });

  it("keep the glossary's terms: no text uses a word docs/glossary.md rules out", () => {
    const glossary = readFileSync(new URL('../../../../docs/glossary.md', import.meta.url), 'utf8');
    const word = (w: string) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'iu');
    // Each entry names the word as the glossary quotes it, and how to find it (a stem where every form is wrong).
    const ruledOut = {
      kk: [
        ['жүктеу', /жүктеу/iu], // download is «жүктеп алу», upload «жүктеп салу»
        ['жекеменшік', /жекеменшік/iu],
        ['әрекетте', word('әрекетте')], // «Әрекеттер» (actions) is another word
        ['қиылысады', /қиылыс/iu],
        ['саралау', /сарала/iu],
        ['құрылды', word('құрылды')],
        ['болдырмау', /болдырма/iu],
        ['күйі', word('күйі')],
        ['біздің университет', /біздің университет/iu],
      ],
      ru: [
        ['наш университет', /наш университет/iu],
        ['степень', /степен/iu],
      ],
    } as const;
    for (const [lang, terms] of Object.entries(ruledOut)) {
      const texts = [...flatten(LOCALES[lang as 'kk' | 'ru'])];
      for (const [term, pattern] of terms) {
        expect(glossary, `the glossary rules out «${term}»`).toContain(`«${term}»`);
        const found = texts.filter(([, value]) => pattern.test(String(value))).map(([key]) => key);
        expect(found, `${lang} texts with «${term}»`).toEqual([]);
      }
    }
  });

  it('are real translations: Kazakh and Russian differ from English', () => {
    const english = flatten(en);
    const same = (tree: unknown) =>
      [...flatten(tree)].filter(([key, value]) => english.get(key) === value && String(value).length > 12);
    expect(same(kk)).toEqual([]);
    expect(same(ru)).toEqual([]);
  });

  it('hold every key the code asks for by name, in every language', () => {
    const src = new URL('..', import.meta.url).pathname;
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'),
    );
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(300);
    for (const [lang, tree] of Object.entries(LOCALES)) {
      const keys = new Set(baseKeys(tree));
      const missing = [...used].filter((key) => !keys.has(key));
      expect(missing, lang).toEqual([]);
    }
  });

  it('name every country code the contracts accept, in each language (the browser has no Kazakh names)', () => {
    for (const [lang, tree] of Object.entries(LOCALES)) {
      const countries = (tree as unknown as { countries: Record<string, string> }).countries;
      expect(Object.keys(countries).sort(), lang).toEqual([...COUNTRY_CODES].sort());
    }
    expect([kk.countries.KZ, ru.countries.KZ, en.countries.KZ]).toEqual([
      'Қазақстан',
      'Казахстан',
      'Kazakhstan',
    ]);
    expect([kk.countries.GB, kk.countries.SE, kk.countries.ES]).toEqual(['Ұлыбритания', 'Швеция', 'Испания']);
  });
});
