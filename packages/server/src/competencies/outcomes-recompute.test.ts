import { schema } from '@kadr/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResults, buildStudents, buildVersion } from '../passport/passport-test-data.ts';
import { buildWorld } from '../test/factories.ts';
import { createBareTestApp } from '../testing.ts';

/**
 * Changing a version's outcomes recomputes the stored passports of its students in the same transaction. A draft
 * takes no students through the API, so the test puts students on a draft directly in the database.
 */
describe('outcomes change → stored passports recomputed', () => {
  let t: Awaited<ReturnType<typeof createBareTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let version: Awaited<ReturnType<typeof buildVersion>>;
  let students: number[];

  beforeAll(async () => {
    t = await createBareTestApp();
    world = await buildWorld(t);
    const db = t.database.db;
    version = await buildVersion(db, { disciplines: 2, competencies: 3, status: 'draft' });
    students = await buildStudents(db, version.versionId, 3);
    await buildResults(
      db,
      students.map((studentId) => ({ studentId, disciplineId: version.disciplineIds[0]!, points: 92 })),
    );
  });
  afterAll(async () => t?.close());

  const put = (level: number, competency = 0) =>
    world.clients.coordinator.request('PUT', `/api/programme-versions/${version.versionId}/outcomes`, {
      promised: version.competencyIds.map((competencyId) => ({ competencyId, targetLevel: 3 })),
      outcomes: [
        {
          disciplineId: version.disciplineIds[0],
          competencyId: version.competencyIds[competency],
          targetLevel: level,
          description: { kk: '', ru: '', en: 'Designs a circuit' },
        },
      ],
    });
  const stored = async () =>
    (await t.database.db.select().from(schema.competencyPassports))
      .filter((row) => students.includes(row.studentId))
      .map((row) => row.levels[String(version.competencyIds[0])]);
  const audits = async () =>
    (await t.database.db.select().from(schema.auditLog)).filter(
      (a) => a.entity === 'competency_passports' && a.entityId === `version:${version.versionId}`,
    ).length;

  it('stores each student’s levels under the new mapping, with one audit record per change', async () => {
    const first = await put(4);
    expect(first.statusCode, first.body).toBe(200);
    expect(await stored()).toEqual([4, 4, 4]);
    expect(await audits()).toBe(1);
    expect((await put(2)).statusCode).toBe(200);
    expect(await stored()).toEqual([2, 2, 2]);
    expect(await audits()).toBe(2);
  });

  it('recomputes nothing when the mapping is the same, and nothing is written when the change is refused', async () => {
    expect((await put(2)).statusCode).toBe(200);
    expect(await audits()).toBe(2);
    const refused = await world.clients.coordinator.request(
      'PUT',
      `/api/programme-versions/${version.versionId}/outcomes`,
      {
        promised: [],
        outcomes: [{ disciplineId: 999_999, competencyId: version.competencyIds[0], targetLevel: 5 }],
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(await stored()).toEqual([2, 2, 2]);
    expect(await audits()).toBe(2);
  });

  it('moves the level to the competency the outcome now maps to', async () => {
    expect((await put(4, 1)).statusCode).toBe(200);
    expect(await stored()).toEqual([0, 0, 0]);
    const levels = (await t.database.db.select().from(schema.competencyPassports)).map(
      (row) => row.levels[String(version.competencyIds[1])],
    );
    expect(levels).toEqual([4, 4, 4]);
  });
});
