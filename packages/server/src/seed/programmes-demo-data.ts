/**
 * The demo programmes (capability 2): four bachelor programmes, one per priority area, and two master
 * programmes with the foreign partners, each with its curriculum (a bachelor 240 national credits over
 * semesters 1-8: general education 56, basic and major disciplines, practices and the final attestation; a
 * master 120), the competencies each discipline trains (CDIO Syllabus codes and Kadr's Industry 4.0 `I4.*`)
 * and what the programme promises. A few promises are real gaps, as a programme analysis should show them:
 * chemical technology promises process safety (I4.3.1) at 4 and teaches it to 3; metallurgy promises
 * English (3.3.1) at 4 and teaches it to 3; electric power promises business planning (4.8.2), which only its
 * draft version 3 teaches; industrial informatics promises OT cybersecurity (I4.3.4) and sustainability
 * (4.1.7) at 3 and teaches neither to that level; the Brunel MSc promises project leadership (4.7.6), which
 * nothing teaches.
 */
import type {
  ContributionKind,
  DegreeType,
  DisciplineComponent,
  DisciplineCycle,
  EquivalenceRule,
  PracticeType,
  PriorityArea,
  ProgrammeLevel,
} from '@kadr/contracts';

/** Names in the order the data is written: ru, kk, en. */
type Names = [ru: string, kk: string, en: string];

/**
 * A discipline of the curriculum: code, names, national credits (= ECTS, DOMAIN §1), semester, cycle and
 * component, the competencies it trains (`code:level`, space-separated), the assets it uses (`LAB` or
 * `LAB#i`, the i-th item of the lab's equipment list) and, when not every version has it, the version numbers.
 */
export interface DemoDiscipline {
  code: string;
  name: Names;
  credits: number;
  semester: number;
  cycle: DisciplineCycle;
  component: DisciplineComponent;
  outcomes: string;
  assets: string;
  versions?: number[];
}

const CC: Record<string, [DisciplineCycle, DisciplineComponent]> = {
  GC: ['general', 'compulsory'],
  GU: ['general', 'university'],
  BC: ['basic', 'compulsory'],
  BU: ['basic', 'university'],
  BE: ['basic', 'elective'],
  MC: ['major', 'compulsory'],
  MU: ['major', 'university'],
  ME: ['major', 'elective'],
};

function d(
  code: string,
  name: Names,
  credits: number,
  semester: number,
  cc: keyof typeof CC,
  outcomes = '',
  assets = '',
  versions?: number[],
): DemoDiscipline {
  const [cycle, component] = CC[cc]!;
  return {
    code,
    name,
    credits,
    semester,
    cycle,
    component,
    outcomes,
    assets,
    ...(versions ? { versions } : {}),
  };
}

const MECHANICS: Names = ['Техническая механика', 'Техникалық механика', 'Engineering Mechanics'];
const ELECTRICAL: Names = [
  'Электротехника и электроника',
  'Электротехника және электроника',
  'Electrical Engineering and Electronics',
];
const CDIO_PROJECT: Names = [
  'Инженерный проект (CDIO)',
  'Инженерлік жоба (CDIO)',
  'Engineering Design Project (CDIO)',
];
const CDIO_PROJECT_OUTCOMES = '4.3.1:3 4.4.1:3 3.1.2:3 3.2.6:3';

/** General education (56 credits), the same in every bachelor programme. */
const GENERAL: DemoDiscipline[] = [
  d(
    'SIK1101',
    ['Современная история Казахстана', 'Қазақстанның қазіргі заманғы тарихы', 'Modern History of Kazakhstan'],
    5,
    1,
    'GC',
    '4.1.4:2',
  ),
  d(
    'KRT1102',
    ['Казахский (русский) язык 1', 'Қазақ (орыс) тілі 1', 'Kazakh (Russian) Language 1'],
    5,
    1,
    'GC',
    '3.2.3:2',
  ),
  d(
    'KRT1203',
    ['Казахский (русский) язык 2', 'Қазақ (орыс) тілі 2', 'Kazakh (Russian) Language 2'],
    5,
    2,
    'GC',
    '3.2.3:2',
  ),
  d('IYA1104', ['Иностранный язык 1', 'Шетел тілі 1', 'Foreign Language 1'], 5, 1, 'GC', '3.3.1:2'),
  d('IYA1205', ['Иностранный язык 2', 'Шетел тілі 2', 'Foreign Language 2'], 5, 2, 'GC', '3.3.1:3 3.2.7:2'),
  d(
    'IKT1206',
    [
      'Информационно-коммуникационные технологии',
      'Ақпараттық-коммуникациялық технологиялар',
      'Information and Communication Technologies',
    ],
    5,
    2,
    'GC',
    '3.2.4:2',
  ),
  d('FIL2107', ['Философия', 'Философия', 'Philosophy'], 5, 3, 'GC', '2.4.4:2 2.5.1:2'),
  d(
    'SPZ2108',
    [
      'Модуль социально-политических знаний (социология, политология)',
      'Әлеуметтік-саяси білім модулі (әлеуметтану, саясаттану)',
      'Socio-political Studies (Sociology, Political Science)',
    ],
    4,
    3,
    'GC',
    '4.1.5:2',
  ),
  d(
    'SPZ2209',
    [
      'Модуль социально-политических знаний (культурология, психология)',
      'Әлеуметтік-саяси білім модулі (мәдениеттану, психология)',
      'Socio-political Studies (Cultural Studies, Psychology)',
    ],
    4,
    4,
    'GC',
    '2.4.5:2 3.1.2:1',
  ),
  ...[1, 2, 3, 4].map((s) =>
    d(
      `FK${s < 3 ? 1 : 2}${s}1${s}`,
      [`Физическая культура ${s}`, `Дене шынықтыру ${s}`, `Physical Education ${s}`],
      2,
      s,
      'GC',
    ),
  ),
  d(
    'EBZ2210',
    [
      'Экология и безопасность жизнедеятельности',
      'Экология және тіршілік қауіпсіздігі',
      'Ecology and Life Safety',
    ],
    5,
    4,
    'GU',
    '4.1.7:2 4.1.2:2',
  ),
];

