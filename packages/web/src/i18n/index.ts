import type { Locale } from '@kadr/contracts';
import { LOCALES } from '../api/vocabulary';
import { formatNumber } from '../components/number-format';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLocale, isLocale, LOCALE_TEXTS, STORAGE_KEY } from './first-locale';

export { initialLocale, isLocale } from './first-locale';

/** The current interface language. */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'kk';
}

/** Loads the texts of `locale` into i18next once; later calls return at once. */
export async function loadLocale(locale: Locale): Promise<void> {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const { default: texts } = await LOCALE_TEXTS[locale]();
  i18n.addResourceBundle(locale, 'translation', texts, true, true);
}

/** Switches the interface language and remembers it in this browser (used before sign-in too). */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the language still changes for this page.
  }
  await loadLocale(locale);
  if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
}

/**
 * A country's name in the reader's language, from its ISO code (`KZ`: «Қазақстан», «Казахстан», "Kazakhstan"),
 * from the texts (scripts/country-names.mjs) rather than the browser, which has no Kazakh names; a code it does
 * not know is shown as it is.
 */
export function countryName(code: string): string {
  return code ? i18n.t(`countries.${code}`, { defaultValue: code }) : '';
}

/** The text of a trilingual field in the reader's language (one rule with the server's PDFs and workbooks). */
export { localized } from '@kadr/contracts/localized';

/**
 * Makes `{{count, number}}` in the texts group as the reader's language does (number-format.ts), not as the
 * browser's Intl data would (Chromium has no Kazakh number data).
 */
export function addNumberFormat(instance: typeof i18n): void {
  instance.services.formatter?.add('number', (value, lng) => formatNumber(value, isLocale(lng) ? lng : 'kk'));
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.documentTitle');
});

/**
 * Starts i18next in `locale` (the first language: main.tsx has asked for its texts already) with its texts
 * loaded; the app renders after this resolves.
 * No fallback language: every key exists in kk, ru and en (locales.test.ts), and a fallback would
 * mean downloading a second language up front.
 */
export async function initI18n(locale: Locale = initialLocale()): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: {},
    partialBundledLanguages: true,
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  addNumberFormat(i18n);
  await loadLocale(locale);
  // The bundle arrived after init: announce the language again so the title and <html lang> follow.
  await i18n.changeLanguage(locale);
}

export { i18n };
