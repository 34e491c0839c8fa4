import {
  type AssetType,
  type CompetencyType,
  type InvestmentSource,
  type Locale,
  type PriorityArea,
  priorityAreaNamesIn,
} from '@kadr/contracts';

/** Headings and labels of the impact report in the three languages. */
export interface ImpactLabels {
  title: string;
  period: string;
  generated: string;
  headline: (students: string, hours: string) => string;
  summary: string;
  indicator: string;
  value: string;
  investedTotal: string;
  investmentsCount: string;
  labs: string;
  equipment: string;
  sessions: string;
  hoursUsed: string;
  studentHours: string;
  attributedStudentHours: string;
  distinctStudents: string;
  disciplines: string;
  investments: string;
  date: string;
  source: string;
  amount: string;
  original: string;
  agreement: string;
  description: string;
  assets: string;
  type: string;
  code: string;
  name: string;
  area: string;
  funded: string;
  share: string;
  disciplinesSection: string;
  discipline: string;
  byYear: string;
  year: string;
  competencies: string;
  competenciesNone: string;
  competency: string;
  framework: string;
  targetLevel: string;
  shareOfHours: string;
  competencyTypes: Record<CompetencyType, string>;
  none: string;
  sheets: {
    summary: string;
    investments: string;
    assets: string;
    disciplines: string;
    years: string;
    competencies: string;
  };
  sources: Record<InvestmentSource, string>;
  areas: Record<PriorityArea, string>;
  assetTypes: Record<AssetType, string>;
}

const en: ImpactLabels = {
  title: 'Partner impact report',
  period: 'Period',
  generated: 'Generated',
  headline: (students, hours) => `Your investment trained ${students} students for ${hours} student-hours.`,
  summary: 'Summary',
  indicator: 'Indicator',
  value: 'Value',
  investedTotal: 'Invested, KZT',
  investmentsCount: 'Investments',
  labs: 'Labs funded',
  equipment: 'Equipment items funded',
  sessions: 'Sessions',
  hoursUsed: 'Hours of use',
  studentHours: 'Student-hours',
  attributedStudentHours: 'Student-hours attributed to the partner',
  distinctStudents: 'Students trained',
  disciplines: 'Disciplines',
  investments: 'Investments',
  date: 'Date',
  source: 'Source',
  amount: 'Amount, KZT',
  original: 'Original currency',
  agreement: 'Agreement',
  description: 'Description',
  assets: 'What the investment bought and how it is used',
  type: 'Type',
  code: 'Code',
  name: 'Name',
  area: 'Priority area',
  funded: 'Funded by the partner, KZT',
  share: 'Share of funding',
  disciplinesSection: "Disciplines taught on the partner's assets",
  discipline: 'Discipline',
  byYear: 'By year',
  year: 'Year',
  competencies: "Competencies trained on the partner's assets",
  competenciesNone: 'No session on these assets in this period names a discipline with learning outcomes.',
  competency: 'Competency',
  framework: 'Framework',
  targetLevel: 'Level trained (1-5)',
  shareOfHours: 'Share of student-hours',
  competencyTypes: { knowledge: 'Knowledge', skill: 'Skill', competence: 'Competence' },
  none: 'No records in this period.',
  sheets: {
    summary: 'Summary',
    investments: 'Investments',
    assets: 'Assets',
    disciplines: 'Disciplines',
    years: 'By year',
    competencies: 'Competencies',
  },
  sources: {
    state_budget: 'State budget',
    ppp_partner: 'PPP partner',
    grant: 'Grant',
    own_funds: 'Own funds',
  },
  areas: priorityAreaNamesIn('en'),
  assetTypes: { lab: 'Lab', equipment: 'Equipment' },
};