/** The basic disciplines every engineering bachelor shares (30 credits); the IT programme swaps chemistry. */
function commonBasic(chemistry: boolean): DemoDiscipline[] {
  return [
    d('MAT1111', ['Математика 1', 'Математика 1', 'Mathematics 1'], 5, 1, 'BC', '1.1.1:2'),
    d('MAT1212', ['Математика 2', 'Математика 2', 'Mathematics 2'], 5, 2, 'BC', '1.1.1:3 2.1.2:2'),
    d('FIZ1213', ['Физика', 'Физика', 'Physics'], 5, 2, 'BC', '1.1.2:3 2.2.3:2'),
    chemistry
      ? d('XIM1114', ['Химия', 'Химия', 'Chemistry'], 5, 1, 'BC', '1.1.3:2')
      : d(
          'DM1114',
          ['Дискретная математика', 'Дискретті математика', 'Discrete Mathematics'],
          5,
          1,
          'BC',
          '1.1.1:3',
        ),
    d('IG2115', ['Инженерная графика', 'Инженерлік графика', 'Engineering Graphics'], 5, 3, 'BC', '3.2.5:3'),
    d(
      'VIP1116',
      ['Введение в инженерную профессию', 'Инженерлік мамандыққа кіріспе', 'Introduction to Engineering'],
      3,
      1,
      'BU',
      '4.1.1:2 3.1.2:2 4.4.1:1',
    ),
    d('UP1217', ['Учебная практика', 'Оқу практикасы', 'Educational Practice'], 2, 2, 'BC'),
  ];
}

/** Practices and the final attestation of a bachelor (20 credits); practices map through practice outcomes. */
const FINALS: DemoDiscipline[] = [
  d('PP3318', ['Производственная практика', 'Өндірістік практика', 'Industrial Practice'], 6, 6, 'MC'),
  d('PDP4419', ['Преддипломная практика', 'Диплом алды практикасы', 'Pre-diploma Practice'], 6, 8, 'MC'),
  d(
    'DP4420',
    [
      'Написание и защита дипломного проекта',
      'Дипломдық жобаны жазу және қорғау',
      'Diploma Project: Writing and Defence',
    ],
    8,
    8,
    'MC',
    '4.4.1:4 3.2.3:4 2.2.4:4 3.2.6:4',
  ),
];

/** What a master programme shares (65 credits): the university component, research, practices and thesis. */
const MASTER_COMMON: DemoDiscipline[] = [
  d(
    'IFN5101',
    ['История и философия науки', 'Ғылым тарихы мен философиясы', 'History and Philosophy of Science'],
    4,
    1,
    'BU',
    '2.4.4:4 2.5.4:3',
  ),
  d(
    'IYP5102',
    ['Иностранный язык (профессиональный)', 'Шетел тілі (кәсіби)', 'Foreign Language (Professional)'],
    5,
    1,
    'BU',
    '3.3.1:4',
  ),
  d(
    'PVS5103',
    ['Педагогика высшей школы', 'Жоғары мектеп педагогикасы', 'Higher Education Pedagogy'],
    4,
    1,
    'BU',
    '2.4.6:3',
  ),
  d(
    'PSU5104',
    ['Психология управления', 'Басқару психологиясы', 'Management Psychology'],
    4,
    2,
    'BU',
    '3.1.4:3',
  ),
  d('PEP5105', ['Педагогическая практика', 'Педагогикалық практика', 'Teaching Practice'], 4, 3, 'BU'),
  d('IPR5106', ['Исследовательская практика', 'Зерттеу практикасы', 'Research Practice'], 8, 4, 'MC'),
  ...(['2.2.2:4', '2.2.1:4', '2.2.3:4', '2.2.4:4'] as const).map((outcome, i) =>
    d(
      `NIR510${7 + i}`,
      [
        `Научно-исследовательская работа магистранта ${i + 1}`,
        `Магистранттың ғылыми-зерттеу жұмысы ${i + 1}`,
        `Master's Research Work ${i + 1}`,
      ],
      6,
      i + 1,
      'MC',
      outcome,
    ),
  ),
  d(
    'MDS5111',
    [
      'Оформление и защита магистерской диссертации',
      'Магистрлік диссертацияны рәсімдеу және қорғау',
      "Master's Thesis: Writing and Defence",
    ],
    12,
    4,
    'MC',
    '3.2.3:5 3.2.6:4',
  ),
];

const RESEARCH_METHODS = d(
  'RMT5208',
  ['Методы научных исследований', 'Ғылыми зерттеу әдістері', 'Research Methods'],
  8,
  2,
  'MC',
  '2.2.1:4 2.2.2:4',
);

