/**
 * The strategy tracker's demo: targets (deadlines relative to the seed year) and three projects with milestones
 * whose dates are relative to the seed day (`+N` / `-N` days), so that some are always overdue.
 */
import type { ProjectKind, ProjectStatus } from '@kadr/contracts';

const t = (ru: string, kk: string, en: string) => ({ kk, ru, en });

const none = t('', '', '');

/**
 * A target: the KPI, the value (tiyn for money, 0-1 for shares), the deadline as years after the seed year and
 * why (in kk, ru and en, or none).
 */
export const demoTargets: {
  kpiId: string;
  value: number;
  yearsAhead: number;
  note: { kk: string; ru: string; en: string };
}[] = [
  {
    kpiId: 'foreign_branches',
    value: 5,
    yearsAhead: 3,
    note: t(
      'Национальная цель: не менее пяти филиалов ведущих зарубежных вузов',
      'Ұлттық мақсат: жетекші шетелдік жоғары оқу орындарының кемінде бес филиалы',
      'National goal: at least five branches of leading foreign universities',
    ),
  },
  {
    kpiId: 'foreign_branches',
    value: 2,
    yearsAhead: 1,
    note: t(
      'Филиал Брунеля открыт к следующему учебному году',
      'Брунель филиалы келесі оқу жылына қарай ашылады',
      'The Brunel branch opens by the next academic year',
    ),
  },
  { kpiId: 'joint_programmes', value: 6, yearsAhead: 2, note: none },
  {
    kpiId: 'ppp_investment',
    value: 3_000_000_000_00,
    yearsAhead: 2,
    note: t(
      'Программа развития: 3 млрд тенге средств ГЧП',
      'Даму бағдарламасы: МЖӘ қаражаты 3 млрд теңге',
      'Development programme: 3 billion tenge of public-private partnership funds',
    ),
  },
  { kpiId: 'state_investment', value: 1_500_000_000_00, yearsAhead: 2, note: none },
  { kpiId: 'students_in_practice', value: 800, yearsAhead: 1, note: none },
  { kpiId: 'students_in_dual_education', value: 150, yearsAhead: 2, note: none },
  { kpiId: 'placement_rate', value: 0.95, yearsAhead: 1, note: none },
  { kpiId: 'hire_rate', value: 0.3, yearsAhead: 2, note: none },
  { kpiId: 'lab_utilisation', value: 0.6, yearsAhead: 1, note: none },
  { kpiId: 'equipment_utilisation', value: 0.5, yearsAhead: 1, note: none },
];

/** A milestone: its owner by demo email, its due date (absolute or relative) and its state. */
interface DemoMilestone {
  title: { kk: string; ru: string; en: string };
  owner: string;
  dueOn: string;
  status: 'pending' | 'in_progress' | 'done' | 'cancelled';
  completedOn?: string;
  evidence?: { label: { kk: string; ru: string; en: string }; url: string }[];
}

/** A project with its partner (short name), agreement (number) and milestones. */
interface DemoProject {
  kind: ProjectKind;
  name: { kk: string; ru: string; en: string };
  partner: string;
  agreement: string;
  status: ProjectStatus;
  startsOn: string;
  endsOn: string | null;
  description: { kk: string; ru: string; en: string };
  milestones: DemoMilestone[];
}

const ADMIN = 'admin@demo.kadr.kz';
const COORDINATOR = 'coordinator@demo.kadr.kz';
const OFFICER = 'officer@demo.kadr.kz';

