import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  enrolments,
  programmeCompetencies,
  programmes,
  programmeVersions,
  students,
} from '../schema/index.ts';

/** A student's active enrolment, as the placements demo picks its students. */
export interface EnrolledStudentRow {
  studentId: number;
  userId: number | null;
  fullName: string;
  versionId: number;
  programmeId: number;
  admissionYear: number;
}

/** What the placements demo seeder reads of the data seeded before it. */
export const placementsSeedRepository = {
  /** Active enrolments in bachelor programmes, by student id. */
  async activeBachelors(db: Db): Promise<EnrolledStudentRow[]> {
    return db
      .select({
        studentId: students.id,
        userId: students.userId,
        fullName: students.fullName,
        versionId: enrolments.versionId,
        programmeId: programmeVersions.programmeId,
        admissionYear: enrolments.admissionYear,
      })
      .from(enrolments)
      .innerJoin(students, eq(students.id, enrolments.studentId))
      .innerJoin(programmeVersions, eq(programmeVersions.id, enrolments.versionId))
      .innerJoin(programmes, eq(programmes.id, programmeVersions.programmeId))
      .where(and(eq(enrolments.status, 'active'), eq(programmes.level, 'bachelor')))
      .orderBy(asc(students.id));
  },

  /** The first `limit` competencies a version promises, by id. */
  async promisedCompetencyIds(db: Db, versionId: number, limit: number): Promise<number[]> {
    const rows = await db
      .select({ id: programmeCompetencies.competencyId })
      .from(programmeCompetencies)
      .where(eq(programmeCompetencies.versionId, versionId))
      .orderBy(asc(programmeCompetencies.competencyId))
      .limit(limit);
    return rows.map((r) => r.id);
  },
};
