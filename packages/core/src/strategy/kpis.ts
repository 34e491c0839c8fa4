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
      'Distinct students with an accepted placement (confirmed, in progress or completed) whose practice period includes the day.',
      'Число студентов с принятым местом практики (подтверждено, идёт или завершено), период практики которого включает эту дату.',
      'Практика кезеңі осы күнді қамтитын қабылданған практика орны (расталған, жүріп жатқан немесе аяқталған) бар студенттер саны.',
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
      'Distinct students with an accepted placement of dual education whose period includes the day.',
      'Число студентов с принятым местом дуального обучения, период которого включает эту дату.',
      'Кезеңі осы күнді қамтитын қабылданған дуальды оқыту орны бар студенттер саны.',
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
      'Of the students who took part in the rounds of the latest academic year with an allocated round, the share the rounds placed (offered, confirmed, in progress or completed). No data before a round is allocated.',
      'Доля студентов, распределённых раундами (место предложено, подтверждено, идёт или завершено), среди участников раундов последнего учебного года с проведённым распределением. Нет данных до первого распределения.',
      'Бөлу өткізілген соңғы оқу жылының раундтарына қатысқан студенттердің ішінде раундтар орналастырғандардың (орын ұсынылған, расталған, жүріп жатқан немесе аяқталған) үлесі. Алғашқы бөлуге дейін деректер жоқ.',
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
      'Of the students who completed a practice that ended in the last 365 days, the share the partner hired (a hire date recorded). No data when none completed.',
      'Доля принятых партнёром на работу (указана дата найма) среди студентов, завершивших практику за последние 365 дней. Нет данных, если никто не завершил.',
      'Соңғы 365 күнде практиканы аяқтаған студенттердің ішінде серіктес жұмысқа алғандардың (жұмысқа алу күні көрсетілген) үлесі. Ешкім аяқтамаса, деректер жоқ.',
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
