/**
 * The strategy tracker's own KPIs (issue 13, item 4), in the dashboard's order. Their formulas are in formulas.ts;
 * these are their definitions in words. Other capabilities add theirs to the registry (registry.ts).
 */
import { type KpiDefinition, KpiRegistry } from './registry.ts';

const text = (en: string, ru: string, kk: string) => ({ kk, ru, en });

/** The ids of the strategy tracker's KPIs. */
export const STRATEGY_KPI_IDS = {
  foreignBranches: 'foreign_branches',
  jointProgrammes: 'joint_programmes',
  pppInvestment: 'ppp_investment',
  stateInvestment: 'state_investment',
  studentsInPractice: 'students_in_practice',
  studentsInDualEducation: 'students_in_dual_education',
  placementRate: 'placement_rate',
  hireRate: 'hire_rate',
  labUtilisation: 'lab_utilisation',
  equipmentUtilisation: 'equipment_utilisation',
} as const;

const K = STRATEGY_KPI_IDS;

/** The definitions of the strategy tracker's KPIs. */
export const STRATEGY_KPIS: readonly KpiDefinition[] = [
  {
    id: K.foreignBranches,
    name: text(
      'Foreign university branches open',
      'Открытые филиалы зарубежных вузов',
      'Ашылған шетелдік ЖОО филиалдары',
    ),
    unit: 'count',
    direction: 'increase',
    formula: text(
      'Foreign partners whose profile says the branch is open or who are party to a branch agreement in force; planned: the others whose profile says planned or who have a draft branch agreement.',
      'Зарубежные партнёры, у которых в профиле филиал открыт или есть действующее соглашение о филиале; планируемые: прочие, у которых филиал запланирован или есть проект соглашения.',
      'Профилінде филиал ашық деп көрсетілген немесе филиал туралы қолданыстағы келісімі бар шетелдік серіктестер; жоспарланғандар: филиалы жоспарланған немесе келісім жобасы бар басқалары.',
    ),
    confidential: false,
    source: 'partners',
  },
  {
    id: K.jointProgrammes,
    name: text(
      'Joint and double-degree programmes',
      'Совместные программы и программы двойного диплома',
      'Бірлескен және қос дипломды бағдарламалар',
    ),
    unit: 'count',
    direction: 'increase',
    formula: text(
      'Catalogue programmes of double or joint degree, plus the joint programmes of partner profiles of those types not already in the catalogue (same agreement and degree type).',
      'Программы каталога с двойным или совместным дипломом и совместные программы из профилей партнёров этих типов, которых ещё нет в каталоге (то же соглашение и тип диплома).',
      'Каталогтағы қос немесе бірлескен дипломды бағдарламалар және каталогта әлі жоқ осы түрдегі серіктес профиліндегі бірлескен бағдарламалар (келісімі мен диплом түрі бірдей).',
    ),
    confidential: false,
    source: 'programmes',
  },
  {
    id: K.pppInvestment,
    name: text(
      'PPP investment since 2015',
      'Инвестиции ГЧП с 2015 года',
      '2015 жылдан бергі МЖӘ инвестициялары',
    ),
    unit: 'tiyn',
    direction: 'increase',
    formula: text(
      'Sum of the ledger investments from PPP partners made in 2015 or later, by year.',
      'Сумма инвестиций партнёров ГЧП в реестре с 2015 года, по годам.',
      'Тізілімдегі МЖӘ серіктестерінің 2015 жылдан бергі инвестицияларының сомасы, жылдар бойынша.',
    ),
    confidential: true,
    source: 'investments',
  },
  {
    id: K.stateInvestment,
    name: text(
      'State budget investment since 2015',
      'Бюджетные инвестиции с 2015 года',
      '2015 жылдан бергі бюджет инвестициялары',
    ),
    unit: 'tiyn',
    direction: 'increase',
    formula: text(
      'Sum of the ledger investments from the state budget made in 2015 or later, by year.',
      'Сумма инвестиций из государственного бюджета в реестре с 2015 года, по годам.',
      'Тізілімдегі мемлекеттік бюджеттен 2015 жылдан бергі инвестициялар сомасы, жылдар бойынша.',
    ),
    confidential: false,
    source: 'investments',
  },
  {
    id: K.studentsInPractice,
    name: text('Students in practice', 'Студенты на практике', 'Практикадағы студенттер'),
    unit: 'count',
    direction: 'increase',
    formula: text(
      'Students with a placement in progress on the day. No data until practice placements are recorded.',
      'Студенты с практикой, идущей на эту дату. Нет данных, пока не ведётся учёт практик.',
      'Осы күні практикасы жүріп жатқан студенттер. Практика есебі жүргізілмейінше деректер жоқ.',
    ),
    confidential: false,
    source: 'placements',
  },
  {
    id: K.studentsInDualEducation,
    name: text('Students in dual education', 'Студенты в дуальном обучении', 'Дуальды оқудағы студенттер'),
    unit: 'count',
    direction: 'increase',
    formula: text(
      'Students with a placement in progress under dual-education terms. No data until practice placements are recorded.',
      'Студенты с идущей практикой на условиях дуального обучения. Нет данных, пока не ведётся учёт практик.',
      'Дуальды оқыту шартымен практикасы жүріп жатқан студенттер. Практика есебі жүргізілмейінше деректер жоқ.',
    ),
    confidential: false,
    source: 'placements',
  },
  {
    id: K.placementRate,
    name: text('Placement rate', 'Доля распределённых на практику', 'Практикаға орналастырылғандар үлесі'),
    unit: 'ratio',
    direction: 'increase',
    formula: text(
      'Students placed in a round over the students who applied to it. No data until placement rounds are recorded.',
      'Распределённые в раунде студенты к подавшим заявки. Нет данных, пока не ведутся раунды распределения.',
      'Раундта орналастырылған студенттердің өтінім бергендерге қатынасы. Бөлу раундтары жүргізілмейінше деректер жоқ.',
    ),
    confidential: false,
    source: 'placements',
  },
  {
    id: K.hireRate,
    name: text(
      'Hire rate after practice',
      'Доля трудоустроенных после практики',
      'Практикадан кейін жұмысқа орналасқандар үлесі',
    ),
    unit: 'ratio',
    direction: 'increase',
    formula: text(
      'Students hired by the practice partner over the students who completed practice. No data until placements are recorded.',
      'Принятые на работу партнёром студенты к завершившим практику. Нет данных, пока не ведётся учёт практик.',
      'Серіктес жұмысқа алған студенттердің практиканы аяқтағандарға қатынасы. Практика есебі жүргізілмейінше деректер жоқ.',
    ),
    confidential: false,
    source: 'placements',
  },
  {
    id: K.labUtilisation,
    name: text('Lab utilisation', 'Загрузка лабораторий', 'Зертханалардың жүктемесі'),
    unit: 'ratio',
    direction: 'increase',
    formula: text(
      'Hours of use over available hours (weekdays × 10 h) of all labs in the last 365 days.',
      'Часы использования к доступным часам (рабочие дни × 10 ч) всех лабораторий за последние 365 дней.',
      'Соңғы 365 күндегі барлық зертханалардың пайдалану сағаттарының қолжетімді сағаттарға (жұмыс күндері × 10 сағ) қатынасы.',
    ),
    confidential: false,
    source: 'bookings',
  },
  {
    id: K.equipmentUtilisation,
    name: text('Equipment utilisation', 'Загрузка оборудования', 'Жабдықтың жүктемесі'),
    unit: 'ratio',
    direction: 'increase',
    formula: text(
      'Hours of use over available hours (weekdays × 10 h from acquisition) of equipment in service in the last 365 days.',
      'Часы использования к доступным часам (рабочие дни × 10 ч с даты приобретения) оборудования в эксплуатации за последние 365 дней.',
      'Соңғы 365 күндегі пайдаланудағы жабдықтың пайдалану сағаттарының қолжетімді сағаттарға (сатып алынған күннен бастап жұмыс күндері × 10 сағ) қатынасы.',
    ),
    confidential: false,
    source: 'bookings',
  },
];

/** A registry holding the strategy tracker's KPIs, to which other capabilities add theirs. */
export function strategyKpiRegistry(): KpiRegistry {
  const registry = new KpiRegistry();
  for (const definition of STRATEGY_KPIS) registry.define(definition);
  return registry;
}
