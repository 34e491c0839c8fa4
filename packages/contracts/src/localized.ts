/**
 * The reader's-language rule for trilingual text, apart from common.ts: common.ts builds zod schemas when it
 * loads, and the web's first page (i18n/index.ts) uses this function without loading zod or any schema.
 */

/** The languages of a trilingual text (the same members as `Locale` in common.ts). */
type Language = 'kk' | 'ru' | 'en';

/**
 * The text of a trilingual field in the reader's language, falling back to Russian, then Kazakh, then English
 * (the order docs/glossary.md documents; web pages, PDFs and workbooks all use it).
 * @example localized({ kk: 'Ұйым', ru: 'Организация', en: '' }, 'en') // 'Организация'
 */
export function localized(text: Readonly<Record<Language, string>>, locale: Language): string {
  return text[locale] || text.ru || text.kk || text.en;
}