const CHEMISTRY: DemoDiscipline[] = [
  d('OXI2201', ['Органическая химия', 'Органикалық химия', 'Organic Chemistry'], 6, 3, 'BC', '1.1.3:3'),
  d('FXI2202', ['Физическая химия', 'Физикалық химия', 'Physical Chemistry'], 5, 3, 'BC', '1.1.3:3 2.1.2:2'),
  d(
    'AXN2203',
    ['Аналитическая химия нефти', 'Мұнайдың аналитикалық химиясы', 'Analytical Chemistry of Oil'],
    5,
    4,
    'BC',
    '2.2.3:3 1.2:2',
    'PCH-105 PCH-105#0 PCH-105#1 PCH-105#3',
  ),
  d(
    'PAX2204',
    [
      'Процессы и аппараты химической технологии',
      'Химиялық технологияның процестері мен аппараттары',
      'Chemical Engineering Unit Operations',
    ],
    7,
    4,
    'BC',
    '1.2:3 2.1.2:3',
    'PCH-101 PCH-101#0',
  ),
  d('TMX2205', MECHANICS, 5, 3, 'BC', '1.2:2'),
  d('ELT2206', ELECTRICAL, 5, 4, 'BC', '1.2:2'),
  d(
    'XTD2207',
    [
      'Химическая термодинамика и кинетика',
      'Химиялық термодинамика және кинетика',
      'Chemical Thermodynamics and Kinetics',
    ],
    5,
    4,
    'BU',
    '1.1.3:3 2.1.3:3',
  ),
  d(
    'TPN3208',
    ['Технология переработки нефти', 'Мұнай өңдеу технологиясы', 'Petroleum Refining Technology'],
    7,
    5,
    'MC',
    '1.3:3 4.6.1:2',
    'PCH-101 PCH-101#0 PCH-101#2 PCH-101#4',
  ),
  d(
    'KP3209',
    ['Каталитические процессы', 'Каталитикалық процестер', 'Catalytic Processes'],
    6,
    5,
    'MC',
    '1.3:3 2.2.3:3',
    'PCH-105 PCH-105#0 PCH-105#1 PCH-101#2',
  ),
  d(
    'XTP3210',
    [
      'Химия и технология полимеров',
      'Полимерлер химиясы және технологиясы',
      'Polymer Chemistry and Technology',
    ],
    6,
    6,
    'MC',
    '1.3:3 2.2.3:3',
    'PCH-110 PCH-110#0 PCH-110#1',
  ),
  d(
    'MPX3211',
    [
      'Моделирование химико-технологических процессов',
      'Химиялық-технологиялық процестерді модельдеу',
      'Modelling of Chemical Processes',
    ],
    6,
    5,
    'BU',
    '2.1.2:3 4.3.3:3',
  ),
  d(
    'APX3212',
    [
      'Автоматизация технологических процессов',
      'Технологиялық процестерді автоматтандыру',
      'Process Automation',
    ],
    5,
    6,
    'MC',
    'I4.1.1:2 I4.1.2:2',
    'PCH-101#5',
  ),
  d(
    'PB3213',
    ['Промышленная безопасность на НПЗ', 'МӨЗ-дегі өнеркәсіптік қауіпсіздік', 'Process Safety in Refineries'],
    5,
    6,
    'MC',
    'I4.3.1:3 2.5.1:3',
  ),
  d(
    'PNZ4214',
    [
      'Проектирование нефтеперерабатывающих производств',
      'Мұнай өңдеу өндірістерін жобалау',
      'Refinery Design',
    ],
    7,
    7,
    'MC',
    '4.4.4:4 4.4.6:3 3.1.5:3',
  ),
  d(
    'OPT4215',
    [
      'Оборудование нефтеперерабатывающих заводов',
      'Мұнай өңдеу зауыттарының жабдықтары',
      'Refinery Equipment',
    ],
    5,
    7,
    'ME',
    '4.6.3:3',
  ),
  d(
    'EKX4216',
    [
      'Экономика и организация химического производства',
      'Химиялық өндірістің экономикасы және ұйымдастырылуы',
      'Economics of Chemical Production',
    ],
    5,
    7,
    'BE',
    '4.2.7:3',
  ),
  d(
    'XTO4217',
    [
      'Технология основного органического синтеза',
      'Негізгі органикалық синтез технологиясы',
      'Basic Organic Synthesis',
    ],
    6,
    7,
    'ME',
    '1.3:3',
  ),
  d(
    'EKO4218',
    [
      'Охрана окружающей среды в нефтехимии',
      'Мұнай-химиядағы қоршаған ортаны қорғау',
      'Environmental Protection in Petrochemistry',
    ],
    5,
    7,
    'ME',
    '4.1.2:3 4.1.7:3',
  ),
  d(
    'KMX3219',
    [
      'Коррозия и защита металлов',
      'Металдардың коррозиясы және қорғалуы',
      'Corrosion and Protection of Metals',
    ],
    5,
    5,
    'BE',
    '1.2:3',
  ),
  d('IPR3220', CDIO_PROJECT, 6, 6, 'MU', CDIO_PROJECT_OUTCOMES),
  d(
    'TOT4221',
    [
      'Технология транспорта и хранения нефти',
      'Мұнайды тасымалдау және сақтау технологиясы',
      'Oil Transport and Storage',
    ],
    5,
    7,
    'ME',
    '1.3:2',
  ),
  d(
    'NXI3222',
    ['Нефтехимический синтез', 'Мұнай-химиялық синтез', 'Petrochemical Synthesis'],
    6,
    6,
    'MC',
    '1.3:3',
  ),
  d(
    'KXT3223',
    [
      'Контроль качества нефтепродуктов',
      'Мұнай өнімдерінің сапасын бақылау',
      'Quality Control of Petroleum Products',
    ],
    5,
    6,
    'ME',
    '4.5.5:3',
    'PCH-105#2 PCH-105#3',
  ),
  d('TEX2224', ['Теплотехника', 'Жылутехника', 'Heat Engineering'], 6, 4, 'BC', '1.2:2'),
];

