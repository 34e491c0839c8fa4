import { expect } from 'vitest';

/**
 * Asserts that a text of the demo is written in each of kk, ru and en: none empty, the Kazakh not a copy of the
 * Russian, the English without Cyrillic, and no Latin in the Kazakh or Russian (a mixed "ru / en" text was the
 * single-language data issue 9 §7 found).
 */
export function expectInThreeLanguages(text: { kk: string; ru: string; en: string }): void {
  expect(
    [text.kk, text.ru, text.en].every((s) => s.trim().length > 0),
    text.ru,
  ).toBe(true);
  expect(text.kk, `the Kazakh of "${text.ru}" is the Russian`).not.toBe(text.ru);
  expect(text.en, `the English of "${text.ru}" has Cyrillic`).not.toMatch(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
  expect(`${text.kk} ${text.ru}`, `Latin in the Kazakh or Russian of "${text.ru}"`).not.toMatch(/[A-Za-z]/);
}
