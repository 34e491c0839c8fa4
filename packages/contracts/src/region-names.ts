/**
 * The names of the regions of KZ_REGIONS (demand.ts) in kk, ru and en, zod-free, for what the server prints (the
 * practice agreement). The web's texts carry the same names (`demand.regions.*`); a web test keeps them equal.
 */
import type { Region } from './demand.ts';

export const REGION_NAMES: Readonly<Record<Region, { kk: string; ru: string; en: string }>> = {
  abai: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai region' },
  akmola: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola region' },
  aktobe: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe region' },
  almaty_region: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty region' },
  atyrau: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau region' },
  west_kazakhstan: {
    kk: 'Батыс Қазақстан облысы',
    ru: 'Западно-Казахстанская область',
    en: 'West Kazakhstan region',
  },
  zhambyl: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl region' },
  zhetysu: { kk: 'Жетісу облысы', ru: 'Жетысуская область', en: 'Zhetysu region' },
  karaganda: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda region' },
  kostanay: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay region' },
  kyzylorda: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda region' },
  mangystau: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau region' },
  pavlodar: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar region' },
  north_kazakhstan: {
    kk: 'Солтүстік Қазақстан облысы',
    ru: 'Северо-Казахстанская область',
    en: 'North Kazakhstan region',
  },
  turkestan: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkestan region' },
  ulytau: { kk: 'Ұлытау облысы', ru: 'Улытауская область', en: 'Ulytau region' },
  east_kazakhstan: {
    kk: 'Шығыс Қазақстан облысы',
    ru: 'Восточно-Казахстанская область',
    en: 'East Kazakhstan region',
  },
  astana: { kk: 'Астана қаласы', ru: 'Астана', en: 'Astana' },
  almaty: { kk: 'Алматы қаласы', ru: 'Алматы', en: 'Almaty' },
  shymkent: { kk: 'Шымкент қаласы', ru: 'Шымкент', en: 'Shymkent' },
};