const METALLURGY: DemoDiscipline[] = [
  d(
    'TMP2201',
    [
      'Теория металлургических процессов',
      'Металлургиялық процестер теориясы',
      'Theory of Metallurgical Processes',
    ],
    6,
    4,
    'BC',
    '1.2:3 2.1.2:2',
    'MET-201 MET-201#0',
  ),
  d(
    'MTV2202',
    ['Материаловедение', 'Материалтану', 'Materials Science'],
    6,
    3,
    'BC',
    '1.2:3 2.2.3:2',
    'MET-204 MET-204#0 MET-204#1',
  ),
  d('TMX2203', MECHANICS, 5, 3, 'BC', '1.2:2'),
  d('ELT2204', ELECTRICAL, 5, 4, 'BC', '1.2:2'),
  d(
    'FXM2205',
    [
      'Физическая химия металлургических систем',
      'Металлургиялық жүйелердің физикалық химиясы',
      'Physical Chemistry of Metallurgical Systems',
    ],
    5,
    4,
    'BC',
    '1.1.3:3',
  ),
  d(
    'MTT2206',
    ['Металлургическая теплотехника', 'Металлургиялық жылутехника', 'Metallurgical Heat Engineering'],
    5,
    4,
    'BU',
    '1.2:3',
  ),
  d(
    'MCM3207',
    ['Металлургия чёрных металлов', 'Қара металдар металлургиясы', 'Ferrous Metallurgy'],
    7,
    5,
    'MC',
    '1.3:3 4.6.1:3',
    'MET-201 MET-201#0 MET-201#1',
  ),
  d(
    'MTM3208',
    ['Металлургия цветных металлов', 'Түсті металдар металлургиясы', 'Non-ferrous Metallurgy'],
    7,
    6,
    'MC',
    '1.3:3',
  ),
  d(
    'NK3209',
    ['Неразрушающий контроль', 'Бұзбайтын бақылау', 'Non-destructive Testing'],
    5,
    6,
    'MC',
    '4.5.5:3 2.2.3:3',
    'MET-204 MET-204#2 MET-204#3',
  ),
  d(
    'TM3210',
    ['Технология машиностроения', 'Машина жасау технологиясы', 'Manufacturing Engineering'],
    5,
    5,
    'BU',
    '4.5.2:3',
    'MET-210',
  ),
  d(
    'CPU3211',
    ['Обработка металлов на станках с ЧПУ', 'Металдарды СБББ станоктарында өңдеу', 'CNC Machining of Metals'],
    5,
    6,
    'ME',
    '4.5.2:3 I4.1.1:1',
    'MET-210 MET-210#0',
  ),
  d(
    'OMD3212',
    ['Обработка металлов давлением', 'Металдарды қысыммен өңдеу', 'Metal Forming'],
    6,
    5,
    'MC',
    '1.3:3',
  ),
  d(
    'MPM3213',
    [
      'Моделирование металлургических процессов',
      'Металлургиялық процестерді модельдеу',
      'Modelling of Metallurgical Processes',
    ],
    5,
    6,
    'BU',
    '2.1.2:3 I4.2.3:2',
  ),
  d('EMT4214', ['Электрометаллургия', 'Электрометаллургия', 'Electrometallurgy'], 6, 7, 'MC', '1.3:3'),
  d(
    'PMC4215',
    [
      'Проектирование металлургических цехов',
      'Металлургиялық цехтарды жобалау',
      'Design of Metallurgical Plants',
    ],
    7,
    7,
    'MC',
    '4.4.4:4 3.1.5:3 4.3.4:3',
  ),
  d(
    'EMP4216',
    [
      'Экономика металлургического производства',
      'Металлургиялық өндіріс экономикасы',
      'Economics of Metallurgical Production',
    ],
    5,
    7,
    'BE',
    '4.2.7:3',
  ),
  d(
    'EKM4217',
    [
      'Экология металлургического производства',
      'Металлургиялық өндіріс экологиясы',
      'Environmental Management in Metallurgy',
    ],
    5,
    7,
    'ME',
    '4.1.2:3 4.1.7:3',
  ),
  d(
    'PBM3218',
    [
      'Промышленная безопасность в металлургии',
      'Металлургиядағы өнеркәсіптік қауіпсіздік',
      'Industrial Safety in Metallurgy',
    ],
    5,
    6,
    'MC',
    'I4.3.1:3 2.5.2:3',
  ),
  d('IPR3219', CDIO_PROJECT, 6, 6, 'MU', CDIO_PROJECT_OUTCOMES),
  d('PRM4220', ['Порошковая металлургия', 'Ұнтақ металлургиясы', 'Powder Metallurgy'], 5, 7, 'ME', '1.3:2'),
  d(
    'AMP4221',
    [
      'Автоматизация металлургических процессов',
      'Металлургиялық процестерді автоматтандыру',
      'Automation of Metallurgical Processes',
    ],
    5,
    7,
    'ME',
    'I4.1.1:2',
  ),
  d(
    'KMG2222',
    [
      'Кристаллография и металлография',
      'Кристаллография және металлография',
      'Crystallography and Metallography',
    ],
    6,
    3,
    'BC',
    '1.1.2:3',
    'MET-204 MET-204#0',
  ),
  d(
    'OPI3223',
    ['Обогащение полезных ископаемых', 'Пайдалы қазбаларды байыту', 'Mineral Processing'],
    6,
    5,
    'MC',
    '1.3:3',
  ),
  d('GMM3224', ['Гидрометаллургия', 'Гидрометаллургия', 'Hydrometallurgy'], 6, 5, 'MC', '1.3:3'),
];

