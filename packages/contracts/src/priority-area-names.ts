/**
 * The names of the priority areas in kk, ru and en, zod-free, for what the server prints (the impact report, the
 * placements dashboard and the gap report's XLSX). The web's texts carry the same names (`priorityAreas.*`); a web
 * test keeps them equal.
 */
import type { PriorityArea } from './organisations.ts';

export const PRIORITY_AREA_NAMES: Readonly<Record<PriorityArea, { kk: string; ru: string; en: string }>> = {
  petrochemistry: { kk: 'Мұнай-химия', ru: 'Нефтехимия', en: 'Petrochemistry' },
  metallurgy: { kk: 'Металлургия', ru: 'Металлургия', en: 'Metallurgy' },
  energy: { kk: 'Энергетика', ru: 'Энергетика', en: 'Energy' },
  it: { kk: 'АТ', ru: 'ИТ', en: 'IT' },
};

/** The names of the priority areas in one language, by area. */
export function priorityAreaNamesIn(lang: 'kk' | 'ru' | 'en'): Record<PriorityArea, string> {
  const names = {} as Record<PriorityArea, string>;
  for (const [area, name] of Object.entries(PRIORITY_AREA_NAMES)) names[area as PriorityArea] = name[lang];
  return names;
}
