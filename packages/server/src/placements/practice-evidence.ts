/**
 * The placements' evidence for the passport (docs/passport.md): each competency a mentor assessed on a placement is
 * a `practice-assessment` at the level the mentor confirmed, dated the day of the assessment.
 */
import type { AssessedEvidence } from '@kadr/core';
import { type Db, practiceRepository } from '@kadr/db';
import type { EvidenceRequest, EvidenceSource } from '../passport/evidence-sources.ts';

/** The practice assessments of the requested students. */
export const placementEvidenceSource: EvidenceSource = {
  name: 'placements',
  async evidenceOf(db: Db, requests: readonly EvidenceRequest[]) {
    const rows = await practiceRepository.evidenceOf(
      db,
      requests.map((r) => r.studentId),
    );
    const byStudent = new Map<number, AssessedEvidence[]>();
    for (const row of rows) {
      const piece: AssessedEvidence = {
        kind: 'practice-assessment',
        ref: `placement:${row.placementId}/assessment:${row.assessmentId}`,
        competencyId: row.competencyId,
        level: row.level,
        date: row.assessedOn,
        assessor: row.assessorName,
        title: `${row.organisationShortName}: ${row.offerTitle[row.locale] || row.offerTitle.en}`,
      };
      byStudent.set(row.studentId, [...(byStudent.get(row.studentId) ?? []), piece]);
    }
    return byStudent;
  },
};
