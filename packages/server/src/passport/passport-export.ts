/** The open JSON export of a passport (contracts' passportExportSchema; docs/passport.md says where it departs). */
import {
  type CompetencyProgress,
  type Names,
  PASSPORT_EXPORT_CONTEXT,
  PASSPORT_SCHEMA_PATH,
  type Passport,
  type PassportEvidence,
  type PassportExport,
} from '@kadr/contracts';
import { type PassportLabels, passportLabels } from './passport-i18n.ts';

const STATUS: Record<
  CompetencyProgress,
  PassportExport['credentialSubject']['achievements'][number]['result']['status']
> = {
  reached: 'Completed',
  'in-progress': 'InProgress',
  'not-started': 'Enrolled',
};

/** One line describing a piece of evidence, in English (the export's narrative language). */
export function evidenceNarrative(piece: PassportEvidence, t: PassportLabels): string {
  const parts = [t.kinds[piece.kind], piece.date];
  if (piece.points !== null)
    parts.push(`${piece.letter} (${piece.points} ${t.points}), ${t.attempt} ${piece.attempt}`);
  if (piece.hours !== null) parts.push(`${piece.hours} ${t.hours}`);
  if (piece.assessor) parts.push(piece.assessor);
  if (!piece.counts) parts.push(t.notCounted);
  return parts.join(' · ');
}

function evidenceName(piece: PassportEvidence): string {
  return piece.discipline
    ? `${piece.discipline.code} ${piece.discipline.name.en || piece.discipline.name.ru}`
    : piece.title;
}

/**
 * The export of a passport, issued by `issuer` (the home university). `origin` is the server's address, for the
 * schema's URL.
 */
export function exportPassport(
  passport: Passport,
  issuer: { id: number; name: Names },
  origin: string,
): PassportExport {
  const t = passportLabels.en;
  return {
    '@context': [...PASSPORT_EXPORT_CONTEXT],
    id: `urn:kadr:passport:${passport.student.id}:${passport.generatedAt}`,
    type: ['VerifiableCredential', 'KadrCompetencyPassport'],
    issuer: { id: `urn:kadr:organisation:${issuer.id}`, type: ['Profile'], name: issuer.name },
    validFrom: passport.generatedAt,
    name: { kk: passportLabels.kk.title, ru: passportLabels.ru.title, en: t.title },
    credentialSchema: [{ id: `${origin}${PASSPORT_SCHEMA_PATH}`, type: 'JsonSchema' }],
    credentialSubject: {
      id: `urn:kadr:student:${passport.student.id}`,
      type: ['AchievementSubject'],
      name: passport.student.fullName,
      programme: {
        code: passport.version.programme.code,
        name: passport.version.programme.name,
        version: passport.version.number,
        admissionYear: passport.enrolment.admissionYear,
      },
      gpa: passport.gpa,
      achievements: passport.competencies.map((c) => ({
        id: `urn:kadr:competency:${c.competency.id}`,
        type: ['Achievement'],
        achievementType: 'Competency',
        name: c.competency.name,
        competencyType: c.competency.type,
        criteria: { narrative: t.criteria(c.targetLevel) },
        alignment: [
          {
            type: ['Alignment'],
            targetName: c.competency.name.en || c.competency.name.ru || c.competency.name.kk,
            targetUrl: c.competency.uri || `urn:kadr:competency:${c.competency.id}`,
            targetCode: c.competency.code,
            targetFramework: c.competency.frameworkCode,
            targetType: 'ceasn:Competency',
          },
        ],
        result: {
          type: ['Result'],
          status: STATUS[c.progress],
          achievedLevel: c.level,
          targetLevel: c.targetLevel,
        },
        evidence: c.evidence.map((piece) => ({
          type: ['Evidence'],
          name: evidenceName(piece),
          narrative: evidenceNarrative(piece, t),
          genre: piece.kind,
          date: piece.date,
          level: piece.level,
          counts: piece.counts,
        })),
      })),
    },
  };
}