const POWER: DemoDiscipline[] = [
  d(
    'TOE2201',
    ['Теоретические основы электротехники 1', 'Электротехниканың теориялық негіздері 1', 'Circuit Theory 1'],
    6,
    3,
    'BC',
    '1.2:3 2.1.2:2',
  ),
  d(
    'TOE2202',
    ['Теоретические основы электротехники 2', 'Электротехниканың теориялық негіздері 2', 'Circuit Theory 2'],
    6,
    4,
    'BC',
    '1.2:3',
  ),
  d('TMX2203', MECHANICS, 5, 3, 'BC', '1.2:2'),
  d(
    'EMA2204',
    ['Электрические машины', 'Электр машиналары', 'Electrical Machines'],
    6,
    4,
    'BC',
    '1.2:3 2.2.3:3',
  ),
  d(
    'PEL2205',
    ['Промышленная электроника', 'Өнеркәсіптік электроника', 'Power Electronics'],
    5,
    4,
    'BU',
    '1.2:3',
  ),
  d(
    'EIZ2206',
    ['Электрические измерения', 'Электрлік өлшеулер', 'Electrical Measurements'],
    5,
    3,
    'BC',
    '2.2.3:3',
  ),
  d(
    'ESS3207',
    [
      'Электроэнергетические системы и сети',
      'Электр энергетикалық жүйелер мен желілер',
      'Power Systems and Networks',
    ],
    7,
    5,
    'MC',
    '1.3:3 2.1.2:3 2.3.2:3',
    'ENG-301 ENG-301#0 ENG-301#1',
  ),
  d(
    'RZ3208',
    ['Релейная защита', 'Релелік қорғау', 'Relay Protection'],
    6,
    6,
    'MC',
    '1.3:3 4.5.5:3',
    'ENG-301 ENG-301#2',
  ),
  d(
    'EST3209',
    [
      'Электрические станции и подстанции',
      'Электр станциялары мен қосалқы станциялар',
      'Power Plants and Substations',
    ],
    6,
    5,
    'MC',
    '1.3:3 4.6.1:2',
  ),
  d(
    'EPP3210',
    [
      'Электроснабжение промышленных предприятий',
      'Өнеркәсіптік кәсіпорындарды электрмен жабдықтау',
      'Industrial Power Supply',
    ],
    6,
    6,
    'MC',
    '4.4.4:3 I4.3.2:2',
  ),
  d(
    'GEM3211',
    ['Горная электромеханика', 'Тау-кен электромеханикасы', 'Mining Electromechanics'],
    5,
    6,
    'ME',
    '1.3:3',
    'ENG-305 ENG-305#0',
  ),
  d(
    'DGO4212',
    [
      'Диагностика горного оборудования',
      'Тау-кен жабдығының диагностикасы',
      'Diagnostics of Mining Equipment',
    ],
    5,
    7,
    'ME',
    'I4.3.3:3 4.6.3:3',
    'ENG-305 ENG-305#1 ENG-305#2',
  ),
  d(
    'VIE3213',
    ['Возобновляемые источники энергии', 'Жаңартылатын энергия көздері', 'Renewable Energy Sources'],
    5,
    6,
    'ME',
    '4.1.7:3 1.3:2',
    'ENG-310 ENG-310#0 ENG-310#1',
    [2, 3],
  ),
  d(
    'EAP3213',
    ['Электрические аппараты', 'Электр аппараттары', 'Electrical Apparatus'],
    5,
    6,
    'ME',
    '1.3:3',
    '',
    [1],
  ),
  d(
    'TVN3214',
    ['Техника высоких напряжений', 'Жоғары кернеу техникасы', 'High Voltage Engineering'],
    5,
    5,
    'MC',
    '1.3:3',
  ),
  d(
    'AEP4215',
    ['Автоматизированный электропривод', 'Автоматтандырылған электр жетегі', 'Automated Electric Drives'],
    6,
    7,
    'MC',
    '4.5.4:3 I4.1.1:2',
  ),
  d(
    'PEE4216',
    [
      'Проектирование систем электроснабжения',
      'Электрмен жабдықтау жүйелерін жобалау',
      'Power Supply System Design',
    ],
    7,
    7,
    'MC',
    '4.4.4:4 4.4.6:3 3.1.5:3',
  ),
  d(
    'EKE4217',
    ['Экономика энергетики', 'Энергетика экономикасы', 'Energy Economics'],
    5,
    7,
    'BE',
    '4.2.7:3',
    '',
    [1, 2],
  ),
  d(
    'IEP4217',
    ['Инженерное предпринимательство', 'Инженерлік кәсіпкерлік', 'Engineering Entrepreneurship'],
    5,
    7,
    'BE',
    '4.8.2:2 4.8.1:2 4.2.7:2',
    '',
    [3],
  ),
  d(
    'EB3218',
    ['Электробезопасность', 'Электр қауіпсіздігі', 'Electrical Safety'],
    5,
    5,
    'MC',
    '2.5.2:3 I4.3.1:2',
  ),
  d('IPR3219', CDIO_PROJECT, 6, 6, 'MU', CDIO_PROJECT_OUTCOMES),
  d(
    'MES3220',
    [
      'Математическое моделирование в энергетике',
      'Энергетикадағы математикалық модельдеу',
      'Mathematical Modelling in Power Engineering',
    ],
    5,
    5,
    'BU',
    '2.1.2:3 2.1.4:3',
  ),
  d(
    'ENA4221',
    ['Энергоаудит и энергосбережение', 'Энергоаудит және энергия үнемдеу', 'Energy Audit and Energy Saving'],
    5,
    7,
    'ME',
    'I4.3.2:3',
  ),
  d(
    'SAP4222',
    [
      'Автоматизация энергосистем (SCADA)',
      'Энергожүйелерді автоматтандыру (SCADA)',
      'Power System Automation (SCADA)',
    ],
    5,
    7,
    'ME',
    'I4.1.2:2',
    '',
    [2, 3],
  ),
  d(
    'ESG4222',
    [
      'Электроснабжение горных предприятий',
      'Тау-кен кәсіпорындарын электрмен жабдықтау',
      'Power Supply of Mining Enterprises',
    ],
    5,
    7,
    'ME',
    '4.4.4:3',
    '',
    [1],
  ),
  d('TEC2223', ['Теплоэнергетика', 'Жылу энергетикасы', 'Thermal Power Engineering'], 5, 4, 'BC', '1.2:2'),
  d(
    'ETM2224',
    ['Электротехнические материалы', 'Электротехникалық материалдар', 'Electrical Engineering Materials'],
    7,
    3,
    'BC',
    '1.2:2',
  ),
];

const INFORMATICS: DemoDiscipline[] = [
  d(
    'AIP2201',
    ['Алгоритмы и программирование', 'Алгоритмдер және бағдарламалау', 'Algorithms and Programming'],
    6,
    3,
    'BC',
    '4.5.3:2 2.1.1:2',
  ),
  d(
    'OOP2202',
    [
      'Объектно-ориентированное программирование',
      'Объектіге бағытталған бағдарламалау',
      'Object-oriented Programming',
    ],
    6,
    4,
    'BC',
    '4.5.3:3',
  ),
  d('BD2203', ['Базы данных', 'Деректер қоры', 'Databases'], 5, 4, 'BC', '4.5.3:3 1.2:2'),
  d('KSS2204', ['Компьютерные сети', 'Компьютерлік желілер', 'Computer Networks'], 5, 4, 'BC', 'I4.1.3:2'),
  d(
    'TAU2205',
    ['Теория автоматического управления', 'Автоматты басқару теориясы', 'Control Theory'],
    6,
    3,
    'BC',
    '1.2:3 2.1.2:3',
  ),
  d('ELT2206', ELECTRICAL, 5, 3, 'BC', '1.2:2'),
  d(
    'TVS2207',
    [
      'Теория вероятностей и математическая статистика',
      'Ықтималдықтар теориясы және математикалық статистика',
      'Probability and Statistics',
    ],
    5,
    3,
    'BC',
    '1.1.1:3 2.1.4:3',
  ),
  d(
    'PLC3208',
    ['Программирование ПЛК', 'ПЛК бағдарламалау', 'PLC Programming'],
    6,
    5,
    'MC',
    'I4.1.1:3 4.5.4:3',
    'IT-401 IT-401#0 IT-401#1',
  ),
  d(
    'SCD3209',
    ['SCADA-системы', 'SCADA жүйелері', 'SCADA Systems'],
    6,
    6,
    'MC',
    'I4.1.2:3',
    'IT-401 IT-401#2',
  ),
  d(
    'APD3210',
    ['Анализ промышленных данных', 'Өнеркәсіптік деректерді талдау', 'Industrial Data Analytics'],
    6,
    5,
    'MC',
    'I4.2.1:3 2.1.3:3',
    'IT-405 IT-405#0',
  ),
  d(
    'MO3211',
    ['Машинное обучение', 'Машиналық оқыту', 'Machine Learning'],
    6,
    6,
    'MC',
    'I4.2.2:3 2.1.2:3',
    'IT-405 IT-405#0 IT-405#1',
  ),
  d(
    'IVT3212',
    ['Интернет вещей', 'Заттар интернеті', 'Internet of Things'],
    5,
    6,
    'MC',
    'I4.1.3:3 4.5.4:3',
    'IT-410 IT-410#0',
  ),
  d(
    'CDT4213',
    ['Цифровые двойники производства', 'Өндірістің цифрлық егіздері', 'Digital Twins of Production'],
    6,
    7,
    'MC',
    'I4.2.3:3 4.3.3:3',
    'IT-410 IT-410#1',
  ),
  d('OS2214', ['Операционные системы', 'Операциялық жүйелер', 'Operating Systems'], 5, 4, 'BU', '1.2:2'),
  d('VEB3215', ['Веб-технологии', 'Веб-технологиялар', 'Web Technologies'], 5, 5, 'BE', '4.5.3:3'),
  d(
    'PIS3216',
    ['Проектирование информационных систем', 'Ақпараттық жүйелерді жобалау', 'Information Systems Design'],
    6,
    5,
    'MC',
    '4.3.2:3 4.4.1:3',
  ),
  d(
    'ROB4217',
    ['Промышленная робототехника', 'Өнеркәсіптік робототехника', 'Industrial Robotics'],
    5,
    7,
    'ME',
    '4.5.4:3',
  ),
  d(
    'UPR4218',
    ['Управление ИТ-проектами', 'IT-жобаларды басқару', 'IT Project Management'],
    5,
    7,
    'BE',
    '4.3.4:3 3.1.4:2',
  ),
  d('IPR3219', CDIO_PROJECT, 6, 6, 'MU', CDIO_PROJECT_OUTCOMES),
  d(
    'MPS3220',
    ['Микропроцессорные системы', 'Микропроцессорлық жүйелер', 'Microprocessor Systems'],
    5,
    5,
    'BC',
    '4.5.4:2 1.2:3',
  ),
  d(
    'KBZ4221',
    [
      'Основы информационной безопасности',
      'Ақпараттық қауіпсіздік негіздері',
      'Information Security Fundamentals',
    ],
    5,
    7,
    'ME',
    '1.3:2',
  ),
  d('MLD4222', ['Глубокое обучение', 'Терең оқыту', 'Deep Learning'], 5, 7, 'ME', 'I4.2.2:4'),
  d(
    'TPO2223',
    ['Технологии программирования', 'Бағдарламалау технологиялары', 'Software Engineering'],
    5,
    4,
    'BU',
    '4.5.3:3 3.1.2:2',
  ),
  d(
    'MSS2224',
    [
      'Метрология, стандартизация и сертификация',
      'Метрология, стандарттау және сертификаттау',
      'Metrology, Standardisation and Certification',
    ],
    5,
    4,
    'BC',
    '4.5.5:2',
  ),
  d('KGR3225', ['Компьютерная графика', 'Компьютерлік графика', 'Computer Graphics'], 4, 5, 'BE', '3.2.5:3'),
];

