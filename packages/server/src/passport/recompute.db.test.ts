import type { AssessedEvidence } from '@kadr/core';
import { schema } from '@kadr/db';
import { testDatabaseKinds } from '@kadr/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../context.ts';
import { buildOrganisation } from '../test/factories.ts';
import { createBareTestApp, TEST_NOW } from '../testing.ts';
import type { EvidenceSource } from './evidence-sources.ts';
import { passportOfStudent, recomputeVersionPassports } from './passport.service.ts';
import { buildResults, buildStudents, buildVersion } from './passport-test-data.ts';

for (const kind of testDatabaseKinds()) {
  describe(`recomputing the stored passports of a version on ${kind.name}`, () => {
    let t: Awaited<ReturnType<typeof createBareTestApp>>;
    let ctx: ServiceContext;
    let version: Awaited<ReturnType<typeof buildVersion>>;
    let studentIds: number[];
    let moved: number; // enrolled in the version once, now in another one

    beforeAll(async () => {
      t = await createBareTestApp({}, { database: await kind.open() });
      const db = t.database.db;
      ctx = {
        db,
        actor: systemActor('test'),
        requestId: 'test',
        now: () => TEST_NOW,
        timeZone: 'Asia/Almaty',
      };
      await buildOrganisation(db, { kind: 'home_university' });
      version = await buildVersion(db, { disciplines: 6, competencies: 5 });
      studentIds = await buildStudents(db, version.versionId, 30);
      await buildResults(
        db,
        studentIds.flatMap((studentId, s) =>
          version.disciplineIds.slice(0, (s % 6) + 1).map((disciplineId, d) => ({
            studentId,
            disciplineId,
            points: 40 + ((s * 7 + d * 13) % 61),
          })),
        ),
      );
      const other = await buildVersion(db, { disciplines: 2, competencies: 2 });
      moved = (await buildStudents(db, version.versionId, 1, { status: 'withdrawn' }))[0]!;
      await db.insert(schema.enrolments).values({
        studentId: moved,
        versionId: other.versionId,
        admissionYear: 2025,
        enrolledOn: '2025-09-01',
      });
    });
    afterAll(async () => t?.close());

    it('stores the summary of every student whose passport is on the version, as the passport computes it', async () => {
      const outcome = await recomputeVersionPassports(ctx, version.versionId);
      expect(outcome).toEqual({ versionId: version.versionId, students: 30 });
      const stored = await t.database.db.select().from(schema.competencyPassports);
      expect(stored).toHaveLength(30);
      expect(stored.map((row) => row.studentId)).not.toContain(moved);
      for (const studentId of [studentIds[0]!, studentIds[17]!, studentIds[29]!]) {
        const passport = await passportOfStudent(ctx, studentId);
        const row = stored.find((r) => r.studentId === studentId)!;
        expect(row.levels).toEqual(
          Object.fromEntries(passport.competencies.map((c) => [String(c.competency.id), c.level])),
        );
        expect(row.evidenceCount).toBe(passport.summary.evidenceCount);
        expect(row.computedAt.toISOString()).toBe(TEST_NOW.toISOString());
      }
      const audit = await t.database.db.select().from(schema.auditLog);
      expect(audit.filter((a) => a.entity === 'competency_passports')).toHaveLength(1);
    });

    it('takes assessed evidence from the evidence sources and replaces the stored rows', async () => {
      const signOff = (studentId: number): AssessedEvidence => ({
        kind: 'mentor-sign-off',
        ref: `test:${studentId}`,
        competencyId: version.competencyIds[4]!,
        level: 5,
        date: '2026-06-30',
        assessor: 'Mentor',
        title: 'Industrial practice',
      });
      const source: EvidenceSource = {
        name: 'test',
        evidenceOf: async (_db, requests) =>
          new Map(requests.map((r) => [r.studentId, [signOff(r.studentId)]])),
      };
      await recomputeVersionPassports(ctx, version.versionId, [source]);
      const stored = await t.database.db.select().from(schema.competencyPassports);
      expect(stored).toHaveLength(30);
      expect(stored.every((row) => row.levels[String(version.competencyIds[4])] === 5)).toBe(true);
    });

    it('refuses a version that does not exist and writes nothing', async () => {
      await expect(recomputeVersionPassports(ctx, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}