const ru: ImpactLabels = {
  title: 'Отчёт о вкладе партнёра',
  period: 'Период',
  generated: 'Сформирован',
  headline: (students, hours) =>
    `Обучено студентов на ваши инвестиции: ${students}; студенто-часов: ${hours}.`,
  summary: 'Сводка',
  indicator: 'Показатель',
  value: 'Значение',
  investedTotal: 'Инвестировано, тенге',
  investmentsCount: 'Инвестиций',
  labs: 'Профинансировано лабораторий',
  equipment: 'Профинансировано единиц оборудования',
  sessions: 'Занятий',
  hoursUsed: 'Часов использования',
  studentHours: 'Студенто-часов',
  attributedStudentHours: 'Студенто-часов, приходящихся на партнёра',
  distinctStudents: 'Обучено студентов',
  disciplines: 'Дисциплин',
  investments: 'Инвестиции',
  date: 'Дата',
  source: 'Источник',
  amount: 'Сумма, тенге',
  original: 'Исходная валюта',
  agreement: 'Соглашение',
  description: 'Описание',
  assets: 'Что приобретено и как используется',
  type: 'Тип',
  code: 'Код',
  name: 'Наименование',
  area: 'Приоритетное направление',
  funded: 'Вклад партнёра, тенге',
  share: 'Доля финансирования',
  disciplinesSection: 'Дисциплины, проводимые на базе партнёра',
  discipline: 'Дисциплина',
  byYear: 'По годам',
  year: 'Год',
  competencies: 'Компетенции, формируемые на базе партнёра',
  competenciesNone: 'За период нет занятий на этой базе по дисциплинам с результатами обучения.',
  competency: 'Компетенция',
  framework: 'Рамка',
  targetLevel: 'Формируемый уровень (1-5)',
  shareOfHours: 'Доля студенто-часов',
  competencyTypes: { knowledge: 'Знание', skill: 'Умение', competence: 'Компетентность' },
  none: 'За период записей нет.',
  sheets: {
    summary: 'Сводка',
    investments: 'Инвестиции',
    assets: 'Активы',
    disciplines: 'Дисциплины',
    years: 'По годам',
    competencies: 'Компетенции',
  },
  sources: {
    state_budget: 'Государственный бюджет',
    ppp_partner: 'Партнёр ГЧП',
    grant: 'Грант',
    own_funds: 'Собственные средства',
  },
  areas: priorityAreaNamesIn('ru'),
  assetTypes: { lab: 'Лаборатория', equipment: 'Оборудование' },
};

const kk: ImpactLabels = {
  title: 'Серіктестің үлесі туралы есеп',
  period: 'Кезең',
  generated: 'Жасалған күні',
  headline: (students, hours) =>
    `Сіздің инвестицияңыз есебінен оқытылған студенттер: ${students}; студент-сағат: ${hours}.`,
  summary: 'Қорытынды',
  indicator: 'Көрсеткіш',
  value: 'Мәні',
  investedTotal: 'Инвестицияланды, теңге',
  investmentsCount: 'Инвестициялар саны',
  labs: 'Қаржыландырылған зертханалар',
  equipment: 'Қаржыландырылған жабдық бірліктері',
  sessions: 'Сабақтар',
  hoursUsed: 'Пайдалану сағаттары',
  studentHours: 'Студент-сағаттар',
  attributedStudentHours: 'Серіктеске тиесілі студент-сағаттар',
  distinctStudents: 'Оқытылған студенттер',
  disciplines: 'Пәндер',
  investments: 'Инвестициялар',
  date: 'Күні',
  source: 'Көзі',
  amount: 'Сомасы, теңге',
  original: 'Бастапқы валюта',
  agreement: 'Келісім',
  description: 'Сипаттама',
  assets: 'Не сатып алынды және қалай пайдаланылады',
  type: 'Түрі',
  code: 'Коды',
  name: 'Атауы',
  area: 'Басым бағыт',
  funded: 'Серіктестің үлесі, теңге',
  share: 'Қаржыландыру үлесі',
  disciplinesSection: 'Серіктес базасында өткізілетін пәндер',
  discipline: 'Пән',
  byYear: 'Жылдар бойынша',
  year: 'Жыл',
  competencies: 'Серіктес базасында қалыптасатын құзыреттер',
  competenciesNone: 'Бұл кезеңде осы базада оқыту нәтижелері бар пәндер бойынша сабақтар жоқ.',
  competency: 'Құзырет',
  framework: 'Шеңбер',
  targetLevel: 'Қалыптасатын деңгей (1-5)',
  shareOfHours: 'Студент-сағат үлесі',
  competencyTypes: { knowledge: 'Білім', skill: 'Білік', competence: 'Құзыреттілік' },
  none: 'Бұл кезеңде жазбалар жоқ.',
  sheets: {
    summary: 'Қорытынды',
    investments: 'Инвестициялар',
    assets: 'Активтер',
    disciplines: 'Пәндер',
    years: 'Жылдар бойынша',
    competencies: 'Құзыреттер',
  },
  sources: {
    state_budget: 'Мемлекеттік бюджет',
    ppp_partner: 'МЖӘ серіктесі',
    grant: 'Грант',
    own_funds: 'Өз қаражаты',
  },
  areas: priorityAreaNamesIn('kk'),
  assetTypes: { lab: 'Зертхана', equipment: 'Жабдық' },
};

/** The labels of a report language. */
export const impactLabels: Record<Locale, ImpactLabels> = { kk, ru, en };

const NUMBER_LOCALES: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * Formats a number for the report language. Narrow no-break spaces (ru, kk group separators) become
 * ordinary no-break spaces, which the bundled Roboto font has.
 */
export function formatNumber(value: number, lang: Locale, decimals = 0): string {
  return new Intl.NumberFormat(NUMBER_LOCALES[lang], {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}