const SMART_GRIDS: DemoDiscipline[] = [
  d(
    'SGR5201',
    [
      'Интеллектуальные электрические сети (Smart Grid)',
      'Зияткерлік электр желілері (Smart Grid)',
      'Smart Grids',
    ],
    7,
    1,
    'MC',
    '1.3:4 2.3.2:4',
    'ENG-301',
  ),
  d(
    'PSA5202',
    ['Анализ режимов энергосистем', 'Энергожүйелер режимдерін талдау', 'Power System Analysis'],
    7,
    1,
    'BE',
    '2.1.2:4 2.1.4:4',
  ),
  d(
    'PSP5203',
    ['Цифровая релейная защита', 'Цифрлық релелік қорғау', 'Digital Protection of Power Systems'],
    7,
    2,
    'MC',
    '4.5.5:4',
    'ENG-301 ENG-301#2',
  ),
  d(
    'REI5204',
    [
      'Интеграция возобновляемых источников',
      'Жаңартылатын көздерді біріктіру',
      'Renewable Energy Integration',
    ],
    6,
    2,
    'MC',
    '4.1.7:4',
    'ENG-310',
  ),
  d(
    'PEC5205',
    [
      'Силовая электроника в энергосистемах',
      'Энергожүйелердегі күштік электроника',
      'Power Electronics for Power Systems',
    ],
    6,
    2,
    'BE',
    '1.3:4',
  ),
  d(
    'EMK5206',
    ['Электроэнергетические рынки', 'Электр энергетикалық нарықтар', 'Electricity Markets'],
    6,
    3,
    'BE',
    '4.2.7:4',
  ),
  d(
    'PRJ5207',
    ['Групповой проект (Brunel)', 'Топтық жоба (Brunel)', 'Group Project (Brunel)'],
    8,
    3,
    'MC',
    '3.1.5:4 4.3.4:4 3.3.1:4',
  ),
  RESEARCH_METHODS,
];

const SUSTAINABLE_ENERGY: DemoDiscipline[] = [
  d(
    'ESY5201',
    [
      'Энергетические системы и устойчивость',
      'Энергетикалық жүйелер және тұрақтылық',
      'Energy Systems and Sustainability',
    ],
    7,
    1,
    'MC',
    '4.1.7:4 2.3.1:4',
  ),
  d(
    'SOL5202',
    ['Солнечная и ветровая энергетика', 'Күн және жел энергетикасы', 'Solar and Wind Power'],
    7,
    1,
    'MC',
    '1.3:4',
    'ENG-310 ENG-310#0 ENG-310#1',
  ),
  d('EST5203', ['Накопление энергии', 'Энергия жинақтау', 'Energy Storage'], 6, 2, 'MC', '1.3:4'),
  d(
    'LCA5204',
    ['Оценка жизненного цикла', 'Өмірлік циклді бағалау', 'Life Cycle Assessment'],
    6,
    2,
    'BE',
    '4.6.5:4 4.1.2:4',
  ),
  d(
    'EEB5205',
    ['Энергоэффективность промышленности', 'Өнеркәсіптің энергия тиімділігі', 'Industrial Energy Efficiency'],
    7,
    2,
    'MC',
    'I4.3.2:4',
  ),
  d(
    'EPL5206',
    [
      'Энергетическая политика и регулирование',
      'Энергетикалық саясат және реттеу',
      'Energy Policy and Regulation',
    ],
    6,
    3,
    'BE',
    '4.1.3:4',
  ),
  d(
    'PRJ5207',
    [
      'Проект по устойчивой энергетике (Lund)',
      'Тұрақты энергетика бойынша жоба (Lund)',
      'Sustainable Energy Project (Lund)',
    ],
    8,
    3,
    'MC',
    '3.1.5:4 4.4.6:4',
  ),
  RESEARCH_METHODS,
];

/** Practice outcomes of every bachelor programme (`type code:level …`). */
const BACHELOR_PRACTICE: [PracticeType, string][] = [
  ['educational', '4.1.1:2 2.2.3:2'],
  ['industrial', '4.6.1:3 4.2.4:3 3.1.2:3'],
  ['pre-diploma', '4.4.3:4 2.2.2:3'],
];
const MASTER_PRACTICE: [PracticeType, string][] = [['research', '2.2.3:4 2.2.2:4']];

