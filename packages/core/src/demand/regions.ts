/**
 * Where supply lands, by region (issue 13 item 2), pure. Kadr knows places as free text (an organisation's city, a
 * practice offer's region written by the partner); the gap report needs the codes of the 17 regions and 3 cities of
 * republican significance that demand lines use (KZ_REGIONS in @kadr/contracts). This file reads a place's name
 * into that code.
 */

/** Names of each region's code: the region's own and its main towns, in English (with usual spellings) and Russian. */
const PLACES: Record<string, readonly string[]> = {
  abai: ['abai', 'abay', 'абай', 'semey', 'semei', 'semipalatinsk', 'семей', 'семипалатинск', 'kurchatov'],
  akmola: [
    'akmola',
    'акмолинская',
    'ақмола',
    'kokshetau',
    'кокшетау',
    'көкшетау',
    'stepnogorsk',
    'степногорск',
  ],
  aktobe: ['aktobe', 'aqtobe', 'актобе', 'ақтөбе', 'актюбинская', 'khromtau', 'хромтау'],
  almaty_region: [
    'almaty region',
    'алматинская',
    'алматы облысы',
    'konaev',
    'qonaev',
    'капчагай',
    'қонаев',
    'конаев',
  ],
  atyrau: ['atyrau', 'атырау', 'атырауская', 'kulsary', 'кульсары'],
  west_kazakhstan: [
    'west kazakhstan',
    'западно-казахстанская',
    'батыс қазақстан',
    'oral',
    'uralsk',
    'уральск',
    'орал',
    'aksai',
    'аксай',
  ],
  zhambyl: ['zhambyl', 'жамбыл', 'жамбылская', 'taraz', 'тараз'],
  zhetysu: ['zhetysu', 'жетісу', 'жетысу', 'жетысуская', 'taldykorgan', 'талдыкорган', 'талдықорған'],
  karaganda: [
    'karaganda',
    'qaraghandy',
    'караганда',
    'карагандинская',
    'қарағанды',
    'temirtau',
    'темиртау',
    'теміртау',
    'balkhash',
    'балхаш',
    'балқаш',
    'saran',
    'шахтинск',
    'shakhtinsk',
  ],
  kostanay: [
    'kostanay',
    'qostanay',
    'костанай',
    'қостанай',
    'костанайская',
    'rudny',
    'рудный',
    'lisakovsk',
    'лисаковск',
  ],
  kyzylorda: ['kyzylorda', 'qyzylorda', 'кызылорда', 'қызылорда', 'кызылординская', 'baikonur', 'байконур'],
  mangystau: [
    'mangystau',
    'mangistau',
    'мангистау',
    'маңғыстау',
    'мангистауская',
    'aktau',
    'aqtau',
    'актау',
    'ақтау',
    'zhanaozen',
    'жанаозен',
  ],
  pavlodar: [
    'pavlodar',
    'павлодар',
    'павлодарская',
    'ekibastuz',
    'экибастуз',
    'екибастуз',
    'екібастұз',
    'aksu',
    'аксу',
    'ақсу',
  ],
  north_kazakhstan: [
    'north kazakhstan',
    'северо-казахстанская',
    'солтүстік қазақстан',
    'petropavl',
    'petropavlovsk',
    'петропавловск',
    'петропавл',
  ],
  turkestan: ['turkestan', 'turkistan', 'туркестан', 'түркістан', 'туркестанская', 'kentau', 'кентау'],
  ulytau: [
    'ulytau',
    'ұлытау',
    'улытау',
    'zhezkazgan',
    'jezkazgan',
    'жезказган',
    'жезқазған',
    'satpayev',
    'satbayev',
    'сатпаев',
    'сәтбаев',
  ],
  east_kazakhstan: [
    'east kazakhstan',
    'восточно-казахстанская',
    'шығыс қазақстан',
    'oskemen',
    'ust-kamenogorsk',
    'усть-каменогорск',
    'өскемен',
    'ridder',
    'риддер',
  ],
  astana: ['astana', 'nur-sultan', 'астана', 'нур-султан'],
  almaty: ['almaty', 'алматы', 'alma-ata', 'алма-ата'],
  shymkent: ['shymkent', 'шымкент'],
};

const BY_NAME = new Map<string, string>(
  Object.entries(PLACES).flatMap(([code, names]) => [
    [code, code] as const,
    ...names.map((n) => [n, code] as const),
  ]),
);

/** Words that qualify a region's name without naming it ("Pavlodar region", "Павлодарская область"). */
const QUALIFIERS = /\b(region|oblast|province|city|g\.)\b|област[ьи]|облысы|қаласы|город|г\./giu;

/**
 * The region code of a place's name (a region, a city of republican significance, or a main town of a region),
 * case-insensitive and ignoring words such as "region" or "область"; null when the name is not one of them (a
 * foreign city, an empty text). "Almaty" alone is the city; the region is "Almaty region" or a town of it.
 * @example regionOfPlace('Ekibastuz') // 'pavlodar'
 */
export function regionOfPlace(place: string | null | undefined): string | null {
  if (!place) return null;
  const raw = place.trim().toLowerCase();
  if (BY_NAME.has(raw)) return BY_NAME.get(raw)!;
  const name = raw.replace(QUALIFIERS, ' ').replace(/\s+/g, ' ').trim();
  if (/region|oblast|област|облыс/u.test(raw) && /^(almaty|алматы)$/u.test(name)) return 'almaty_region';
  return BY_NAME.get(name) ?? null;
}

/**
 * The region code of a city named in the three languages (an organisation's city): read from its Russian name, else
 * its English, else its Kazakh; null when none is a Kazakh region's place.
 * @example regionOfCity({ kk: 'Екібастұз', ru: 'Экибастуз', en: 'Ekibastuz' }) // 'pavlodar'
 */
export function regionOfCity(city: { kk: string; ru: string; en: string }): string | null {
  return regionOfPlace(city.ru) ?? regionOfPlace(city.en) ?? regionOfPlace(city.kk);
}
