/**
 * The tri-partite practice agreement (university, company, student) as a PDF in kk, ru or en, with every term:
 * parties, dates, practice type, location, stipend, dual-education terms, the competencies to be assessed, the
 * supervisor and the mentor. The document holds no instant of its own (no creation date), so the same terms give
 * the same bytes: the SHA-256 a party signs off identifies what it saw.
 */
import { createHash } from 'node:crypto';
import { type Locale, localized, type PracticeType, REGION_NAMES } from '@kadr/contracts';
import type { PlacementCompetencyRecord, PlacementRecord } from '@kadr/db';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatNumber } from '../impact/impact-i18n.ts';
import { pdfmakeWithFonts } from '../plugins/pdf-fonts.ts';

/** What the agreement prints. */
export interface AgreementTerms {
  placement: PlacementRecord;
  university: { kk: string; ru: string; en: string };
  competencies: PlacementCompetencyRecord[];
}

interface AgreementLabels {
  title: string;
  number: string;
  parties: string;
  university: string;
  company: string;
  student: string;
  terms: string;
  practiceType: string;
  period: string;
  location: string;
  stipend: string;
  unpaid: string;
  perMonth: string;
  dual: string;
  enterpriseShare: string;
  mentorPay: string;
  prerequisites: string;
  competencies: string;
  expectedLevel: string;
  noCompetencies: string;
  supervisor: string;
  mentor: string;
  notAssigned: string;
  duties: string;
  universityDuties: string;
  companyDuties: string;
  studentDuties: string;
  signoff: string;
  types: Record<PracticeType, string>;
}

