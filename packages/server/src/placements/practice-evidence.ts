/**
 * The placements' evidence for the passport (docs/passport.md), on the enrolment the placement belongs to:
 * - each competency a mentor assessed on a placement is a `practice-assessment` at the level the mentor confirmed,
 *   dated the day of the assessment;
 * - once the placement is completed, each of those competencies is also a `mentor-sign-off`: the mentor named on
 *   the placement signs the practice off at the level assessed, dated the day of completion (university's zone).
 * A placement recorded before its enrolment was (enrolment null) counts on the passport asked for.
 */
import { type AssessedEvidence, calendarDateOf } from '@kadr/core';
import { type Db, type PracticeEvidenceRow, practiceRepository } from '@kadr/db';
import type { EvidenceRequest, EvidenceSource } from '../passport/evidence-sources.ts';

/** The evidence one assessment gives: the assessment, and the sign-off once the placement is completed. */
export function evidenceOfAssessment(row: PracticeEvidenceRow, timeZone: string): AssessedEvidence[] {
  const title = `${row.organisationShortName}: ${row.offerTitle[row.locale] || row.offerTitle.en}`;
  const pieces: AssessedEvidence[] = [
    {
      kind: 'practice-assessment',
      ref: `placement:${row.placementId}/assessment:${row.assessmentId}`,
      competencyId: row.competencyId,
      level: row.level,
      date: row.assessedOn,
      assessor: row.assessorName,
      title,
    },
  ];
  if (row.completedAt)
    pieces.push({
      kind: 'mentor-sign-off',
      ref: `placement:${row.placementId}/sign-off:${row.competencyId}`,
      competencyId: row.competencyId,
      level: row.level,
      date: calendarDateOf(row.completedAt, timeZone),
      assessor: row.mentorName.trim() || row.assessorName,
      title,
    });
  return pieces;
}

/** The practice assessments and mentor sign-offs of the requested students, on the requested enrolments. */
export const placementEvidenceSource: EvidenceSource = {
  name: 'placements',
  async evidenceOf(db: Db, requests: readonly EvidenceRequest[], timeZone: string) {
    const enrolmentOf = new Map(requests.map((r) => [r.studentId, r.enrolmentId]));
    const rows = await practiceRepository.evidenceOf(db, [...enrolmentOf.keys()]);
    const byStudent = new Map<number, AssessedEvidence[]>();
    for (const row of rows) {
      if (row.enrolmentId !== null && row.enrolmentId !== enrolmentOf.get(row.studentId)) continue;
      const pieces = evidenceOfAssessment(row, timeZone);
      byStudent.set(row.studentId, [...(byStudent.get(row.studentId) ?? []), ...pieces]);
    }
    return byStudent;
  },
};
