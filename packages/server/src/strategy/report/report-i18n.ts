import type { Locale, MilestoneStatusDto, ProjectKind, ProjectStatus } from '@kadr/contracts';

/** Headings and labels of the annual strategy report in the three languages. */
export interface ReportLabels {
  title: string;
  subtitle: (university: string, year: string) => string;
  asOf: string;
  generated: string;
  summary: string;
  kpi: string;
  value: string;
  target: string;
  deadline: string;
  progress: string;
  progressChart: string;
  noData: string;
  withheld: string;
  noTarget: string;
  history: string;
  historyEmpty: string;
  breakdown: string;
  part: string;
  investments: string;
  year: string;
  projects: string;
  project: string;
  kind: string;
  partner: string;
  agreement: string;
  status: string;
  milestones: string;
  overdue: string;
  formulas: string;
  formula: string;
  confidentialNote: string;
  none: string;
  sheets: {
    summary: string;
    history: string;
    breakdown: string;
    investments: string;
    projects: string;
    formulas: string;
  };
  parts: Record<string, string>;
  projectKinds: Record<ProjectKind, string>;
  projectStatuses: Record<ProjectStatus, string>;
  milestoneStatuses: Record<MilestoneStatusDto, string>;
  sources: { ppp: string; state: string };
}

const en: ReportLabels = {
  title: 'Annual strategy report',
  subtitle: (university, year) => `${university}: progress on the national goals, ${year}`,
  asOf: 'Figures as of',
  generated: 'Generated',
  summary: 'Key performance indicators',
  kpi: 'Indicator',
  value: 'Value',
  target: 'Target',
  deadline: 'Deadline',
  progress: 'Progress',
  progressChart: 'Progress towards the targets',
  noData: 'no data yet',
  withheld: 'withheld (fewer than 3 partners)',
  noTarget: '—',
  history: 'History (values kept each month)',
  historyEmpty: 'No snapshots kept yet.',
  breakdown: 'Breakdown',
  part: 'Part',
  investments: 'Investment since 2015 by year, KZT',
  year: 'Year',
  projects: 'Branch and joint-programme projects',
  project: 'Project',
  kind: 'Kind',
  partner: 'Partner',
  agreement: 'Agreement',
  status: 'Status',
  milestones: 'Milestones done',
  overdue: 'Overdue',
  formulas: 'How each indicator is computed',
  formula: 'Formula',
  confidentialNote:
    'Sums of partners’ money are shown to the ministry only when at least three partners contribute to them.',
  none: 'No records.',
  sheets: {
    summary: 'KPIs',
    history: 'KPI history',
    breakdown: 'Breakdown',
    investments: 'Investment',
    projects: 'Projects',
    formulas: 'Formulas',
  },
  parts: {
    open: 'Open',
    planned: 'Planned',
    double: 'Double degree',
    joint: 'Joint degree',
    usedHours: 'Hours used',
    availableHours: 'Hours available',
    numerator: 'Counted',
    denominator: 'Out of',
  },
  projectKinds: { branch: 'Branch', joint_programme: 'Joint programme' },
  projectStatuses: { planned: 'Planned', active: 'Active', completed: 'Completed', cancelled: 'Cancelled' },
  milestoneStatuses: {
    pending: 'Pending',
    in_progress: 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
    overdue: 'Overdue',
  },
  sources: { ppp: 'PPP partners', state: 'State budget' },
};