const labels: Record<Locale, AgreementLabels> = {
  kk: {
    title: 'Кәсіптік практика туралы үшжақты шарт',
    number: 'Шарт №',
    parties: 'Тараптар',
    university: 'Университет',
    company: 'Кәсіпорын',
    student: 'Білім алушы',
    terms: 'Практика шарттары',
    practiceType: 'Практика түрі',
    period: 'Мерзімі',
    location: 'Өтетін орны',
    stipend: 'Стипендия',
    unpaid: 'төленбейді',
    perMonth: 'айына',
    dual: 'Дуалды оқыту шарттары',
    enterpriseShare: 'Кәсіпорындағы уақыт үлесі',
    mentorPay: 'Тәлімгерге ай сайынғы төлем',
    prerequisites: 'Алдын ала талаптар',
    competencies: 'Бағаланатын құзыреттер',
    expectedLevel: 'күтілетін деңгей',
    noCompetencies: 'Ұсыныста құзыреттер көрсетілмеген',
    supervisor: 'Университет жетекшісі',
    mentor: 'Кәсіпорын тәлімгері',
    notAssigned: 'тағайындалмаған',
    duties: 'Тараптардың міндеттері',
    universityDuties:
      'Университет практика бағдарламасын береді, жетекші тағайындайды және қорытынды бағаны ұлттық шкала бойынша қояды.',
    companyDuties:
      'Кәсіпорын жұмыс орнын, қауіпсіздік нұсқаулығын және тәлімгерді қамтамасыз етеді, күнделікті растайды және құзыреттерді бағалайды.',
    studentDuties:
      'Білім алушы ішкі тәртіп ережелерін сақтайды, күнделікті жүргізеді және практика бағдарламасын орындайды.',
    signoff:
      'Тараптар шартты Kadr жүйесінде растайды; әр растау осы құжаттың SHA-256 хэшімен бірге сақталады.',
    types: {
      educational: 'Оқу практикасы',
      industrial: 'Өндірістік практика',
      'pre-diploma': 'Диплом алдындағы практика',
      research: 'Ғылыми-зерттеу практикасы',
      dual: 'Дуалды оқыту',
    },
  },
  ru: {
    title: 'Трёхсторонний договор о профессиональной практике',
    number: 'Договор №',
    parties: 'Стороны',
    university: 'Университет',
    company: 'Предприятие',
    student: 'Обучающийся',
    terms: 'Условия практики',
    practiceType: 'Вид практики',
    period: 'Сроки',
    location: 'Место прохождения',
    stipend: 'Стипендия',
    unpaid: 'не выплачивается',
    perMonth: 'в месяц',
    dual: 'Условия дуального обучения',
    enterpriseShare: 'Доля времени на предприятии',
    mentorPay: 'Ежемесячная оплата наставнику',
    prerequisites: 'Предварительные требования',
    competencies: 'Оцениваемые компетенции',
    expectedLevel: 'ожидаемый уровень',
    noCompetencies: 'В предложении компетенции не указаны',
    supervisor: 'Руководитель от университета',
    mentor: 'Наставник от предприятия',
    notAssigned: 'не назначен',
    duties: 'Обязанности сторон',
    universityDuties:
      'Университет выдаёт программу практики, назначает руководителя и выставляет итоговую оценку по национальной шкале.',
    companyDuties:
      'Предприятие предоставляет рабочее место, инструктаж по безопасности и наставника, подтверждает дневник и оценивает компетенции.',
    studentDuties:
      'Обучающийся соблюдает правила внутреннего распорядка, ведёт дневник и выполняет программу практики.',
    signoff:
      'Стороны подтверждают договор в системе Kadr; каждое подтверждение хранится вместе с SHA-256 этого документа.',
    types: {
      educational: 'Учебная практика',
      industrial: 'Производственная практика',
      'pre-diploma': 'Преддипломная практика',
      research: 'Научно-исследовательская практика',
      dual: 'Дуальное обучение',
    },
  },
  en: {
    title: 'Tri-partite agreement on professional practice',
    number: 'Agreement No.',
    parties: 'Parties',
    university: 'University',
    company: 'Company',
    student: 'Student',
    terms: 'Terms of the practice',
    practiceType: 'Practice type',
    period: 'Period',
    location: 'Location',
    stipend: 'Stipend',
    unpaid: 'unpaid',
    perMonth: 'per month',
    dual: 'Dual education terms',
    enterpriseShare: 'Share of time at the company',
    mentorPay: "Mentor's monthly pay",
    prerequisites: 'Prerequisites',
    competencies: 'Competencies to be assessed',
    expectedLevel: 'expected level',
    noCompetencies: 'The offer names no competencies',
    supervisor: 'University supervisor',
    mentor: 'Company mentor',
    notAssigned: 'not assigned',
    duties: 'Duties of the parties',
    universityDuties:
      'The university provides the practice programme, appoints the supervisor and gives the final grade on the national scale.',
    companyDuties:
      'The company provides the workplace, the safety briefing and the mentor, approves the journal and assesses the competencies.',
    studentDuties:
      "The student follows the company's internal rules, keeps the journal and completes the practice programme.",
    signoff:
      'The parties sign off this agreement in Kadr; each sign-off is kept with the SHA-256 of this document.',
    types: {
      educational: 'Educational practice',
      industrial: 'Industrial practice',
      'pre-diploma': 'Pre-diploma practice',
      research: 'Research practice',
      dual: 'Dual education',
    },
  },
};

