/**
 * The evidence interface of the passport (docs/passport.md): capabilities other than the catalogue (the practice
 * placements) hand in practice assessments and mentor sign-offs as `AssessedEvidence` through an `EvidenceSource`.
 * A new source is added to EVIDENCE_SOURCES in code; the passport asks every source for the students it computes.
 */
import type { AssessedEvidence } from '@kadr/core';
import type { Db } from '@kadr/db';
import { placementEvidenceSource } from '../placements/practice-evidence.ts';

/** The enrolment whose evidence is asked for: a source returns only evidence gathered on it. */
export interface EvidenceRequest {
  studentId: number;
  enrolmentId: number;
  versionId: number;
}

/** A supplier of assessed evidence, read in batches (a recompute asks for thousands of students at once). */
export interface EvidenceSource {
  /** A short name, for logs and tests (`placements`). */
  name: string;
  /**
   * The evidence of each requested student, by student id; students without any may be left out.
   * @param timeZone the university's zone (KADR_TIME_ZONE), for the day of an instant
   */
  evidenceOf(
    db: Db,
    requests: readonly EvidenceRequest[],
    timeZone: string,
  ): Promise<Map<number, AssessedEvidence[]>>;
}

/** The sources every passport reads: the mentors' practice assessments and sign-offs of placements (issue 12). */
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [placementEvidenceSource];

/** Gathers the assessed evidence of every request from every source, by student id. */
export async function assessedEvidenceOf(
  db: Db,
  requests: readonly EvidenceRequest[],
  sources: readonly EvidenceSource[],
  timeZone: string,
): Promise<Map<number, AssessedEvidence[]>> {
  const all = new Map<number, AssessedEvidence[]>();
  for (const source of sources) {
    for (const [studentId, pieces] of await source.evidenceOf(db, requests, timeZone))
      all.set(studentId, [...(all.get(studentId) ?? []), ...pieces]);
  }
  return all;
}