export const demoProjects: DemoProject[] = [
  {
    kind: 'branch',
    name: t('Филиал UPV: развитие', 'UPV филиалы: дамыту', 'UPV branch campus: growth'),
    partner: 'UPV',
    agreement: 'FB-2025-UPV',
    status: 'active',
    startsOn: '2025-01-20',
    endsOn: '+900',
    description: t(
      'Филиал Политехнического университета Валенсии: лицензия, наборы, аккредитация программ.',
      'Валенсия политехникалық университетінің филиалы: лицензия, қабылдау, бағдарламаларды аккредиттеу.',
      'Branch campus of the Polytechnic University of Valencia: licence, intakes, programme accreditation.',
    ),
    milestones: [
      {
        title: t('Лицензия филиала', 'Филиалдың лицензиясы', 'Branch campus licence'),
        owner: ADMIN,
        dueOn: '2025-09-01',
        status: 'done',
        completedOn: '2025-08-10',
        evidence: [
          {
            label: t(
              'Лицензия МНВО',
              'ҒЖБМ лицензиясы',
              'Licence of the Ministry of Science and Higher Education',
            ),
            url: 'https://www.gov.kz/memleket/entities/sci',
          },
        ],
      },
      {
        title: t('Первый набор: 48 студентов', 'Бірінші қабылдау: 48 студент', 'First intake: 48 students'),
        owner: OFFICER,
        dueOn: '2025-09-01',
        status: 'done',
        completedOn: '2025-09-01',
      },
      {
        title: t(
          'Аккредитация программы «Химическая технология»',
          '«Химиялық технология» бағдарламасын аккредиттеу',
          'Accreditation of the Chemical Technology programme',
        ),
        owner: COORDINATOR,
        dueOn: '-20',
        status: 'in_progress',
      },
      {
        title: t('Второй набор', 'Екінші қабылдау', 'Second intake'),
        owner: OFFICER,
        dueOn: '+270',
        status: 'pending',
      },
    ],
  },
  {
    kind: 'branch',
    name: t(
      'Филиал Университета Брунеля',
      'Брунель университетінің филиалы',
      'Brunel University branch campus',
    ),
    partner: 'Brunel',
    agreement: 'FB-2027-BRUNEL',
    status: 'planned',
    startsOn: '-120',
    endsOn: '+600',
    description: t(
      'Подготовка соглашения о филиале и согласование с министерством.',
      'Филиал туралы келісімді дайындау және министрлікпен келісу.',
      'Preparing the branch campus agreement and its approval by the ministry.',
    ),
    milestones: [
      {
        title: t(
          'Согласовать проект соглашения о филиале',
          'Филиал туралы келісімнің жобасын келісу',
          'Agree the draft branch campus agreement',
        ),
        owner: ADMIN,
        dueOn: '-12',
        status: 'in_progress',
      },
      {
        title: t('Одобрение министерства', 'Министрліктің мақұлдауы', 'Ministry approval'),
        owner: ADMIN,
        dueOn: '+120',
        status: 'pending',
      },
      {
        title: t('Подбор преподавателей', 'Оқытушыларды іріктеу', 'Recruiting the teaching staff'),
        owner: COORDINATOR,
        dueOn: '+300',
        status: 'pending',
      },
    ],
  },
  {
    kind: 'joint_programme',
    name: t(
      'Двойной диплом с Лундом: устойчивая энергетика',
      'Лундпен қос диплом: тұрақты энергетика',
      'Double degree with Lund: sustainable energy',
    ),
    partner: 'Lund',
    agreement: 'JP-2021-LUND',
    status: 'active',
    startsOn: '2021-06-01',
    endsOn: null,
    description: t(
      'Переход совместной программы на двойной диплом.',
      'Бірлескен бағдарламаны қос дипломға көшіру.',
      'Moving the joint programme to a double degree.',
    ),
    milestones: [
      {
        title: t(
          'Заседание совместного учебного комитета',
          'Бірлескен оқу комитетінің отырысы',
          'Meeting of the joint academic committee',
        ),
        owner: COORDINATOR,
        dueOn: '-60',
        status: 'done',
        completedOn: '-62',
        evidence: [
          {
            label: t(
              'Протокол заседания комитета',
              'Комитет отырысының хаттамасы',
              'Minutes of the committee meeting',
            ),
            url: 'https://www.lunduniversity.lu.se/',
          },
        ],
      },
      {
        title: t(
          'Таблица перезачёта кредитов',
          'Кредиттерді қайта есепке алу кестесі',
          'Credit transfer table',
        ),
        owner: COORDINATOR,
        dueOn: '-5',
        status: 'pending',
      },
      {
        title: t(
          'Аккредитация программы двойного диплома',
          'Қос диплом бағдарламасын аккредиттеу',
          'Accreditation of the double degree programme',
        ),
        owner: OFFICER,
        dueOn: '+180',
        status: 'pending',
      },
    ],
  },
];