const DATE_LOCALES: Record<Locale, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/** A calendar day `YYYY-MM-DD` in the reader's language (`07.12.2026` in kk and ru, `7 December 2026` in en). */
export function formatDay(iso: string, lang: Locale): string {
  const [y, m, d] = iso.split('-');
  if (lang !== 'en') return `${d}.${m}.${y}`;
  return new Intl.DateTimeFormat(DATE_LOCALES.en, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** Tenge from tiyn, with the reader's group separators. */
function tenge(tiyn: number, lang: Locale): string {
  return `${formatNumber(tiyn / 100, lang, tiyn % 100 === 0 ? 0 : 2)} ₸`;
}

function row(label: string, value: string): Content {
  return { text: [{ text: `${label}: `, bold: true }, value], margin: [0, 1, 0, 1] };
}

/** The pdfmake document of the agreement, every word in `lang`. */
export function agreementDocument(terms: AgreementTerms, lang: Locale): TDocumentDefinitions {
  const t = labels[lang];
  const { placement: p } = terms;
  const o = p.offer;
  const title = o.title[lang] || o.title.ru || o.title.en || o.title.kk;
  const dual: Content[] =
    o.practiceType === 'dual'
      ? [
          { text: t.dual, bold: true, margin: [0, 6, 0, 2] },
          row(
            t.enterpriseShare,
            o.dualEnterpriseShare === null ? '—' : `${formatNumber(o.dualEnterpriseShare * 100, lang)} %`,
          ),
          row(t.mentorPay, o.mentorPayTiyn === null ? '—' : `${tenge(o.mentorPayTiyn, lang)} ${t.perMonth}`),
        ]
      : [];
  const competencies: Content =
    terms.competencies.length === 0
      ? { text: t.noCompetencies, italics: true }
      : {
          ul: terms.competencies.map(
            (c) => `${c.code} ${c.name[lang] || c.name.en}: ${t.expectedLevel} ${c.expectedLevel}/5`,
          ),
        };
  const person = (who: { name: string; email: string } | null) =>
    who?.name ? `${who.name}${who.email ? ` <${who.email}>` : ''}` : t.notAssigned;
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: `${t.title} ${t.number} P-${p.id}`, producer: 'Kadr', creator: 'Kadr' },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: t.title, fontSize: 16, bold: true, alignment: 'center' },
      { text: `${t.number} P-${p.id}`, alignment: 'center', margin: [0, 2, 0, 10] },
      { text: t.parties, fontSize: 12, bold: true, margin: [0, 4, 0, 2] },
      row(`1. ${t.university}`, terms.university[lang] || terms.university.en),
      row(`2. ${t.company}`, o.organisationName[lang] || o.organisationName.en),
      row(`3. ${t.student}`, p.student.fullName),
      { text: t.terms, fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
      row(t.practiceType, `${t.types[o.practiceType]}: ${title}`),
      row(t.period, `${formatDay(o.startsOn, lang)} — ${formatDay(o.endsOn, lang)}`),
      row(
        t.location,
        [localized(o.location, lang), o.region ? REGION_NAMES[o.region][lang] : '']
          .filter(Boolean)
          .join(', ') || '—',
      ),
      row(t.stipend, o.stipendTiyn === null ? t.unpaid : `${tenge(o.stipendTiyn, lang)} ${t.perMonth}`),
      ...(localized(o.prerequisites, lang) ? [row(t.prerequisites, localized(o.prerequisites, lang))] : []),
      ...dual,
      { text: t.competencies, bold: true, margin: [0, 6, 0, 2] },
      competencies,
      row(
        t.supervisor,
        person(p.supervisor ? { name: p.supervisor.fullName, email: p.supervisor.email } : null),
      ),
      row(t.mentor, person(p.mentor)),
      { text: t.duties, fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
      { ol: [t.universityDuties, t.companyDuties, t.studentDuties] },
      { text: t.signoff, italics: true, margin: [0, 10, 0, 0], color: '#444444' },
    ],
  };
}

/** The agreement as PDF bytes and their SHA-256. */
export interface RenderedAgreement {
  pdf: Buffer;
  sha256: string;
}

/** A fixed creation date: the PDF's bytes depend on its terms only. */
const FIXED_CREATION = new Date('2000-01-01T00:00:00Z');

/** Rendered agreements by the digest of their document definition: the detail page asks for the hash each time. */
const rendered = new Map<string, Promise<RenderedAgreement>>();
const RENDERED_KEPT = 200;

/**
 * Renders the agreement (pdfmake 0.3; a document is output once only, STACK.md gotcha 8). The same definition
 * gives the same bytes, so the last renders are kept by the digest of their definition.
 */
export function renderAgreement(terms: AgreementTerms, lang: Locale): Promise<RenderedAgreement> {
  const definition = agreementDocument(terms, lang);
  definition.info = { ...definition.info, creationDate: FIXED_CREATION };
  const key = createHash('sha256').update(JSON.stringify(definition)).digest('hex');
  const kept = rendered.get(key);
  if (kept) return kept;
  const render = pdfmakeWithFonts()
    .createPdf(definition)
    .getBuffer()
    .then((pdf: Buffer) => ({ pdf, sha256: createHash('sha256').update(pdf).digest('hex') }));
  render.catch(() => rendered.delete(key));
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, render);
  return render;
}
