import type { Locale } from '@kadr/contracts';
import { LOCALES } from '../api/vocabulary';

/** Where this browser keeps the reader's last language. */
export const STORAGE_KEY = 'kadr.locale';

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

/**
 * The texts of each language, each its own chunk: the first page downloads only the language it shows
 * (a third of the texts), the others arrive when the reader switches. A chunk is fetched once, however often
 * it is asked for (main.tsx asks for the first language before i18next has loaded).
 */
export const LOCALE_TEXTS: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  kk: () => import('../locales/kk.json'),
  ru: () => import('../locales/ru.json'),
  en: () => import('../locales/en.json'),
};
