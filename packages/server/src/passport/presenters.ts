import type { DisciplineRef, Passport, PassportCompetency, PassportEvidence } from '@kadr/contracts';
import type { PassportEvidence as ComputedEvidence } from '@kadr/core';
import type { VersionCatalogue, VersionFacts } from '@kadr/db';
import type { StudentPassport } from './passport-compute.ts';

/** Looks up the catalogue's disciplines and competencies by id. */
export function catalogueIndex(catalogue: VersionCatalogue) {
  const disciplines = new Map<number, DisciplineRef>(catalogue.disciplines.map((d) => [d.id, d]));
  const competencies = new Map(catalogue.competencies.map((c) => [c.id, c]));
  return {
    discipline: (id: number) => disciplines.get(id)!,
    competency: (id: number) => competencies.get(id)!,
  };
}

function presentEvidence(
  piece: ComputedEvidence,
  index: ReturnType<typeof catalogueIndex>,
): PassportEvidence {
  const { disciplineId, ...rest } = piece;
  return { ...rest, discipline: disciplineId === null ? null : index.discipline(disciplineId) };
}

/** The passport as the API answers it: competencies by code, with their names and disciplines. */
export function presentPassport(
  computed: StudentPassport,
  version: VersionFacts,
  catalogue: VersionCatalogue,
  generatedAt: Date,
): Passport {
  const index = catalogueIndex(catalogue);
  const { enrolment, passport, gpa } = computed;
  const competencies = passport.competencies
    .map(
      (c): PassportCompetency => ({
        competency: index.competency(c.competencyId),
        targetLevel: c.targetLevel,
        level: c.level,
        progress: c.progress,
        evidence: c.evidence.map((piece) => presentEvidence(piece, index)),
        planned: c.plannedDisciplineIds.map(index.discipline),
      }),
    )
    .sort(
      (a, b) =>
        a.competency.code.localeCompare(b.competency.code, 'en', { numeric: true }) ||
        a.competency.id - b.competency.id,
    );
  return {
    student: { id: enrolment.studentId, fullName: enrolment.fullName },
    enrolment: {
      id: enrolment.enrolmentId,
      admissionYear: enrolment.admissionYear,
      status: enrolment.status,
    },
    version,
    gpa,
    generatedAt: generatedAt.toISOString(),
    summary: passport.summary,
    competencies,
  };
}