/** What every bachelor programme promises. */
const BACHELOR_PROMISE =
  '1.1.1:3 1.1.2:3 1.2:3 1.3:3 2.1.2:3 2.2.3:3 2.5.1:2 3.1.2:3 3.2.3:3 3.2.6:3 3.3.1:3 4.3.1:3 4.4.1:4';

/** A co-developer of a programme: partner short name, what it brought, the agreement number or null. */
export interface DemoCodeveloper {
  partner: string;
  contributions: ContributionKind[];
  note: string;
  agreement: string | null;
}

/**
 * A version of a demo programme. `startYear` is relative to the academic year of the seed day (0 = the
 * current one), so the demo looks the same whatever day it is seeded on; `approvedBy` lists the
 * co-developers that approved it (a draft waits for the others).
 */
export interface DemoVersion {
  number: number;
  status: 'draft' | 'active' | 'superseded';
  startYear: number;
  note: string;
  approvedBy: string[];
}

/** An equivalence of a discipline (by code) with a partner-university course. */
export interface DemoEquivalence {
  discipline: string;
  partner: string;
  courseCode: string;
  courseTitle: string;
  partnerEcts: string;
  rule: EquivalenceRule;
  note: string;
}

/** A demo programme with its curriculum (the same in every version unless a discipline says otherwise). */
export interface DemoProgramme {
  code: string;
  programmeGroup: string;
  level: ProgrammeLevel;
  priorityArea: PriorityArea;
  name: Names;
  languages: ('kk' | 'ru' | 'en')[];
  credits: number;
  durationSemesters: number;
  degreeType: DegreeType;
  codevelopers: DemoCodeveloper[];
  versions: DemoVersion[];
  disciplines: DemoDiscipline[];
  practices: [PracticeType, string][];
  /** Promised competencies, `code:level` space-separated. */
  promise: string;
  equivalences: DemoEquivalence[];
}

const bachelor = (specific: DemoDiscipline[], chemistry = true) => [
  ...GENERAL,
  ...commonBasic(chemistry),
  ...specific,
  ...FINALS,
];

