/** Generated demo students (fictitious names built from common Kazakh and Russian names). */
import type { Locale } from '@kadr/contracts';

const MALE = [
  'Арман',
  'Нұрлан',
  'Ерлан',
  'Дәурен',
  'Бауыржан',
  'Ержан',
  'Асқар',
  'Дамир',
  'Әлихан',
  'Санжар',
  'Темірлан',
  'Айбек',
  'Ілияс',
  'Мирас',
  'Алмас',
  'Данияр',
  'Дмитрий',
  'Алексей',
  'Максим',
  'Артём',
];
const FEMALE = [
  'Айгерім',
  'Әлия',
  'Дана',
  'Жанар',
  'Аружан',
  'Мадина',
  'Динара',
  'Камила',
  'Аяулым',
  'Назерке',
  'Томирис',
  'Сабина',
  'Әсел',
  'Гүлнұр',
  'Інкәр',
  'Айдана',
  'Анна',
  'Екатерина',
  'Мария',
  'Полина',
];
const SURNAMES: [string, string][] = [
  ['Серікбаев', 'Серікбаева'],
  ['Жұмабеков', 'Жұмабекова'],
  ['Ахметов', 'Ахметова'],
  ['Оспанов', 'Оспанова'],
  ['Қасымов', 'Қасымова'],
  ['Әбілов', 'Әбілова'],
  ['Нұрғалиев', 'Нұрғалиева'],
  ['Төлеуов', 'Төлеуова'],
  ['Сейітов', 'Сейітова'],
  ['Мұқанов', 'Мұқанова'],
  ['Исаев', 'Исаева'],
  ['Ким', 'Ким'],
  ['Пак', 'Пак'],
  ['Иванов', 'Иванова'],
  ['Шевченко', 'Шевченко'],
  ['Морозов', 'Морозова'],
  ['Байжанов', 'Байжанова'],
  ['Есенов', 'Есенова'],
  ['Қайратов', 'Қайратова'],
  ['Смағұлов', 'Смағұлова'],
];

/** How many students the demo generates. */
export const DEMO_STUDENT_COUNT = 200;

/** The n-th demo student (0-based): a name and an email `kdtu.s001@demo.kadr.kz`. */
export function demoStudent(n: number): { fullName: string; email: string; locale: Locale } {
  const female = n % 2 === 1;
  const first = (female ? FEMALE : MALE)[(n * 7 + Math.floor(n / 40)) % 20]!;
  const surname = SURNAMES[(n * 13 + Math.floor(n / 20)) % SURNAMES.length]![female ? 1 : 0];
  return {
    fullName: `${surname} ${first}`,
    email: `kdtu.s${String(n + 1).padStart(3, '0')}@demo.kadr.kz`,
    locale: n % 3 === 0 ? 'ru' : 'kk',
  };
}
