import type { Locale, Trilingual } from '@kadr/contracts';
import { LOCALES } from '../api/vocabulary';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';

const STORAGE_KEY = 'kadr.locale';

/** Narrows any string to a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The language before sign-in: the one saved in this browser, else the browser's, else Kazakh. */
export function initialLocale(): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'kk';
}

/** The current interface language. */
export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'kk';
}

/** Switches the interface language and remembers it in this browser (used before sign-in too). */
export async function applyLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the language still changes for this page.
  }
  if (i18n.resolvedLanguage !== locale) await i18n.changeLanguage(locale);
}

/**
 * Picks the text of a trilingual field in the given language, falling back to Russian, then Kazakh.
 * @example localized({ kk: 'Ұйым', ru: 'Организация', en: '' }, 'en') // 'Организация'
 */
export function localized(text: Trilingual, locale: Locale): string {
  return text[locale] || text.ru || text.kk || text.en;
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.documentTitle');
});

void i18n.use(initReactI18next).init({
  resources: { kk: { translation: kk }, ru: { translation: ru }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
