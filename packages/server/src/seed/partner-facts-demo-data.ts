/** Demo joint programmes, branch statuses and contacts (fictitious people) of the founding partners. */
import type { BranchStatus, DegreeType } from '@kadr/contracts';

const t = (ru: string, kk: string, en: string) => ({ kk, ru, en });

/** A joint programme of the demo, linked by partner short name and agreement number. */
interface DemoJointProgramme {
  partner: string;
  agreement: string;
  name: { kk: string; ru: string; en: string };
  degreeType: DegreeType;
  startYear: number;
}

/** Joint programmes with the foreign partners. */
export const demoJointProgrammes: DemoJointProgramme[] = [
  {
    partner: 'Brunel',
    agreement: 'JP-2019-BRUNEL',
    name: t('Электроэнергетика (MSc)', 'Электр энергетикасы (MSc)', 'Electrical Power Engineering (MSc)'),
    degreeType: 'double',
    startYear: 2019,
  },
  {
    partner: 'Lund',
    agreement: 'JP-2021-LUND',
    name: t('Устойчивая энергетика', 'Тұрақты энергетика', 'Sustainable Energy Engineering'),
    degreeType: 'joint',
    startYear: 2021,
  },
  {
    partner: 'UPV',
    agreement: 'JP-2022-UPV',
    name: t('Промышленная информатика', 'Өнеркәсіптік информатика', 'Industrial Informatics'),
    degreeType: 'double',
    startYear: 2022,
  },
  {
    partner: 'UPV',
    agreement: 'FB-2025-UPV',
    name: t(
      'Химическая технология (филиал UPV)',
      'Химиялық технология (UPV филиалы)',
      'Chemical Engineering (UPV branch)',
    ),
    degreeType: 'single',
    startYear: 2025,
  },
];

/** Branch status of the foreign universities. */
export const demoBranches: { partner: string; status: BranchStatus; note: string }[] = [
  { partner: 'UPV', status: 'open', note: 'Филиал открыт в 2025 году, первый набор 48 студентов' },
  { partner: 'Brunel', status: 'planned', note: 'Проект соглашения о филиале на согласовании' },
];

/** Contacts at partners (fictitious people), each position in kk, ru and en (they were Russian, English or Spanish). */
export const demoContacts = [
  {
    partner: 'POCR LLP',
    fullName: 'Серік Жақсылықов',
    position: { kk: 'Персонал жөніндегі директор', ru: 'Директор по персоналу', en: 'HR director' },
    email: 'hr.director@pocr.demo.kz',
    phone: '+7 7182 39 10 00',
  },
  {
    partner: 'POCR LLP',
    fullName: 'Ольга Мельникова',
    position: { kk: 'Бас технолог', ru: 'Главный технолог', en: 'Chief process engineer' },
    email: 'o.melnikova@pocr.demo.kz',
    phone: '+7 7182 39 10 25',
  },
  {
    partner: 'ERG',
    fullName: 'Айдос Тұрсынов',
    position: {
      kk: 'Персоналды дамыту бағдарламаларының жетекшісі',
      ru: 'Руководитель программ развития персонала',
      en: 'Head of staff development programmes',
    },
    email: 'a.tursynov@erg.demo.kz',
    phone: '+7 7172 69 11 00',
  },
  {
    partner: 'ERG',
    fullName: 'Наталья Ли',
    position: {
      kk: 'Жоғары оқу орындарымен серіктестік жөніндегі менеджер',
      ru: 'Менеджер по партнёрству с вузами',
      en: 'University partnerships manager',
    },
    email: 'n.li@erg.demo.kz',
    phone: '+7 7172 69 11 42',
  },
  {
    partner: 'KAZ Minerals Bozshakol',
    fullName: 'Дәурен Әбенов',
    position: { kk: 'Бас энергетик', ru: 'Главный энергетик', en: 'Chief power engineer' },
    email: 'd.abenov@kazminerals.demo.kz',
    phone: '+7 7187 22 40 10',
  },
  {
    partner: 'KAZ Minerals Bozshakol',
    fullName: 'Sarah Thompson',
    position: {
      kk: 'Түлектерге арналған бағдарламаның жетекшісі',
      ru: 'Руководитель программы для выпускников',
      en: 'Graduate programme lead',
    },
    email: 's.thompson@kazminerals.demo.kz',
    phone: '+7 7187 22 40 55',
  },
  {
    partner: 'Nephtechim LTD',
    fullName: 'Бауыржан Омаров',
    position: { kk: 'Бас директор', ru: 'Генеральный директор', en: 'General director' },
    email: 'b.omarov@nephtechim.demo.kz',
    phone: '+7 7182 55 20 00',
  },
  {
    partner: 'Prommashkomplekt',
    fullName: 'Виктор Шевченко',
    position: { kk: 'Цех бастығы, тәлімгер', ru: 'Начальник цеха, наставник', en: 'Shop manager and mentor' },
    email: 'v.shevchenko@pmk.demo.kz',
    phone: '+7 7187 33 12 12',
  },
  {
    partner: 'Brunel',
    fullName: 'Dr Emily Carter',
    position: {
      kk: 'Халықаралық серіктестік жөніндегі менеджер',
      ru: 'Менеджер по международному партнёрству',
      en: 'International partnerships manager',
    },
    email: 'e.carter@brunel.demo.ac.uk',
    phone: '+44 1895 27 40 00',
  },
  {
    partner: 'Lund',
    fullName: 'Prof. Anders Lindqvist',
    position: {
      kk: 'Энергетика ғылымдары бағдарламасының директоры',
      ru: 'Директор программы энергетических наук',
      en: 'Programme director, energy sciences',
    },
    email: 'a.lindqvist@lund.demo.se',
    phone: '+46 46 222 00 00',
  },
  {
    partner: 'UPV',
    fullName: 'Dra. María José Ferrer',
    position: {
      kk: 'Интернационалдандыру жөніндегі проректор',
      ru: 'Проректор по интернационализации',
      en: 'Vice-rector for internationalisation',
    },
    email: 'mj.ferrer@upv.demo.es',
    phone: '+34 963 87 70 00',
  },
  {
    partner: 'UPV',
    fullName: 'Javier Morales',
    position: { kk: 'Филиал үйлестірушісі', ru: 'Координатор филиала', en: 'Branch campus coordinator' },
    email: 'j.morales@upv.demo.es',
    phone: '+34 963 87 70 12',
  },
  {
    partner: 'MSHE',
    fullName: 'Гүлнар Сейітова',
    position: {
      kk: 'Жоғары білім департаменті',
      ru: 'Департамент высшего образования',
      en: 'Higher education department',
    },
    email: 'g.seitova@edu.demo.gov.kz',
    phone: '+7 7172 74 20 00',
  },
];