const ru: ReportLabels = {
  title: 'Годовой отчёт о реализации стратегии',
  subtitle: (university, year) => `${university}: продвижение к национальным целям, ${year}`,
  asOf: 'Данные на',
  generated: 'Сформирован',
  summary: 'Ключевые показатели',
  kpi: 'Показатель',
  value: 'Значение',
  target: 'Цель',
  deadline: 'Срок',
  progress: 'Выполнение',
  progressChart: 'Выполнение целевых значений',
  noData: 'данных пока нет',
  withheld: 'скрыто (менее 3 партнёров)',
  noTarget: '—',
  history: 'Динамика (значения, сохранённые ежемесячно)',
  historyEmpty: 'Снимков пока нет.',
  breakdown: 'Состав показателей',
  part: 'Составляющая',
  investments: 'Инвестиции с 2015 года по годам, тенге',
  year: 'Год',
  projects: 'Проекты филиалов и совместных программ',
  project: 'Проект',
  kind: 'Вид',
  partner: 'Партнёр',
  agreement: 'Соглашение',
  status: 'Статус',
  milestones: 'Выполнено этапов',
  overdue: 'Просрочено',
  formulas: 'Как рассчитывается каждый показатель',
  formula: 'Формула',
  confidentialNote:
    'Суммы средств партнёров показываются министерству, только если в них участвуют не менее трёх партнёров.',
  none: 'Записей нет.',
  sheets: {
    summary: 'Показатели',
    history: 'Динамика',
    breakdown: 'Состав',
    investments: 'Инвестиции',
    projects: 'Проекты',
    formulas: 'Формулы',
  },
  parts: {
    open: 'Открыто',
    planned: 'Планируется',
    double: 'Двойной диплом',
    joint: 'Совместный диплом',
    usedHours: 'Часов использовано',
    availableHours: 'Часов доступно',
    numerator: 'Учтено',
    denominator: 'Из',
  },
  projectKinds: { branch: 'Филиал', joint_programme: 'Совместная программа' },
  projectStatuses: { planned: 'Планируется', active: 'Идёт', completed: 'Завершён', cancelled: 'Отменён' },
  milestoneStatuses: {
    pending: 'Ожидает',
    in_progress: 'В работе',
    done: 'Выполнен',
    cancelled: 'Отменён',
    overdue: 'Просрочен',
  },
  sources: { ppp: 'Партнёры ГЧП', state: 'Государственный бюджет' },
};

const kk: ReportLabels = {
  title: 'Стратегияны іске асыру туралы жылдық есеп',
  subtitle: (university, year) => `${university}: ұлттық мақсаттарға жету барысы, ${year}`,
  asOf: 'Деректер күні',
  generated: 'Құрылған күні',
  summary: 'Негізгі көрсеткіштер',
  kpi: 'Көрсеткіш',
  value: 'Мәні',
  target: 'Мақсат',
  deadline: 'Мерзімі',
  progress: 'Орындалуы',
  progressChart: 'Мақсатты мәндердің орындалуы',
  noData: 'деректер әзірге жоқ',
  withheld: 'жасырылған (3 серіктестен аз)',
  noTarget: '—',
  history: 'Серпіні (ай сайын сақталған мәндер)',
  historyEmpty: 'Әзірге суреттер жоқ.',
  breakdown: 'Көрсеткіштердің құрамы',
  part: 'Құрамдас бөлігі',
  investments: '2015 жылдан бергі инвестициялар жылдар бойынша, теңге',
  year: 'Жыл',
  projects: 'Филиалдар мен бірлескен бағдарламалар жобалары',
  project: 'Жоба',
  kind: 'Түрі',
  partner: 'Серіктес',
  agreement: 'Келісім',
  status: 'Мәртебесі',
  milestones: 'Орындалған кезеңдер',
  overdue: 'Мерзімі өткен',
  formulas: 'Әр көрсеткіш қалай есептеледі',
  formula: 'Формула',
  confidentialNote:
    'Серіктестер қаражатының сомасы министрлікке кемінде үш серіктес қатысқанда ғана көрсетіледі.',
  none: 'Жазбалар жоқ.',
  sheets: {
    summary: 'Көрсеткіштер',
    history: 'Серпіні',
    breakdown: 'Құрамы',
    investments: 'Инвестициялар',
    projects: 'Жобалар',
    formulas: 'Формулалар',
  },
  parts: {
    open: 'Ашылған',
    planned: 'Жоспарланған',
    double: 'Қос диплом',
    joint: 'Бірлескен диплом',
    usedHours: 'Пайдаланылған сағат',
    availableHours: 'Қолжетімді сағат',
    numerator: 'Есептелгені',
    denominator: 'Барлығы',
  },
  projectKinds: { branch: 'Филиал', joint_programme: 'Бірлескен бағдарлама' },
  projectStatuses: {
    planned: 'Жоспарланған',
    active: 'Жүріп жатыр',
    completed: 'Аяқталған',
    cancelled: 'Тоқтатылған',
  },
  milestoneStatuses: {
    pending: 'Күтуде',
    in_progress: 'Орындалуда',
    done: 'Орындалды',
    cancelled: 'Тоқтатылды',
    overdue: 'Мерзімі өтті',
  },
  sources: { ppp: 'МЖӘ серіктестері', state: 'Мемлекеттік бюджет' },
};

/** The report's labels by language. */
export const reportLabels: Record<Locale, ReportLabels> = { kk, ru, en };
