/**
 * Computes passports from the database: reads a version's catalogue once, then the results, lab sessions and
 * assessed evidence of a batch of students, and runs the pure `computePassport` for each.
 */
import { computePassport, gradePointAverage, type Passport as ComputedPassport } from '@kadr/core';
import { type Db, type PassportEnrolment, passportRepository, type VersionCatalogue } from '@kadr/db';
import { assessedEvidenceOf, type EvidenceSource } from './evidence-sources.ts';

/** A computed passport with the student's enrolment and GPA. */
export interface StudentPassport {
  enrolment: PassportEnrolment;
  passport: ComputedPassport;
  gpa: number;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** The GPA of the last attempts at the version's disciplines. */
function gpaOf(
  results: readonly { disciplineId: number; attempt: number; gradePoint: number }[],
  credits: Map<number, number>,
) {
  const last = new Map<number, { attempt: number; gradePoint: number }>();
  for (const r of results)
    if ((last.get(r.disciplineId)?.attempt ?? 0) < r.attempt) last.set(r.disciplineId, r);
  return gradePointAverage(
    [...last.entries()].map(([disciplineId, r]) => ({
      credits: credits.get(disciplineId) ?? 0,
      gradePoint: r.gradePoint,
    })),
  );
}

/** Computes the passports of enrolments that are all in the version whose catalogue is given. */
export async function computePassports(
  db: Db,
  catalogue: VersionCatalogue,
  enrolments: readonly PassportEnrolment[],
  sources: readonly EvidenceSource[],
  timeZone: string,
): Promise<StudentPassport[]> {
  const disciplineIds = catalogue.disciplines.map((d) => d.id);
  const credits = new Map(catalogue.disciplines.map((d) => [d.id, d.credits]));
  const outcomes = catalogue.outcomes.flatMap((o) =>
    o.disciplineId === null
      ? []
      : [{ disciplineId: o.disciplineId, competencyId: o.competencyId, targetLevel: o.targetLevel }],
  );
  const studentIds = enrolments.map((e) => e.studentId);
  const userIds = enrolments.flatMap((e) => (e.userId === null ? [] : [e.userId]));
  const results = groupBy(
    await passportRepository.resultsOf(db, studentIds, disciplineIds),
    (r) => r.studentId,
  );
  const sessions = groupBy(
    await passportRepository.labSessionsOf(db, userIds, disciplineIds, timeZone),
    (s) => s.userId,
  );
  const assessed = await assessedEvidenceOf(db, enrolments, sources, timeZone);
  return enrolments.map((enrolment) => {
    const own = results.get(enrolment.studentId) ?? [];
    const passport = computePassport({
      promised: catalogue.promised,
      outcomes,
      results: own,
      labSessions: enrolment.userId === null ? [] : (sessions.get(enrolment.userId) ?? []),
      assessed: assessed.get(enrolment.studentId) ?? [],
    });
    return { enrolment, passport, gpa: gpaOf(own, credits) };
  });
}
