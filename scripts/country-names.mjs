// Writes the `countries` section of the web app's kk, ru and en texts: the name of each code in COUNTRY_CODES
// (packages/contracts/src/rules.ts, the codes ISO 3166-1 assigns) in each language, from Unicode's CLDR data as
// Node's ICU holds it. The browser cannot be asked at run time: Chromium ships no Kazakh region names (it
// answers "Kazakhstan" for kk). Run again after changing the list: `node scripts/country-names.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const rules = readFileSync(new URL('../packages/contracts/src/rules.ts', import.meta.url), 'utf8');
const list = rules.match(/export const COUNTRY_CODES[^=]*= \(([^)]*)\)/)?.[1];
if (!list) throw new Error('COUNTRY_CODES not found in packages/contracts/src/rules.ts');
const codes = [...list.matchAll(/[A-Z]{2}/g)].map((m) => m[0]);

for (const locale of ['kk', 'ru', 'en']) {
  const file = new URL(`../packages/web/src/locales/${locale}.json`, import.meta.url);
  const texts = JSON.parse(readFileSync(file, 'utf8'));
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  texts.countries = Object.fromEntries(
    codes.map((code) => {
      const name = names.of(code);
      if (!name) throw new Error(`no ${locale} name for ${code} in this Node's ICU`);
      return [code, name];
    }),
  );
  writeFileSync(file, `${JSON.stringify(texts, null, 2)}\n`);
}
console.log(
  `${codes.length} country names written in kk, ru and en (ICU ${process.versions.icu}, CLDR ${process.versions.cldr})`,
);
