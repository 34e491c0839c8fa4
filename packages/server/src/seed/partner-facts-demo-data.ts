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

/** Contacts at partners (fictitious people). */
export const demoContacts = [
  {
    partner: 'POCR LLP',
    fullName: 'Серік Жақсылықов',
    position: 'Директор по персоналу',
    email: 'hr.director@pocr.demo.kz',
    phone: '+7 7182 39 10 00',
  },
  {
    partner: 'POCR LLP',
    fullName: 'Ольга Мельникова',
    position: 'Главный технолог',
    email: 'o.melnikova@pocr.demo.kz',
    phone: '+7 7182 39 10 25',
  },
  {
    partner: 'ERG',
    fullName: 'Айдос Тұрсынов',
    position: 'Руководитель программ развития персонала',
    email: 'a.tursynov@erg.demo.kz',
    phone: '+7 7172 69 11 00',
  },
  {
    partner: 'ERG',
    fullName: 'Наталья Ли',
    position: 'Менеджер по партнёрству с вузами',
    email: 'n.li@erg.demo.kz',
    phone: '+7 7172 69 11 42',
  },
  {
    partner: 'KAZ Minerals Bozshakol',
    fullName: 'Дәурен Әбенов',
    position: 'Главный энергетик',
    email: 'd.abenov@kazminerals.demo.kz',
    phone: '+7 7187 22 40 10',
  },
  {
    partner: 'KAZ Minerals Bozshakol',
    fullName: 'Sarah Thompson',
    position: 'Graduate programme lead',
    email: 's.thompson@kazminerals.demo.kz',
    phone: '+7 7187 22 40 55',
  },
  {
    partner: 'Nephtechim LTD',
    fullName: 'Бауыржан Омаров',
    position: 'Генеральный директор',
    email: 'b.omarov@nephtechim.demo.kz',
    phone: '+7 7182 55 20 00',
  },
  {
    partner: 'Prommashkomplekt',
    fullName: 'Виктор Шевченко',
    position: 'Начальник цеха, наставник',
    email: 'v.shevchenko@pmk.demo.kz',
    phone: '+7 7187 33 12 12',
  },
  {
    partner: 'Brunel',
    fullName: 'Dr Emily Carter',
    position: 'International partnerships manager',
    email: 'e.carter@brunel.demo.ac.uk',
    phone: '+44 1895 27 40 00',
  },
  {
    partner: 'Lund',
    fullName: 'Prof. Anders Lindqvist',
    position: 'Programme director, energy sciences',
    email: 'a.lindqvist@lund.demo.se',
    phone: '+46 46 222 00 00',
  },
  {
    partner: 'UPV',
    fullName: 'Dra. María José Ferrer',
    position: 'Vicerrectora de internacionalización',
    email: 'mj.ferrer@upv.demo.es',
    phone: '+34 963 87 70 00',
  },
  {
    partner: 'UPV',
    fullName: 'Javier Morales',
    position: 'Branch campus coordinator',
    email: 'j.morales@upv.demo.es',
    phone: '+34 963 87 70 12',
  },
  {
    partner: 'MSHE',
    fullName: 'Гүлнар Сейітова',
    position: 'Департамент высшего образования',
    email: 'g.seitova@edu.demo.gov.kz',
    phone: '+7 7172 74 20 00',
  },
];
