/**
 * About forty demo investments since 2015 from the state budget, the founding PPP partners, grants and
 * own funds; several paid in USD, EUR or GBP with the rate of the day. An item's cost is what these
 * allocate to it; allocations split an investment by the weights given.
 */
import type { Trilingual } from '@kadr/contracts';

/** An investment: whole tenge or a foreign amount with its rate; `to` lists `CODE` (the lab) or `CODE#i` (its item i) with weights. */
export interface DemoInvestment {
  date: string;
  source: 'state_budget' | 'ppp_partner' | 'grant' | 'own_funds';
  partner?: string;
  agreement?: string;
  kzt?: number;
  fx?: { currency: string; amount: string; rate: string };
  description: Trilingual;
  to: [string, number][];
}

const t = (ru: string, kk: string, en: string): Trilingual => ({ kk, ru, en });

export const demoInvestments: DemoInvestment[] = [
  {
    date: '2015-09-01',
    source: 'state_budget',
    kzt: 210_000_000,
    description: t(
      'Республиканский бюджет: лаборатория автоматизации',
      'Республикалық бюджет: автоматтандыру зертханасы',
      'National budget: automation laboratory',
    ),
    to: [
      ['IT-401', 2],
      ['IT-401#0', 1],
      ['IT-401#1', 1],
      ['IT-401#2', 1],
      ['IT-401#3', 1],
    ],
  },
  {
    date: '2016-04-20',
    source: 'ppp_partner',
    partner: 'POCR LLP',
    agreement: 'PPP-2016-POCR',
    kzt: 185_000_000,
    description: t(
      'Оснащение лаборатории нефтепереработки',
      'Мұнай өңдеу зертханасын жабдықтау',
      'Equipping the petroleum process laboratory',
    ),
    to: [
      ['PCH-101', 3],
      ['PCH-101#0', 1],
      ['PCH-101#1', 1],
      ['PCH-101#2', 1],
    ],
  },
  {
    date: '2016-08-01',
    source: 'own_funds',
    kzt: 35_000_000,
    description: t(
      'Собственные средства: панели оператора',
      'Меншікті қаражат: оператор панельдері',
      'Own funds: operator panels',
    ),
    to: [['IT-401#5', 1]],
  },
  {
    date: '2016-11-15',
    source: 'ppp_partner',
    partner: 'POCR LLP',
    agreement: 'PPP-2016-POCR',
    kzt: 96_500_000,
    description: t('Аналитическое оборудование', 'Талдау жабдығы', 'Analytical equipment'),
    to: [
      ['PCH-101#3', 1],
      ['PCH-101#4', 1],
    ],
  },
  {
    date: '2017-03-01',
    source: 'state_budget',
    kzt: 150_000_000,
    description: t('Лаборатория полимеров', 'Полимерлер зертханасы', 'Polymer laboratory'),
    to: [
      ['PCH-110', 2],
      ['PCH-110#0', 1],
      ['PCH-110#1', 1],
    ],
  },
  {
    date: '2018-02-01',
    source: 'state_budget',
    kzt: 88_000_000,
    description: t(
      'Софинансирование металлургии и робототехники',
      'Металлургия мен робототехниканы бірлесіп қаржыландыру',
      'Co-funding metallurgy and robotics',
    ),
    to: [
      ['MET-201#4', 1],
      ['IT-401#4', 1],
    ],
  },
  {
    date: '2018-04-10',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    fx: { currency: 'USD', amount: '900000.00', rate: '332.55' },
    description: t('Лаборатория металлургии ERG', 'ERG металлургия зертханасы', 'ERG metallurgy laboratory'),
    to: [
      ['MET-201', 2],
      ['MET-201#0', 2],
      ['MET-201#1', 2],
      ['MET-201#2', 1],
    ],
  },
  {
    date: '2018-08-15',
    source: 'own_funds',
    kzt: 22_000_000,
    description: t('Ротационный испаритель', 'Роторлы буландырғыш', 'Rotary evaporator'),
    to: [['PCH-110#4', 1]],
  },
  {
    date: '2018-12-05',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    kzt: 97_000_000,
    description: t(
      'Пробоподготовка и твердомер',
      'Сынама дайындау және қаттылық өлшегіш',
      'Sample preparation and hardness tester',
    ),
    to: [
      ['MET-201#3', 2],
      ['MET-201#4', 1],
    ],
  },
  {
    date: '2019-05-20',
    source: 'ppp_partner',
    partner: 'KAZ Minerals Bozshakol',
    agreement: 'PPP-2019-KAZM',
    fx: { currency: 'USD', amount: '600000.00', rate: '383.20' },
    description: t('Лаборатория энергосистем', 'Энергожүйелер зертханасы', 'Power systems laboratory'),
    to: [
      ['ENG-301', 2],
      ['ENG-301#0', 2],
      ['ENG-301#1', 1],
      ['ENG-301#2', 1],
    ],
  },
  {
    date: '2019-06-10',
    source: 'ppp_partner',
    partner: 'POCR LLP',
    agreement: 'PPP-2016-POCR',
    kzt: 42_000_000,
    description: t(
      'Тренажёр управления процессом',
      'Процесті басқару тренажері',
      'Process control simulator',
    ),
    to: [['PCH-101#5', 1]],
  },
  {
    date: '2019-09-20',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    fx: { currency: 'USD', amount: '400000.00', rate: '385.10' },
    description: t('Испытательная лаборатория', 'Сынақ зертханасы', 'Testing laboratory'),
    to: [
      ['MET-204', 1],
      ['MET-204#0', 2],
    ],
  },
  {
    date: '2019-10-01',
    source: 'ppp_partner',
    partner: 'Nephtechim LTD',
    agreement: 'PPP-2019-NPH',
    kzt: 120_000_000,
    description: t('Лаборатория катализа', 'Катализ зертханасы', 'Catalysis laboratory'),
    to: [
      ['PCH-105', 2],
      ['PCH-105#0', 2],
      ['PCH-105#1', 1],
    ],
  },
  {
    date: '2019-11-11',
    source: 'ppp_partner',
    partner: 'Prommashkomplekt',
    agreement: 'DUAL-2019-PMK',
    kzt: 72_000_000,
    description: t(
      'Станки с ЧПУ для дуального обучения',
      'Дуалды оқытуға арналған СББ станоктары',
      'CNC machines for dual education',
    ),
    to: [
      ['MET-210', 1],
      ['MET-210#0', 2],
      ['MET-210#1', 2],
    ],
  },
  {
    date: '2020-01-15',
    source: 'grant',
    partner: 'Brunel',
    fx: { currency: 'GBP', amount: '120000.00', rate: '498.30' },
    description: t(
      'Грант British Council через Brunel: вычислительный кластер',
      'Brunel арқылы British Council гранты: есептеу кластері',
      'British Council grant through Brunel: computing cluster',
    ),
    to: [
      ['IT-405', 1],
      ['IT-405#0', 3],
      ['IT-405#1', 2],
    ],
  },
  {
    date: '2020-08-20',
    source: 'state_budget',
    kzt: 175_000_000,
    description: t(
      'Энергетика и испытания материалов',
      'Энергетика және материалдарды сынау',
      'Energy and materials testing',
    ),
    to: [
      ['ENG-301#3', 1],
      ['ENG-301#4', 2],
      ['MET-204#3', 2],
    ],
  },
  {
    date: '2020-09-14',
    source: 'ppp_partner',
    partner: 'KAZ Minerals Bozshakol',
    agreement: 'PPP-2019-KAZM',
    kzt: 134_000_000,
    description: t(
      'Лаборатория горной электромеханики',
      'Тау-кен электромеханикасы зертханасы',
      'Mining electromechanics laboratory',
    ),
    to: [
      ['ENG-305', 2],
      ['ENG-305#0', 2],
      ['ENG-305#1', 2],
    ],
  },
  {
    date: '2020-10-12',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    kzt: 118_000_000,
    description: t(
      'Копер и электронный микроскоп',
      'Копер және электрондық микроскоп',
      'Impact tester and electron microscope',
    ),
    to: [
      ['MET-204#1', 1],
      ['MET-204#2', 5],
    ],
  },
  {
    date: '2021-02-10',
    source: 'grant',
    partner: 'Lund',
    fx: { currency: 'EUR', amount: '210000.00', rate: '505.40' },
    description: t(
      'Erasmus+ CBHE: лаборатория ВИЭ',
      'Erasmus+ CBHE: ЖЭК зертханасы',
      'Erasmus+ CBHE: renewable energy laboratory',
    ),
    to: [
      ['ENG-310', 2],
      ['ENG-310#0', 2],
      ['ENG-310#1', 2],
    ],
  },
  {
    date: '2021-03-15',
    source: 'ppp_partner',
    partner: 'Nephtechim LTD',
    agreement: 'PPP-2019-NPH',
    kzt: 64_000_000,
    description: t(
      'Анализаторы нефтепродуктов',
      'Мұнай өнімдерінің анализаторлары',
      'Petroleum product analysers',
    ),
    to: [
      ['PCH-105#2', 1],
      ['PCH-105#3', 1],
    ],
  },
  {
    date: '2021-06-30',
    source: 'ppp_partner',
    partner: 'KAZ Minerals Bozshakol',
    agreement: 'PPP-2019-KAZM',
    fx: { currency: 'USD', amount: '320000.00', rate: '425.60' },
    description: t('Диагностика и гидравлика', 'Диагностика және гидравлика', 'Diagnostics and hydraulics'),
    to: [
      ['ENG-305#2', 1],
      ['ENG-305#3', 2],
    ],
  },
  {
    date: '2021-09-01',
    source: 'ppp_partner',
    partner: 'Prommashkomplekt',
    agreement: 'DUAL-2019-PMK',
    kzt: 54_000_000,
    description: t('Контроль и сварка', 'Бақылау және дәнекерлеу', 'Inspection and welding'),
    to: [
      ['MET-210#2', 3],
      ['MET-210#3', 1],
    ],
  },
  {
    date: '2021-11-03',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    fx: { currency: 'USD', amount: '250000.00', rate: '429.80' },
    description: t(
      'Дифрактометр и дефектоскоп',
      'Дифрактометр және дефектоскоп',
      'Diffractometer and flaw detector',
    ),
    to: [
      ['MET-204#3', 3],
      ['MET-204#4', 1],
    ],
  },
  {
    date: '2021-12-20',
    source: 'own_funds',
    kzt: 18_500_000,
    description: t('Лазерный раскрой', 'Лазерлік пішу', 'Laser cutting'),
    to: [['MET-210#5', 1]],
  },
  {
    date: '2022-05-05',
    source: 'grant',
    partner: 'MSHE',
    kzt: 85_000_000,
    description: t(
      'Грант МНВО на научную инфраструктуру',
      'ҒЖБМ-нің ғылыми инфрақұрылымға гранты',
      'Ministry of Science and Higher Education grant for research infrastructure',
    ),
    to: [
      ['IT-405#2', 2],
      ['IT-405#3', 1],
    ],
  },
  {
    date: '2022-06-07',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    kzt: 76_000_000,
    description: t('Термический анализ', 'Термиялық талдау', 'Thermal analysis'),
    to: [['MET-201#5', 1]],
  },
  {
    date: '2022-09-01',
    source: 'ppp_partner',
    partner: 'POCR LLP',
    agreement: 'PPP-2016-POCR',
    fx: { currency: 'USD', amount: '150000.00', rate: '460.12' },
    description: t(
      'Софинансирование калориметра',
      'Калориметрді бірлесіп қаржыландыру',
      'Co-funding the calorimeter',
    ),
    to: [['PCH-110#2', 1]],
  },
  {
    date: '2022-09-15',
    source: 'state_budget',
    kzt: 69_000_000,
    description: t(
      'Калориметр и разрывная машина',
      'Калориметр және үзу машинасы',
      'Calorimeter and tensile tester',
    ),
    to: [
      ['PCH-110#2', 1],
      ['PCH-110#3', 2],
    ],
  },
  {
    date: '2023-03-03',
    source: 'grant',
    partner: 'UPV',
    fx: { currency: 'EUR', amount: '95000.00', rate: '482.10' },
    description: t(
      'Erasmus+: водородный модуль и 5G',
      'Erasmus+: сутегі модулі және 5G',
      'Erasmus+: hydrogen module and 5G',
    ),
    to: [
      ['ENG-310#2', 1],
      ['IT-410#5', 2],
    ],
  },
  {
    date: '2023-04-18',
    source: 'ppp_partner',
    partner: 'ERG',
    agreement: 'PPP-2018-ERG',
    fx: { currency: 'EUR', amount: '180000.00', rate: '487.25' },
    description: t('Система усталостных испытаний', 'Шаршауға сынау жүйесі', 'Fatigue testing system'),
    to: [['MET-204#5', 1]],
  },
  {
    date: '2023-07-01',
    source: 'state_budget',
    kzt: 260_000_000,
    description: t('Лаборатория Индустрии 4.0', 'Индустрия 4.0 зертханасы', 'Industry 4.0 laboratory'),
    to: [
      ['IT-410', 2],
      ['IT-410#0', 4],
      ['IT-410#1', 2],
      ['IT-410#2', 1],
    ],
  },
  {
    date: '2023-10-09',
    source: 'ppp_partner',
    partner: 'KAZ Minerals Bozshakol',
    agreement: 'PPP-2019-KAZM',
    kzt: 88_500_000,
    description: t(
      'Тепловизор и стенд трансформаторов',
      'Жылу бейнелегіш және трансформаторлар стенді',
      'Thermal camera and transformer test bench',
    ),
    to: [
      ['ENG-305#4', 1],
      ['ENG-301#5', 2],
    ],
  },
  {
    date: '2024-02-20',
    source: 'ppp_partner',
    partner: 'Prommashkomplekt',
    agreement: 'DUAL-2019-PMK',
    kzt: 31_000_000,
    description: t('Металлический 3D-принтер (доля)', 'Металл 3D-принтер (үлес)', 'Metal 3D printer (share)'),
    to: [['MET-210#4', 1]],
  },
  {
    date: '2024-05-01',
    source: 'state_budget',
    kzt: 95_000_000,
    description: t('Цифровой двойник и AR/VR', 'Цифрлық егіз және AR/VR', 'Digital twin and AR/VR'),
    to: [
      ['IT-410#3', 1],
      ['IT-410#4', 1],
    ],
  },
  {
    date: '2024-09-09',
    source: 'grant',
    partner: 'MSHE',
    kzt: 40_000_000,
    description: t(
      'Грант МНВО: тепловой насос',
      'ҒЖБМ гранты: жылу сорғысы',
      'Ministry of Science and Higher Education grant: heat pump',
    ),
    to: [['ENG-310#4', 1]],
  },
  {
    date: '2024-11-01',
    source: 'own_funds',
    kzt: 27_000_000,
    description: t('Дооснащение AR/VR', 'AR/VR жабдығын толықтыру', 'Additional AR/VR equipment'),
    to: [['IT-410#4', 1]],
  },
  {
    date: '2025-02-17',
    source: 'ppp_partner',
    partner: 'KAZ Minerals Bozshakol',
    agreement: 'PPP-2019-KAZM',
    kzt: 47_000_000,
    description: t(
      'Рабочее место цифрового двойника рудника',
      'Кеніштің цифрлық егізінің жұмыс орны',
      'Mine digital twin workstation',
    ),
    to: [['ENG-305#5', 1]],
  },
  {
    date: '2025-03-01',
    source: 'state_budget',
    kzt: 58_000_000,
    description: t('Edge AI и топливный элемент', 'Edge AI және отын элементі', 'Edge AI and fuel cell'),
    to: [
      ['IT-405#4', 1],
      ['ENG-310#3', 2],
    ],
  },
  {
    date: '2025-08-25',
    source: 'own_funds',
    kzt: 14_000_000,
    description: t('Вытяжной шкаф', 'Тартпа шкаф', 'Fume hood'),
    to: [['PCH-105#4', 1]],
  },
  {
    date: '2026-04-14',
    source: 'ppp_partner',
    partner: 'KAZ Minerals Bozshakol',
    agreement: 'PPP-2019-KAZM',
    kzt: 52_000_000,
    description: t(
      'Модернизация лаборатории горной электромеханики',
      'Тау-кен электромеханикасы зертханасын жаңғырту',
      'Upgrading the mining electromechanics laboratory',
    ),
    to: [['ENG-305', 1]],
  },
];