export const demoProgrammes: DemoProgramme[] = [
  {
    code: '6B07201',
    programmeGroup: 'B072',
    level: 'bachelor',
    priorityArea: 'petrochemistry',
    name: [
      'Химическая технология органических веществ',
      'Органикалық заттардың химиялық технологиясы',
      'Chemical Technology of Organic Substances',
    ],
    languages: ['kk', 'ru'],
    credits: 240,
    durationSemesters: 8,
    degreeType: 'single',
    codevelopers: [
      {
        partner: 'POCR LLP',
        contributions: ['practice', 'labs', 'curriculum'],
        note: 'Практика на установках завода, модуль «Технология переработки нефти»',
        agreement: 'PPP-2016-POCR',
      },
      {
        partner: 'UPV',
        contributions: ['curriculum', 'mobility'],
        note: 'Модули по процессам и моделированию, семестр мобильности в Валенсии',
        agreement: 'FB-2025-UPV',
      },
    ],
    versions: [{ number: 1, status: 'active', startYear: -6, note: '', approvedBy: ['POCR LLP', 'UPV'] }],
    disciplines: bachelor(CHEMISTRY),
    practices: BACHELOR_PRACTICE,
    promise: `${BACHELOR_PROMISE} I4.3.1:4 4.6.1:2 4.4.4:4 I4.1.1:2 4.2.7:3`,
    equivalences: [
      {
        discipline: 'PAX2204',
        partner: 'UPV',
        courseCode: '12345',
        courseTitle: 'Operaciones Básicas de la Ingeniería Química',
        partnerEcts: '6.0',
        rule: 'content',
        note: '',
      },
    ],
  },
  {
    code: '6B07203',
    programmeGroup: 'B074',
    level: 'bachelor',
    priorityArea: 'metallurgy',
    name: ['Металлургия', 'Металлургия', 'Metallurgy'],
    languages: ['kk', 'ru'],
    credits: 240,
    durationSemesters: 8,
    degreeType: 'single',
    codevelopers: [
      {
        partner: 'ERG',
        contributions: ['practice', 'labs', 'curriculum'],
        note: 'Лаборатории МЕТ-201 и МЕТ-204, практика на Павлодарском алюминиевом заводе',
        agreement: 'PPP-2018-ERG',
      },
      {
        partner: 'Lund',
        contributions: ['curriculum', 'mobility'],
        note: 'Модуль по материаловедению и экологии производства',
        agreement: 'MOU-2023-UPV',
      },
    ],
    versions: [{ number: 1, status: 'active', startYear: -5, note: '', approvedBy: ['ERG', 'Lund'] }],
    disciplines: bachelor(METALLURGY),
    practices: BACHELOR_PRACTICE,
    promise: `${BACHELOR_PROMISE.replace('3.3.1:3', '3.3.1:4')} 4.4.4:4 4.5.5:3 I4.3.1:3 I4.2.3:2 4.2.7:3 4.6.1:3`,
    equivalences: [],
  },
  {
    code: '6B07101',
    programmeGroup: 'B062',
    level: 'bachelor',
    priorityArea: 'energy',
    name: ['Электроэнергетика', 'Электр энергетикасы', 'Electric Power Engineering'],
    languages: ['kk', 'ru'],
    credits: 240,
    durationSemesters: 8,
    degreeType: 'single',
    codevelopers: [
      {
        partner: 'KAZ Minerals Bozshakol',
        contributions: ['practice', 'labs'],
        note: 'Лаборатория ENG-305, практика на ГОК Бозшаколь',
        agreement: 'PPP-2019-KAZM',
      },
      {
        partner: 'ERG',
        contributions: ['practice', 'curriculum'],
        note: 'Практика на Аксуской электростанции, дисциплины по электроснабжению',
        agreement: 'PB-2021-ERG',
      },
    ],
    versions: [
      {
        number: 1,
        status: 'superseded',
        startYear: -7,
        note: 'Первая редакция',
        approvedBy: ['KAZ Minerals Bozshakol', 'ERG'],
      },
      {
        number: 2,
        status: 'active',
        startYear: -3,
        note: 'ВИЭ и SCADA вместо электрических аппаратов и электроснабжения горных предприятий',
        approvedBy: ['KAZ Minerals Bozshakol', 'ERG'],
      },
      {
        number: 3,
        status: 'draft',
        startYear: 1,
        note: 'Инженерное предпринимательство вместо экономики энергетики; ждёт согласования ERG',
        approvedBy: ['KAZ Minerals Bozshakol'],
      },
    ],
    disciplines: bachelor(POWER),
    practices: BACHELOR_PRACTICE,
    promise: `${BACHELOR_PROMISE} 4.4.4:4 4.5.5:3 I4.3.2:3 I4.3.3:3 2.1.4:3 4.8.2:2 4.1.7:3`,
    equivalences: [],
  },
  {
    code: '6B06101',
    programmeGroup: 'B057',
    level: 'bachelor',
    priorityArea: 'it',
    name: ['Промышленная информатика', 'Өнеркәсіптік информатика', 'Industrial Informatics'],
    languages: ['ru', 'en'],
    credits: 240,
    durationSemesters: 8,
    degreeType: 'double',
    codevelopers: [
      {
        partner: 'UPV',
        contributions: ['curriculum', 'degree', 'mobility'],
        note: 'Двойной диплом: 7-й семестр в Валенсии',
        agreement: 'JP-2022-UPV',
      },
    ],
    versions: [{ number: 1, status: 'active', startYear: -4, note: '', approvedBy: ['UPV'] }],
    disciplines: bachelor(INFORMATICS, false),
    practices: BACHELOR_PRACTICE,
    promise: `${BACHELOR_PROMISE} I4.1.1:3 I4.2.2:3 I4.2.3:3 I4.1.3:3 4.5.3:3 I4.3.4:3 4.1.7:3`,
    equivalences: [
      {
        discipline: 'MO3211',
        partner: 'UPV',
        courseCode: '13542',
        courseTitle: 'Aprendizaje Automático',
        partnerEcts: '6.0',
        rule: 'ects',
        note: '',
      },
      {
        discipline: 'PLC3208',
        partner: 'UPV',
        courseCode: '13520',
        courseTitle: 'Automatización Industrial',
        partnerEcts: '6.0',
        rule: 'ects',
        note: '',
      },
      {
        discipline: 'CDT4213',
        partner: 'UPV',
        courseCode: '13561',
        courseTitle: 'Gemelos Digitales en la Industria',
        partnerEcts: '4.5',
        rule: 'content',
        note: 'Недостающие 1,5 кредита закрываются проектом в Павлодаре',
      },
    ],
  },
  {
    code: '7M07101',
    programmeGroup: 'M100',
    level: 'master',
    priorityArea: 'energy',
    name: ['Электроэнергетика', 'Электр энергетикасы', 'Electrical Power Engineering'],
    languages: ['en', 'ru'],
    credits: 120,
    durationSemesters: 4,
    degreeType: 'double',
    codevelopers: [
      {
        partner: 'Brunel',
        contributions: ['curriculum', 'teaching', 'degree'],
        note: 'Двойной диплом MSc Brunel University London',
        agreement: 'JP-2019-BRUNEL',
      },
    ],
    versions: [{ number: 1, status: 'active', startYear: -7, note: '', approvedBy: ['Brunel'] }],
    disciplines: [...MASTER_COMMON, ...SMART_GRIDS],
    practices: MASTER_PRACTICE,
    promise: '1.3:4 2.1.2:4 2.2.1:4 2.2.4:4 3.1.5:4 3.2.3:5 3.3.1:4 4.5.5:4 4.7.6:3',
    equivalences: [
      {
        discipline: 'SGR5201',
        partner: 'Brunel',
        courseCode: 'EE5561',
        courseTitle: 'Smart Grids',
        partnerEcts: '7.5',
        rule: 'content',
        note: '15 UK credits',
      },
      {
        discipline: 'PSP5203',
        partner: 'Brunel',
        courseCode: 'EE5562',
        courseTitle: 'Power System Protection',
        partnerEcts: '7.5',
        rule: 'ects',
        note: '15 UK credits',
      },
    ],
  },
  {
    code: '7M07102',
    programmeGroup: 'M100',
    level: 'master',
    priorityArea: 'energy',
    name: ['Устойчивая энергетика', 'Тұрақты энергетика', 'Sustainable Energy Engineering'],
    languages: ['en'],
    credits: 120,
    durationSemesters: 4,
    degreeType: 'joint',
    codevelopers: [
      {
        partner: 'Lund',
        contributions: ['curriculum', 'teaching', 'degree'],
        note: 'Совместный диплом, второй год в Лунде',
        agreement: 'JP-2021-LUND',
      },
    ],
    versions: [{ number: 1, status: 'active', startYear: -5, note: '', approvedBy: ['Lund'] }],
    disciplines: [...MASTER_COMMON, ...SUSTAINABLE_ENERGY],
    practices: MASTER_PRACTICE,
    promise: '4.1.7:4 1.3:4 I4.3.2:4 4.6.5:4 2.2.4:4 3.2.3:5 4.1.3:4',
    equivalences: [
      {
        discipline: 'EST5203',
        partner: 'Lund',
        courseCode: 'MVKN90',
        courseTitle: 'Energy Storage Systems',
        partnerEcts: '7.5',
        rule: 'content',
        note: '',
      },
    ],
  },
];

/** The partner users of the co-developers that had none (each approves for its organisation). */
export const demoCodeveloperUsers = [
  { email: 'brunel@demo.kadr.kz', fullName: 'James Whitfield', organisation: 'Brunel', locale: 'en' },
  { email: 'lund@demo.kadr.kz', fullName: 'Karin Sjöberg', organisation: 'Lund', locale: 'en' },
  { email: 'upv@demo.kadr.kz', fullName: 'Lucía Navarro', organisation: 'UPV', locale: 'en' },
  { email: 'pocr@demo.kadr.kz', fullName: 'Гүлмира Әбдірахманова', organisation: 'POCR LLP', locale: 'ru' },
] as const;

/** The disciplines of a version of a programme. */
export function disciplinesOf(programme: DemoProgramme, version: number): DemoDiscipline[] {
  return programme.disciplines.filter((x) => !x.versions || x.versions.includes(version));
}

/** `code:level …` → [code, level] pairs. */
export function parseLevels(text: string): [string, number][] {
  return text
    .split(' ')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.lastIndexOf(':');
      return [pair.slice(0, at), Number(pair.slice(at + 1))];
    });
}
