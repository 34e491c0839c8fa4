import type { Locale, Passport, PassportCompetency } from '@kadr/contracts';
import { calendarDateOf } from '@kadr/core';
import { pdfmakeWithFonts } from '../plugins/pdf-fonts.ts';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatNumber } from '../impact/impact-i18n.ts';
import { evidenceNarrative } from './passport-export.ts';
import { nameIn, type PassportLabels, passportLabels } from './passport-i18n.ts';
import { type Attachment, PDF_TYPE } from '../attachment.ts';
import type { ServiceContext } from '../context.ts';
import { passportOfStudent } from './passport.service.ts';

function competencyContent(c: PassportCompetency, t: PassportLabels, lang: Locale): Content[] {
  const heading: Content = {
    text: [
      { text: `${c.competency.code} ${nameIn(c.competency.name, lang)}`, bold: true },
      { text: `  (${t.types[c.competency.type]})`, color: '#555555' },
    ],
    margin: [0, 8, 0, 2],
  };
  const facts: Content = {
    text: `${t.target}: ${c.targetLevel} · ${t.level}: ${c.level} · ${t.progress[c.progress]}`,
    margin: [0, 0, 0, 2],
  };
  const evidence: Content =
    c.evidence.length === 0
      ? { text: t.noEvidence, italics: true, color: '#555555' }
      : {
          ul: c.evidence.map((piece) => {
            const what = piece.discipline
              ? `${piece.discipline.code} ${nameIn(piece.discipline.name, lang)}`
              : piece.title;
            return {
              text: `${what}: ${evidenceNarrative(piece, t)}`,
              color: piece.counts ? '#000000' : '#777777',
            };
          }),
          fontSize: 9,
        };
  const planned: Content[] =
    c.planned.length === 0
      ? []
      : [
          {
            text: `${t.planned}: ${c.planned.map((d) => `${d.code} ${nameIn(d.name, lang)}`).join('; ')}`,
            fontSize: 9,
            color: '#555555',
          },
        ];
  return [heading, facts, evidence, ...planned];
}

/** The pdfmake document of a passport, every word in the reader's language. */
export function passportDocument(passport: Passport, lang: Locale, timeZone: string): TDocumentDefinitions {
  const t = passportLabels[lang];
  const { summary, version } = passport;
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: `${t.title}: ${passport.student.fullName}` },
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    content: [
      { text: t.title, fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      { text: `${t.student}: ${passport.student.fullName}`, fontSize: 13 },
      {
        text: `${t.programme}: ${version.programme.code} ${nameIn(version.programme.name, lang)}, ${t.version} ${version.number}`,
      },
      {
        text: `${t.admission}: ${passport.enrolment.admissionYear} · ${t.gpa}: ${formatNumber(passport.gpa, lang, 2)} · ${t.generated}: ${calendarDateOf(new Date(passport.generatedAt), timeZone)}`,
        margin: [0, 0, 0, 6],
      },
      {
        text: t.summary(summary.reached, summary.promised, summary.evidenceCount),
        bold: true,
        margin: [0, 0, 0, 4],
      },
      ...passport.competencies.flatMap((c) => competencyContent(c, t, lang)),
    ],
  };
}

/** Renders a passport as a PDF (pdfmake 0.3; a document is output once only, STACK.md gotcha 8). */
export async function renderPassportPdf(passport: Passport, lang: Locale, timeZone: string): Promise<Buffer> {
  return pdfmakeWithFonts()
    .createPdf(passportDocument(passport, lang, timeZone))
    .getBuffer();
}

/** A student's passport as a PDF in `query.lang`, for whoever may read it. */
export async function passportPdf(
  ctx: ServiceContext,
  studentId: number,
  query: { lang: Locale },
): Promise<Attachment> {
  const passport = await passportOfStudent(ctx, studentId);
  const body = await renderPassportPdf(passport, query.lang, ctx.timeZone);
  return { body, type: PDF_TYPE, fileName: `passport-${studentId}.pdf` };
}
